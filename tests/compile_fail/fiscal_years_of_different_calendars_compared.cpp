// fiscal_year<4> == fiscal_year<7> must not compile: calendars with different starts never mix
// expect: no match for [^ ]*operator==|invalid operands to binary expression
#include <bmm/period.hpp>
void rule() {
    bmm::fiscal_year<4> april{2023};
    bmm::fiscal_year<7> july{2023};
    (void)(april ==
           bmm::fiscal_year<4>::containing(july.first_day()));  // the legal twin: this must compile
#ifdef BMM_COMPILE_FAIL
    (void)(april == july);  // the forbidden line
#endif
}
