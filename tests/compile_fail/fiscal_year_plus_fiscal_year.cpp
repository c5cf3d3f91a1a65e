// fiscal_year + fiscal_year must not compile: two years cannot be added, only a year and a duration
// expect: no match for [^ ]*operator\+|invalid operands to binary expression
#include <bmm/period.hpp>
void rule() {
    bmm::fiscal_year<> a{2023}, b{2024};
    (void)(a + (b - a));  // the legal twin: this must compile
#ifdef BMM_COMPILE_FAIL
    (void)(a + b);  // the forbidden line
#endif
}
