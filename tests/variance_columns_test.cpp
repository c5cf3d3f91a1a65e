// Spec for bmm/variance_columns.hpp: the variance and variance % of whole columns equal
// bmm::variance_percent on every line (every rounding mode, both bases, every tie, the int64
// edges), on both kernel paths; a zero budget has no %, reported per line.
#include <doctest/doctest.h>

#include <bmm/variance_columns.hpp>
// (the header under test comes first)
#include <cstdint>
#include <limits>
#include <optional>
#include <random>
#include <vector>

#include "support/spec.hpp"

namespace {

using bmm::gbp;
using bmm::kernel_path;
using bmm::rounding_mode;
using bmm::variance_basis;

constexpr std::int64_t i64_max = std::numeric_limits<std::int64_t>::max();
constexpr std::int64_t i64_min = std::numeric_limits<std::int64_t>::min();

std::vector<kernel_path> paths() {
    std::vector<kernel_path> p{kernel_path::portable};
    for (kernel_path k : {kernel_path::avx2, kernel_path::avx512}) {
        if (bmm::kernel_path_supported(k)) p.push_back(k);
    }
    return p;
}

/// What the scalar functions say of one line: the %, no % (nullopt), or an overflow (a throw).
struct expected {
    bool throws = false;
    std::optional<bmm::decimal> pct;
};
expected scalar(std::int64_t b, std::int64_t f, int places, rounding_mode mode,
                variance_basis basis) {
    expected e;
    try {
        const gbp v = gbp::from_minor_units(f) - gbp::from_minor_units(b);
        e.pct = bmm::variance_percent(gbp::from_minor_units(b), v, places, mode, basis);
    } catch (const bmm::overflow_error&) {
        e.throws = true;
    }
    return e;
}

struct lines {
    std::vector<gbp> budget, forecast;
    void add(std::int64_t b, std::int64_t f) {
        budget.push_back(gbp::from_minor_units(b));
        forecast.push_back(gbp::from_minor_units(f));
    }
    std::size_t size() const { return budget.size(); }
};

/// Random lines of every magnitude, a third of them exact ties at `places`, and the edges of the
/// fast path (2^40, 2^50, 2^51, 2^62, the int64 ends, zero budgets), in random order within
/// blocks so that fast and exact blocks mix.
lines random_lines(std::size_t n, int places, std::uint64_t seed) {
    lines out;
    std::mt19937_64 rng(seed);
    const std::int64_t scale = [places] {
        std::int64_t s = 1;
        for (int k = 0; k < places + 2; ++k) s *= 10;
        return s;
    }();
    const std::int64_t edges[] = {0,
                                  1,
                                  -1,
                                  2,
                                  7,
                                  (std::int64_t{1} << 40) - 1,
                                  -(std::int64_t{1} << 40),
                                  std::int64_t{1} << 40,
                                  (std::int64_t{1} << 50) + 3,
                                  (std::int64_t{1} << 51) - 1,
                                  -(std::int64_t{1} << 51),
                                  std::int64_t{1} << 51,
                                  -(std::int64_t{1} << 51) - 1,
                                  std::int64_t{1} << 62,
                                  i64_max,
                                  i64_min,
                                  i64_max - 1,
                                  i64_min + 1};
    // |v| · scale < 2^50 inside the fast path: the largest such bit count of v.
    int vbits_inside = 0;
    while (vbits_inside < 50 &&
           (std::int64_t{1} << (vbits_inside + 1)) <= (std::int64_t{1} << 50) / scale) {
        ++vbits_inside;
    }
    for (std::size_t k = 0; k < n; ++k) {
        // Even blocks of 256 lines stay inside the fast path's bounds, odd ones have any line.
        const bool inside = (k / 256) % 2 == 0 && scale <= (std::int64_t{1} << 50);
        unsigned kind = static_cast<unsigned>(rng() % 16);
        if (inside && kind < 2) kind = 2;
        if (inside && kind >= 8) kind = 16;
        std::int64_t b = 0, f = 0;
        if (kind == 0) {  // an edge against an edge
            b = edges[rng() % std::size(edges)];
            f = edges[rng() % std::size(edges)];
        } else if (kind == 1) {  // an edge against a small figure
            b = edges[rng() % std::size(edges)];
            const std::int64_t off = static_cast<std::int64_t>(rng() % 2001) - 1000;
            if (__builtin_add_overflow(b, off, &f)) f = b;  // beyond int64: the edge itself
        } else if (kind == 2) {                             // a zero budget
            f = static_cast<std::int64_t>(rng() >> 20) - (std::int64_t{1} << 43);
            if (inside) f = static_cast<std::int64_t>(rng() % 3) - 1;
        } else if (kind < 8) {  // an exact tie: b = 2·scale·m, v = (2q + 1)·m gives q + 1/2
            const std::int64_t most = scale <= 1'000'000'000'000 ? 100'000 : 20;
            const auto m = static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(most)) + 1;
            const auto q = static_cast<std::int64_t>(rng() % 4001) - 2000;
            b = (rng() % 2 ? 2 : -2) * scale * m;
            f = b + (2 * q + 1) * m;
            if (inside && (b >= (std::int64_t{1} << 50) || b <= -(std::int64_t{1} << 50) ||
                           (2 * q + 1) * m * scale >= (std::int64_t{1} << 50) ||
                           (2 * q + 1) * m * scale <= -(std::int64_t{1} << 50))) {
                b = 2 * scale;  // a smaller tie
                f = b + (q % 2 == 0 ? 1 : -1);
                if (f - b > 0 ? (f - b) * scale >= (std::int64_t{1} << 50) : false) f = b;
            }
        } else if (kind == 16) {  // inside: |b| < 2^50, |v| < 2^vbits_inside
            const int bits = static_cast<int>(rng() % 50) + 1;
            const int vbits = static_cast<int>(rng() % static_cast<unsigned>(vbits_inside + 1));
            b = static_cast<std::int64_t>(rng() >> (64 - bits));
            std::int64_t v = vbits == 0 ? 0 : static_cast<std::int64_t>(rng() >> (64 - vbits));
            if (rng() % 2) b = -b;
            if (rng() % 2) v = -v;
            f = b + v;
        } else {  // any magnitude
            const int bits = static_cast<int>(rng() % 62) + 1;
            const int vbits = static_cast<int>(rng() % 62) + 1;
            b = static_cast<std::int64_t>(rng() >> (64 - bits));
            std::int64_t v = static_cast<std::int64_t>(rng() >> (64 - vbits));
            if (rng() % 2) b = -b;
            if (rng() % 2) v = -v;
            f = b + v;  // |b|, |v| < 2^62: no overflow
        }
        out.add(b, f);
    }
    return out;
}

/// Checks the columnar % against the scalar on every line, leaving out lines where the scalar
/// throws (those are checked one by one: the column must throw too). Returns: lines compared.
std::size_t check_against_scalar(const lines& all, int places, rounding_mode mode,
                                 variance_basis basis, kernel_path path) {
    lines ok;
    std::vector<expected> want;
    for (std::size_t i = 0; i < all.size(); ++i) {
        const std::int64_t b = all.budget[i].in_minor_units(), f = all.forecast[i].in_minor_units();
        expected e = scalar(b, f, places, mode, basis);
        if (e.throws) {
            lines one;
            one.add(b, f);
            std::vector<std::int64_t> u(1);
            std::vector<std::uint8_t> h(1);
            CHECK_THROWS_AS(bmm::variance_percents<bmm::currency::gbp>(
                                one.budget, one.forecast, places, mode, basis, u, h, path),
                            bmm::overflow_error);
            continue;
        }
        ok.add(b, f);
        want.push_back(e);
    }
    std::vector<std::int64_t> units(ok.size(), -7);
    std::vector<std::uint8_t> has(ok.size(), 9);
    const bmm::percent_column pct = bmm::variance_percents<bmm::currency::gbp>(
        ok.budget, ok.forecast, places, mode, basis, units, has, path);
    std::size_t wrong = 0, missing = 0;
    for (std::size_t i = 0; i < ok.size(); ++i) {
        missing += !want[i].pct;
        const std::optional<bmm::decimal> got = pct[i];
        const bool same =
            got.has_value() == want[i].pct.has_value() &&
            (!got || (got->units() == want[i].pct->units() && got->places() == places)) &&
            (want[i].pct || (has[i] == 0 && units[i] == 0));
        if (!same && wrong++ < 5) {
            MESSAGE("line b=" << ok.budget[i].in_minor_units() << " f="
                              << ok.forecast[i].in_minor_units() << " places " << places << " mode "
                              << bmm::to_string(mode) << " path " << bmm::to_string(path));
        }
    }
    CHECK(wrong == 0);
    CHECK(pct.missing() == missing);
    CHECK(pct.size() == ok.size());
    return ok.size();
}

}  // namespace

TEST_CASE("the columnar variance % equals the scalar one on every line, mode, basis and path") {
    for (kernel_path path : paths()) {
        for (int places : {1, 0, 2, 4}) {
            const lines data = random_lines(places == 1 ? 60'000 : 12'000, places,
                                            static_cast<std::uint64_t>(places) + 11);
            for (rounding_mode mode : bmm_test::all_rounding_modes) {
                for (variance_basis basis :
                     {variance_basis::magnitude, variance_basis::signed_budget}) {
                    CHECK(check_against_scalar(data, places, mode, basis, path) > 0);
                }
            }
        }
    }
}

TEST_CASE("the property data takes the fast path in half its blocks (so both paths are compared)") {
    for (int places : {0, 1, 2, 4, 12}) {
        const lines data = random_lines(256 * 40, places, 3);
        std::int64_t scale = 1;
        for (int k = 0; k < places + 2; ++k) scale *= 10;
        unsigned k = 0;
        while (k < 50 && (std::int64_t{1} << (k + 1)) <= (std::int64_t{1} << 50) / scale) ++k;
        const bmm::detail::columns::percent_params p{static_cast<double>(scale),
                                                     std::uint64_t{1} << k, k + 1};
        std::vector<std::int64_t> u(256);
        std::vector<std::uint8_t> h(256);
        std::size_t fast = 0;
        for (std::size_t i = 0; i + 256 <= data.size(); i += 256) {
            std::uint64_t count = 0;
            fast += bmm::detail::columns::percent_block<rounding_mode::half_up,
                                                        variance_basis::magnitude>(
                        &data.budget[i], &data.forecast[i], u.data(), h.data(), p, count) == 0;
        }
        CHECK(fast >= 19);
    }
}

TEST_CASE("the columnar variance % equals the scalar one at every number of places") {
    for (kernel_path path : paths()) {
        for (int places = 0; places <= 15; ++places) {
            const lines data = random_lines(3'000, places, 99);
            CHECK(check_against_scalar(data, places, rounding_mode::half_even,
                                       variance_basis::magnitude, path) > 0);
            CHECK(check_against_scalar(data, places, rounding_mode::half_up,
                                       variance_basis::signed_budget, path) > 0);
        }
    }
}

TEST_CASE("ties at 1 dp are rounded as the mode says on both paths") {
    // 1.25% and -1.25% of £20: budget 2000p, variance ±25p.
    lines l;
    l.add(2000, 2025);
    l.add(2000, 1975);
    l.add(-2000, -1975);  // income line: variance +25 on a negative budget
    l.add(2000, 2035);    // 1.75%
    for (int k = 0; k < 300; ++k) l.add(2000, 2000 + k);  // enough for a fast block
    std::vector<std::int64_t> u(l.size());
    std::vector<std::uint8_t> h(l.size());
    for (kernel_path path : paths()) {
        auto p = bmm::variance_percents<bmm::currency::gbp>(
            l.budget, l.forecast, 1, rounding_mode::half_up, variance_basis::magnitude, u, h, path);
        CHECK(p[0] == bmm::decimal::parse("1.3"));
        CHECK(p[1] == bmm::decimal::parse("-1.3"));
        CHECK(p[2] == bmm::decimal::parse("1.3"));  // ÷ |budget|: an underspend on income
        p = bmm::variance_percents<bmm::currency::gbp>(l.budget, l.forecast, 1,
                                                       rounding_mode::half_even,
                                                       variance_basis::signed_budget, u, h, path);
        CHECK(p[0] == bmm::decimal::parse("1.2"));
        CHECK(p[1] == bmm::decimal::parse("-1.2"));
        CHECK(p[2] == bmm::decimal::parse("-1.2"));  // ÷ budget: the sign of seed 003's income
        CHECK(p[3] == bmm::decimal::parse("1.8"));
        p = bmm::variance_percents<bmm::currency::gbp>(
            l.budget, l.forecast, 1, rounding_mode::floor, variance_basis::magnitude, u, h, path);
        CHECK(p[0] == bmm::decimal::parse("1.2"));
        CHECK(p[1] == bmm::decimal::parse("-1.3"));
    }
}

TEST_CASE("a zero budget has no variance % and is flagged on its own line, never 0 or inf") {
    lines l;
    for (int k = 0; k < 600; ++k) l.add(k % 3 == 0 ? 0 : 10'000, 10'100);
    std::vector<std::int64_t> u(l.size(), 5);
    std::vector<std::uint8_t> h(l.size(), 5);
    for (kernel_path path : paths()) {
        const auto p = bmm::variance_percents<bmm::currency::gbp>(
            l.budget, l.forecast, 1, rounding_mode::half_up, variance_basis::magnitude, u, h, path);
        CHECK(p.missing() == 200);
        CHECK_FALSE(p[0].has_value());
        CHECK(h[0] == 0);
        CHECK(p[1] == bmm::decimal::parse("1.0"));
        CHECK(h[1] == 1);
        CHECK_FALSE(p[599 - 2].has_value());
    }
}

TEST_CASE("a variance beyond money is an overflow_error naming the line") {
    lines l;
    for (int k = 0; k < 700; ++k) l.add(100, 200);
    l.budget[513] = gbp::from_minor_units(i64_min);
    l.forecast[513] = gbp::from_minor_units(1);
    std::vector<std::int64_t> u(l.size());
    std::vector<std::uint8_t> h(l.size());
    std::vector<gbp> v(l.size());
    for (kernel_path path : paths()) {
        CHECK_THROWS_WITH_AS(bmm::variance_percents<bmm::currency::gbp>(
                                 l.budget, l.forecast, 1, rounding_mode::half_up,
                                 variance_basis::magnitude, u, h, path),
                             doctest::Contains("line 513"), bmm::overflow_error);
        CHECK_THROWS_WITH_AS(bmm::variances<bmm::currency::gbp>(l.budget, l.forecast, v, path),
                             doctest::Contains("line 513"), bmm::overflow_error);
    }
}

TEST_CASE("the variance column is forecast minus budget on every line and path") {
    const lines data = random_lines(20'000, 1, 5);
    lines ok;
    for (std::size_t i = 0; i < data.size(); ++i) {
        std::int64_t v = 0;
        if (!__builtin_sub_overflow(data.forecast[i].in_minor_units(),
                                    data.budget[i].in_minor_units(), &v)) {
            ok.add(data.budget[i].in_minor_units(), data.forecast[i].in_minor_units());
        }
    }
    for (kernel_path path : paths()) {
        std::vector<gbp> v(ok.size());
        bmm::variances<bmm::currency::gbp>(ok.budget, ok.forecast, v, path);
        std::size_t wrong = 0;
        for (std::size_t i = 0; i < ok.size(); ++i) wrong += v[i] != ok.forecast[i] - ok.budget[i];
        CHECK(wrong == 0);
    }
}

TEST_CASE("columns of different lengths or places beyond 15 are invalid arguments") {
    std::vector<gbp> b(3), f(2);
    std::vector<std::int64_t> u(3);
    std::vector<std::uint8_t> h(3);
    std::vector<gbp> v(3);
    CHECK_THROWS_AS(bmm::variances<bmm::currency::gbp>(b, f, v), bmm::invalid_argument);
    CHECK_THROWS_AS(bmm::variance_percents<bmm::currency::gbp>(b, f, 1, rounding_mode::half_up,
                                                               variance_basis::magnitude, u, h),
                    bmm::invalid_argument);
    f.resize(3);
    CHECK_THROWS_AS(bmm::variance_percents<bmm::currency::gbp>(b, f, 16, rounding_mode::half_up,
                                                               variance_basis::magnitude, u, h),
                    bmm::invalid_argument);
    CHECK_THROWS_AS(bmm::percent_column(u, std::vector<std::uint8_t>(2), 1), bmm::invalid_argument);
}

TEST_CASE("the default path is the best this CPU supports and both paths are named") {
    CHECK(bmm::kernel_path_supported(kernel_path::portable));
    CHECK(bmm::kernel_path_supported(bmm::active_kernel_path()));
    CHECK(bmm::to_string(kernel_path::avx2) == "avx2");
    CHECK(bmm::to_string(kernel_path::avx512) == "avx512");
    CHECK(bmm::to_string(kernel_path::portable) == "portable");
    for (kernel_path k : {kernel_path::avx2, kernel_path::avx512}) {
        if (bmm::kernel_path_supported(k)) continue;
        std::vector<gbp> b(1), f(1), v(1);
        CHECK_THROWS_AS(bmm::variances<bmm::currency::gbp>(b, f, v, k), bmm::invalid_argument);
    }
}

TEST_CASE("a percent column made from columns a user holds reads each line as an optional") {
    const std::vector<std::int64_t> units{12, 0, -5};
    const std::vector<std::uint8_t> has{1, 0, 1};
    const bmm::percent_column p(units, has, 1);
    CHECK(p.missing() == 1);
    CHECK(p[0] == bmm::decimal::parse("1.2"));
    CHECK_FALSE(p[1].has_value());
    CHECK(p[2] == bmm::decimal::parse("-0.5"));
}
