// bmm — io/table_declaration: a table declaration's text, and a printed table's CSV.
//
// The declaration is a small strict text, one statement a line (docs/tables.md has it whole):
//
//   table "Isle of Wight, Adult and Community Services, July 2004"
//   rounding half_up
//   direction budget - forecast            # or forecast - budget, or infer (the default)
//   basis signed                           # the variance %: magnitude, signed or infer
//   nil "-" absent                         # the table's nil marks: zero or absent
//   column "SERVICE" name
//   column "CURRENT YEAR 2004/5 ANNUAL BUDGET £000" budget £000
//   column "CURRENT YEAR 2004/5 % SPENT" pct_spent nil "-" absent undefined "0"
//   column "LAST YEAR 2003/4 ANNUAL BUDGET £000" budget last_year £000
//   column "COMMENTS" note
//   total @8 = after "2.Childrens Services"
//   total "TOTAL" = "Education" + "Social Services"      # a line ending in + or , goes on
//   check remaining == budget - actual
//
// Strings are in double quotes ("" for a quote inside); a line ending in + - , = or a comparison
// goes on to the next; `#` after a space or at the start of a
// line begins a comment ("Expenditure"#3 is the third row labelled Expenditure). Anything the
// format does not hold is a table_error at FILE:LINE:COLUMN: an unknown statement, role, unit
// or option, a repeated statement or column, a money column without a unit.
//
//   bmm::table_declaration d = bmm::parse_table_declaration(text, "adult.decl");
//   bmm::printed_table t = bmm::read_printed_table(csv_text, d, "table.csv");
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../audit/printed_table.hpp"
#include "../audit/table_declaration.hpp"
#include "../csv.hpp"
#include "../decimal.hpp"
#include "../detail/text.hpp"
#include "../detail/try_twin.hpp"
#include "../error.hpp"
#include "../ratio.hpp"
#include "../rounding.hpp"

namespace bmm {

/// Reads a declaration's text; `file` names it in errors and in the declaration.
/// Returns: the declaration.
/// Throws: table_error at FILE:LINE:COLUMN for anything docs/tables.md does not allow, and for
/// a declaration without `rounding` (at its first line).
[[nodiscard]] table_declaration parse_table_declaration(std::string_view text,
                                                        std::string file = {});
/// Returns: parse_table_declaration(text), or std::nullopt where it would throw.
[[nodiscard]] std::optional<table_declaration> try_parse_table_declaration(
    std::string_view text) noexcept;

/// Reads a printed table's CSV (its heading row first) under `declaration`; `file` names it.
/// Returns: the table (bmm/audit/printed_table.hpp).
/// Throws: table_error at FILE:LINE:COLUMN for malformed CSV, and as printed_table::read.
[[nodiscard]] printed_table read_printed_table(std::string_view csv_text,
                                               table_declaration declaration,
                                               std::string file = {});
/// Returns: read_printed_table(csv_text, declaration), or std::nullopt exactly where it would
/// throw.
[[nodiscard]] std::optional<printed_table> try_read_printed_table(
    std::string_view csv_text, const table_declaration& declaration) noexcept;

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {

struct decl_token {
    enum kind_t { word, string, number, symbol, end } kind = end;
    std::string text;
    std::size_t line = 1, column = 1;
    bool spaced = true;  ///< white space before it
};

/// Splits a declaration into statements of tokens (a line ending in + - , = or a comparison
/// continues).
class decl_lexer {
public:
    decl_lexer(std::string_view text, std::string file) : text_(text), file_(std::move(file)) {}

    [[nodiscard]] source_position at(std::size_t line, std::size_t column) const {
        return source_position{file_, line, column};
    }

    /// Returns: the statements, each its tokens in order.
    std::vector<std::vector<decl_token>> statements() {
        std::vector<std::vector<decl_token>> out;
        std::vector<decl_token> current;
        std::size_t line = 1;
        std::size_t pos = 0;
        if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos = 3;
        while (pos <= text_.size()) {
            std::size_t end = text_.find('\n', pos);
            if (end == std::string_view::npos) end = text_.size();
            std::string_view l = text_.substr(pos, end - pos);
            if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
            std::vector<decl_token> toks = tokens(l, line);
            for (decl_token& t : toks) current.push_back(std::move(t));
            const bool more = !current.empty() && current.back().kind == decl_token::symbol &&
                              std::string_view("+ - , = == <= >= < >").find(current.back().text) !=
                                  std::string_view::npos;
            if (!more && !current.empty()) {
                out.push_back(std::move(current));
                current.clear();
            }
            pos = end + 1;
            ++line;
        }
        if (!current.empty()) {
            const decl_token& last = current.back();
            throw table_error(at(last.line, last.column), last.text, "a declaration",
                              "the statement goes on past the end of the text");
        }
        return out;
    }

private:
    std::vector<decl_token> tokens(std::string_view l, std::size_t line) const {
        std::vector<decl_token> out;
        std::size_t i = 0;
        bool spaced = true;
        auto column_of = [&](std::size_t byte) {
            std::size_t c = 1;
            for (std::size_t k = 0; k < byte; ++k) {
                if ((static_cast<unsigned char>(l[k]) & 0xC0u) != 0x80u) ++c;
            }
            return c;
        };
        while (i < l.size()) {
            const char c = l[i];
            if (c == ' ' || c == '\t') {
                ++i;
                spaced = true;
                continue;
            }
            decl_token t;
            t.line = line;
            t.column = column_of(i);
            t.spaced = spaced;
            spaced = false;
            if (c == '#' && t.spaced) break;  // a comment
            if (c == '"') {
                std::size_t k = i + 1;
                std::string s;
                bool closed = false;
                while (k < l.size()) {
                    if (l[k] == '"') {
                        if (k + 1 < l.size() && l[k + 1] == '"') {
                            s += '"';
                            k += 2;
                            continue;
                        }
                        closed = true;
                        ++k;
                        break;
                    }
                    s += l[k++];
                }
                if (!closed) {
                    throw table_error(at(line, t.column), l.substr(i), "a string",
                                      "the string is not closed on its line");
                }
                t.kind = decl_token::string;
                t.text = std::move(s);
                i = k;
            } else if (is_alpha(c) || c == '_') {
                std::size_t k = i;
                while (k < l.size() && (is_alpha(l[k]) || is_digit(l[k]) || l[k] == '_')) ++k;
                t.kind = decl_token::word;
                t.text = std::string(l.substr(i, k - i));
                i = k;
            } else if (is_digit(c) || (c == '.' && i + 1 < l.size() && is_digit(l[i + 1]))) {
                std::size_t k = i;
                while (k < l.size() && (is_digit(l[k]) || l[k] == '.')) ++k;
                t.kind = decl_token::number;
                t.text = std::string(l.substr(i, k - i));
                i = k;
            } else if (l.substr(i, 2) == "£") {
                std::size_t k = i + 2;
                while (k < l.size()) {
                    if (is_digit(l[k]) || l[k] == '\'' || l[k] == 'k' || l[k] == 'm') {
                        ++k;
                    } else if (l.substr(k, 3) == "\xE2\x80\x99") {
                        k += 3;
                    } else {
                        break;
                    }
                }
                t.kind = decl_token::word;
                t.text = std::string(l.substr(i, k - i));
                i = k;
            } else {
                static constexpr std::string_view two[] = {"==", "<=", ">="};
                t.kind = decl_token::symbol;
                bool done = false;
                for (std::string_view s : two) {
                    if (l.substr(i, 2) == s) {
                        t.text = std::string(s);
                        i += 2;
                        done = true;
                    }
                }
                if (!done) {
                    constexpr std::string_view one = "=+-,*/<>()[]#@%";
                    if (one.find(c) == std::string_view::npos) {
                        std::size_t n = 1;
                        while (i + n < l.size() &&
                               (static_cast<unsigned char>(l[i + n]) & 0xC0u) == 0x80u) {
                            ++n;
                        }
                        throw table_error(at(line, t.column), l.substr(i, n), "a declaration",
                                          "a character the format does not use here");
                    }
                    t.text = std::string(1, c);
                    ++i;
                }
            }
            out.push_back(std::move(t));
        }
        return out;
    }

    std::string_view text_;
    std::string file_;
};

/// Reads the statements of a declaration into `d`.
class decl_parser {
public:
    decl_parser(std::string_view text, std::string file) : lexer_(text, file), file_(file) {
        d_.file = std::move(file);
    }

    table_declaration parse() {
        for (std::vector<decl_token>& s : lexer_.statements()) {
            toks_ = std::move(s);
            k_ = 0;
            statement();
        }
        if (!d_.rounding) {
            throw table_error(source_position{file_, 1, std::size_t{1}}, d_.file, "a declaration",
                              "it does not say how the table was rounded: write rounding "
                              "half_up (or the mode it was printed by)");
        }
        finish();
        return std::move(d_);
    }

private:
    // -- tokens ---------------------------------------------------------------------------
    [[nodiscard]] const decl_token& peek() const {
        static const decl_token end_token;
        return k_ < toks_.size() ? toks_[k_] : end_token;
    }
    [[nodiscard]] source_position here() const {
        if (k_ < toks_.size()) return lexer_.at(toks_[k_].line, toks_[k_].column);
        const decl_token& last = toks_.back();
        return lexer_.at(last.line, last.column + last.text.size() + 1);
    }
    [[noreturn]] void fail(std::string_view what, std::string_view why) const {
        throw table_error(here(), k_ < toks_.size() ? toks_[k_].text : std::string(), what, why);
    }
    [[nodiscard]] bool at_end() const { return k_ >= toks_.size(); }
    [[nodiscard]] bool is_word(std::string_view w) const {
        return k_ < toks_.size() && toks_[k_].kind == decl_token::word && toks_[k_].text == w;
    }
    [[nodiscard]] bool is_symbol(std::string_view s) const {
        return k_ < toks_.size() && toks_[k_].kind == decl_token::symbol && toks_[k_].text == s;
    }
    [[nodiscard]] bool is_string() const {
        return k_ < toks_.size() && toks_[k_].kind == decl_token::string;
    }
    void expect_symbol(std::string_view s, std::string_view what) {
        if (!is_symbol(s)) fail(what, "expected \"" + std::string(s) + "\"");
        ++k_;
    }
    std::string expect_word(std::string_view what) {
        if (k_ >= toks_.size() || toks_[k_].kind != decl_token::word) fail(what, "expected a word");
        return toks_[k_++].text;
    }
    std::string expect_string(std::string_view what) {
        if (!is_string()) fail(what, "expected a text in double quotes");
        return toks_[k_++].text;
    }
    void expect_end() {
        if (!at_end()) fail("a declaration", "unexpected text at the end of the statement");
    }
    decimal expect_number(std::string_view what) {
        bool negative = false;
        if (is_symbol("-")) {
            negative = true;
            ++k_;
        }
        if (k_ >= toks_.size() || toks_[k_].kind != decl_token::number) {
            fail(what, "expected a number");
        }
        const auto v = decimal::try_parse(toks_[k_].text);
        if (!v) fail(what, "not a number bmm can hold (at most 18 decimal places)");
        ++k_;
        return negative ? -*v : *v;
    }
    void once(bool& seen, std::string_view what) {
        if (seen) fail(what, "declared twice");
        seen = true;
    }

    // -- pieces -----------------------------------------------------------------------------
    row_ref rowref(std::string_view what) {
        row_ref r;
        r.source = here();
        if (is_symbol("@")) {
            ++k_;
            if (k_ >= toks_.size() || toks_[k_].kind != decl_token::number ||
                toks_[k_].text.find('.') != std::string::npos) {
                fail(what, "expected a data-row number after @");
            }
            r.number = std::stoul(toks_[k_].text);
            if (*r.number == 0) fail(what, "data rows are numbered from 1");
            ++k_;
            return r;
        }
        r.label = expect_string(what);
        if (is_symbol("#") && !peek().spaced) {
            ++k_;
            if (k_ >= toks_.size() || toks_[k_].kind != decl_token::number ||
                toks_[k_].text.find('.') != std::string::npos || toks_[k_].spaced) {
                fail(what, "expected the occurrence's number after #");
            }
            r.occurrence = std::stoul(toks_[k_].text);
            if (r.occurrence == 0) fail(what, "occurrences are numbered from 1");
            ++k_;
        }
        return r;
    }
    variance_direction direction(std::string_view what) {
        if (is_word("infer")) {
            ++k_;
            return variance_direction::infer;
        }
        const std::size_t start = k_;
        const std::string a = expect_word(what);
        expect_symbol("-", what);
        const std::string b = expect_word(what);
        if (auto d = try_parse_variance_direction(a + " - " + b)) return *d;
        k_ = start;
        fail(what,
             "expected forecast - budget, budget - forecast (actual or spend for "
             "forecast) or infer");
    }
    std::string block_name(std::string_view what) {
        if (is_string()) return expect_string(what);
        return expect_word(what);
    }

    // -- statements ---------------------------------------------------------------------------
    void statement() {
        const std::string_view what = "a statement";
        if (k_ >= toks_.size() || toks_[0].kind != decl_token::word) {
            fail(what,
                 "a statement starts with table, rounding, direction, basis, nil, signed, "
                 "ignore, column, total, net, summary or check");
        }
        const std::string head = toks_[k_++].text;
        if (head == "table") {
            once(seen_title_, "table");
            d_.title = expect_string("a table's title");
            expect_end();
        } else if (head == "rounding") {
            once(seen_rounding_, "rounding");
            const std::string m = expect_word("a rounding mode");
            constexpr rounding_mode modes[] = {
                rounding_mode::half_up,     rounding_mode::half_down,      rounding_mode::half_even,
                rounding_mode::toward_zero, rounding_mode::away_from_zero, rounding_mode::floor,
                rounding_mode::ceiling};
            for (rounding_mode r : modes) {
                if (m == to_string(r)) d_.rounding = r;
            }
            if (!d_.rounding) {
                --k_;
                fail("a rounding mode",
                     "expected half_up, half_down, half_even, toward_zero, "
                     "away_from_zero, floor or ceiling");
            }
            expect_end();
        } else if (head == "direction") {
            once(seen_direction_, "direction");
            d_.direction_at = lexer_.at(toks_[0].line, toks_[0].column);
            d_.direction = direction("a variance direction");
            expect_end();
        } else if (head == "basis") {
            once(seen_basis_, "basis");
            d_.basis_at = lexer_.at(toks_[0].line, toks_[0].column);
            const std::string b = expect_word("a percentage basis");
            const auto v = try_parse_percent_basis(b);
            if (!v) {
                --k_;
                fail("a percentage basis", "expected magnitude, signed or infer");
            }
            d_.basis = *v;
            expect_end();
        } else if (head == "nil") {
            d_.nil.push_back(nil(d_.nil));
            expect_end();
        } else if (head == "signed") {
            if (!is_word("zeros")) fail("signed zeros", "expected: signed zeros");
            ++k_;
            once(seen_signed_, "signed zeros");
            d_.signed_zeros = true;
            expect_end();
        } else if (head == "ignore") {
            if (!is_word("row") && !is_word("rows")) fail("ignore", "expected: ignore row @N");
            ++k_;
            for (;;) {
                row_ref r = rowref("an ignored row");
                if (!r.number) {
                    k_ = k_ - 1;
                    fail("an ignored row", "ignore takes data-row numbers (@3)");
                }
                d_.ignored_rows.push_back(std::move(r));
                if (!is_symbol(",")) break;
                ++k_;
            }
            expect_end();
        } else if (head == "column") {
            column();
        } else if (head == "total") {
            total();
        } else if (head == "net") {
            net();
        } else if (head == "summary") {
            summary();
        } else if (head == "check") {
            check();
        } else {
            --k_;
            fail(what,
                 "a statement starts with table, rounding, direction, basis, nil, signed, "
                 "ignore, column, total, net, summary or check");
        }
    }

    nil_mark nil(const std::vector<nil_mark>& before) {
        nil_mark m;
        const std::size_t at = k_;
        m.text = expect_string("a nil mark");
        for (const nil_mark& b : before) {
            if (b.text == m.text) {
                k_ = at;
                fail("a nil mark", "the mark is declared twice");
            }
        }
        const std::string w = expect_word("a nil mark's meaning");
        const auto mean = try_parse_nil_meaning(w);
        if (!mean) {
            --k_;
            fail("a nil mark's meaning", "expected zero or absent");
        }
        m.meaning = *mean;
        return m;
    }

    void column() {
        table_column c;
        c.source = here();
        c.heading = expect_string("a column's heading");
        for (const table_column& o : d_.columns) {
            if (o.heading == c.heading) {
                --k_;
                fail("a column", "the column is declared twice (first at line " +
                                     std::to_string(o.source ? o.source->line : 0) + ")");
            }
        }
        const std::string role = expect_word("a column role");
        const auto r = try_parse_table_role(role);
        if (!r) {
            --k_;
            fail("a column role",
                 "not one of the roles of docs/tables.md (name, group, budget, "
                 "forecast, actual, variance, variance_pct, ..., note, ignore)");
        }
        c.role = *r;
        bool seen_block = false, seen_unit = false;
        while (!at_end()) {
            const std::size_t at = k_;
            if (is_word("year") || is_word("to_date") || is_word("last_year")) {
                once(seen_block, "a column's block");
                c.block = toks_[k_++].text;
            } else if (is_word("block")) {
                ++k_;
                once(seen_block, "a column's block");
                c.block = block_name("a block's name");
            } else if (k_ < toks_.size() &&
                       ((toks_[k_].kind == decl_token::word && toks_[k_].text.rfind("£", 0) == 0) ||
                        is_symbol("%") || is_word("count"))) {
                once(seen_unit, "a column's unit");
                const auto u = try_parse_table_unit(toks_[k_].text);
                if (!u) fail("a unit", "expected £, £000, £'000, £m, % or count");
                c.unit = *u;
                ++k_;
            } else if (is_word("places")) {
                ++k_;
                const decimal p = expect_number("a number of decimal places");
                if (p.places() != 0 || p < zero || p > decimal::from_units(18, 0)) {
                    --k_;
                    fail("a number of decimal places", "expected 0 ... 18");
                }
                c.places = static_cast<int>(p.units());
            } else if (is_word("nil")) {
                ++k_;
                c.nil.push_back(nil(c.nil));
            } else if (is_word("undefined")) {
                ++k_;
                c.undefined.push_back(expect_string("what the column prints for an undefined %"));
            } else if (is_word("brackets")) {
                ++k_;
                const auto b = try_parse_bracket_style(expect_word("a bracket style"));
                if (!b) {
                    --k_;
                    fail("a bracket style", "expected negative or prose");
                }
                c.brackets = *b;
            } else if (is_word("exact")) {
                ++k_;
                c.exact = true;
            } else if (is_word("at_least")) {
                ++k_;
                c.at_least = expect_number("a least value");
            } else if (is_word("at_most")) {
                ++k_;
                c.at_most = expect_number("a greatest value");
            } else if (is_word("direction")) {
                ++k_;
                c.direction = direction("a variance direction");
            } else if (is_word("of")) {
                ++k_;
                c.sign_of = expect_string("the column whose sign it names");
            } else if (is_word("positive")) {
                ++k_;
                c.positive = expect_string("the word for a positive figure");
            } else if (is_word("negative")) {
                ++k_;
                c.negative = expect_string("the word for a negative figure");
            } else if (is_word("zero")) {
                ++k_;
                c.zero_word = expect_string("the word for a zero figure");
            } else if (is_word("status")) {
                ++k_;
                c.status = expect_word("the status counted");
            } else {
                fail("a column option",
                     "expected a block (year, to_date, last_year, block \"...\"), a unit (£, "
                     "£000, £m, %, count), places, nil, undefined, brackets, exact, at_least, "
                     "at_most, direction, of, positive, negative, zero or status");
            }
            (void)at;
        }
        const source_position at = *c.source;
        auto bad = [&](const std::string& why) {
            throw table_error(at, c.heading, "a column declaration", why);
        };
        if (is_percent(c.role)) {
            if (seen_unit && c.unit != table_unit::percent) bad("a % column's unit is %");
            c.unit = table_unit::percent;
        } else if (c.role == table_role::count || c.role == table_role::denominator) {
            if (seen_unit && c.unit != table_unit::count) bad("a count's unit is count");
            c.unit = table_unit::count;
        } else if (is_figure(c.role)) {
            if (!seen_unit) {
                bad("a " + std::string(to_string(c.role)) +
                    " column needs its unit (£, £000, £m or count)");
            }
            if (c.unit == table_unit::percent)
                bad("a % belongs in a variance_pct, pct_spent or "
                    "share column");
        } else if (seen_unit || seen_block || c.places || !c.nil.empty() || c.exact || c.at_least ||
                   c.at_most) {
            bad("a " + std::string(to_string(c.role)) +
                " column holds text: no unit, block, "
                "places, nil marks or bounds");
        }
        if (!c.undefined.empty() && !is_percent(c.role)) {
            bad("undefined is what a % column prints for a ratio it does not compute");
        }
        if (c.direction && c.role != table_role::variance &&
            c.role != table_role::previous_variance) {
            bad("a direction belongs to a variance column");
        }
        if (c.role == table_role::sign) {
            if (c.sign_of.empty() || c.positive.empty() || c.negative.empty()) {
                bad("a sign column needs of \"HEADING\", positive \"WORD\" and negative \"WORD\"");
            }
        } else if (!c.sign_of.empty() || !c.positive.empty() || !c.negative.empty() ||
                   !c.zero_word.empty()) {
            bad("of, positive, negative and zero belong to a sign column");
        }
        if (!c.status.empty() && c.role != table_role::count && c.role != table_role::share) {
            bad("a status belongs to a count or share column");
        }
        d_.columns.push_back(std::move(c));
    }

    void total() {
        table_total t;
        t.source = here();
        t.total = rowref("a total's row");
        expect_symbol("=", "a total");
        if (is_word("above")) {
            ++k_;
            t.by = members_by::above;
        } else if (is_word("after")) {
            ++k_;
            t.by = members_by::after;
            t.after = rowref("the heading a total's members follow");
        } else if (is_word("group")) {
            ++k_;
            t.by = members_by::group;
            t.group = expect_string("a group");
        } else {
            t.by = members_by::named;
            int sign = 1;
            if (is_symbol("-")) {
                sign = -1;
                ++k_;
            }
            for (;;) {
                t.members.push_back(total_member{rowref("a total's member"), sign});
                if (is_symbol("+") || is_symbol("-") || is_symbol(",")) {
                    sign = is_symbol("-") ? -1 : 1;
                    ++k_;
                    continue;
                }
                break;
            }
        }
        if (is_word("in")) {
            ++k_;
            for (;;) {
                t.columns.push_back(expect_string("a column a total sums"));
                if (!is_symbol(",")) break;
                ++k_;
            }
        }
        expect_end();
        d_.totals.push_back(std::move(t));
    }

    void net() {
        table_net n;
        n.source = here();
        if (is_word("rows")) {
            ++k_;
            n.net = expect_string("the net rows' label");
            expect_symbol("=", "net rows");
            n.expenditure = expect_string("the expenditure rows' label");
            expect_symbol("+", "net rows");
            n.income = expect_string("the income rows' label");
        } else if (is_word("blocks")) {
            ++k_;
            n.across_blocks = true;
            n.net = block_name("the net block");
            expect_symbol("=", "net blocks");
            n.expenditure = block_name("the expenditure block");
            expect_symbol("+", "net blocks");
            n.income = block_name("the income block");
        } else {
            fail("a net statement",
                 "expected: net rows \"NET\" = \"EXPENDITURE\" + \"INCOME\", "
                 "or net blocks NET = EXPENDITURE + INCOME");
        }
        expect_end();
        d_.nets.push_back(std::move(n));
    }

    void summary() {
        table_summary s;
        s.source = here();
        for (;;) {
            summary_part p;
            if (is_word("unrated")) {
                ++k_;
                p.unrated = true;
            }
            p.row = rowref("a summary's part");
            s.parts.push_back(std::move(p));
            if (is_symbol("+") || is_symbol(",")) {
                ++k_;
                continue;
            }
            break;
        }
        bool explicit_of = false;
        while (!at_end()) {
            if (is_word("total")) {
                ++k_;
                if (s.total) fail("a summary", "its total is declared twice");
                s.total = rowref("a summary's total");
            } else if (is_word("shares")) {
                ++k_;
                if (!is_word("of")) fail("a summary", "expected: shares of total|rated|ROW");
                ++k_;
                if (explicit_of) fail("a summary", "what its shares are of is declared twice");
                explicit_of = true;
                if (is_word("total")) {
                    ++k_;
                    s.of = shares_of::total;
                } else if (is_word("rated")) {
                    ++k_;
                    s.of = shares_of::rated;
                } else {
                    s.of = shares_of::row;
                    s.of_row = rowref("the row a summary's shares are of");
                }
            } else {
                fail("a summary", "expected total ROW or shares of total|rated|ROW");
            }
        }
        if (!explicit_of) s.of = s.total ? shares_of::total : shares_of::rated;
        if (s.of == shares_of::total && !s.total) {
            throw table_error(*s.source, "shares of total", "a summary",
                              "its shares are of the total, but no total row is declared");
        }
        d_.summaries.push_back(std::move(s));
    }

    /// term := [NUMBER '*'] ref | NUMBER ; ref := (STRING | ROLE ['[' BLOCK ']']) ['@' ROWREF]
    void side(int sign, table_check& c) {
        int s = sign;
        if (is_symbol("-")) {
            s = -sign;
            ++k_;
        } else if (is_symbol("+")) {
            ++k_;
        }
        for (;;) {
            ratio coef(s);
            bool number_only = false;
            if (k_ < toks_.size() && toks_[k_].kind == decl_token::number) {
                const decimal n = expect_number("a coefficient");
                coef = coef * ratio::from_decimal(n);
                if (is_symbol("*")) {
                    ++k_;
                } else {
                    number_only = true;
                }
            }
            if (number_only) {
                c.constant = c.constant - coef;  // moved to the right side
            } else {
                check_term t;
                t.coefficient = coef;
                if (is_string()) {
                    t.heading = expect_string("a column");
                } else {
                    const std::string w = expect_word("a column's heading or role");
                    const auto r = try_parse_table_role(w);
                    if (!r || !is_figure(*r)) {
                        --k_;
                        fail("a column",
                             "expected a heading in double quotes or a figure role "
                             "(budget, actual, variance, ...)");
                    }
                    t.role = r;
                    if (is_symbol("[")) {
                        ++k_;
                        t.block = block_name("a block");
                        expect_symbol("]", "a block");
                    }
                }
                if (is_symbol("@")) {
                    ++k_;
                    t.row = rowref("a row");
                }
                c.terms.push_back(std::move(t));
            }
            if (is_symbol("+") || is_symbol("-")) {
                s = is_symbol("-") ? -sign : sign;
                ++k_;
                continue;
            }
            break;
        }
    }

    void check() {
        table_check c;
        c.source = here();
        const std::size_t first = k_;
        side(1, c);
        // A declaration's check compares by ==, <=, <, >= or > (not != or ~).
        constexpr comparison ops[] = {comparison::equal, comparison::less_equal, comparison::less,
                                      comparison::greater_equal, comparison::greater};
        bool found = false;
        for (const comparison op : ops) {
            if (is_symbol(to_string(op))) {
                c.op = op;
                found = true;
            }
        }
        if (!found) fail("a check", "expected ==, <=, <, >= or >");
        ++k_;
        side(-1, c);
        const std::size_t last = k_;
        if (is_word("for")) {
            ++k_;
            for (;;) {
                c.rows.push_back(rowref("a row a check is for"));
                if (!is_symbol(",")) break;
                ++k_;
            }
        }
        expect_end();
        // The rule as written: the tokens up to `for`.
        for (std::size_t i = first; i < last; ++i) {
            const decl_token& t = toks_[i];
            if (i > first && t.spaced) c.text += ' ';
            c.text += t.kind == decl_token::string ? "\"" + t.text + "\"" : t.text;
        }
        if (c.terms.empty()) fail("a check", "a check names at least one column");
        d_.checks.push_back(std::move(c));
    }

    /// Checks that the statements fit together (a sign's column, a net's blocks).
    void finish() {
        for (const table_column& c : d_.columns) {
            if (c.role == table_role::sign) {
                const table_column* of = d_.find_column(c.sign_of);
                if (of == nullptr || !is_figure(of->role)) {
                    throw table_error(*c.source, c.sign_of, "a sign column's figure column",
                                      "no figure column is declared with this heading");
                }
            }
        }
        for (const table_check& ch : d_.checks) {
            for (const check_term& t : ch.terms) {
                if (!t.heading.empty()) {
                    const table_column* c = d_.find_column(t.heading);
                    if (c == nullptr || !is_figure(c->role)) {
                        throw table_error(*ch.source, t.heading, "a check's column",
                                          "no figure column is declared with this heading");
                    }
                    continue;
                }
                std::size_t n = 0;
                for (const table_column& c : d_.columns) {
                    if (c.role == *t.role && c.block == t.block) ++n;
                }
                if (n != 1) {
                    throw table_error(*ch.source, std::string(to_string(*t.role)),
                                      "a check's column",
                                      std::to_string(n) +
                                          " columns of this role are declared "
                                          "in block " +
                                          t.block + ": name the column by its heading");
                }
            }
        }
    }

    decl_lexer lexer_;
    std::string file_;
    table_declaration d_;
    std::vector<decl_token> toks_;
    std::size_t k_ = 0;
    bool seen_title_ = false, seen_rounding_ = false, seen_direction_ = false, seen_basis_ = false,
         seen_signed_ = false;
};

}  // namespace detail

inline table_declaration parse_table_declaration(std::string_view text, std::string file) {
    return detail::decl_parser(text, std::move(file)).parse();
}

inline std::optional<table_declaration> try_parse_table_declaration(
    std::string_view text) noexcept {
    try {
        return parse_table_declaration(text);
    } catch (const error&) {
        return std::nullopt;
    } catch (const std::exception&) {
        return std::nullopt;
    }
}

inline printed_table read_printed_table(std::string_view csv_text, table_declaration declaration,
                                        std::string file) {
    csv_table csv;
    try {
        csv = read_csv(csv_text);
    } catch (const csv_error& e) {
        throw table_error(source_position{file, e.line(), e.column()}, e.field(), "CSV",
                          e.reason());
    }
    auto field = [&file](const std::string& text, csv_position p) {
        return text_field{text, source_position{file, p.line, p.column}};
    };
    std::vector<text_field> headings;
    headings.reserve(csv.header.size());
    for (std::size_t i = 0; i < csv.header.size(); ++i) {
        headings.push_back(field(csv.header[i], i < csv.header_positions.size()
                                                    ? csv.header_positions[i]
                                                    : csv_position{csv.header_line, 0}));
    }
    std::vector<std::vector<text_field>> rows;
    std::vector<std::size_t> lines;
    rows.reserve(csv.records.size());
    lines.reserve(csv.records.size());
    for (const csv_record& r : csv.records) {
        std::vector<text_field> fields;
        fields.reserve(r.fields.size());
        for (std::size_t i = 0; i < r.fields.size(); ++i)
            fields.push_back(field(r.fields[i], r.at(i)));
        rows.push_back(std::move(fields));
        lines.push_back(r.line);
    }
    if (declaration.file.empty()) declaration.file = file;
    return printed_table::read(std::move(declaration), headings, rows, lines);
}

inline std::optional<printed_table> try_read_printed_table(
    std::string_view csv_text, const table_declaration& declaration) noexcept {
    return detail::try_twin(
        [csv_text, &declaration] { return read_printed_table(csv_text, declaration); });
}

}  // namespace bmm
