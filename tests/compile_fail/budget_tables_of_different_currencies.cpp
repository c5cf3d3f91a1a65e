// a budget line in euros cannot join a table in pounds
// expect: no matching function|no viable conversion|cannot convert|could not convert
#include <bmm/variance.hpp>
void rule() {
    bmm::budget_table<bmm::currency::gbp> t;
    t.add_line("Resources", bmm::gbp::from_millions("69.7"), bmm::gbp::from_millions("71.3"));
#ifdef BMM_COMPILE_FAIL
    t.add_line("Resources", bmm::eur::from_millions("69.7"), bmm::eur::from_millions("71.3"));
#endif
}
