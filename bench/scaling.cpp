// bmm benchmarks: how bmm-audit's pipeline scales — bmm::published_table_reader fed 64 KiB
// chunks, each row added to a bmm::budget_table_audit as it is read (examples/bmm_audit.cpp) —
// in time and in peak heap, against the length of one record and against the number of rows, for
// four table shapes:
//   record   one line whose name is L bytes (unquoted, and quoted with commas inside), then a
//            total: L = 1, 10, 50, 100 MB (--smoke: 1, 16 MB)
//   flat     N - 1 lines and one total at the end (the shape that kept every line before)
//   deep     totals nested 99 levels deep: line, total of level 1, line, total of level 2, ...,
//            line, total of level 99, again and again
//   small    a total of level 1 every 10 lines, of level 2 every 10 of those, and so on
//   N = 10^5, 10^6, 3 × 10^6 rows (--smoke: 10^4, 10^5)
//
//   bmm_bench_scaling [--smoke]
//
// Each is timed three times, the least time kept (the rest is the machine's noise).
// Peak heap: the most bytes live at once (every operator new of the process is counted) during the
// run, less those live when it starts (the CSV text, generated in memory and streamed from there:
// it stands for the file). Prints a Markdown table and checks two laws, exiting 1 when one fails:
//   - time is linear: the time per MB (records) or per row (tables) at the largest size is at most
//     4 × the time at the smallest (a quadratic reader, as before issue 13, gives about 10× at
//     --smoke's sizes and 100× at the full ones);
//   - memory: for every table shape and size, the peak is at most 1.5 × the CSV's bytes (the
//     audit keeps running sums, not rows). A long record is held while it is read — the chunks'
//     buffer (a std::string: up to twice the record, three times while it grows), the field and
//     the row's name — so its peak is about 5 × the record: shown, and bounded by 6 ×.
#include <bmm/audit/table.hpp>
#include <bmm/io/published_table.hpp>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>
#include <string_view>
#include <vector>

// --- Every allocation counted: live bytes and their peak.
namespace {
std::size_t live_bytes = 0, peak_bytes = 0;
constexpr std::size_t header = 16;  // the block's size, kept before it (alignment 16)

void* counted_alloc(std::size_t n) {
    void* p = std::malloc(n + header);
    if (p == nullptr) return nullptr;
    *static_cast<std::size_t*>(p) = n;
    live_bytes += n;
    if (live_bytes > peak_bytes) peak_bytes = live_bytes;
    return static_cast<char*>(p) + header;
}
void counted_free(void* p) noexcept {
    if (p == nullptr) return;
    char* block = static_cast<char*>(p) - header;
    live_bytes -= *reinterpret_cast<std::size_t*>(block);
    std::free(block);
}
}  // namespace

void* operator new(std::size_t n) {
    if (void* p = counted_alloc(n)) return p;
    throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
    if (void* p = counted_alloc(n)) return p;
    throw std::bad_alloc();
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void* operator new[](std::size_t n, const std::nothrow_t&) noexcept { return counted_alloc(n); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }
void operator delete(void* p, const std::nothrow_t&) noexcept { counted_free(p); }
void operator delete[](void* p, const std::nothrow_t&) noexcept { counted_free(p); }

namespace {

struct run {
    std::string shape;
    std::size_t size = 0;  ///< the record's length in bytes, or the rows
    std::size_t csv_bytes = 0, rows = 0, errors = 0;
    double seconds = 0;
    std::size_t peak = 0;
};

/// Streams `csv` through the reader and the audit as bmm-audit does, timing it and measuring the
/// peak heap (above what is live when it starts). Returns false (after saying why) on an error.
bool stream_once(const std::string& csv, run& r) {
    const std::size_t base = live_bytes;
    peak_bytes = live_bytes;
    const auto start = std::chrono::steady_clock::now();
    try {
        bmm::published_table_reader reader;
        bmm::budget_table_audit audit{bmm::table_audit_options(bmm::rounding_mode::half_up)};
        bmm::published_row row;
        constexpr std::size_t chunk = std::size_t{1} << 16;
        for (std::size_t at = 0; !reader.done();) {
            if (at < csv.size()) {
                const std::size_t n = csv.size() - at < chunk ? csv.size() - at : chunk;
                reader.feed(std::string_view(csv).substr(at, n));
                at += n;
            } else {
                reader.finish();
            }
            while (reader.next(row)) audit.add(row);
        }
        r.rows = audit.rows();
        r.errors = audit.result().errors();
    } catch (const bmm::error& e) {
        std::fprintf(stderr, "bmm bench: %s %zu: %s\n", r.shape.c_str(), r.size, e.what());
        return false;
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    r.peak = peak_bytes - base;
    r.csv_bytes = csv.size();
    return true;
}

/// stream_once three times: the least time (the others are the machine's noise), the peak heap.
bool stream(const std::string& csv, run& r) {
    double best = 0;
    for (int k = 0; k < 3; ++k) {
        if (!stream_once(csv, r)) return false;
        if (k == 0 || r.seconds < best) best = r.seconds;
    }
    r.seconds = best;
    return true;
}

const char* const header_row = "line,level,budget,forecast,variance,variance_pct\n";

/// One line named by `length` bytes, then its total.
std::string long_record(std::size_t length, bool quoted) {
    std::string csv = header_row;
    csv.reserve(length + 128);
    if (quoted) {
        csv += '"';
        for (std::size_t k = 0; k < length; ++k) csv += k % 50 == 49 ? ',' : 'x';
        csv += '"';
    } else {
        csv.append(length, 'x');
    }
    csv += ",0,1.0,1.1,0.1,10.0\nTotal,1,1.0,1.1,0.1,10.0\n";
    return csv;
}

/// A table of `rows` rows of a shape, every total the exact sum of its members (as printed,
/// 1 dp), so that the audit finds nothing: it does all its work and keeps no findings.
std::string table(const std::string& shape, std::size_t rows) {
    struct pending {
        int level;
        std::int64_t budget, forecast;  // tenths
    };
    std::vector<pending> stack;
    std::string csv = header_row;
    csv.reserve(rows * 40);
    std::size_t written = 0, line_number = 0;
    auto emit = [&](const std::string& name, int level, std::int64_t b, std::int64_t f) {
        const std::int64_t v = f - b;
        csv += name;
        csv += ',';
        csv += std::to_string(level);
        for (std::int64_t x : {b, f, v}) {
            csv += ',';
            csv += bmm::to_string(bmm::decimal::from_units(x, 1));
        }
        csv += ',';
        csv += bmm::to_string(bmm::ratio(v, b).percent(1, bmm::rounding_mode::half_up));
        csv += '\n';
        ++written;
    };
    auto line = [&] {
        ++line_number;
        const auto b = static_cast<std::int64_t>(10 + line_number % 990);
        const auto f = b + static_cast<std::int64_t>(line_number % 7) - 3;
        emit("Line " + std::to_string(line_number), 0, b, f);
        stack.push_back({0, b, f});
    };
    auto total = [&](int level) {
        pending t{level, 0, 0};
        while (!stack.empty() && stack.back().level < level) {
            t.budget += stack.back().budget;
            t.forecast += stack.back().forecast;
            stack.pop_back();
        }
        emit("Total of level " + std::to_string(level), level, t.budget, t.forecast);
        stack.push_back(t);
    };
    if (shape == "flat") {
        while (written + 1 < rows) line();
        total(1);
    } else if (shape == "deep") {
        int level = 1;
        while (written + 2 <= rows) {  // line() and total() count what they write
            line();
            total(level);
            level = level % 99 + 1;
        }
    } else {  // small: a total of level k after every 10 rows of level k - 1
        std::vector<int> count(100, 0);
        while (written < rows) {
            line();
            for (int level = 1;
                 level < 99 && ++count[static_cast<std::size_t>(level)] == 10 && written < rows;
                 ++level) {
                count[static_cast<std::size_t>(level)] = 0;
                total(level);
            }
        }
    }
    return csv;
}

}  // namespace

int main(int argc, char** argv) {
    const bool smoke = argc > 1 && std::strcmp(argv[1], "--smoke") == 0;
    if (argc > 2 || (argc == 2 && !smoke)) {
        std::fprintf(stderr, "usage: bmm_bench_scaling [--smoke]\n");
        return 2;
    }
    const std::vector<std::size_t> lengths =
        smoke ? std::vector<std::size_t>{1'000'000, 16'000'000}
              : std::vector<std::size_t>{1'000'000, 10'000'000, 50'000'000, 100'000'000};
    const std::vector<std::size_t> counts =
        smoke ? std::vector<std::size_t>{10'000, 100'000}
              : std::vector<std::size_t>{100'000, 1'000'000, 3'000'000};
    std::vector<std::vector<run>> series;
    for (const char* kind : {"record", "quoted record"}) {
        series.emplace_back();
        for (std::size_t length : lengths) {
            run r{kind, length};
            const std::string csv = long_record(length, kind[0] == 'q');
            if (!stream(csv, r)) return 2;
            series.back().push_back(r);
        }
    }
    for (const char* shape : {"flat", "deep", "small"}) {
        series.emplace_back();
        for (std::size_t rows : counts) {
            run r{shape, rows};
            const std::string csv = table(shape, rows);
            if (!stream(csv, r)) return 2;
            series.back().push_back(r);
        }
    }

    std::vector<std::string> failed;
    std::printf(
        "| shape | size | CSV MB | rows | time s | time per unit | peak heap MB | peak ÷ CSV | "
        "errors |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (const auto& s : series) {
        const bool record = s.front().shape.find("record") != std::string::npos;
        // The unit: a MB of the record, or a row.
        auto per_unit = [record](const run& r, double seconds) {
            return record ? seconds / (static_cast<double>(r.size) / 1e6)
                          : seconds / static_cast<double>(r.rows);
        };
        for (const run& r : s) {
            const double ratio = static_cast<double>(r.peak) / static_cast<double>(r.csv_bytes);
            std::printf("| %s | %zu %s | %.1f | %zu | %.3f | %.3g s/%s | %.1f | %.2f | %zu |\n",
                        r.shape.c_str(), record ? r.size / 1'000'000 : r.size,
                        record ? "MB" : "rows", static_cast<double>(r.csv_bytes) / 1e6, r.rows,
                        r.seconds, per_unit(r, r.seconds), record ? "MB" : "row",
                        static_cast<double>(r.peak) / 1e6, ratio, r.errors);
            const double limit = record ? 6.0 : 1.5;
            if (ratio > limit) {
                failed.push_back(r.shape + " of " + std::to_string(r.size) + ": peak " +
                                 std::to_string(ratio) + " x the CSV (at most " +
                                 std::to_string(limit) + ")");
            }
            if (r.errors != 0) failed.push_back(r.shape + ": the audit found errors");
        }
        // The smallest runs are short: time them as at least 1 ms, so that noise cannot fail them.
        const run& small = s.front();
        const double growth = per_unit(s.back(), s.back().seconds) /
                              per_unit(small, small.seconds > 1e-3 ? small.seconds : 1e-3);
        if (growth > 4) {
            failed.push_back(s.front().shape + ": the time per unit grows " +
                             std::to_string(growth) + " x from the smallest to the largest size");
        }
    }
    if (!failed.empty()) {
        std::fprintf(stderr, "bmm bench: scaling: FAIL:\n");
        for (const std::string& f : failed) std::fprintf(stderr, "  - %s\n", f.c_str());
        return 1;
    }
    std::printf(
        "\nScaling laws hold: time linear, peak heap at most 1.5 x the CSV for every table.\n");
    return 0;
}
