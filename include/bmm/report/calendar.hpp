// bmm — report/calendar: the months a report speaks of, on a fiscal calendar chosen at run time.
//
// A council's report names months as it prints them ("May 2023", "31/05/2023", "2023-05"),
// quarters of its fiscal year ("Q1 2017/18", "Q1 2022") and fiscal years ("2023/24"). The
// fiscal year starts in any month, read from the report's data (bmm/period.hpp fixes it in the
// type; a report read from files needs it at run time). A measure reports monthly, bi-monthly,
// quarterly, termly, six-monthly, annually or cumulatively, and may be in arrears, so the period
// before its current one is its own.
//
//   operation                              result
//   calendar_month ± int                   calendar_month   (months later or earlier)
//   calendar_month - calendar_month        int              (months between)
//   calendar_month <, ==, ...              bool
//   fiscal_calendar::year_of(m)            int              (the calendar year it starts in)
//   fiscal_calendar::index_of(m)           1..12            (April is month 1 of an April year)
//   report_period::parse(text, calendar)   report_period    (one month, a quarter, a year)
//
//   auto cal = bmm::fiscal_calendar::starting(4);               // April
//   auto may = bmm::calendar_month::parse("May 2023");
//   cal.index_of(may);                                          // 2
//   cal.year_label(may);                                        // "2023/24"
//   bmm::previous_period(may, bmm::reporting_frequency::bi_monthly);  // March 2023
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "../detail/text.hpp"
#include "../error.hpp"

namespace bmm {

namespace detail {
inline constexpr std::array<std::string_view, 12> month_names{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

/// Returns: the month 1..12 a name or a 3-letter abbreviation ("Sept" too) names, ignoring case.
[[nodiscard]] constexpr std::optional<unsigned> month_from_name(std::string_view w) noexcept {
    for (unsigned i = 0; i < 12; ++i) {
        const std::string_view n = month_names[i];
        if (iequals(w, n) || (w.size() == 3 && iequals(w, n.substr(0, 3))) ||
            (i == 8 && iequals(w, "Sept"))) {
            return i + 1;
        }
    }
    return std::nullopt;
}
/// Returns: the whole number `s` spells in ASCII digits (at most 9), or std::nullopt.
[[nodiscard]] constexpr std::optional<int> small_number(std::string_view s) noexcept {
    if (s.empty() || s.size() > 9) return std::nullopt;
    int v = 0;
    for (char c : s) {
        if (!is_digit(c)) return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}
}  // namespace detail

/// A month of the calendar: a year and a month 1..12.
class calendar_month {
public:
    /// Month `month` (1..12) of `year`; ok() says whether it is one.
    constexpr calendar_month(int year, unsigned month) noexcept : year_(year), month_(month) {}

    [[nodiscard]] constexpr int year() const noexcept { return year_; }
    [[nodiscard]] constexpr unsigned month() const noexcept { return month_; }
    /// Returns: true for a month 1..12 of a year in -100000..100000.
    [[nodiscard]] constexpr bool ok() const noexcept {
        return month_ >= 1 && month_ <= 12 && year_ >= -100000 && year_ <= 100000;
    }

    /// Reads "May 2023", "Sept 2023", "2023-05", "05/2023", "31/05/2023" (a day of the month,
    /// day first as UK reports print it), ignoring surrounding space.
    /// Throws: parse_error naming the text when it is none of these.
    [[nodiscard]] static calendar_month parse(std::string_view text) {
        if (auto m = try_parse(text)) return *m;
        throw parse_error(text, "a month",
                          "expected \"May 2023\", \"2023-05\", \"05/2023\" or \"31/05/2023\"");
    }
    /// Returns: parse(text), or std::nullopt where parse would throw.
    [[nodiscard]] static std::optional<calendar_month> try_parse(std::string_view text) noexcept;

    friend constexpr calendar_month operator+(calendar_month m, int months) noexcept {
        const long long idx = static_cast<long long>(m.year_) * 12 + (m.month_ - 1) + months;
        const long long y = idx >= 0 ? idx / 12 : -((-idx + 11) / 12);
        return calendar_month(static_cast<int>(y), static_cast<unsigned>(idx - y * 12) + 1);
    }
    friend constexpr calendar_month operator-(calendar_month m, int months) noexcept {
        return m + (-months);
    }
    /// Returns: the months from b to a (a later month gives a positive number).
    friend constexpr int operator-(calendar_month a, calendar_month b) noexcept {
        return (a.year_ - b.year_) * 12 + (static_cast<int>(a.month_) - static_cast<int>(b.month_));
    }
    friend constexpr bool operator==(calendar_month a, calendar_month b) noexcept {
        return a.year_ == b.year_ && a.month_ == b.month_;
    }
    friend constexpr bool operator!=(calendar_month a, calendar_month b) noexcept {
        return !(a == b);
    }
    friend constexpr bool operator<(calendar_month a, calendar_month b) noexcept {
        return a - b < 0;
    }
    friend constexpr bool operator<=(calendar_month a, calendar_month b) noexcept {
        return a - b <= 0;
    }
    friend constexpr bool operator>(calendar_month a, calendar_month b) noexcept {
        return a - b > 0;
    }
    friend constexpr bool operator>=(calendar_month a, calendar_month b) noexcept {
        return a - b >= 0;
    }

private:
    int year_;
    unsigned month_;
};

/// Returns: "May 2023" (the month's full name and the year).
[[nodiscard]] inline std::string to_string(calendar_month m) {
    if (!m.ok()) return "(not a month)";
    return std::string(detail::month_names[m.month() - 1]) + " " + std::to_string(m.year());
}

/// A fiscal calendar: the month its years start in (1..12; 4 for April, the UK councils' year).
class fiscal_calendar {
public:
    /// Returns: the calendar whose years start in `month`.
    /// Throws: invalid_argument unless month is 1..12.
    [[nodiscard]] static fiscal_calendar starting(unsigned month) {
        if (month < 1 || month > 12) {
            throw invalid_argument("a fiscal year starts in a month 1..12", std::to_string(month));
        }
        return fiscal_calendar(month);
    }
    /// Reads "April", "Apr", "4" (the month a year starts in).
    /// Throws: parse_error naming the text when it is no month.
    [[nodiscard]] static fiscal_calendar parse(std::string_view text) {
        if (auto c = try_parse(text)) return *c;
        throw parse_error(text, "the month a fiscal year starts in",
                          "expected a month name (\"April\") or 1..12");
    }
    /// Returns: parse(text), or std::nullopt where parse would throw.
    [[nodiscard]] static std::optional<fiscal_calendar> try_parse(std::string_view text) noexcept {
        const std::string_view t = detail::trim(text);
        if (auto m = detail::month_from_name(t)) return fiscal_calendar(*m);
        if (auto n = detail::small_number(t); n && *n >= 1 && *n <= 12) {
            return fiscal_calendar(static_cast<unsigned>(*n));
        }
        return std::nullopt;
    }

    /// Returns: the month 1..12 the years start in.
    [[nodiscard]] constexpr unsigned start_month() const noexcept { return start_; }
    /// Returns: the calendar year the fiscal year holding m starts in.
    [[nodiscard]] constexpr int year_of(calendar_month m) const noexcept {
        return m.month() >= start_ ? m.year() : m.year() - 1;
    }
    /// Returns: m's place in its fiscal year, 1..12.
    [[nodiscard]] constexpr unsigned index_of(calendar_month m) const noexcept {
        return (m.month() + 12 - start_) % 12 + 1;
    }
    /// Returns: the first month of the fiscal year starting in calendar year y.
    [[nodiscard]] constexpr calendar_month first_month(int y) const noexcept {
        return calendar_month(y, start_);
    }
    /// Returns: "2023/24" for the year holding m (a January-start year prints "2023").
    [[nodiscard]] std::string year_label(calendar_month m) const {
        const int y = year_of(m);
        if (start_ == 1) return std::to_string(y);
        const int next = ((y + 1) % 100 + 100) % 100;
        return std::to_string(y) + "/" + (next < 10 ? "0" : "") + std::to_string(next);
    }
    /// Returns: "M2 2023/24".
    [[nodiscard]] std::string month_label(calendar_month m) const {
        return "M" + std::to_string(index_of(m)) + " " + year_label(m);
    }
    friend constexpr bool operator==(fiscal_calendar a, fiscal_calendar b) noexcept {
        return a.start_ == b.start_;
    }
    friend constexpr bool operator!=(fiscal_calendar a, fiscal_calendar b) noexcept {
        return !(a == b);
    }

private:
    explicit constexpr fiscal_calendar(unsigned start) noexcept : start_(start) {}
    unsigned start_;
};

/// How often a measure is reported. `cumulative`: a running figure since a fixed date, reported
/// with the report (its previous period is not stated).
enum class reporting_frequency : std::uint8_t {
    monthly,
    bi_monthly,
    quarterly,
    termly,
    six_monthly,
    annual,
    cumulative
};

/// Returns: "monthly", "bi-monthly", "quarterly", "termly", "six-monthly", "annual",
/// "cumulative".
[[nodiscard]] constexpr std::string_view to_string(reporting_frequency f) noexcept {
    constexpr std::string_view names[] = {"monthly",     "bi-monthly", "quarterly", "termly",
                                          "six-monthly", "annual",     "cumulative"};
    return names[static_cast<std::size_t>(f)];
}
/// Returns: the frequency to_string names (also "bimonthly", "half-yearly", "yearly",
/// "annually"; ASCII case ignored, space trimmed), or std::nullopt.
[[nodiscard]] constexpr std::optional<reporting_frequency> try_parse_reporting_frequency(
    std::string_view text) noexcept {
    const std::string_view t = detail::trim(text);
    for (std::uint8_t i = 0; i < 7; ++i) {
        if (detail::iequals(t, to_string(static_cast<reporting_frequency>(i)))) {
            return static_cast<reporting_frequency>(i);
        }
    }
    if (detail::iequals(t, "bimonthly")) return reporting_frequency::bi_monthly;
    if (detail::iequals(t, "half-yearly")) return reporting_frequency::six_monthly;
    if (detail::iequals(t, "yearly") || detail::iequals(t, "annually")) {
        return reporting_frequency::annual;
    }
    return std::nullopt;
}
/// Returns: the frequency `text` names. Throws: parse_error naming the text when it names none.
[[nodiscard]] inline reporting_frequency parse_reporting_frequency(std::string_view text) {
    if (auto f = try_parse_reporting_frequency(text)) return *f;
    throw parse_error(text, "a reporting frequency",
                      "expected monthly, bi-monthly, quarterly, termly, six-monthly, annual or "
                      "cumulative");
}

/// Returns: the months between two reports of a measure (1, 2, 3, 4 for a school term, 6, 12),
/// or std::nullopt for a cumulative measure.
[[nodiscard]] constexpr std::optional<int> months_between(reporting_frequency f) noexcept {
    constexpr int months[] = {1, 2, 3, 4, 6, 12, 0};
    const int m = months[static_cast<std::size_t>(f)];
    if (m == 0) return std::nullopt;
    return m;
}

/// Returns: the period a measure reported before `current` (its own previous period: a
/// bi-monthly measure's before May is March), or std::nullopt for a cumulative measure.
[[nodiscard]] constexpr std::optional<calendar_month> previous_period(
    calendar_month current, reporting_frequency f) noexcept {
    if (auto m = months_between(f)) return current - *m;
    return std::nullopt;
}

/// The months a printed period covers: one month ("May 2023"), a quarter of a fiscal year
/// ("Q1 2017/18"), a fiscal year ("2023/24"). `last` is the month its figures are as at.
struct report_period {
    calendar_month first{0, 0};
    calendar_month last{0, 0};

    /// Returns: the period of one month.
    [[nodiscard]] static constexpr report_period month(calendar_month m) noexcept { return {m, m}; }
    /// Reads a month (as calendar_month::parse), "Q1 2017/18" or "Q1 2017" (quarter 1..4 of the
    /// fiscal year starting in 2017), "2023/24" or "2023-24" (a fiscal year).
    /// Throws: parse_error naming the text when it is none of these.
    [[nodiscard]] static report_period parse(std::string_view text, fiscal_calendar cal) {
        if (auto p = try_parse(text, cal)) return *p;
        throw parse_error(text, "a period",
                          "expected a month (\"May 2023\"), a quarter (\"Q1 2017/18\") or a "
                          "fiscal year (\"2023/24\")");
    }
    /// Returns: parse(text, cal), or std::nullopt where parse would throw.
    [[nodiscard]] static std::optional<report_period> try_parse(std::string_view text,
                                                                fiscal_calendar cal) noexcept;

    /// Returns: true when both ends are months and first <= last.
    [[nodiscard]] constexpr bool ok() const noexcept {
        return first.ok() && last.ok() && first <= last;
    }
    /// Returns: true when the period is one month.
    [[nodiscard]] constexpr bool is_month() const noexcept { return first == last; }
    /// Returns: true when m is one of its months.
    [[nodiscard]] constexpr bool contains(calendar_month m) const noexcept {
        return first <= m && m <= last;
    }
    friend constexpr bool operator==(const report_period& a, const report_period& b) noexcept {
        return a.first == b.first && a.last == b.last;
    }
    friend constexpr bool operator!=(const report_period& a, const report_period& b) noexcept {
        return !(a == b);
    }
};

/// Returns: "May 2023" for one month, "April 2023 to June 2023" otherwise.
[[nodiscard]] inline std::string to_string(const report_period& p) {
    if (p.is_month()) return to_string(p.last);
    return to_string(p.first) + " to " + to_string(p.last);
}

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {
/// Splits "a b" at its one run of spaces (or "a/b", "a-b" at sep): {a, b}, or both empty.
[[nodiscard]] constexpr std::array<std::string_view, 2> split_once(std::string_view t,
                                                                   char sep) noexcept {
    const std::size_t k = t.find(sep);
    if (k == std::string_view::npos) return {};
    std::string_view a = trim(t.substr(0, k));
    std::string_view b = trim(t.substr(k + 1));
    if (a.empty() || b.empty() || b.find(sep) != std::string_view::npos) return {};
    return {a, b};
}
/// Reads "2017/18", "2017-18", "2017/2018" or "2017": the calendar year a fiscal year starts in.
[[nodiscard]] constexpr std::optional<int> fiscal_start_year(std::string_view t) noexcept {
    if (auto y = small_number(t); y && t.size() == 4) return *y;
    for (char sep : {'/', '-'}) {
        auto parts = split_once(t, sep);
        if (parts[0].empty()) continue;
        auto y = small_number(parts[0]);
        auto z = small_number(parts[1]);
        if (!y || !z || parts[0].size() != 4) return std::nullopt;
        if (parts[1].size() == 2 && *z == (*y + 1) % 100) return *y;
        if (parts[1].size() == 4 && *z == *y + 1) return *y;
        return std::nullopt;
    }
    return std::nullopt;
}
}  // namespace detail

inline std::optional<calendar_month> calendar_month::try_parse(std::string_view text) noexcept {
    const std::string_view t = detail::trim(text);
    // "May 2023"
    if (auto p = detail::split_once(t, ' '); !p[0].empty()) {
        auto m = detail::month_from_name(p[0]);
        auto y = detail::small_number(p[1]);
        if (m && y && p[1].size() == 4) return calendar_month(*y, *m);
        return std::nullopt;
    }
    // "2023-05"
    if (auto p = detail::split_once(t, '-'); !p[0].empty()) {
        auto y = detail::small_number(p[0]);
        auto m = detail::small_number(p[1]);
        if (y && m && p[0].size() == 4 && p[1].size() == 2 && *m >= 1 && *m <= 12) {
            return calendar_month(*y, static_cast<unsigned>(*m));
        }
        return std::nullopt;
    }
    // "05/2023" or "31/05/2023"
    const std::size_t a = t.find('/');
    if (a == std::string_view::npos) return std::nullopt;
    const std::size_t b = t.find('/', a + 1);
    std::string_view ms = t.substr(0, a);
    std::string_view ys = t.substr(a + 1);
    if (b != std::string_view::npos) {
        auto d = detail::small_number(t.substr(0, a));
        if (!d || *d < 1 || *d > 31 || a > 2) return std::nullopt;
        ms = t.substr(a + 1, b - a - 1);
        ys = t.substr(b + 1);
    }
    auto m = detail::small_number(ms);
    auto y = detail::small_number(ys);
    if (!m || !y || ms.size() > 2 || ys.size() != 4 || *m < 1 || *m > 12) return std::nullopt;
    return calendar_month(*y, static_cast<unsigned>(*m));
}

inline std::optional<report_period> report_period::try_parse(std::string_view text,
                                                             fiscal_calendar cal) noexcept {
    const std::string_view t = detail::trim(text);
    if (auto m = calendar_month::try_parse(t)) return month(*m);
    if (t.size() > 3 && (t[0] == 'Q' || t[0] == 'q') && t[2] == ' ') {
        auto q = detail::small_number(t.substr(1, 1));
        auto y = detail::fiscal_start_year(detail::trim(t.substr(3)));
        if (!q || *q < 1 || *q > 4 || !y) return std::nullopt;
        const calendar_month first = cal.first_month(*y) + 3 * (*q - 1);
        return report_period{first, first + 2};
    }
    if (auto y = detail::fiscal_start_year(t); y && t.size() > 4) {
        const calendar_month first = cal.first_month(*y);
        return report_period{first, first + 11};
    }
    return std::nullopt;
}

}  // namespace bmm
