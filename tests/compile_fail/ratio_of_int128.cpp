// ratio(n, d) with __int128 must not compile: a numerator wider than 64 bits would be truncated
// expect: ratio\(n, d\) takes integers of at most 64 bits
// extensions: ON
#include <bmm/ratio.hpp>
__extension__ typedef __int128 wide;
void rule() {
    (void)bmm::ratio(std::int64_t{3}, std::int64_t{4});  // the legal twin: this must compile
#ifdef BMM_COMPILE_FAIL
    (void)bmm::ratio((wide(1) << 64) + 3, std::int64_t{4});  // the forbidden line: read 3/4
#endif
}
