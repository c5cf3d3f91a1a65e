// money * double must not compile: floating point loses pennies
// expect: floating point loses pennies|use of deleted function|selected deleted operator
#include <bmm/money.hpp>
void rule() {
    auto a = bmm::gbp::parse("2.00");
    (void)(a * bmm::ratio(3, 2));  // the legal twin: this must compile
#ifdef BMM_COMPILE_FAIL
    (void)(a * 1.5);  // the forbidden line
#endif
}
