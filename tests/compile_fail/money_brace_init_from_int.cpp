// gbp{5} must not compile: a bare number has no unit (pence? pounds? £000?)
// expect: no matching function for call to [^ ]*bmm::money<bmm::currency::gbp>::money\(|no matching constructor for initialization of [^ ]*bmm::gbp
#include <bmm/money.hpp>
void rule() {
    bmm::gbp legal = bmm::pence(5);  // the legal twin: this must compile
    (void)legal;
#ifdef BMM_COMPILE_FAIL
    bmm::gbp b{5};  // the forbidden line
    (void)b;
#endif
}
