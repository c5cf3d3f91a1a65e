// Fuzz target: a whole report — bmm::read_report over in-memory layout files, bmm::audit(report)
// and the renderers (report/render_text.hpp, render_html.hpp, render_findings.hpp).
//
// The input is a folder: the text before the first line "=== NAME" is report.csv, and each
// "=== NAME" line starts a file of that name (a NAME ending in "/" is a directory of the folder)
// running to the next such line; at most 16 files. Whatever the input:
//   - read_report returns a report or throws a report_error (FILE:LINE[:COLUMN]: message, its
//     place naming a file of the folder, line >= 1);
//   - write_report gives back every file it writes that was read, byte for byte, and its files
//     read back to a report that writes the same files again;
//   - bmm::audit (half_up unless report.csv names the rounding) returns findings or throws a
//     report_error; every finding's verdict is counted (cells_checked is the sum of the counts);
//   - finding_places puts every stored finding in exactly one place;
//   - render_text shows every printed cell (without control characters) exactly as entered,
//     and every section's file; render_html escapes everything (one "<td" per printed cell and
//     report key, none from the data; every cell's text appears HTML-escaped); findings_csv
//     reads back with read_csv as one record of 11 fields per finding, none a formula;
//     findings_json is valid JSON (checked by the small parser below) and valid UTF-8.
// Nothing crashes, hangs or leaks.
#include <bmm/csv.hpp>
#include <bmm/io/report_csv.hpp>
#include <bmm/report/audit.hpp>
#include <bmm/report/finding_places.hpp>
#include <bmm/report/render_findings.hpp>
#include <bmm/report/render_html.hpp>
#include <bmm/report/render_text.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "check.hpp"

using bmm_fuzz::require;

namespace {

/// The folder the input stands for (see the header comment).
std::vector<bmm::layout_file> folder_of(std::string_view text) {
    std::vector<bmm::layout_file> files;
    bmm::layout_file current;
    current.name = "report.csv";
    bool any = false;
    std::size_t at = 0;
    auto finish = [&](std::size_t end) {
        current.text = std::string(text.substr(at, end - at));
        if (any || !current.text.empty()) files.push_back(current);
    };
    for (std::size_t pos = 0; pos <= text.size() && files.size() < 16;) {
        const bool line_start = pos == 0 || text[pos - 1] == '\n';
        if (line_start && text.substr(pos, 4) == "=== ") {
            finish(pos);
            const std::size_t eol = text.find('\n', pos);
            const std::size_t name_end = eol == std::string_view::npos ? text.size() : eol;
            current = bmm::layout_file{};
            current.name = std::string(text.substr(pos + 4, name_end - pos - 4));
            if (!current.name.empty() && current.name.back() == '/') {
                current.name.pop_back();
                current.what = bmm::layout_file::type::directory;
            }
            any = true;
            at = pos = eol == std::string_view::npos ? text.size() : eol + 1;
            if (pos >= text.size()) break;
            continue;
        }
        const std::size_t eol = text.find('\n', pos);
        if (eol == std::string_view::npos) break;
        pos = eol + 1;
    }
    if (files.size() < 16) finish(text.size());
    // One entry per name, as a folder has (the first kept).
    std::vector<bmm::layout_file> out;
    for (bmm::layout_file& f : files) {
        bool seen = false;
        for (const bmm::layout_file& g : out) seen = seen || g.name == f.name;
        if (!seen && !f.name.empty()) {
            if (f.what != bmm::layout_file::type::regular) f.text.clear();
            out.push_back(std::move(f));
        }
    }
    return out;
}

/// A small JSON validator (RFC 8259 grammar, the input already checked to be UTF-8).
struct json_checker {
    std::string_view s;
    std::size_t i = 0;
    int depth = 0;

    void ws() {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r')) ++i;
    }
    bool literal(std::string_view w) {
        if (s.substr(i, w.size()) != w) return false;
        i += w.size();
        return true;
    }
    bool string() {
        if (i >= s.size() || s[i] != '"') return false;
        for (++i; i < s.size(); ++i) {
            const auto c = static_cast<unsigned char>(s[i]);
            if (c == '"') {
                ++i;
                return true;
            }
            if (c < 0x20) return false;
            if (c == '\\') {
                if (++i >= s.size()) return false;
                const char e = s[i];
                if (e == 'u') {
                    for (int k = 0; k < 4; ++k) {
                        if (++i >= s.size()) return false;
                        const char h = s[i];
                        if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f') ||
                              (h >= 'A' && h <= 'F'))) {
                            return false;
                        }
                    }
                } else if (std::string_view("\"\\/bfnrt").find(e) == std::string_view::npos) {
                    return false;
                }
            }
        }
        return false;
    }
    bool number() {
        const std::size_t from = i;
        if (i < s.size() && s[i] == '-') ++i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i;
        return i > from && s[i - 1] != '-';
    }
    bool value() {
        if (++depth > 64) return false;
        ws();
        bool ok = false;
        if (i >= s.size()) {
            ok = false;
        } else if (s[i] == '{' || s[i] == '[') {
            const char close = s[i] == '{' ? '}' : ']';
            const bool object = s[i] == '{';
            ++i;
            ws();
            if (i < s.size() && s[i] == close) {
                ++i;
                ok = true;
            } else {
                for (;;) {
                    ws();
                    if (object) {
                        if (!string()) break;
                        ws();
                        if (i >= s.size() || s[i] != ':') break;
                        ++i;
                    }
                    if (!value()) break;
                    ws();
                    if (i < s.size() && s[i] == ',') {
                        ++i;
                        continue;
                    }
                    if (i < s.size() && s[i] == close) {
                        ++i;
                        ok = true;
                    }
                    break;
                }
            }
        } else if (s[i] == '"') {
            ok = string();
        } else if (s[i] == 'n') {
            ok = literal("null");
        } else {
            ok = number();
        }
        --depth;
        return ok;
    }
    bool document() {
        if (!value()) return false;
        ws();
        return i == s.size();
    }
};

/// Returns: true when `text` is valid UTF-8 (no overlong form, no surrogate, nothing above
/// U+10FFFF).
bool utf8(std::string_view text) {
    for (std::size_t i = 0; i < text.size();) {
        const auto b = static_cast<unsigned char>(text[i]);
        if (b < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        unsigned lo = 0x80, hi = 0xbf;
        if (b >= 0xc2 && b <= 0xdf) {
            len = 2;
        } else if (b >= 0xe0 && b <= 0xef) {
            len = 3;
            lo = b == 0xe0 ? 0xa0 : lo;
            hi = b == 0xed ? 0x9f : hi;
        } else if (b >= 0xf0 && b <= 0xf4) {
            len = 4;
            lo = b == 0xf0 ? 0x90 : lo;
            hi = b == 0xf4 ? 0x8f : hi;
        } else {
            return false;
        }
        if (i + len > text.size()) return false;
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned c = static_cast<unsigned char>(text[i + k]);
            if (k == 1 ? (c < lo || c > hi) : (c < 0x80 || c > 0xbf)) return false;
        }
        i += len;
    }
    return true;
}

bool has_control(std::string_view t) {
    for (char c : t) {
        const auto b = static_cast<unsigned char>(c);
        if (b < 0x20 || b == 0x7f) return true;
    }
    return false;
}

std::size_t occurrences(std::string_view text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string_view::npos;
         at = text.find(what, at + 1)) {
        ++n;
    }
    return n;
}

void check_renderers(const bmm::report& r, const bmm::findings& f) {
    const bmm::finding_places places(r, f);
    std::size_t placed = places.elsewhere().size();
    for (std::size_t s = 0; s < r.sections.size(); ++s) {
        placed += places.at_cells(s) + places.of_section(s).size();
    }
    require(placed == f.size(), "every finding has exactly one place");

    const std::string text = bmm::render_text(r, f);
    const std::string html = bmm::render_html(r, f);
    std::size_t cells = r.info.entries.size();
    for (const bmm::printed_section& sec : r.sections) {
        if (!has_control(sec.file)) {
            require(text.find(sec.file) != std::string::npos, "the text names every section");
        }
        for (const bmm::printed_row& row : sec.rows) {
            for (const bmm::section_cell& c : row.cells) {
                ++cells;
                if (!has_control(c.text)) {
                    require(text.find(c.text) != std::string::npos,
                            "the text shows every cell as printed");
                }
                require(html.find(bmm::html_escape(c.text)) != std::string::npos,
                        "the page shows every cell, escaped");
            }
        }
    }
    require(occurrences(html, "<td") == cells, "one <td per printed cell, none from the data");
    require(occurrences(html, "<script") == 0, "no script in the page");

    const std::string csv = bmm::findings_csv(f);
    const bmm::csv_table t = bmm::read_csv(csv);  // a csv_error here is a crash: it must read
    require(t.header.size() == 11 && t.records.size() == f.size(), "one CSV record per finding");
    for (const bmm::csv_record& rec : t.records) {
        require(rec.fields.size() == 11, "11 fields a record");
        for (const std::string& field : rec.fields) {
            require(field.empty() || (field[0] != '=' && field[0] != '@'),
                    "no CSV field is a formula");
        }
    }
    const std::string json = bmm::findings_json(f);
    require(utf8(json), "the JSON is valid UTF-8");
    json_checker j{json};
    require(j.document(), "the JSON is valid");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    const std::vector<bmm::layout_file> files = folder_of(input);
    bmm::report r;
    try {
        r = bmm::read_report(files);
    } catch (const bmm::report_error& e) {
        require(e.where().line >= 1, "a report error names a line");
        // what() is a C string: a file name with a NUL byte in it ends it there.
        const std::string full = bmm::report_error::place(e.where()) + ": " + e.message();
        require(std::string_view(e.what()) == std::string_view(full).substr(0, full.find('\0')),
                "a report error's what() is FILE:LINE[:COLUMN]: message");
        return 0;
    }
    // Written back, every file read comes back byte for byte (read_report refuses a spelling it
    // would not keep), and the report reads again and writes the same files (a fixed point).
    const std::vector<bmm::layout_file> written = bmm::write_report(r);
    for (const bmm::layout_file& w : written) {
        for (const bmm::layout_file& in : files) {
            if (in.name == w.name && in.what == bmm::layout_file::type::regular) {
                require(in.text == w.text, "a file read is written back byte for byte");
            }
        }
    }
    std::vector<bmm::layout_file> again = written;
    for (const bmm::layout_file& in : files) {
        if (in.what != bmm::layout_file::type::regular) again.push_back(in);  // the folders
    }
    for (const bmm::layout_file& in : files) {  // files not written: unlisted non-CSV files
        bool kept = in.what != bmm::layout_file::type::regular;
        for (const bmm::layout_file& w : written) kept = kept || w.name == in.name;
        if (!kept) again.push_back(in);
    }
    try {
        const bmm::report r2 = bmm::read_report(again);
        const std::vector<bmm::layout_file> rewritten = bmm::write_report(r2);
        require(rewritten.size() == written.size(), "the report written back writes as many files");
        for (std::size_t i = 0; i < written.size(); ++i) {
            require(rewritten[i].name == written[i].name && rewritten[i].text == written[i].text,
                    "the report written back writes the same files");
        }
    } catch (const bmm::report_error& e) {
        std::fprintf(stderr, "%s\n", e.what());
        require(false, "the report written back reads again");
    }
    bmm::report_audit_options options;
    options.rounding = bmm::rounding_mode::half_up;
    bmm::findings f;
    try {
        f = bmm::audit(r, options);
    } catch (const bmm::report_error& e) {
        require(e.where().line >= 1, "an audit error names a line");
        return 0;
    }
    std::size_t counted = 0;
    for (std::uint8_t v = 0; v < 6; ++v) counted += f.count(static_cast<bmm::verdict>(v));
    require(counted == f.cells_checked() && f.size() <= counted, "every verdict is counted");
    check_renderers(r, f);
    return 0;
}
