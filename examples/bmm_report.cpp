// bmm-report: a council's monitoring report, read from its folder (docs/report-layout.md),
// audited (bmm::audit(report)) and shown as printed, each finding beside the cell it names.
//
//   bmm-report --data DIR [--findings csv|json] [--html PATH]
//
// Without --findings, prints the report as printed (bmm/report/render_text.hpp): every table's
// cells exactly as entered, a marker such as "[error 4]" beside a cell a finding names and the
// finding under its row, then a summary line. With --findings csv or json, prints the findings
// instead (bmm/report/render_findings.hpp: spreadsheet-safe CSV, or valid JSON) and the summary
// goes to stderr. --html PATH also writes one self-contained HTML page of the report as printed
// with its findings (bmm/report/render_html.hpp), whole or not at all (bmm::write_file: never
// over a device, FIFO or symbolic link, never over an existing PATH.part).
//
// Exit status: 0 when the audit finds no error, 1 when it finds errors, 2 for bad arguments,
// bad input (the report_error, on stderr, as FILE:LINE:COLUMN: message; nothing on stdout) or a
// failed write (the page, or standard output: >/dev/full).
#include <bmm/io/output.hpp>
#include <bmm/io/report_csv.hpp>
#include <bmm/report/audit.hpp>
#include <bmm/report/render_findings.hpp>
#include <bmm/report/render_html.hpp>
#include <bmm/report/render_text.hpp>
#include <cerrno>
#include <cstdio>
#include <exception>
#include <string>
#include <string_view>
#include <system_error>

namespace {

constexpr const char* usage_text =
    "usage: bmm-report --data DIR [--findings csv|json] [--html PATH]\n";

int usage() {
    std::fputs(usage_text, stderr);
    return 2;
}

/// The place of a report_error, with the folder before a file of it ("DIR/FILE:LINE:COLUMN").
std::string located(const std::string& folder, const bmm::report_error& e) {
    bmm::source_position where = e.where();
    if (!where.file.empty() && where.file != folder && where.file.find('/') == std::string::npos) {
        where.file = folder + "/" + where.file;
    }
    return bmm::report_error::place(where) + ": " + e.message();
}

/// Writes `text` to stdout. Throws: io_error with the system's reason when it cannot be written
/// (flush_output alone would only know that an earlier write failed).
void write_stdout(const std::string& text) {
    errno = 0;
    if (std::fwrite(text.data(), 1, text.size(), stdout) == text.size()) return;
    const int e = errno;
    throw bmm::io_error(
        "cannot write standard output" +
            (e != 0 ? ": " + std::error_code(e, std::generic_category()).message() : std::string()),
        "standard output", e);
}

}  // namespace

int main(int argc, char** argv) {
    std::string folder, html, format;
    for (int i = 1; i < argc; ++i) {
        const std::string_view a = argv[i];
        if (a == "--help" || a == "-h") {
            std::fputs(usage_text, stdout);
            return 0;
        }
        if (a == "--data" && i + 1 < argc && folder.empty()) {
            folder = argv[++i];
        } else if (a == "--findings" && i + 1 < argc && format.empty()) {
            format = argv[++i];
            if (format != "csv" && format != "json") return usage();
        } else if (a == "--html" && i + 1 < argc && html.empty()) {
            html = argv[++i];
        } else {
            return usage();
        }
    }
    if (folder.empty()) return usage();
    bmm::report report;
    bmm::findings found;
    try {
        report = bmm::read_report_folder(folder);
        found = bmm::audit(report, bmm::report_audit_options{});
    } catch (const bmm::report_error& e) {
        std::fprintf(stderr, "bmm-report: %s\n", located(folder, e).c_str());
        return 2;
    } catch (const std::exception& e) {  // e.g. std::bad_alloc: still bad input, not a crash
        std::fprintf(stderr, "bmm-report: %s: %s\n", folder.c_str(), e.what());
        return 2;
    }
    const std::string summary = "bmm-report: " + bmm::findings_summary(found) + '\n';
    try {
        if (!html.empty()) bmm::write_file(html, bmm::render_html(report, found));
        if (format.empty()) {
            write_stdout(bmm::render_text(report, found));
        } else {
            const std::string out =
                format == "csv" ? bmm::findings_csv(found) : bmm::findings_json(found);
            write_stdout(out);
            std::fputs(summary.c_str(), stderr);
        }
        if (!html.empty())
            std::fprintf(format.empty() ? stdout : stderr, "HTML: %s\n", html.c_str());
        bmm::flush_output(stdout, "standard output");
    } catch (const bmm::io_error& e) {
        std::fprintf(stderr, "bmm-report: %s\n", e.what());
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "bmm-report: %s\n", e.what());
        return 2;
    }
    return found.errors() == 0 ? 0 : 1;
}
