// Spec for bmm/rag_columns.hpp: rating a column of figures, each against its measure's rater,
// gives what the rater gives on each figure (every target kind and policy, figures on and around
// every threshold, other places, raters without thresholds), on every kernel path.
#include <doctest/doctest.h>

#include <bmm/rag_columns.hpp>
// (the header under test comes first)
#include <bmm/target.hpp>
#include <cstdint>
#include <random>
#include <vector>

#include "support/spec.hpp"

namespace {

using bmm::decimal;
using bmm::kernel_path;
using bmm::rag_policy;
using bmm::rater;
using bmm::target;

std::vector<kernel_path> paths() {
    std::vector<kernel_path> p{kernel_path::portable};
    for (kernel_path k : {kernel_path::avx2, kernel_path::avx512}) {
        if (bmm::kernel_path_supported(k)) p.push_back(k);
    }
    return p;
}

constexpr bmm::status unset = bmm::data_status::not_updated;

decimal d(std::int64_t units, int places) { return decimal::from_units(units, places); }

/// Raters of many kinds, all with thresholds at 2 dp but the last few.
std::vector<rater> many_raters(std::mt19937_64& rng, bool with_odd_ones) {
    std::vector<rater> r;
    for (int k = 0; k < 200; ++k) {
        const auto t = static_cast<std::int64_t>(rng() % 2'000'000) - 1'000'000;
        const auto band = static_cast<std::int64_t>(rng() % 20) + 1;
        switch (k % 5) {
            case 0:
                r.emplace_back(
                    target::value(d(t, 2)),
                    rag_policy::higher_is_better(bmm::amber_band::relative(bmm::ratio(band, 100))),
                    2);
                break;
            case 1:
                r.emplace_back(target::value(d(t, 2)),
                               rag_policy::lower_is_better(bmm::amber_band::absolute(d(band, 1))),
                               2);
                break;
            case 2:
                r.emplace_back(target::value(d(t, 2)),
                               rag_policy::close_to_target(bmm::amber_band::absolute(d(band, 2)),
                                                           bmm::amber_band::absolute(d(band, 1))),
                               2);
                break;
            case 3:
                r.emplace_back(target::range(d(t, 2), d(t + band * 100, 2)),
                               rag_policy::higher_is_better(), 2);
                break;
            default:
                r.emplace_back(
                    target::value(d(t, 1)),
                    rag_policy::higher_is_better(bmm::amber_band::relative(bmm::ratio(1, 3))), 2);
                break;
        }
    }
    if (with_odd_ones) {
        r.emplace_back(target::none(), rag_policy::higher_is_better(), 2);  // monitoring only
        r.emplace_back(target::value(d(100, 0)), rag_policy::higher_is_better(), 3);  // 3 dp
    }
    return r;
}

/// Figures near each rater's thresholds (and anywhere), at 2 dp, sometimes at 1 or 3 dp.
struct observations {
    std::vector<std::uint32_t> index;
    std::vector<decimal> figures;
};
observations many_observations(std::mt19937_64& rng, const std::vector<rater>& raters,
                               std::size_t n, bool other_places) {
    observations o;
    for (std::size_t i = 0; i < n; ++i) {
        // Whole blocks of 256 at 2 dp, so that the fast path is taken in some.
        const bool plain = (i / 256) % 2 == 0 || !other_places;
        const auto k = static_cast<std::uint32_t>(rng() % (plain ? 200 : raters.size()));
        const rater::interval& g = raters[k].green();
        const rater::interval& a = raters[k].amber();
        std::int64_t u = static_cast<std::int64_t>(rng() % 4'000'000) - 2'000'000;
        const bmm::rater::interval& near = rng() % 2 ? g : a;
        const auto& end = rng() % 2 ? near.low : near.high;
        if (end && rng() % 4 != 0) {
            // An end at 2 dp, rounded down, and a few hundredths either side.
            const bmm::ratio x = *end * bmm::ratio(100);
            u = x.numerator() / x.denominator() + static_cast<std::int64_t>(rng() % 5) - 2;
        }
        int places = 2;
        if (!plain && rng() % 3 == 0) places = rng() % 2 ? 1 : 3;
        o.index.push_back(k);
        o.figures.push_back(d(u, places));
    }
    return o;
}

}  // namespace

TEST_CASE("a rated column equals each rater on each figure, on every path") {
    std::mt19937_64 rng(42);
    for (bool odd : {false, true}) {
        const std::vector<rater> raters = many_raters(rng, odd);
        const observations o = many_observations(rng, raters, 40'000, odd);
        std::vector<bmm::status> want;
        for (std::size_t i = 0; i < o.figures.size(); ++i) {
            want.push_back(raters[o.index[i]](o.figures[i]));
        }
        for (kernel_path path : paths()) {
            std::vector<bmm::status> got(o.figures.size(), unset);
            bmm::rate_column(o.figures, o.index, raters, got, path);
            std::size_t wrong = 0;
            for (std::size_t i = 0; i < got.size(); ++i) wrong += got[i] != want[i];
            CHECK(wrong == 0);
        }
    }
}

TEST_CASE("a column of units at one number of places is rated as the same decimals") {
    std::mt19937_64 rng(7);
    const std::vector<rater> raters = many_raters(rng, true);
    const observations o = many_observations(rng, raters, 20'000, false);
    std::vector<std::int64_t> units;
    for (const decimal& x : o.figures) units.push_back(x.units());
    for (kernel_path path : paths()) {
        std::vector<bmm::status> from_decimals(units.size(), unset),
            from_units(units.size(), unset);
        bmm::rate_column(o.figures, o.index, raters, from_decimals, path);
        bmm::rate_column(units, 2, o.index, raters, from_units, path);
        CHECK(from_units == from_decimals);
        // The same units read at 1 dp are other figures: the raters decide (exact path).
        bmm::rate_column(units, 1, o.index, raters, from_units, path);
        std::size_t wrong = 0;
        for (std::size_t i = 0; i < units.size(); ++i) {
            wrong += from_units[i] != raters[o.index[i]](d(units[i], 1));
        }
        CHECK(wrong == 0);
    }
}

TEST_CASE("the thresholds' ends are rated as the rater rates them on every path") {
    // 95% of 100.00 is Amber's end: 95.00 Amber, 94.99 Red; 100.00 Green, 99.99 Amber.
    const rater r(target::value(d(10000, 2)),
                  rag_policy::higher_is_better(bmm::amber_band::relative(bmm::ratio(5, 100))), 2);
    std::vector<decimal> x;
    for (int k = 0; k < 300; ++k) x.push_back(d(9499 + k % 4 + (k % 8 < 4 ? 0 : 500), 2));
    for (kernel_path path : paths()) {
        std::vector<bmm::status> s(x.size(), unset);
        bmm::rate_column(x, r, s, path);
        CHECK(s[0] == bmm::status(bmm::rag::red));    // 94.99
        CHECK(s[1] == bmm::status(bmm::rag::amber));  // 95.00
        CHECK(s[4] == bmm::status(bmm::rag::amber));  // 99.99
        CHECK(s[5] == bmm::status(bmm::rag::green));  // 100.00
        for (std::size_t i = 0; i < x.size(); ++i) CHECK(s[i] == r(x[i]));
    }
}

TEST_CASE("a rater index out of range is an invalid_argument naming the observation") {
    const std::vector<rater> raters{
        rater(target::value(d(100, 2)), rag_policy::higher_is_better(), 2)};
    std::vector<decimal> x(600, d(150, 2));
    std::vector<std::uint32_t> index(600, 0);
    index[300] = 1;
    std::vector<bmm::status> s(600, unset);
    for (kernel_path path : paths()) {
        CHECK_THROWS_WITH_AS(bmm::rate_column(x, index, raters, s, path),
                             doctest::Contains("observation 300 names rater 1 of 1"),
                             bmm::invalid_argument);
    }
}

TEST_CASE("a figure against a position target is the rater's error, naming the observation") {
    const std::vector<rater> raters{rater(target::quartile(1), rag_policy::higher_is_better(), 2)};
    std::vector<decimal> x(10, d(150, 2));
    std::vector<std::uint32_t> index(10, 0);
    std::vector<bmm::status> s(10, unset);
    CHECK_THROWS_WITH_AS(bmm::rate_column(x, index, raters, s), doctest::Contains("observation 0"),
                         bmm::invalid_argument);
}

TEST_CASE("rating columns of different lengths is an invalid_argument") {
    const rater r(target::value(d(100, 2)), rag_policy::higher_is_better(), 2);
    std::vector<decimal> x(3);
    std::vector<bmm::status> s(2, unset);
    CHECK_THROWS_AS(bmm::rate_column(x, r, s), bmm::invalid_argument);
    std::vector<std::int64_t> u(3);
    std::vector<std::uint32_t> index(3);
    std::vector<bmm::status> s3(3, unset);
    CHECK_THROWS_AS(bmm::rate_column(u, 19, index, std::vector<rater>{r}, s3),
                    bmm::invalid_argument);
}
