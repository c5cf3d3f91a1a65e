// bmm benchmarks: peak resident memory of the audit of a published table of 10 million lines
// (11,111,111 rows: bench/audit_data.hpp), against the size of its input.
//
//   bmm_bench_audit_memory [--items=N] [--from=memory|csv|csv-text] [--store-rounding=1|0]
//                          [--keep-csv=PATH]
//
// --from=memory (default): the input is the published table as bmm holds it, a
//   std::vector<bmm::published_row> with capacity == size; its bytes are
//   capacity × sizeof(published_row) plus every heap block a row owns (names longer than the
//   std::string's inline buffer: capacity + 1 bytes each; the names here fit inline). The program
//   builds it, frees everything else, resets the kernel's peak (writes 5 to /proc/self/clear_refs),
//   runs bmm::audit_budget_table and reads the peak (VmHWM in /proc/self/status).
// --from=csv: the input is the table's text in the bmm-audit CSV contract, streamed from its file
//   (input bytes = the file's size). The program writes the file, frees everything, resets the
//   peak, then does what tools/bmm-audit does: reads the file in 64 KiB chunks into a
//   bmm::published_table_reader, adds each row to a bmm::budget_table_audit as it is read, and
//   writes each row's findings into the output text (printed at the end); then reads the peak.
// --from=csv-text: the same text read whole into a std::string first (the input is then the text
//   held in memory: its bytes, resident during the audit), and streamed from it.
// --store-rounding=0: table_audit_options::store_rounding = false (rounding findings counted, not
//   stored); the default 1 stores every finding, as bmm-audit does.
//
// The peak includes the input when it is resident (memory, csv-text) and the process's own few
// MB; the goal is issue 7's: peak < 2 × input. Prints one JSON object (read by
// scripts/run-bench.sh; table_bytes and table_size_bytes are, for the CSV runs, the bytes the
// rows read would take as a std::vector<published_row> — the table bmm-audit no longer holds).
#include <malloc.h>

#include <bmm/audit/table.hpp>
#include <bmm/io/published_table.hpp>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
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
counts classes(const bmm::findings& r) {
    return {r.count(bmm::verdict::rounding), r.count(bmm::verdict::sign_convention),
            r.count(bmm::verdict::error)};
}

int usage() {
    std::fprintf(stderr,
                 "usage: bmm_bench_audit_memory [--items=N] [--from=memory|csv|csv-text] "
                 "[--store-rounding=1|0] [--keep-csv=PATH]\n");
    return 2;
}

/// What bmm-audit keeps of the findings: its output text (a line each, as its text format).
struct output {
    std::string text;
    std::size_t findings = 0;
    void write(const bmm::finding& f) {
        text += "row " + std::to_string(*f.where.row_index + 1) + " (line " +
                std::to_string(f.where.source->line) + ") " + f.where.row + ": " + f.where.column +
                " printed " + f.printed + ", expected " + f.expected + ": ";
        text += bmm::to_string(f.verdict);
        text += '\n';
        ++findings;
    }
};

/// Reads rows from `reader` into `audit` (feeding `feed` first when it returns false, until it
/// returns false itself), writing their findings out as bmm-audit does.
template <class Feed>
bool stream(bmm::published_table_reader& reader, bmm::budget_table_audit& audit, output& out,
            Feed feed) {
    bmm::published_row row;
    for (;;) {
        while (reader.next(row)) {
            if (audit.add(row) == 0) continue;
            for (const bmm::finding& f : audit.take_stored()) out.write(f);
        }
        if (reader.done()) return true;
        if (!feed()) return false;
    }
}

}  // namespace

int main(int argc, char** argv) {
    std::size_t items = 10'000'000;
    std::string from = "memory", csv_path;
    bmm::table_audit_options options(bmm::rounding_mode::half_up);
    for (int i = 1; i < argc; ++i) {
        if (std::strncmp(argv[i], "--items=", 8) == 0) {
            items = static_cast<std::size_t>(std::strtoull(argv[i] + 8, nullptr, 10));
        } else if (std::strncmp(argv[i], "--from=", 7) == 0) {
            from = argv[i] + 7;
        } else if (std::strcmp(argv[i], "--store-rounding=0") == 0) {
            options.store_rounding = false;
        } else if (std::strcmp(argv[i], "--store-rounding=1") == 0) {
            options.store_rounding = true;
        } else if (std::strncmp(argv[i], "--keep-csv=", 11) == 0) {
            csv_path = argv[i] + 11;
        } else {
            return usage();
        }
    }
    if (from != "memory" && from != "csv" && from != "csv-text") return usage();
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
        const bmm::findings report = bmm::audit_budget_table(rows, options);
        const std::size_t peak = status_bytes("VmHWM");
        const counts c = classes(report);
        std::printf(
            "{\"from\": \"memory\", \"rows\": %zu, \"sizeof_row\": %zu, \"input_bytes\": %zu, "
            "\"process_bytes\": %zu, \"rss_before_bytes\": %zu, \"peak_bytes\": %zu, "
            "\"findings\": %zu, \"findings_capacity_bytes\": %zu, \"rounding\": %zu, "
            "\"sign\": %zu, \"error\": %zu, \"store_rounding\": %d}\n",
            rows.size(), sizeof(bmm::published_row), input, process, before, peak, report.size(),
            report.stored().capacity() * sizeof(bmm::finding), c.rounding, c.sign, c.error,
            options.store_rounding ? 1 : 0);
        return 0;
    }

    // --from=csv, --from=csv-text
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
    std::FILE* f = std::fopen(csv_path.c_str(), "rb");
    if (f == nullptr) return 1;
    std::fseek(f, 0, SEEK_END);
    const auto size = static_cast<std::size_t>(std::ftell(f));
    std::fseek(f, 0, SEEK_SET);
    std::string text;  // --from=csv-text: the whole text
    std::size_t with_text = 0;
    bmm::budget_table_audit audit(options);
    output out;
    bool ok = false;
    try {
        if (from == "csv-text") {
            text.resize(size);
            const bool read = std::fread(text.data(), 1, text.size(), f) == text.size();
            std::fclose(f);
            f = nullptr;
            if (!read) return 1;
            with_text = status_bytes("VmRSS");
            bmm::published_table_reader reader(text);
            ok = stream(reader, audit, out, [] { return false; });
        } else {
            bmm::published_table_reader reader;
            std::vector<char> chunk(std::size_t{1} << 16);
            ok = stream(reader, audit, out, [&] {
                const std::size_t n = std::fread(chunk.data(), 1, chunk.size(), f);
                if (n > 0) reader.feed(std::string_view(chunk.data(), n));
                if (n < chunk.size()) reader.finish();
                return true;
            });
        }
    } catch (const bmm::error& e) {
        std::fprintf(stderr, "bmm bench: %s\n", e.what());
        return 1;
    }
    if (f != nullptr) std::fclose(f);
    if (!ok) return 1;
    const std::size_t peak = status_bytes("VmHWM");
    const bmm::findings& report = audit.result();
    const counts c = classes(report);
    const std::size_t rows = audit.rows();
    std::printf(
        "{\"from\": \"%s\", \"rows\": %zu, \"input_bytes\": %zu, \"table_bytes\": %zu, "
        "\"table_size_bytes\": %zu, \"process_bytes\": %zu, \"rss_before_bytes\": %zu, "
        "\"rss_with_text_bytes\": %zu, \"peak_bytes\": %zu, \"findings\": %zu, "
        "\"output_bytes\": %zu, \"rounding\": %zu, "
        "\"sign\": %zu, \"error\": %zu, \"store_rounding\": %d}\n",
        from.c_str(), rows, size, rows * sizeof(bmm::published_row),
        rows * sizeof(bmm::published_row), process, before, with_text, peak, out.findings,
        out.text.capacity() + 1, c.rounding, c.sign, c.error, options.store_rounding ? 1 : 0);
    if (!keep) std::remove(csv_path.c_str());
    return 0;
}
