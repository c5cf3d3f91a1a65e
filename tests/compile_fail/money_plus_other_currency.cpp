// gbp + eur must not compile: pounds and euros cannot be added
// expect: no match for [^ ]*operator\+|invalid operands to binary expression
#include <bmm/money.hpp>
void rule() {
    auto a = bmm::gbp::parse("1.00");
    auto b = bmm::eur::parse("1.00");
    (void)b;
    (void)(a + a);  // the legal twin: this must compile
#ifdef BMM_COMPILE_FAIL
    (void)(a + b);  // the forbidden line
#endif
}
