// bmm — report/render_findings: a report's findings as CSV (for a spreadsheet) and as JSON.
//
// CSV: one record per stored finding under the heading row
//   section,row,column,line,cell_column,rule,printed,expected,verdict,explanation,likely_cause
// (line and cell_column: where the cell was read, blank when not known). Every text field is
// written spreadsheet-safe (bmm::csv_quote_for_spreadsheet): a field a spreadsheet would run as a
// formula ("=HYPERLINK(...)") gets a leading "'", a number stays a number; fields are written
// whole, commas, quotes, line breaks and NUL bytes included.
//
// JSON: one object
//   {"cells_checked": N, "counts": {"agrees": n, "rounding": n, ...},
//    "findings": [{"section": "...", "row": "...", "column": "...", "row_index": 0 | null,
//                  "file": "..." | null, "line": 0 | null, "cell_column": 0 | null,
//                  "rule": "...", "printed": "...", "expected": "...", "verdict": "error",
//                  "explanation": "...", "likely_cause": "...",
//                  "follows_from": [{"section": "...", "row": "...", "column": "..."}]}]}
// with every string escaped (", \, control characters as \uXXXX) and any byte that is not
// valid UTF-8 written as U+FFFD, so that the output is always valid JSON (RFC 8259).
//
//   bmm::findings f = bmm::audit(r, bmm::report_audit_options{});
//   std::string csv = bmm::findings_csv(f);    // "section,row,column,...\n..."
//   std::string js = bmm::findings_json(f);    // {"cells_checked": 651, ...}
//   bmm::json_string("a\"b");                  // "\"a\\\"b\""
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "../audit/finding.hpp"
#include "../csv.hpp"

namespace bmm {

/// Returns: `text` as a JSON string, quotes included (see the header comment). Throws: nothing
/// but std::bad_alloc.
[[nodiscard]] inline std::string json_string(std::string_view text) {
    static constexpr char hex[] = "0123456789abcdef";
    std::string out = "\"";
    out.reserve(text.size() + 2);
    const std::size_t n = text.size();
    for (std::size_t i = 0; i < n;) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            switch (b) {
                case '"':
                    out += "\\\"";
                    break;
                case '\\':
                    out += "\\\\";
                    break;
                case '\n':
                    out += "\\n";
                    break;
                case '\r':
                    out += "\\r";
                    break;
                case '\t':
                    out += "\\t";
                    break;
                default:
                    if (b < 0x20 || b == 0x7f) {
                        out += "\\u00";
                        out += hex[b >> 4];
                        out += hex[b & 0xf];
                    } else {
                        out += static_cast<char>(b);
                    }
            }
            ++i;
            continue;
        }
        // A UTF-8 sequence: its length and the range of its second byte (no overlong forms, no
        // surrogates, nothing above U+10FFFF).
        std::size_t len = 0;
        unsigned char lo = 0x80, hi = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) {
            len = 2;
        } else if (b >= 0xe0 && b <= 0xef) {
            len = 3;
            if (b == 0xe0) lo = 0xa0;
            if (b == 0xed) hi = 0x9f;
        } else if (b >= 0xf0 && b <= 0xf4) {
            len = 4;
            if (b == 0xf0) lo = 0x90;
            if (b == 0xf4) hi = 0x8f;
        }
        bool ok = len != 0 && i + len <= n;
        for (std::size_t k = 1; ok && k < len; ++k) {
            const auto c = static_cast<unsigned char>(text[i + k]);
            ok = k == 1 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xbf);
        }
        if (ok) {
            out.append(text.substr(i, len));
            i += len;
        } else {
            out += "\\ufffd";
            ++i;
        }
    }
    out += '"';
    return out;
}

/// Returns: the stored findings of f as CSV (see the header comment). Throws: nothing but
/// std::bad_alloc.
[[nodiscard]] inline std::string findings_csv(const findings& f) {
    std::string out =
        "section,row,column,line,cell_column,rule,printed,expected,verdict,explanation,"
        "likely_cause\n";
    for (const finding& x : f) {
        const auto& src = x.where.source;
        out += csv_quote_for_spreadsheet(x.where.section) + ',' +
               csv_quote_for_spreadsheet(x.where.row) + ',' +
               csv_quote_for_spreadsheet(x.where.column) + ',' +
               (src ? std::to_string(src->line) : std::string()) + ',' +
               (src && src->column ? std::to_string(*src->column) : std::string()) + ',' +
               csv_quote_for_spreadsheet(x.rule) + ',' + csv_quote_for_spreadsheet(x.printed) +
               ',' + csv_quote_for_spreadsheet(x.expected) + ',' +
               std::string(to_string(x.verdict)) + ',' + csv_quote_for_spreadsheet(x.explanation) +
               ',' + csv_quote_for_spreadsheet(x.likely_cause) + '\n';
    }
    return out;
}

/// Returns: f as one JSON object (see the header comment). Throws: nothing but std::bad_alloc.
[[nodiscard]] inline std::string findings_json(const findings& f) {
    std::string out = "{\"cells_checked\": " + std::to_string(f.cells_checked()) + ",\n";
    out += " \"counts\": {";
    for (std::uint8_t v = 0; v < 6; ++v) {
        const auto verdict_v = static_cast<verdict>(v);
        if (v != 0) out += ", ";
        out += json_string(to_string(verdict_v)) + ": " + std::to_string(f.count(verdict_v));
    }
    out += "},\n \"findings\": [";
    auto number = [](const auto& n) { return n ? std::to_string(*n) : std::string("null"); };
    bool first = true;
    for (const finding& x : f) {
        out += first ? "\n  {" : ",\n  {";
        first = false;
        const auto& src = x.where.source;
        out += "\"section\": " + json_string(x.where.section);
        out += ", \"row\": " + json_string(x.where.row);
        out += ", \"column\": " + json_string(x.where.column);
        out += ", \"row_index\": " + number(x.where.row_index);
        out += ", \"file\": " + (src ? json_string(src->file) : std::string("null"));
        out += ", \"line\": " + (src ? std::to_string(src->line) : std::string("null"));
        out += ", \"cell_column\": " + (src ? number(src->column) : std::string("null"));
        out += ", \"rule\": " + json_string(x.rule);
        out += ", \"printed\": " + json_string(x.printed);
        out += ", \"expected\": " + json_string(x.expected);
        out += ", \"verdict\": " + json_string(to_string(x.verdict));
        out += ", \"explanation\": " + json_string(x.explanation);
        out += ", \"likely_cause\": " + json_string(x.likely_cause);
        out += ", \"follows_from\": [";
        for (std::size_t k = 0; k < x.follows_from.size(); ++k) {
            const cell_ref& c = x.follows_from[k];
            if (k != 0) out += ", ";
            out += "{\"section\": " + json_string(c.section) + ", \"row\": " + json_string(c.row) +
                   ", \"column\": " + json_string(c.column) + "}";
        }
        out += "]}";
    }
    out += first ? "]}\n" : "\n ]}\n";
    return out;
}

}  // namespace bmm
