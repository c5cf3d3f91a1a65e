// bmm — io/progress: a progress line on stderr for long runs of the tools, shown only when stderr
// is a terminal (never in a pipe, a file or CI), redrawn at most every 100 ms, cleared at the end.
//
//   bmm::progress_line progress("bmm-audit " + file, file_bytes, "rows");
//   while (...) {
//       progress.update(bytes_read, rows_read);  // "bmm-audit big.csv: 45% (254 of 564 MB), 5,012,345 rows"
//   }
//   progress.finish();                           // clears the line (so does the destructor)
//
//   bmm::progress_line steps("monthly_report");
//   steps.stage("reading data/");                // "monthly_report: reading data/"
//
// The line is "\r" + text + erase-to-end-of-line, so it overwrites itself and leaves the terminal
// as it was; output written to stderr meanwhile should call finish() first.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <utility>

#if defined(_WIN32)
#include <io.h>
#else
#include <unistd.h>
#endif

namespace bmm {

/// Returns: true when `f` is a terminal and the CI environment variable is unset (CI services
/// set it; a terminal there is a log, not a person).
[[nodiscard]] inline bool is_interactive(std::FILE* f) noexcept {
    if (std::getenv("CI") != nullptr) return false;
#if defined(_WIN32)
    return _isatty(_fileno(f)) != 0;
#else
    return isatty(fileno(f)) != 0;
#endif
}

/// A self-overwriting progress line (see the header comment).
class progress_line {
public:
    /// `what` starts the line; `total` is the work to do in bytes (0: unknown, no percentage);
    /// `items` names what update() counts ("rows"; empty: not shown). Shown only when `enabled`
    /// (by default: stderr is interactive), on `out`, at most once every `interval`.
    explicit progress_line(std::string what, std::uint64_t total = 0, std::string items = {},
                           bool enabled = is_interactive(stderr), std::FILE* out = stderr,
                           std::chrono::milliseconds interval = std::chrono::milliseconds(100))
        : what_(std::move(what)),
          items_(std::move(items)),
          total_(total),
          enabled_(enabled),
          out_(out),
          interval_(interval) {}
    progress_line(const progress_line&) = delete;
    progress_line& operator=(const progress_line&) = delete;
    ~progress_line() { finish(); }

    /// Records `done` bytes of the total and `count` items; redraws when the interval has passed.
    void update(std::uint64_t done, std::uint64_t count = 0) {
        if (!enabled_ || !due()) return;
        std::string text = what_ + ":";
        if (total_ > 0) {
            const std::uint64_t pct = done >= total_ ? 100 : done * 100 / total_;
            text += " " + std::to_string(pct) + "% (" + size(done) + " of " + size(total_) + ")";
        } else if (done > 0) {
            text += " " + size(done);
        }
        if (!items_.empty())
            text += (total_ > 0 || done > 0 ? ", " : " ") + grouped(count) + " " + items_;
        draw(text);
    }
    /// Shows `step` as what is being done now (drawn at once).
    void stage(const std::string& step) {
        if (!enabled_) return;
        draw(what_ + ": " + step);
    }
    /// Clears the line if one was drawn. Later updates draw it again.
    void finish() noexcept {
        if (!drawn_) return;
        std::fputs("\r\x1b[K", out_);
        std::fflush(out_);
        drawn_ = false;
    }
    /// Returns: true when the line is shown at all.
    [[nodiscard]] bool enabled() const noexcept { return enabled_; }

private:
    bool due() {
        const auto now = std::chrono::steady_clock::now();
        if (drawn_ && now - last_ < interval_) return false;
        last_ = now;
        return true;
    }
    void draw(const std::string& text) {
        std::fputs(("\r" + text + "\x1b[K").c_str(), out_);
        std::fflush(out_);
        drawn_ = true;
    }
    /// "564 MB", "12 kB", "512 B" (decimal units, rounded down).
    static std::string size(std::uint64_t bytes) {
        if (bytes >= 10'000'000) return grouped(bytes / 1'000'000) + " MB";
        if (bytes >= 10'000) return grouped(bytes / 1'000) + " kB";
        return std::to_string(bytes) + " B";
    }
    /// "5,012,345".
    static std::string grouped(std::uint64_t n) {
        std::string digits = std::to_string(n), out;
        for (std::size_t i = 0; i < digits.size(); ++i) {
            if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
            out += digits[i];
        }
        return out;
    }

    std::string what_, items_;
    std::uint64_t total_;
    bool enabled_;
    std::FILE* out_;
    std::chrono::milliseconds interval_;
    std::chrono::steady_clock::time_point last_{};
    bool drawn_ = false;
};

}  // namespace bmm
