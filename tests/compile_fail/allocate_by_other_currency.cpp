// allocate(eur, weights in gbp) must not compile: amounts of another currency are no weights
// expect: allocate in proportion to amounts of the same currency
#include <bmm/allocate.hpp>
#include <vector>
void rule() {
    const auto amount = bmm::eur::parse("100.00");
    (void)bmm::allocate(amount, std::vector<bmm::eur>{bmm::eur::parse("1.00")});  // the twin
#ifdef BMM_COMPILE_FAIL
    (void)bmm::allocate(amount, std::vector<bmm::gbp>{bmm::gbp::parse("1.00")});  // forbidden
#endif
}
