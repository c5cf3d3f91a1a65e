// a measure's target plus an amount must not compile: a target is not money
// expect: no match for .*operator\+|invalid operands to binary expression
#include <bmm/money.hpp>
#include <bmm/target.hpp>
void rule() {
    const auto t = bmm::target::parse(
        "\xC2\xA3"
        "300,000");
    const auto a = bmm::gbp::parse("439343.00");
    (void)(bmm::gbp::from_decimal(t.low()) + a);  // the legal twin
#ifdef BMM_COMPILE_FAIL
    (void)(t + a);  // the forbidden line
#endif
}
