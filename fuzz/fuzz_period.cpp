// Fuzz target: fiscal year, quarter and month labels ("2023/24", "Q1 2023/24", "M3 2023/24",
// "2017-18", "22/23", "2023" for a January-start year) in four calendars (April, January, July,
// October), and reporting frequencies. Whatever the input:
//   - each parser returns a period or throws a parse_error quoting the input;
//   - try_parse is std::nullopt exactly where parse throws, and otherwise the same period;
//   - a period read is ok(), prints in canonical form and reads back to the same period, and
//     its first and last days are real days that it contains;
//   - a frequency read prints as a word that reads back to it.
#include <bmm/period.hpp>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "check.hpp"

namespace {

using bmm_fuzz::attempt;
using bmm_fuzz::require;

template <unsigned S>
void one_calendar(std::string_view text) {
    const auto y = attempt<bmm::parse_error>(
        text, [](std::string_view s) { return bmm::fiscal_year<S>::parse(s); });
    bmm_fuzz::agree(y, bmm::fiscal_year<S>::try_parse(text));
    if (y) {
        require(y->ok(), "a fiscal year read is ok()");
        require(bmm::fiscal_year<S>::parse(bmm::to_string(*y)) == *y,
                "a fiscal year prints and reads back");
        require(y->first_day().ok() && y->last_day().ok() && y->contains(y->first_day()) &&
                    y->contains(y->last_day()),
                "a fiscal year contains its first and last days");
        require(y->next() - *y == date::years{1}, "the next year is one year on");
    }
    const auto q = attempt<bmm::parse_error>(
        text, [](std::string_view s) { return bmm::fiscal_quarter<S>::parse(s); });
    bmm_fuzz::agree(q, bmm::fiscal_quarter<S>::try_parse(text));
    if (q) {
        require(q->ok(), "a quarter read is ok()");
        require(bmm::fiscal_quarter<S>::parse(bmm::to_string(*q)) == *q,
                "a quarter prints and reads back");
        require(q->months().size() == 3 && q->first_day().ok() && q->last_day().ok(),
                "a quarter has three months and real first and last days");
    }
    const auto m = attempt<bmm::parse_error>(
        text, [](std::string_view s) { return bmm::fiscal_month<S>::parse(s); });
    bmm_fuzz::agree(m, bmm::fiscal_month<S>::try_parse(text));
    if (m) {
        require(m->ok(), "a month read is ok()");
        require(bmm::fiscal_month<S>::parse(bmm::to_string(*m)) == *m,
                "a month prints and reads back");
        require(m->contains(m->first_day()) && m->contains(m->last_day()) &&
                    bmm::fiscal_month<S>::containing(m->first_day()) == *m,
                "a month contains its days and its first day is in it");
        require(m->ytd().size() == m->index() && m->quarter().contains(*m),
                "a month's YTD and quarter hold it");
        require(m->next() - *m == date::months{1} && m->prev().next() == *m, "months step by one");
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    one_calendar<4>(text);
    one_calendar<1>(text);
    one_calendar<7>(text);
    one_calendar<10>(text);
    const auto f =
        attempt<bmm::parse_error>(text, [](std::string_view s) { return bmm::parse_frequency(s); });
    if (f) {
        require(bmm::parse_frequency(bmm::to_string(*f)) == *f,
                "a frequency prints and reads back");
    }
    return 0;
}
