// allocate(gbp, doubles) must not compile, and says why: weights are whole numbers or amounts
// expect: allocation weights are whole numbers \(counts, shares, pence\) or amounts of money, never floating point
#include <bmm/allocate.hpp>
#include <cstdint>
#include <vector>
void rule() {
    const auto amount = bmm::gbp::parse("100.00");
    (void)bmm::allocate(amount, std::vector<std::int64_t>{700, 300});  // the legal twin
#ifdef BMM_COMPILE_FAIL
    (void)bmm::allocate(amount, std::vector<double>{0.7, 0.3});  // the forbidden line
#endif
}
