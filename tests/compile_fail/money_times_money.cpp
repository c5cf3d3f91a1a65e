// money * money must not compile: the product of two amounts has no meaning
// expect: money \* money has no meaning|use of deleted function|selected deleted operator
#include <bmm/money.hpp>
void rule() {
    auto a = bmm::gbp::parse("2.00");
    (void)(a * 3);  // the legal twin: this must compile
#ifdef BMM_COMPILE_FAIL
    (void)(a * a);  // the forbidden line
#endif
}
