// sys_days + sys_days must not compile: two dates cannot be added
// expect: no match for [^ ]*operator\+|invalid operands to binary expression
#include <bmm/period.hpp>
void rule() {
    auto a = date::sys_days{bmm::fiscal_year<>{2023}.first_day()};
    auto b = date::sys_days{bmm::fiscal_year<>{2023}.last_day()};
    (void)(a + (b - a));  // the legal twin: this must compile
#ifdef BMM_COMPILE_FAIL
    (void)(a + b);  // the forbidden line
#endif
}
