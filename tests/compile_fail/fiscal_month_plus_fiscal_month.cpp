// fiscal_month + fiscal_month must not compile: months are points in time, add date::months
// expect: no match for [^ ]*operator\+|invalid operands to binary expression
#include <bmm/period.hpp>
void rule() {
    auto a = bmm::fiscal_year<>{2023}.month(2);
    auto b = bmm::fiscal_year<>{2023}.month(5);
    (void)(a + (b - a));  // the legal twin: this must compile
#ifdef BMM_COMPILE_FAIL
    (void)(a + b);  // the forbidden line
#endif
}
