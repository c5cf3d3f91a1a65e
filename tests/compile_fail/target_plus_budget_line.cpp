// a measure's target added to a budget line must not compile: they are different things
// expect: no match for .*operator\+|invalid operands to binary expression
#include <bmm/target.hpp>
#include <bmm/variance.hpp>
void rule() {
    const auto t = bmm::target::parse("1.0%");
    const bmm::budget_line<bmm::currency::gbp> line{
        "Resources", bmm::gbp::from_millions("69.7"), bmm::gbp::from_millions("71.3"), {}};
    (void)(line.variance_ratio() > bmm::ratio::from_decimal(t.low()) / bmm::ratio(100));  // twin
#ifdef BMM_COMPILE_FAIL
    (void)(line + t);  // the forbidden line
#endif
}
