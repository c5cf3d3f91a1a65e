// money + ratio must not compile: a ratio is not an amount
// expect: no match for [^ ]*operator\+|invalid operands to binary expression
#include <bmm/money.hpp>
void rule() {
    auto a = bmm::gbp::parse("2.00");
    auto r = bmm::ratio::parse("2.5%");
    (void)((a * r).round(bmm::rounding_mode::half_even));  // the legal twin: this must compile
#ifdef BMM_COMPILE_FAIL
    (void)(a + r);  // the forbidden line
#endif
}
