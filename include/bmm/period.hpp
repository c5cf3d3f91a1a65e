// bmm — period: financial years, quarters and months on Howard Hinnant's date.
//
// Naming convention, stated once because every period library gets asked: a fiscal_year is
// named by the calendar year it STARTS in. fiscal_year<4>{2023} (April start, the UK local
// government default) runs 1 April 2023 – 31 March 2024 and prints "2023/24"; use
// fiscal_year<S>::ending_in(y) to build one from the year it ends in. The start month is part of
// the type (as in r-lib/clock's fiscal_year.h): periods of different calendars never mix.
//
//   operation                                   result
//   fiscal_year ± date::years                   fiscal_year
//   fiscal_year - fiscal_year                   date::years
//   fiscal_month ± date::months                 fiscal_month
//   fiscal_month - fiscal_month                 date::months     (months between)
//   fiscal_quarter ± bmm::quarters              fiscal_quarter
//   fiscal_quarter - fiscal_quarter             bmm::quarters
//   fiscal_year / date::month                   fiscal_month     (fy2023 / date::January = M10)
//   fiscal_year + fiscal_year, month + month    do not compile   (points in time, not durations)
//   fiscal_year<4> == fiscal_year<7>            does not compile (different calendars)
//
//   auto may = bmm::fiscal_month<>::containing(date::year_month{date::year{2023}, date::May});
//   bmm::to_string(may);                  // "M2 2023/24"
//   bmm::to_string(may.quarter());        // "Q1 2023/24"
//   may.ytd().first_day();                // 2023-04-01
//   bmm::fiscal_year<>::parse("2017-18"); // fiscal_year<>{2017}, printed "2017/18"
//
// Types follow date: constructors do not throw; ok() says whether a value is valid (a month
// index of 13 is representable and not ok()). Text that is not a period is a bmm::parse_error
// naming the input; try_parse returns std::nullopt instead.
//
// Years far outside date's range: a fiscal year holds its start year clamped to ±1,000,000, so
// every operation (++, next(), ± years/months/quarters, differences) is defined on every value
// and a difference always fits int. Such a year is never ok(); turned into a date::year it is
// date::year{-32768} (the one date::year that is not ok()), never a wrapped-around year, so the
// days and calendar years built from it are not ok() either; to_string prints its number.
#pragma once

#include <date/date.h>

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config.hpp"
#include "detail/text.hpp"
#include "error.hpp"

namespace bmm {

/// Three months: the duration between fiscal quarters.
using quarters =
    std::chrono::duration<int, std::ratio_multiply<std::ratio<3>, date::months::period>>;

template <unsigned StartMonth = 4>
class fiscal_year;
template <unsigned StartMonth = 4>
class fiscal_quarter;
template <unsigned StartMonth = 4>
class fiscal_month;
template <unsigned StartMonth = 4>
class fiscal_month_range;

namespace detail {
/// Floor division and modulo for the month arithmetic (the result of % is never negative).
[[nodiscard]] constexpr std::int64_t floor_div(std::int64_t a, std::int64_t b) noexcept {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}
/// The largest start year a fiscal year holds (and its negation the smallest): far outside
/// date's ±32767, so never ok(), and small enough that differences and month serials of any
/// two fiscal years fit int.
inline constexpr std::int64_t year_limit = 1'000'000;
/// A year index clamped into ±year_limit so that arithmetic far out of date's range stays
/// defined (the result is simply not ok()).
[[nodiscard]] constexpr int clamp_year(std::int64_t y) noexcept {
    return static_cast<int>(y < -year_limit ? -year_limit : (y > year_limit ? year_limit : y));
}
/// Returns: year y as a date::year when date can hold it (-32767..32767), else
/// date::year{-32768}, which is not ok() — never a year wrapped into date's 16 bits.
[[nodiscard]] constexpr date::year to_date_year(std::int64_t y) noexcept {
    return y >= static_cast<int>(date::year::min()) && y <= static_cast<int>(date::year::max())
               ? date::year{static_cast<int>(y)}
               : date::year{-32768};
}
struct period_access;
}  // namespace detail

// =============================================================================================
// fiscal_year

/// A financial year of the calendar that starts in month StartMonth (1..12; April by default).
template <unsigned StartMonth>
class fiscal_year {
    static_assert(StartMonth >= 1 && StartMonth <= 12, "a fiscal year starts in month 1..12");

public:
    static constexpr date::month start_month{StartMonth};

    /// The fiscal year starting in year 0 (a placeholder, as date's default year).
    constexpr fiscal_year() noexcept = default;
    /// The fiscal year that starts in `start_year`: fiscal_year<4>{2023} is 2023/24. A start
    /// year beyond ±1,000,000 is clamped to ±1,000,000 (not ok(), see the header comment).
    explicit constexpr fiscal_year(int start_year) noexcept : y_(detail::clamp_year(start_year)) {}

    /// Returns: the fiscal year that starts in `y`. Not ok() unless y.ok() (and, for a calendar
    /// not starting in January, y < 32767).
    [[nodiscard]] static constexpr fiscal_year starting_in(date::year y) noexcept {
        return fiscal_year(static_cast<int>(y));
    }
    /// Returns: the fiscal year that ends in `y` (2023/24 ends in 2024; a January-start year
    /// ends in the year it starts).
    [[nodiscard]] static constexpr fiscal_year ending_in(date::year y) noexcept {
        return fiscal_year(static_cast<int>(y) - (StartMonth == 1 ? 0 : 1));
    }
    /// Returns: the fiscal year that the day `d` falls in. Requires: d.ok() (otherwise the
    /// result is some fiscal year, possibly not ok()).
    [[nodiscard]] static constexpr fiscal_year containing(date::year_month_day d) noexcept {
        return containing(date::year_month{d.year(), d.month()});
    }
    /// Returns: the fiscal year that the month `ym` falls in. Requires: ym.ok().
    [[nodiscard]] static constexpr fiscal_year containing(date::year_month ym) noexcept {
        const int y = static_cast<int>(ym.year());
        return fiscal_year(static_cast<unsigned>(ym.month()) >= StartMonth ? y : y - 1);
    }
    /// Returns: the fiscal year that the day `d` falls in.
    [[nodiscard]] static constexpr fiscal_year containing(date::sys_days d) noexcept {
        return containing(date::year_month_day{d});
    }

    /// Returns: the calendar year the fiscal year starts in; date::year{-32768} (not ok()) when
    /// that is outside date's range.
    [[nodiscard]] constexpr date::year start_year() const noexcept {
        return detail::to_date_year(y_);
    }
    /// Returns: the calendar year the fiscal year ends in (2024 for 2023/24); date::year{-32768}
    /// (not ok()) when that is outside date's range.
    [[nodiscard]] constexpr date::year end_year() const noexcept {
        return detail::to_date_year(std::int64_t{y_} + (StartMonth == 1 ? 0 : 1));
    }
    /// Returns: the first day (1 April 2023 for 2023/24); not ok() unless this year is ok().
    [[nodiscard]] constexpr date::year_month_day first_day() const noexcept {
        return start_year() / start_month / 1;
    }
    /// Returns: the last day (31 March 2024 for 2023/24); not ok() unless this year is ok().
    [[nodiscard]] constexpr date::year_month_day last_day() const noexcept {
        return date::year_month_day{
            end_year() / date::month{StartMonth == 1 ? 12 : StartMonth - 1} / date::last};
    }
    /// Returns: true when the day `d` falls in this fiscal year (never for a year that is not
    /// ok() and a day that is).
    [[nodiscard]] constexpr bool contains(date::year_month_day d) const noexcept {
        return ok() && d >= first_day() && d <= last_day();
    }
    /// Returns: as contains(date::year_month_day{d}).
    [[nodiscard]] constexpr bool contains(date::sys_days d) const noexcept {
        return contains(date::year_month_day{d});
    }
    /// Returns: true when both calendar years lie inside date's range (-32767 to 32767).
    [[nodiscard]] constexpr bool ok() const noexcept {
        return y_ >= static_cast<int>(date::year::min()) &&
               y_ + (StartMonth == 1 ? 0 : 1) <= static_cast<int>(date::year::max());
    }

    /// Returns: fiscal month n of this year (1 = the start month). Not ok() unless 1 <= n <= 12.
    [[nodiscard]] constexpr fiscal_month<StartMonth> month(unsigned n) const noexcept;
    /// Returns: quarter q of this year. Not ok() unless 1 <= q <= 4.
    [[nodiscard]] constexpr fiscal_quarter<StartMonth> quarter(unsigned q) const noexcept;
    /// Returns: the twelve months of the year, in order.
    [[nodiscard]] constexpr fiscal_month_range<StartMonth> months() const noexcept;
    /// Returns: the following fiscal year (clamped at +1,000,000: see the header comment).
    [[nodiscard]] constexpr fiscal_year next() const noexcept { return *this + date::years{1}; }
    /// Returns: the preceding fiscal year (clamped at -1,000,000).
    [[nodiscard]] constexpr fiscal_year prev() const noexcept { return *this - date::years{1}; }

    /// Moves to the next year (as next()). Returns: *this; the postfix form the old value.
    constexpr fiscal_year& operator++() noexcept { return *this = next(); }
    constexpr fiscal_year operator++(int) noexcept {
        auto t = *this;
        *this = next();
        return t;
    }
    /// Moves to the previous year (as prev()). Returns: *this; the postfix form the old value.
    constexpr fiscal_year& operator--() noexcept { return *this = prev(); }
    constexpr fiscal_year operator--(int) noexcept {
        auto t = *this;
        *this = prev();
        return t;
    }

    /// Returns: the fiscal year n years later (earlier for -), computed in 64 bits and clamped
    /// to ±1,000,000, so it is defined for every n (and not ok() far from date's range).
    friend constexpr fiscal_year operator+(fiscal_year a, date::years n) noexcept {
        return fiscal_year(detail::clamp_year(std::int64_t{a.y_} + n.count()));
    }
    friend constexpr fiscal_year operator+(date::years n, fiscal_year a) noexcept { return a + n; }
    friend constexpr fiscal_year operator-(fiscal_year a, date::years n) noexcept {
        return fiscal_year(detail::clamp_year(std::int64_t{a.y_} - n.count()));
    }
    /// Returns: the years from b to a. Always fits: both start years lie within ±1,000,000.
    friend constexpr date::years operator-(fiscal_year a, fiscal_year b) noexcept {
        return date::years{a.y_ - b.y_};
    }
    /// fiscal_year / date::month: the fiscal month of this year whose calendar month is `m`.
    /// Returns: that month; not ok() unless m.ok().
    friend constexpr fiscal_month<StartMonth> operator/(fiscal_year y, date::month m) noexcept {
        return y.month((static_cast<unsigned>(m) + 12 - StartMonth) % 12 + 1);
    }

    /// Returns: the comparison of the start years.
    friend constexpr bool operator==(fiscal_year a, fiscal_year b) noexcept { return a.y_ == b.y_; }
    friend constexpr bool operator!=(fiscal_year a, fiscal_year b) noexcept { return a.y_ != b.y_; }
    friend constexpr bool operator<(fiscal_year a, fiscal_year b) noexcept { return a.y_ < b.y_; }
    friend constexpr bool operator<=(fiscal_year a, fiscal_year b) noexcept { return a.y_ <= b.y_; }
    friend constexpr bool operator>(fiscal_year a, fiscal_year b) noexcept { return a.y_ > b.y_; }
    friend constexpr bool operator>=(fiscal_year a, fiscal_year b) noexcept { return a.y_ >= b.y_; }

    /// Reads "2023/24", "2024/2025", "2017-18", "22/23" (two-digit years are 20yy), "2023/4",
    /// "FY 2023/24"; for a January-start calendar also "2023". Surrounding spaces are ignored.
    /// Returns: the fiscal year named by its first year.
    /// Throws: parse_error naming the text ("2023/25": the second year must follow the first).
    [[nodiscard]] static fiscal_year parse(std::string_view text);
    /// Returns: parse(text), or std::nullopt where parse would throw.
    [[nodiscard]] static std::optional<fiscal_year> try_parse(std::string_view text) noexcept;

private:
    friend class fiscal_month<StartMonth>;
    friend class fiscal_quarter<StartMonth>;
    friend struct detail::period_access;
    int y_ = 0;  // the calendar year the fiscal year starts in, within ±detail::year_limit
};

/// The UK public sector's financial year (1 April – 31 March).
using uk_fiscal_year = fiscal_year<4>;

/// Returns: the canonical label: "2023/24" ("1999/00"); "2023" for a January-start calendar.
/// A year that is not ok() prints its true number ("1000000/01"), never a wrapped one; only
/// labels of ok() years with start years 0..9999 read back with parse().
template <unsigned S>
[[nodiscard]] std::string to_string(fiscal_year<S> y);

// =============================================================================================
// fiscal_month

/// Month n (1..12) of a fiscal year: month 1 is the start month (April in the default calendar).
template <unsigned StartMonth>
class fiscal_month {
public:
    /// Month 0 of the fiscal year starting in year 0 (a placeholder; not ok()).
    constexpr fiscal_month() noexcept = default;
    /// Month `index` of `year`. Not ok() unless 1 <= index <= 12 (an index above 255 is held
    /// as 255).
    constexpr fiscal_month(fiscal_year<StartMonth> year, unsigned index) noexcept
        : y_(year), m_(static_cast<unsigned char>(index > 255 ? 255 : index)) {}

    /// Returns: the fiscal month that calendar month `ym` is (May 2023 -> M2 2023/24).
    [[nodiscard]] static constexpr fiscal_month containing(date::year_month ym) noexcept {
        return fiscal_month(fiscal_year<StartMonth>::containing(ym),
                            (static_cast<unsigned>(ym.month()) + 12 - StartMonth) % 12 + 1);
    }
    /// Returns: the fiscal month that the day `d` falls in. Requires: d.ok().
    [[nodiscard]] static constexpr fiscal_month containing(date::year_month_day d) noexcept {
        return containing(date::year_month{d.year(), d.month()});
    }
    /// Returns: the fiscal month that the day `d` falls in.
    [[nodiscard]] static constexpr fiscal_month containing(date::sys_days d) noexcept {
        return containing(date::year_month_day{d});
    }

    /// Returns: the fiscal year the month belongs to.
    [[nodiscard]] constexpr fiscal_year<StartMonth> year() const noexcept { return y_; }
    /// Returns: 1..12, the month's position in its fiscal year (as constructed, when not ok()).
    [[nodiscard]] constexpr unsigned index() const noexcept { return m_; }
    /// Returns: true when the year is ok() and the index is 1..12.
    [[nodiscard]] constexpr bool ok() const noexcept { return y_.ok() && m_ >= 1 && m_ <= 12; }

    /// Returns: the calendar month (M1 of the April calendar is April). Requires: ok().
    [[nodiscard]] constexpr date::month calendar_month() const noexcept {
        return date::month{(StartMonth - 1 + m_ - 1) % 12 + 1};
    }
    /// Returns: the calendar year the month falls in (M10 2023/24 is January 2024);
    /// date::year{-32768} (not ok()) when that is outside date's range. Requires: ok().
    [[nodiscard]] constexpr date::year calendar_year() const noexcept {
        return detail::to_date_year(std::int64_t{y_.y_} + (StartMonth - 1 + m_ - 1) / 12);
    }
    /// Returns: the calendar month and year (M10 2023/24 is January 2024). Requires: ok().
    [[nodiscard]] constexpr date::year_month year_month() const noexcept {
        return date::year_month{calendar_year(), calendar_month()};
    }
    /// Returns: the first day of the month; not ok() unless this month is ok().
    [[nodiscard]] constexpr date::year_month_day first_day() const noexcept {
        return year_month() / 1;
    }
    /// Returns: the last day of the month; not ok() unless this month is ok().
    [[nodiscard]] constexpr date::year_month_day last_day() const noexcept {
        return date::year_month_day{year_month() / date::last};
    }
    /// Returns: true when the day `d` falls in this month (never when this month is not ok()).
    [[nodiscard]] constexpr bool contains(date::year_month_day d) const noexcept {
        return ok() && d >= first_day() && d <= last_day();
    }
    /// Returns: the fiscal quarter the month is in (M4 -> Q2).
    [[nodiscard]] constexpr fiscal_quarter<StartMonth> quarter() const noexcept;
    /// Returns: the year to date: M1 to this month of the same fiscal year, inclusive.
    [[nodiscard]] constexpr fiscal_month_range<StartMonth> ytd() const noexcept;
    /// Returns: the following month (*this + 1 month).
    [[nodiscard]] constexpr fiscal_month next() const noexcept { return shifted(*this, 1); }
    /// Returns: the preceding month (*this - 1 month).
    [[nodiscard]] constexpr fiscal_month prev() const noexcept { return shifted(*this, -1); }

    /// Returns: the month n months later (earlier for -), in 64-bit arithmetic: defined for
    /// every n, including months{INT_MIN}; the year is clamped as fiscal_year's (not ok() far
    /// from date's range).
    friend constexpr fiscal_month operator+(fiscal_month a, date::months n) noexcept {
        return shifted(a, n.count());
    }
    friend constexpr fiscal_month operator+(date::months n, fiscal_month a) noexcept {
        return shifted(a, n.count());
    }
    friend constexpr fiscal_month operator-(fiscal_month a, date::months n) noexcept {
        return shifted(a, -std::int64_t{n.count()});
    }
    /// Returns: the number of months from b to a (M2 2023/24 - M12 2022/23 == 2 months).
    /// Always fits int: both years lie within ±1,000,000.
    friend constexpr date::months operator-(fiscal_month a, fiscal_month b) noexcept {
        return date::months{static_cast<int>(a.serial() - b.serial())};
    }

    /// Returns: the comparison of the months in time order (== also compares the index).
    friend constexpr bool operator==(fiscal_month a, fiscal_month b) noexcept {
        return a.y_ == b.y_ && a.m_ == b.m_;
    }
    friend constexpr bool operator!=(fiscal_month a, fiscal_month b) noexcept { return !(a == b); }
    friend constexpr bool operator<(fiscal_month a, fiscal_month b) noexcept {
        return a.serial() < b.serial();
    }
    friend constexpr bool operator<=(fiscal_month a, fiscal_month b) noexcept { return !(b < a); }
    friend constexpr bool operator>(fiscal_month a, fiscal_month b) noexcept { return b < a; }
    friend constexpr bool operator>=(fiscal_month a, fiscal_month b) noexcept { return !(a < b); }

    /// Reads "M3 2023/24", "M03 2023-24", "m3 FY2023/24".
    /// Throws: parse_error naming the text ("M13 2023/24", "3 2023/24", "M3").
    [[nodiscard]] static fiscal_month parse(std::string_view text);
    /// Returns: parse(text), or std::nullopt where parse would throw.
    [[nodiscard]] static std::optional<fiscal_month> try_parse(std::string_view text) noexcept;

private:
    [[nodiscard]] constexpr std::int64_t serial() const noexcept {
        return std::int64_t{y_.y_} * 12 + m_ - 1;
    }
    [[nodiscard]] static constexpr fiscal_month shifted(fiscal_month a, std::int64_t n) noexcept {
        const std::int64_t t = a.serial() + n;  // |serial| < 2^25 and |n| <= 2^31: no overflow
        return fiscal_month(fiscal_year<StartMonth>(detail::clamp_year(detail::floor_div(t, 12))),
                            static_cast<unsigned>(t - 12 * detail::floor_div(t, 12)) + 1);
    }
    fiscal_year<StartMonth> y_{};
    unsigned char m_ = 0;
};

/// Returns: "M3 2023/24".
template <unsigned S>
[[nodiscard]] std::string to_string(fiscal_month<S> m);

// =============================================================================================
// fiscal_quarter

/// Quarter q (1..4) of a fiscal year: Q1 is the first three months (April–June by default).
template <unsigned StartMonth>
class fiscal_quarter {
public:
    /// Quarter 0 of the fiscal year starting in year 0 (a placeholder; not ok()).
    constexpr fiscal_quarter() noexcept = default;
    /// Quarter `q` of `year`. Not ok() unless 1 <= q <= 4 (a q above 255 is held as 255).
    constexpr fiscal_quarter(fiscal_year<StartMonth> year, unsigned q) noexcept
        : y_(year), q_(static_cast<unsigned char>(q > 255 ? 255 : q)) {}

    /// Returns: the fiscal quarter that the month `ym` falls in. Requires: ym.ok().
    [[nodiscard]] static constexpr fiscal_quarter containing(date::year_month ym) noexcept {
        return fiscal_month<StartMonth>::containing(ym).quarter();
    }
    /// Returns: the fiscal quarter that the day `d` falls in. Requires: d.ok().
    [[nodiscard]] static constexpr fiscal_quarter containing(date::year_month_day d) noexcept {
        return fiscal_month<StartMonth>::containing(d).quarter();
    }

    /// Returns: the fiscal year the quarter belongs to.
    [[nodiscard]] constexpr fiscal_year<StartMonth> year() const noexcept { return y_; }
    /// Returns: 1..4, the quarter's position in its year (as constructed, when not ok()).
    [[nodiscard]] constexpr unsigned index() const noexcept { return q_; }
    /// Returns: true when the year is ok() and the index is 1..4.
    [[nodiscard]] constexpr bool ok() const noexcept { return y_.ok() && q_ >= 1 && q_ <= 4; }
    /// Returns: the quarter's first month (M4 for Q2). Requires: ok().
    [[nodiscard]] constexpr fiscal_month<StartMonth> first_month() const noexcept {
        return y_.month(3u * q_ - 2u);
    }
    /// Returns: the quarter's last month (M6 for Q2). Requires: ok().
    [[nodiscard]] constexpr fiscal_month<StartMonth> last_month() const noexcept {
        return y_.month(3u * q_);
    }
    /// Returns: the first day of the quarter. Requires: ok().
    [[nodiscard]] constexpr date::year_month_day first_day() const noexcept {
        return first_month().first_day();
    }
    /// Returns: the last day of the quarter. Requires: ok().
    [[nodiscard]] constexpr date::year_month_day last_day() const noexcept {
        return last_month().last_day();
    }
    /// Returns: true when the month `m` is one of this quarter's three.
    [[nodiscard]] constexpr bool contains(fiscal_month<StartMonth> m) const noexcept {
        return m.year() == y_ && m.quarter().index() == q_;
    }
    /// Returns: the quarter's three months. Requires: ok().
    [[nodiscard]] constexpr fiscal_month_range<StartMonth> months() const noexcept;
    /// Returns: the following quarter.
    [[nodiscard]] constexpr fiscal_quarter next() const noexcept { return shifted(*this, 1); }
    /// Returns: the preceding quarter.
    [[nodiscard]] constexpr fiscal_quarter prev() const noexcept { return shifted(*this, -1); }

    /// Returns: the quarter n quarters later (earlier for -), in 64-bit arithmetic: defined for
    /// every n, including quarters{INT_MIN}; the year is clamped as fiscal_year's.
    friend constexpr fiscal_quarter operator+(fiscal_quarter a, quarters n) noexcept {
        return shifted(a, n.count());
    }
    friend constexpr fiscal_quarter operator+(quarters n, fiscal_quarter a) noexcept {
        return shifted(a, n.count());
    }
    friend constexpr fiscal_quarter operator-(fiscal_quarter a, quarters n) noexcept {
        return shifted(a, -std::int64_t{n.count()});
    }
    /// Returns: the number of quarters from b to a. Always fits int.
    friend constexpr quarters operator-(fiscal_quarter a, fiscal_quarter b) noexcept {
        return quarters{static_cast<int>(a.serial() - b.serial())};
    }

    /// Returns: the comparison of the quarters in time order (== also compares the index).
    friend constexpr bool operator==(fiscal_quarter a, fiscal_quarter b) noexcept {
        return a.y_ == b.y_ && a.q_ == b.q_;
    }
    friend constexpr bool operator!=(fiscal_quarter a, fiscal_quarter b) noexcept {
        return !(a == b);
    }
    friend constexpr bool operator<(fiscal_quarter a, fiscal_quarter b) noexcept {
        return a.serial() < b.serial();
    }
    friend constexpr bool operator<=(fiscal_quarter a, fiscal_quarter b) noexcept {
        return !(b < a);
    }
    friend constexpr bool operator>(fiscal_quarter a, fiscal_quarter b) noexcept { return b < a; }
    friend constexpr bool operator>=(fiscal_quarter a, fiscal_quarter b) noexcept {
        return !(a < b);
    }

    /// Reads "Q1 2023/24", "2023/24 Q1", "q4 2017-18".
    /// Throws: parse_error naming the text ("Q5 2023/24", "Q1", "Q1 2023/25").
    [[nodiscard]] static fiscal_quarter parse(std::string_view text);
    /// Returns: parse(text), or std::nullopt where parse would throw.
    [[nodiscard]] static std::optional<fiscal_quarter> try_parse(std::string_view text) noexcept;

private:
    [[nodiscard]] constexpr std::int64_t serial() const noexcept {
        return std::int64_t{y_.y_} * 4 + q_ - 1;
    }
    [[nodiscard]] static constexpr fiscal_quarter shifted(fiscal_quarter a,
                                                          std::int64_t n) noexcept {
        const std::int64_t t = a.serial() + n;  // |serial| < 2^23 and |n| <= 2^31: no overflow
        return fiscal_quarter(fiscal_year<StartMonth>(detail::clamp_year(detail::floor_div(t, 4))),
                              static_cast<unsigned>(t - 4 * detail::floor_div(t, 4)) + 1);
    }
    fiscal_year<StartMonth> y_{};
    unsigned char q_ = 0;
};

/// Returns: "Q1 2023/24".
template <unsigned S>
[[nodiscard]] std::string to_string(fiscal_quarter<S> q);

// =============================================================================================
// fiscal_month_range: consecutive fiscal months (a year to date, a quarter, a year)

template <unsigned StartMonth>
class fiscal_month_range {
public:
    using month_type = fiscal_month<StartMonth>;

    /// The months first..last inclusive.
    /// Throws: invalid_argument naming both months if last is before first (checked in every
    /// build mode: such a range would count and iterate wrongly).
    constexpr fiscal_month_range(month_type first, month_type last) : first_(first), last_(last) {
        if (last < first) {
            throw invalid_argument("a month range ends (" + to_string(last) +
                                   ") before it starts (" + to_string(first) + ")");
        }
    }

    /// Returns: the first month of the range.
    [[nodiscard]] constexpr month_type first() const noexcept { return first_; }
    /// Returns: the last month of the range.
    [[nodiscard]] constexpr month_type last() const noexcept { return last_; }
    /// Returns: the number of months, both ends included (exact: the difference fits int).
    [[nodiscard]] constexpr std::size_t size() const noexcept {
        return static_cast<std::size_t>((last_ - first_).count() + 1);
    }
    /// Returns: true when first() <= m <= last().
    [[nodiscard]] constexpr bool contains(month_type m) const noexcept {
        return first_ <= m && m <= last_;
    }
    /// Returns: the first day of the first month.
    [[nodiscard]] constexpr date::year_month_day first_day() const noexcept {
        return first_.first_day();
    }
    /// Returns: the last day of the last month.
    [[nodiscard]] constexpr date::year_month_day last_day() const noexcept {
        return last_.last_day();
    }

    class iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = month_type;
        using difference_type = std::ptrdiff_t;
        using pointer = const month_type*;
        using reference = month_type;

        constexpr iterator() noexcept = default;
        constexpr explicit iterator(month_type m) noexcept : m_(m) {}
        constexpr month_type operator*() const noexcept { return m_; }
        constexpr iterator& operator++() noexcept {
            m_ = m_.next();
            return *this;
        }
        constexpr iterator operator++(int) noexcept {
            iterator t = *this;
            ++*this;
            return t;
        }
        friend constexpr bool operator==(iterator a, iterator b) noexcept { return a.m_ == b.m_; }
        friend constexpr bool operator!=(iterator a, iterator b) noexcept { return a.m_ != b.m_; }

    private:
        month_type m_{};
    };

    /// Returns: iterators over the months in order, first() to last().
    [[nodiscard]] constexpr iterator begin() const noexcept { return iterator(first_); }
    [[nodiscard]] constexpr iterator end() const noexcept { return iterator(last_.next()); }

    /// Returns: true when both ends are the same.
    friend constexpr bool operator==(fiscal_month_range a, fiscal_month_range b) noexcept {
        return a.first_ == b.first_ && a.last_ == b.last_;
    }
    friend constexpr bool operator!=(fiscal_month_range a, fiscal_month_range b) noexcept {
        return !(a == b);
    }

private:
    month_type first_;
    month_type last_;
};

// =============================================================================================
// Reporting frequencies

/// How often a measure or report is produced.
enum class frequency { monthly, bi_monthly, quarterly, six_monthly, annual };

/// Returns: "monthly", "bi-monthly", "quarterly", "six-monthly" or "annual".
[[nodiscard]] constexpr std::string_view to_string(frequency f) noexcept {
    switch (f) {
        case frequency::monthly:
            return "monthly";
        case frequency::bi_monthly:
            return "bi-monthly";
        case frequency::quarterly:
            return "quarterly";
        case frequency::six_monthly:
            return "six-monthly";
        case frequency::annual:
            return "annual";
    }
    return "unknown";
}

/// Reads "monthly", "bi-monthly"/"bimonthly", "quarterly", "six-monthly"/"half-yearly",
/// "annual"/"annually"/"yearly", in any letter case and with surrounding space; words may be
/// joined by a space instead of a hyphen ("bi monthly"), but a word is not split ("mon thly").
/// Returns: the frequency.
/// Throws: parse_error naming the text, at the offset of its first non-space character.
[[nodiscard]] frequency parse_frequency(std::string_view text);
/// Returns: parse_frequency(text), or std::nullopt exactly where it would throw.
[[nodiscard]] std::optional<frequency> try_parse_frequency(std::string_view text) noexcept;

/// Returns: the months between two reports: 1, 2, 3, 6 or 12.
[[nodiscard]] constexpr unsigned months_per_period(frequency f) noexcept {
    switch (f) {
        case frequency::monthly:
            return 1;
        case frequency::bi_monthly:
            return 2;
        case frequency::quarterly:
            return 3;
        case frequency::six_monthly:
            return 6;
        case frequency::annual:
            return 12;
    }
    return 1;
}

/// Which fiscal months a report falls in: every months_per_period(f) months, counting from
/// `first_month` (the index of the first reporting month in each fiscal year). By default the
/// first reporting month closes the first period: M1 monthly, M2 bi-monthly (Cabinet reports
/// from May), M3 quarterly (June), M6 six-monthly, M12 annual (March).
template <unsigned StartMonth = 4>
class reporting_schedule {
public:
    /// `first_month` is 1..months_per_period(f), or 0 for the default.
    /// Throws: invalid_argument naming it otherwise (checked in every build mode).
    explicit constexpr reporting_schedule(frequency f, unsigned first_month = 0)
        : f_(f), first_(first_month == 0 ? months_per_period(f) : first_month) {
        if (first_ < 1 || first_ > months_per_period(f)) {
            throw invalid_argument("a reporting schedule's first month is 1 to " +
                                       std::to_string(months_per_period(f)) + ", not " +
                                       std::to_string(first_month),
                                   std::to_string(first_month));
        }
    }
    /// Returns: the frequency of the reports.
    [[nodiscard]] constexpr frequency cadence() const noexcept { return f_; }
    /// Returns: the index of the first reporting month of each fiscal year.
    [[nodiscard]] constexpr unsigned first_month() const noexcept { return first_; }

    /// Returns: true when a report falls in month m. Requires: m.ok().
    [[nodiscard]] constexpr bool is_reporting_month(fiscal_month<StartMonth> m) const noexcept {
        return (m.index() + 12 - first_) % months_per_period(f_) == 0;
    }
    /// Returns: the reporting months of `y`, in order.
    [[nodiscard]] std::vector<fiscal_month<StartMonth>> reporting_months(
        fiscal_year<StartMonth> y) const {
        std::vector<fiscal_month<StartMonth>> out;
        for (auto m : y.months()) {
            if (is_reporting_month(m)) out.push_back(m);
        }
        return out;
    }
    /// Returns: the latest reporting month at or before m (possibly in the previous year).
    [[nodiscard]] constexpr fiscal_month<StartMonth> latest_reporting_month(
        fiscal_month<StartMonth> m) const noexcept {
        while (!is_reporting_month(m)) m = m.prev();
        return m;
    }

private:
    frequency f_;
    unsigned first_;
};

/// Returns: true when a report of frequency f, on the default schedule, falls in month m.
template <unsigned S>
[[nodiscard]] constexpr bool is_reporting_month(fiscal_month<S> m, frequency f) noexcept {
    return reporting_schedule<S>(f).is_reporting_month(m);
}

/// Returns: the number of months from `from` to `to` (negative when `to` is earlier); the same as
/// `to - from`. months_between(M12 2022/23, M2 2023/24) is 2 months.
template <unsigned S>
[[nodiscard]] constexpr date::months months_between(fiscal_month<S> from,
                                                    fiscal_month<S> to) noexcept {
    return to - from;
}

/// Returns: the month whose data a report made in `report_month` shows, for data reported
/// `lag` months in arrears. Seed 003: waste tonnage is a month behind, so the May 2023 report
/// shows April (M1); invoices are collected at 120 days, so a report shows invoices raised
/// four months before. Defined for every lag, including months{INT_MIN}.
template <unsigned S>
[[nodiscard]] constexpr fiscal_month<S> in_arrears(fiscal_month<S> report_month,
                                                   date::months lag) noexcept {
    return report_month - lag;
}

inline namespace literals {
/// Returns: 2023_fy is the UK fiscal year 2023/24; a number above 1,000,000 is clamped to it
/// (not ok()).
[[nodiscard]] constexpr fiscal_year<4> operator""_fy(unsigned long long start_year) noexcept {
    return fiscal_year<4>(static_cast<int>(start_year > 1'000'000ull ? 1'000'000ull : start_year));
}
}  // namespace literals

// =============================================================================================
// Implementation

template <unsigned S>
constexpr fiscal_month<S> fiscal_year<S>::month(unsigned n) const noexcept {
    return fiscal_month<S>(*this, n);
}
template <unsigned S>
constexpr fiscal_quarter<S> fiscal_year<S>::quarter(unsigned q) const noexcept {
    return fiscal_quarter<S>(*this, q);
}
template <unsigned S>
constexpr fiscal_month_range<S> fiscal_year<S>::months() const noexcept {
    return fiscal_month_range<S>(month(1), month(12));
}
template <unsigned S>
constexpr fiscal_quarter<S> fiscal_month<S>::quarter() const noexcept {
    return fiscal_quarter<S>(y_, (m_ + 2u) / 3u);
}
template <unsigned S>
constexpr fiscal_month_range<S> fiscal_month<S>::ytd() const noexcept {
    return fiscal_month_range<S>(y_.month(1), *this);
}
template <unsigned S>
constexpr fiscal_month_range<S> fiscal_quarter<S>::months() const noexcept {
    return fiscal_month_range<S>(first_month(), last_month());
}

namespace detail {

/// A small cursor over period text; every failure records why and where.
struct period_scanner {
    std::string_view s;
    std::size_t i = 0;
    const char* why = nullptr;
    std::size_t where = 0;

    bool fail(const char* reason) {
        if (why == nullptr) {
            why = reason;
            where = i;
        }
        return false;
    }
    void skip_spaces() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    }
    bool at_end() const { return i >= s.size(); }
    bool take(char c) {
        if (i < s.size() && (s[i] == c || (c >= 'A' && c <= 'Z' && s[i] == c - 'A' + 'a'))) {
            ++i;
            return true;
        }
        return false;
    }
    /// Reads 1..max_digits digits; returns how many were read (0: none).
    std::size_t digits(int* value, std::size_t max_digits) {
        std::size_t n = 0;
        int v = 0;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9' && n < max_digits) {
            v = v * 10 + (s[i] - '0');
            ++i;
            ++n;
        }
        if (i < s.size() && s[i] >= '0' && s[i] <= '9') return 0;  // too many digits
        *value = v;
        return n;
    }

    /// fiscal year label; sets *start_year.
    bool fiscal_year_label(int* start_year, bool january_start) {
        if (take('F')) {
            if (!take('Y')) return fail("expected \"FY\" or a year");
            skip_spaces();
        }
        const std::size_t first_at = i;
        int first = 0;
        const std::size_t n1 = digits(&first, 4);
        if (n1 != 2 && n1 != 4) {
            i = first_at;
            return fail("the first year must have 4 digits (or 2, for 20yy)");
        }
        if (n1 == 2) first += 2000;
        if (at_end() || (s[i] != '/' && s[i] != '-')) {
            if (january_start && n1 == 4) {
                *start_year = first;
                return true;
            }
            return fail("expected '/' or '-' between the two years, as in 2023/24");
        }
        ++i;
        const std::size_t second_at = i;
        int second = 0;
        const std::size_t n2 = digits(&second, 4);
        if (n2 == 0 || n2 == 3) {
            i = second_at;
            return fail("the second year must have 1, 2 or 4 digits");
        }
        const int expected = january_start ? first : first + 1;
        int modulus = 1;
        for (std::size_t k = 0; k < n2; ++k) modulus *= 10;
        if (second != expected % modulus) {
            i = second_at;
            return fail(january_start ? "a fiscal year starting in January is one calendar year"
                                      : "the second year must be the year after the first");
        }
        *start_year = first;
        return true;
    }
};

template <unsigned S>
inline std::optional<fiscal_year<S>> parse_fiscal_year(period_scanner& p) {
    p.skip_spaces();
    int y = 0;
    if (!p.fiscal_year_label(&y, S == 1)) return std::nullopt;
    p.skip_spaces();
    if (!p.at_end()) {
        p.fail("unexpected text after the fiscal year");
        return std::nullopt;
    }
    return fiscal_year<S>(y);
}

template <unsigned S>
inline std::optional<fiscal_month<S>> parse_fiscal_month(period_scanner& p) {
    p.skip_spaces();
    if (!p.take('M')) {
        p.fail("a fiscal month label starts with M, as in \"M3 2023/24\"");
        return std::nullopt;
    }
    int m = 0;
    const std::size_t at = p.i;
    if (p.digits(&m, 2) == 0) {
        p.fail("expected the month number after M");
        return std::nullopt;
    }
    if (m < 1 || m > 12) {
        p.i = at;
        p.fail("the fiscal month must be 1 to 12");
        return std::nullopt;
    }
    const std::size_t before_space = p.i;
    p.skip_spaces();
    if (p.i == before_space) {
        p.fail("expected a space and the fiscal year, as in \"M3 2023/24\"");
        return std::nullopt;
    }
    int y = 0;
    if (!p.fiscal_year_label(&y, S == 1)) return std::nullopt;
    p.skip_spaces();
    if (!p.at_end()) {
        p.fail("unexpected text after the fiscal month");
        return std::nullopt;
    }
    return fiscal_month<S>(fiscal_year<S>(y), static_cast<unsigned>(m));
}

template <unsigned S>
inline std::optional<fiscal_quarter<S>> parse_fiscal_quarter(period_scanner& p) {
    p.skip_spaces();
    auto quarter = [&p](int* q) {
        if (!p.take('Q')) return p.fail("a quarter label has Q1 to Q4, as in \"Q1 2023/24\"");
        const std::size_t at = p.i;
        if (p.digits(q, 1) == 0) return p.fail("expected the quarter number after Q");
        if (*q < 1 || *q > 4) {
            p.i = at;
            return p.fail("the quarter must be 1 to 4");
        }
        return true;
    };
    int q = 0;
    int y = 0;
    const bool quarter_first = p.i < p.s.size() && (p.s[p.i] == 'Q' || p.s[p.i] == 'q');
    if (quarter_first) {
        if (!quarter(&q)) return std::nullopt;
        const std::size_t before = p.i;
        p.skip_spaces();
        if (p.i == before) {
            p.fail("expected a space and the fiscal year, as in \"Q1 2023/24\"");
            return std::nullopt;
        }
        if (!p.fiscal_year_label(&y, S == 1)) return std::nullopt;
    } else {
        if (!p.fiscal_year_label(&y, S == 1)) return std::nullopt;
        const std::size_t before = p.i;
        p.skip_spaces();
        if (p.i == before) {
            p.fail("expected a space and the quarter, as in \"2023/24 Q1\"");
            return std::nullopt;
        }
        if (!quarter(&q)) return std::nullopt;
    }
    p.skip_spaces();
    if (!p.at_end()) {
        p.fail("unexpected text after the fiscal quarter");
        return std::nullopt;
    }
    return fiscal_quarter<S>(fiscal_year<S>(y), static_cast<unsigned>(q));
}

/// The start year a fiscal year holds, for printing (any value, not only date's range).
struct period_access {
    template <unsigned S>
    [[nodiscard]] static constexpr int year_number(fiscal_year<S> y) noexcept {
        return y.y_;
    }
};

/// The last two digits of |v|.
inline std::string two_digits(int v) {
    v = (v < 0 ? -v : v) % 100;
    std::string s(2, '0');
    s[0] = static_cast<char>('0' + v / 10);
    s[1] = static_cast<char>('0' + v % 10);
    return s;
}

}  // namespace detail

namespace detail {
/// Runs `parse` over `text`; returns its value or throws the parse_error it recorded.
template <class Parse>
[[nodiscard]] auto parse_or_throw(std::string_view text, const char* what, Parse parse) {
    period_scanner p{text};
    if (auto value = parse(p)) return *value;
    throw parse_error(text, what, p.why, p.where);
}
}  // namespace detail

template <unsigned S>
fiscal_year<S> fiscal_year<S>::parse(std::string_view text) {
    return detail::parse_or_throw(text, "a fiscal year", detail::parse_fiscal_year<S>);
}
template <unsigned S>
std::optional<fiscal_year<S>> fiscal_year<S>::try_parse(std::string_view text) noexcept {
    detail::period_scanner p{text};
    return detail::parse_fiscal_year<S>(p);
}
template <unsigned S>
fiscal_month<S> fiscal_month<S>::parse(std::string_view text) {
    return detail::parse_or_throw(text, "a fiscal month", detail::parse_fiscal_month<S>);
}
template <unsigned S>
std::optional<fiscal_month<S>> fiscal_month<S>::try_parse(std::string_view text) noexcept {
    detail::period_scanner p{text};
    return detail::parse_fiscal_month<S>(p);
}
template <unsigned S>
fiscal_quarter<S> fiscal_quarter<S>::parse(std::string_view text) {
    return detail::parse_or_throw(text, "a fiscal quarter", detail::parse_fiscal_quarter<S>);
}
template <unsigned S>
std::optional<fiscal_quarter<S>> fiscal_quarter<S>::try_parse(std::string_view text) noexcept {
    detail::period_scanner p{text};
    return detail::parse_fiscal_quarter<S>(p);
}

template <unsigned S>
std::string to_string(fiscal_year<S> y) {
    const int start = detail::period_access::year_number(y);  // within ±1,000,000
    // Four digits at least, so that year 23 prints "0023/24" (never "23/24", which reads as
    // 2023/24).
    std::string s = std::to_string(start < 0 ? -start : start);
    if (s.size() < 4) s.insert(0, 4 - s.size(), '0');
    if (start < 0) s.insert(0, 1, '-');
    if (S != 1) s += '/' + detail::two_digits(start + 1);
    return s;
}
template <unsigned S>
std::string to_string(fiscal_month<S> m) {
    return 'M' + std::to_string(m.index()) + ' ' + to_string(m.year());
}
template <unsigned S>
std::string to_string(fiscal_quarter<S> q) {
    return 'Q' + std::to_string(q.index()) + ' ' + to_string(q.year());
}

inline std::optional<frequency> try_parse_frequency(std::string_view text) noexcept {
    // Surrounding space is ignored and letter case too; between words, a run of spaces, tabs or
    // hyphens reads as one hyphen ("Bi monthly", "six - monthly"). A space inside a word is not
    // ignored: "mon thly" is not a frequency. No frequency is longer than the buffer.
    const std::string_view body = detail::trim(text);
    char buffer[16] = {};
    std::size_t n = 0;
    for (char c : body) {
        const bool gap = c == ' ' || c == '\t' || c == '-';
        if (gap && n > 0 && buffer[n - 1] == '-') continue;
        if (n == sizeof buffer) return std::nullopt;
        buffer[n++] = gap ? '-' : detail::to_lower(c);
    }
    const std::string_view t(buffer, n);
    if (t == "monthly") return frequency::monthly;
    if (t == "bi-monthly" || t == "bimonthly") return frequency::bi_monthly;
    if (t == "quarterly") return frequency::quarterly;
    if (t == "six-monthly" || t == "sixmonthly" || t == "half-yearly" || t == "halfyearly") {
        return frequency::six_monthly;
    }
    if (t == "annual" || t == "annually" || t == "yearly") return frequency::annual;
    return std::nullopt;
}

inline frequency parse_frequency(std::string_view text) {
    if (const auto f = try_parse_frequency(text)) return *f;
    std::size_t lead = 0;
    (void)detail::trim(text, &lead);
    throw parse_error(text, "a reporting frequency",
                      "expected monthly, bi-monthly, quarterly, six-monthly or annual", lead);
}

}  // namespace bmm
