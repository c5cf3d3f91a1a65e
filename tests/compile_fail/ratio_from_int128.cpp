// ratio(n) with an unsigned __int128 must not compile: a value wider than 64 bits is truncated
// expect: ratio\(n\) takes an integer of at most 64 bits
// extensions: ON
#include <bmm/ratio.hpp>
__extension__ typedef unsigned __int128 wide;
void rule() {
    (void)bmm::ratio(std::int64_t{3});  // the legal twin: this must compile
#ifdef BMM_COMPILE_FAIL
    (void)bmm::ratio(wide(3));  // the forbidden line
#endif
}
