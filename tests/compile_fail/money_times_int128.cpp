// money * __int128 must not compile: a count wider than 64 bits would be truncated (£0.00)
// expect: money \* n takes an integer of at most 64 bits
// extensions: ON
#include <bmm/money.hpp>
__extension__ typedef __int128 wide;
void rule() {
    auto a = bmm::gbp::parse("2.00");
    (void)(a * std::int64_t{3});  // the legal twin: this must compile
    (void)(std::int64_t{3} * a);
#ifdef BMM_COMPILE_FAIL
    (void)(a * (wide(1) << 64));  // the forbidden line: under gnu++17 it read as × 0
#endif
}
