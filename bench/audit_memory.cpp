// bmm benchmarks: peak resident memory of the audit of a published table of 10 million lines
// (11,111,111 rows: bench/audit_data.hpp), against the size of its input.
//
//   bmm_bench_audit_memory [--items=N] [--from=memory|csv] [--keep-csv=PATH]
//
// --from=memory (default): the input is the published table as bmm holds it, a
//   std::vector<bmm::published_row> with capacity == size; its bytes are
//   capacity × sizeof(published_row) plus every heap block a row owns (names longer than the
//   std::string's inline buffer: capacity + 1 bytes each; the names here fit inline). The program
//   builds it, frees everything else, resets the kernel's peak (writes 5 to /proc/self/clear_refs),
//   runs bmm::audit_budget_table and reads the peak (VmHWM in /proc/self/status).
// --from=csv: the input is the table's text in the bmm-audit CSV contract (its file size). The
//   program writes the file, frees everything, resets the peak, then does what tools/bmm-audit
//   does — reads the file into a std::string, bmm::read_published_table(bmm::read_csv(text)),
//   bmm::audit_budget_table — and reads the peak after reading and after the audit.
//
// The peak includes the input itself (it is resident) and the process's own few MB; the goal is
// issue 7's: peak < 2 × input. Prints one JSON object (read by scripts/run-bench.sh).
#include <malloc.h>

#include <bmm/audit.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <utility>
#include <vector>

#include "audit_data.hpp"

namespace {

/// Returns: the value in bytes of a "Name:   123 kB" line of /proc/self/status, or 0.
std::size_t status_bytes(const char* name) {
    std::FILE* f = std::fopen("/proc/self/status", "r");
    if (f == nullptr) return 0;
    char line[256];
    std::size_t kb = 0;
    const std::size_t len = std::strlen(name);
    while (std::fgets(line, sizeof line, f) != nullptr) {
        if (std::strncmp(line, name, len) == 0 && line[len] == ':') {
            kb = static_cast<std::size_t>(std::strtoull(line + len + 1, nullptr, 10));
            break;
        }
    }
    std::fclose(f);
    return kb * 1024;
}

/// Returns the freed heap to the kernel and restarts the peak from the current resident size.
bool reset_peak() {
    malloc_trim(0);
    std::FILE* f = std::fopen("/proc/self/clear_refs", "w");
    if (f == nullptr) return false;
    const bool ok = std::fputs("5", f) >= 0;
    return std::fclose(f) == 0 && ok;
}

std::size_t heap_bytes(const std::string& s) {
    const char* p = s.data();
    const auto* self = reinterpret_cast<const char*>(&s);
    const bool inline_buffer = p >= self && p < self + sizeof(std::string);
    return inline_buffer ? 0 : s.capacity() + 1;
}

/// The bytes of a published table as bmm holds it (see the header comment).
std::size_t table_bytes(const std::vector<bmm::published_row>& rows) {
    std::size_t n = rows.capacity() * sizeof(bmm::published_row);
    for (const bmm::published_row& r : rows) n += heap_bytes(r.name);
    return n;
}

struct counts {
    std::size_t rounding = 0, sign = 0, error = 0;
};
counts classes(const bmm::audit_report& r) {
    return {r.count(bmm::finding_class::rounding), r.count(bmm::finding_class::sign),
            r.count(bmm::finding_class::error)};
}

int usage() {
    std::fprintf(stderr,
                 "usage: bmm_bench_audit_memory [--items=N] [--from=memory|csv] "
                 "[--keep-csv=PATH]\n");
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t items = 10'000'000;
    std::string from = "memory", csv_path;
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--items=", 8) == 0) {
            items = static_cast<std::size_t>(std::strtoull(argv[i] + 8, nullptr, 10));
        } else if (std::strncmp(argv[i], "--from=", 7) == 0) {
            from = argv[i] + 7;
        } else if (std::strncmp(argv[i], "--keep-csv=", 11) == 0) {
            csv_path = argv[i] + 11;
        } else {
            return usage();
        }
    }
    if (from != "memory" && from != "csv") return usage();
    const std::size_t process = status_bytes("VmRSS");

    if (from == "memory") {
        std::vector<bmm::published_row> rows;
        {
            const bmm_audit_data::table t = bmm_audit_data::generate(items);
            rows = bmm_audit_data::to_published(t);
        }
        const std::size_t input = table_bytes(rows);
        if (!reset_peak()) {
            std::fprintf(stderr, "bmm bench: cannot reset the peak (/proc/self/clear_refs)\n");
            return 1;
        }
        const std::size_t before = status_bytes("VmRSS");
        const bmm::audit_report report = bmm::audit_budget_table(rows);
        const std::size_t peak = status_bytes("VmHWM");
        const counts c = classes(report);
        std::printf(
            "{\"from\": \"memory\", \"rows\": %zu, \"sizeof_row\": %zu, \"input_bytes\": %zu, "
            "\"process_bytes\": %zu, \"rss_before_bytes\": %zu, \"peak_bytes\": %zu, "
            "\"findings\": %zu, \"findings_capacity_bytes\": %zu, \"rounding\": %zu, "
            "\"sign\": %zu, \"error\": %zu}\n",
            rows.size(), sizeof(bmm::published_row), input, process, before, peak,
            report.findings.size(), report.findings.capacity() * sizeof(bmm::finding), c.rounding,
            c.sign, c.error);
        return 0;
    }

    // --from=csv
    const bool keep = !csv_path.empty();
    if (!keep) csv_path = "/tmp/bmm_bench_audit_" + std::to_string(items) + ".csv";
    {
        const std::string text = bmm_audit_data::to_csv(bmm_audit_data::generate(items));
        std::FILE* f = std::fopen(csv_path.c_str(), "wb");
        if (f == nullptr || std::fwrite(text.data(), 1, text.size(), f) != text.size() ||
            std::fclose(f) != 0) {
            std::fprintf(stderr, "bmm bench: cannot write %s\n", csv_path.c_str());
            return 1;
        }
    }
    if (!reset_peak()) {
        std::fprintf(stderr, "bmm bench: cannot reset the peak (/proc/self/clear_refs)\n");
        return 1;
    }
    const std::size_t before = status_bytes("VmRSS");
    std::string text;
    {
        std::FILE* f = std::fopen(csv_path.c_str(), "rb");
        if (f == nullptr) return 1;
        std::fseek(f, 0, SEEK_END);
        const long size = std::ftell(f);
        std::fseek(f, 0, SEEK_SET);
        text.resize(static_cast<std::size_t>(size));
        const bool ok = std::fread(text.data(), 1, text.size(), f) == text.size();
        std::fclose(f);
        if (!ok) return 1;
    }
    const std::size_t with_text = status_bytes("VmRSS");
    std::size_t with_csv = 0;
    std::vector<bmm::published_row> rows;
    {
        // As bmm-audit does: read_published_table(read_csv(text)), the csv_table a temporary.
        const bmm::csv_table csv = bmm::read_csv(text);
        with_csv = status_bytes("VmRSS");
        rows = bmm::read_published_table(csv);
    }
    const std::size_t peak_read = status_bytes("VmHWM");
    const std::size_t after_read = status_bytes("VmRSS");
    const bmm::audit_report report = bmm::audit_budget_table(rows);
    const std::size_t peak = status_bytes("VmHWM");
    const counts c = classes(report);
    std::printf(
        "{\"from\": \"csv\", \"rows\": %zu, \"input_bytes\": %zu, \"table_bytes\": %zu, "
        "\"table_size_bytes\": %zu, \"process_bytes\": %zu, \"rss_before_bytes\": %zu, "
        "\"rss_with_text_bytes\": %zu, \"rss_with_csv_table_bytes\": %zu, "
        "\"peak_read_bytes\": %zu, \"rss_after_read_bytes\": %zu, \"peak_bytes\": %zu, "
        "\"findings\": %zu, \"rounding\": %zu, \"sign\": %zu, \"error\": %zu}\n",
        rows.size(), text.size(), table_bytes(rows), rows.size() * sizeof(bmm::published_row),
        process, before, with_text, with_csv, peak_read, after_read, peak, report.findings.size(),
        c.rounding, c.sign, c.error);
    if (!keep) std::remove(csv_path.c_str());
    return 0;
}
