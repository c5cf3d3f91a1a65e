// bmm — report/check: a relation a report states in words or implies between its tables,
// entered as a structured check of one printed figure.
//
// Most of what a report implies is built in (a total is the sum of its rows, a variance the
// forecast less the budget, a summary the count of its measures' statuses). What is not — a
// paragraph's "£13.8m (50%)", a directorate table's total against its line in the overall table,
// "the remaining 1400 LED replacements" — is a check: the printed figure (a cell of a table, or a
// figure of a claim), the rule in words, and what the data imply, as an expression:
//
//   expression                              the printed figure must be
//   = 13.8 / 28.2 * 100                     what the figures give (they stand for their
//                                           printed intervals; exact(...) for an exact value)
//   = [annexB_savings.csv|TOTAL|Total £m]   a cell of a table (FILE|ROW|COLUMN; ROW|COLUMN or
//                                           ROW in the check's own table and column)
//   = sum([Adult Social Care]..[Pooled Budgets])   a total of rows, in print order
//   = {Budget} + {Variance}                 cells of the checked cell's row
//   >= 950, < [OCC11.10|Period Target]      a comparison (<, <=, >, >=, =, !=)
//   ~ 25150 - 22390 - 1339                  a round figure ("the remaining 1400"): agrees when
//                                           equal, rounding within its last non-zero digit
//   58.2% > 55.1% > 54.4%                   a relation with no printed figure on its left
//   = count(group=OCC10, status=Red)        a count of measures (group, status, period,
//                                           section; status green, amber, red, unrated, any)
//   = '1,339' - 3                           a figure with a comma is quoted with '
//
// Functions: sum, abs, min, max, exact, pct(part, whole) = 100 × part ÷ whole, count. A check's
// row or column may be `*`: the check holds for every row (every figure column) of its table.
// A check whose mismatch is `undecided` (another report's figure, a revision) says so instead of
// an error.
//
//   auto e = bmm::parse_check_expression("= sum([A]..[B]) - {Budget}");
//   e.comparison;     // comparison::equal: the printed figure on the left
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../audit/comparison.hpp"
#include "../audit/finding.hpp"
#include "../detail/text.hpp"
#include "../detail/try_twin.hpp"
#include "../error.hpp"

namespace bmm {

/// One node of a check's expression.
struct check_node {
    enum class kind : std::uint8_t {
        literal,  ///< a figure as printed (text)
        cell,     ///< a cell: file, row, column (each may be empty: the check's own)
        range,    ///< rows from .row to .row_to of .file and .column, in print order
        call,     ///< a function: name, args (count: named args in pairs key, value)
        negate,
        add,
        subtract,
        multiply,
        divide,
    };
    kind what = kind::literal;
    std::string text;  ///< the literal, or the function's name
    std::string file, row, column, row_to;
    std::vector<check_node> args;
    std::vector<std::pair<std::string, std::string>> named;  ///< count(key=value, ...)
    std::size_t offset = 0;  ///< where it starts in the expression text
};

/// A parsed expression: optionally a comparison with the printed figure on its left, then terms
/// joined by comparisons (a chain "a > b > c" holds when each pair does).
struct check_expression {
    std::optional<comparison> leading;  ///< with the printed figure on the left
    std::vector<check_node> terms;
    std::vector<comparison> between;  ///< terms.size() - 1 comparisons
};

/// One structured check (see the header comment).
struct report_check {
    std::string id;
    std::string section;  ///< the file of the checked cell ("claims.csv" for a claim)
    std::string row;      ///< its row's label ("*": every row)
    std::string column;   ///< its column's heading, or the claim figure's label ("*": every one)
    std::string printed;  ///< the figure as printed, when it is not a cell of a table
    std::string rule;     ///< the rule in words, as findings name it
    std::string expression_text;
    check_expression expression;
    bool undecided_on_mismatch = false;
    std::string mismatch_text;  ///< as written ("", "error", "undecided")
    std::string note;
    /// Where each field was read (id, section, row, column, printed, rule, expression,
    /// mismatch, note), for located errors.
    std::vector<std::optional<source_position>> sources;

    /// Returns: where the expression was read, moved `offset` characters right.
    [[nodiscard]] std::optional<source_position> expression_at(std::size_t offset) const {
        if (sources.size() < 7 || !sources[6]) return std::nullopt;
        source_position p = *sources[6];
        if (p.column) *p.column += offset;
        return p;
    }
};

/// Reads a check's expression (see the header comment).
/// Throws: parse_error naming the text and the offset where it went wrong.
[[nodiscard]] check_expression parse_check_expression(std::string_view text);
/// Returns: parse_check_expression(text), or std::nullopt exactly where it would throw.
[[nodiscard]] std::optional<check_expression> try_parse_check_expression(
    std::string_view text) noexcept;

// ---------------------------------------------------------------------------------------------
// Implementation

namespace detail {
class check_parser {
public:
    explicit check_parser(std::string_view t) : t_(t) {}

    check_expression run() {
        check_expression e;
        skip();
        if (auto c = comparison_here()) e.leading = *c;
        e.terms.push_back(sum_expr());
        for (;;) {
            skip();
            if (at_end()) break;
            auto c = comparison_here();
            if (!c) fail("expected an operator or a comparison");
            e.between.push_back(*c);
            e.terms.push_back(sum_expr());
        }
        if (!e.leading && e.between.empty()) {
            fail_at(0,
                    "a check compares: start with =, <, <=, >, >= or != (the printed figure "
                    "on the left), or compare two sides");
        }
        return e;
    }

private:
    [[noreturn]] void fail(const std::string& why) const { fail_at(i_, why); }
    [[noreturn]] void fail_at(std::size_t at, const std::string& why) const {
        throw parse_error(t_, "a check expression", why, at);
    }
    bool at_end() const { return i_ >= t_.size(); }
    void skip() {
        while (i_ < t_.size() && is_space(t_[i_])) ++i_;
    }
    bool eat(std::string_view s) {
        skip();
        if (t_.substr(i_, s.size()) == s) {
            i_ += s.size();
            return true;
        }
        return false;
    }
    std::optional<comparison> comparison_here() {
        skip();
        const std::string_view r = t_.substr(i_);
        std::optional<comparison> c;
        std::size_t n = 0;
        if (r.substr(0, 2) == "<=")
            c = comparison::less_equal, n = 2;
        else if (r.substr(0, 2) == ">=")
            c = comparison::greater_equal, n = 2;
        else if (r.substr(0, 2) == "!=")
            c = comparison::not_equal, n = 2;
        else if (r.substr(0, 3) == "\xE2\x89\xA4")
            c = comparison::less_equal, n = 3;  // ≤
        else if (r.substr(0, 3) == "\xE2\x89\xA5")
            c = comparison::greater_equal, n = 3;  // ≥
        else if (!r.empty() && r[0] == '<')
            c = comparison::less, n = 1;
        else if (!r.empty() && r[0] == '>')
            c = comparison::greater, n = 1;
        else if (!r.empty() && r[0] == '=')
            c = comparison::equal, n = 1;
        else if (!r.empty() && r[0] == '~')
            c = comparison::about, n = 1;
        else if (r.substr(0, 2) == "\xE2\x89\x88")
            c = comparison::about, n = 3;  // ≈
        i_ += n;
        return c;
    }
    check_node sum_expr() {
        check_node left = product();
        for (;;) {
            skip();
            if (at_end()) return left;
            const char c = t_[i_];
            if (c != '+' && c != '-') return left;
            const std::size_t at = i_++;
            check_node n;
            n.what = c == '+' ? check_node::kind::add : check_node::kind::subtract;
            n.offset = at;
            n.args.push_back(std::move(left));
            n.args.push_back(product());
            left = std::move(n);
        }
    }
    check_node product() {
        check_node left = unary();
        for (;;) {
            skip();
            if (at_end()) return left;
            const char c = t_[i_];
            if (c != '*' && c != '/') return left;
            const std::size_t at = i_++;
            check_node n;
            n.what = c == '*' ? check_node::kind::multiply : check_node::kind::divide;
            n.offset = at;
            n.args.push_back(std::move(left));
            n.args.push_back(unary());
            left = std::move(n);
        }
    }
    check_node unary() {
        skip();
        if (at_end()) fail("expected a figure, a cell or a function");
        if (t_[i_] == '-') {
            check_node n;
            n.what = check_node::kind::negate;
            n.offset = i_++;
            n.args.push_back(unary());
            return n;
        }
        return primary();
    }
    check_node primary() {
        skip();
        const std::size_t at = i_;
        const char c = t_[i_];
        if (c == '(') {
            ++i_;
            check_node n = sum_expr();
            if (!eat(")")) fail("expected \")\"");
            return n;
        }
        if (c == '[') return cell_or_range();
        if (c == '{') {
            ++i_;
            const std::size_t close = t_.find('}', i_);
            if (close == std::string_view::npos) fail_at(at, "a \"{\" without its \"}\"");
            check_node n;
            n.what = check_node::kind::cell;
            n.column = std::string(trim(t_.substr(i_, close - i_)));
            n.row = "{this row}";
            n.offset = at;
            i_ = close + 1;
            if (n.column.empty()) fail_at(at, "an empty column name");
            return n;
        }
        if (c == '\'') {
            const std::size_t close = t_.find('\'', i_ + 1);
            if (close == std::string_view::npos) fail_at(at, "a quote without its closing quote");
            check_node n;
            n.text = std::string(t_.substr(i_ + 1, close - i_ - 1));
            n.offset = at + 1;
            i_ = close + 1;
            return n;
        }
        if (is_alpha(c)) {
            std::size_t k = i_;
            while (k < t_.size() && (is_alpha(t_[k]) || t_[k] == '_')) ++k;
            const std::string name(t_.substr(i_, k - i_));
            std::size_t j = k;
            while (j < t_.size() && is_space(t_[j])) ++j;
            if (j < t_.size() && t_[j] == '(') {
                i_ = j + 1;
                return call(name, at);
            }
        }
        // A literal: up to an operator, a comparison, a comma or a bracket. A '-' inside ("£-1")
        // or a '%'/'m' suffix belongs to it.
        std::size_t k = i_;
        while (k < t_.size()) {
            const char d = t_[k];
            if (d == ' ' || d == '+' || d == '*' || d == '/' || d == ',' || d == ')' || d == '(' ||
                d == '<' || d == '>' || d == '=' || d == '!' || d == ']' || d == '[' || d == '{' ||
                d == '}' || (d == '-' && k > i_)) {
                break;
            }
            if (t_.substr(k, 3) == "\xE2\x89\xA4" || t_.substr(k, 3) == "\xE2\x89\xA5") break;
            ++k;
        }
        if (k == i_) fail("expected a figure, a cell or a function");
        check_node n;
        n.text = std::string(t_.substr(i_, k - i_));
        n.offset = at;
        i_ = k;
        return n;
    }
    check_node cell_or_range() {
        const std::size_t at = i_;
        check_node n = bracket();
        skip();
        if (t_.substr(i_, 2) == "..") {
            i_ += 2;
            skip();
            if (i_ >= t_.size() || t_[i_] != '[') fail("expected \"[row]\" after \"..\"");
            check_node to = bracket();
            if (!to.file.empty() || !to.column.empty()) {
                fail_at(to.offset, "the end of a range names a row only: [row]");
            }
            n.what = check_node::kind::range;
            n.row_to = to.row;
        }
        n.offset = at;
        return n;
    }
    check_node bracket() {
        const std::size_t at = i_;
        const std::size_t close = t_.find(']', i_);
        if (close == std::string_view::npos) fail_at(at, "a \"[\" without its \"]\"");
        std::vector<std::string> parts;
        std::string_view inner = t_.substr(i_ + 1, close - i_ - 1);
        for (;;) {
            const std::size_t bar = inner.find('|');
            parts.emplace_back(trim(inner.substr(0, bar)));
            if (bar == std::string_view::npos) break;
            inner = inner.substr(bar + 1);
        }
        if (parts.size() > 3) fail_at(at, "a cell is [FILE|ROW|COLUMN], [ROW|COLUMN] or [ROW]");
        for (const auto& p : parts) {
            if (p.empty()) fail_at(at, "an empty part in a cell reference");
        }
        check_node n;
        n.what = check_node::kind::cell;
        n.offset = at;
        if (parts.size() == 3) {
            n.file = parts[0];
            n.row = parts[1];
            n.column = parts[2];
        } else if (parts.size() == 2) {
            n.row = parts[0];
            n.column = parts[1];
        } else {
            n.row = parts[0];
        }
        i_ = close + 1;
        return n;
    }
    check_node call(const std::string& name, std::size_t at) {
        static constexpr std::string_view known[] = {"sum",   "abs", "min",  "max",
                                                     "exact", "pct", "count"};
        bool ok = false;
        for (std::string_view k : known) ok = ok || name == k;
        if (!ok)
            fail_at(at,
                    "\"" + name + "\" is not a function (sum, abs, min, max, exact, pct, count)");
        check_node n;
        n.what = check_node::kind::call;
        n.text = name;
        n.offset = at;
        skip();
        if (eat(")")) {
            if (name != "count") fail_at(at, name + "() needs arguments");
            return n;
        }
        for (;;) {
            if (name == "count") {
                skip();
                const std::size_t k0 = i_;
                std::size_t eq = t_.find('=', i_);
                std::size_t end = t_.find_first_of(",)", i_);
                if (eq == std::string_view::npos || end == std::string_view::npos || eq > end) {
                    fail_at(k0,
                            "count() takes key=value arguments (group, status, period, "
                            "section)");
                }
                std::string key(trim(t_.substr(i_, eq - i_)));
                std::string value(trim(t_.substr(eq + 1, end - eq - 1)));
                if (key != "group" && key != "status" && key != "period" && key != "section" &&
                    key != "outlook" && key != "as") {
                    fail_at(k0, "\"" + key +
                                    "\" is not an argument of count() (group, status, "
                                    "period, section, outlook, as)");
                }
                n.named.emplace_back(std::move(key), std::move(value));
                i_ = end;
            } else {
                n.args.push_back(sum_expr());
            }
            skip();
            if (eat(")")) break;
            if (!eat(",")) fail("expected \",\" or \")\"");
        }
        if ((name == "abs" || name == "exact") && n.args.size() != 1) {
            fail_at(at, name + "() takes one argument");
        }
        if (name == "pct" && n.args.size() != 2) fail_at(at, "pct() takes a part and a whole");
        return n;
    }

    std::string_view t_;
    std::size_t i_ = 0;
};
}  // namespace detail

inline check_expression parse_check_expression(std::string_view text) {
    return detail::check_parser(text).run();
}

inline std::optional<check_expression> try_parse_check_expression(std::string_view text) noexcept {
    return detail::try_twin([text] { return parse_check_expression(text); });
}

}  // namespace bmm
