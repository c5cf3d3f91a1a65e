// Spec for bmm/io/progress.hpp: the tools' progress line is drawn only where asked (by default
// only on an interactive stderr), redraws at most once an interval, and is cleared at the end.
#include <doctest/doctest.h>

#include <bmm/io/progress.hpp>
// (the header under test comes first)
#include <chrono>
#include <cstdio>
#include <string>

namespace {

/// Everything written to `f` so far.
std::string contents(std::FILE* f) {
    std::fflush(f);
    std::rewind(f);
    std::string s;
    for (int c = std::fgetc(f); c != EOF; c = std::fgetc(f)) s += static_cast<char>(c);
    return s;
}

}  // namespace

TEST_CASE("a progress line shows the share done, the sizes and the count, and is cleared") {
    std::FILE* f = std::tmpfile();
    REQUIRE(f != nullptr);
    {
        bmm::progress_line p("bmm-audit big.csv", 564'000'000, "rows", true, f,
                             std::chrono::milliseconds(0));
        p.update(254'000'000, 5'012'345);
        CHECK(contents(f) == "\rbmm-audit big.csv: 45% (254 MB of 564 MB), 5,012,345 rows\x1b[K");
    }
    const std::string all = contents(f);
    CHECK(all.substr(all.size() - 4) == "\r\x1b[K");  // cleared by the destructor
    std::fclose(f);
}

TEST_CASE("a progress line is not drawn when disabled, as on a pipe or in CI") {
    std::FILE* f = std::tmpfile();
    REQUIRE(f != nullptr);
    bmm::progress_line p("bmm-audit", 100, "rows", false, f);
    p.update(50, 5);
    p.stage("writing");
    p.finish();
    CHECK(contents(f).empty());
    CHECK_FALSE(p.enabled());
    std::fclose(f);
}

TEST_CASE("a progress line redraws at most once an interval") {
    std::FILE* f = std::tmpfile();
    REQUIRE(f != nullptr);
    bmm::progress_line p("x", 100, "", true, f, std::chrono::hours(1));
    p.update(10);
    p.update(20);
    p.update(30);
    CHECK(contents(f) == "\rx: 10% (10 B of 100 B)\x1b[K");
    p.finish();
    std::fclose(f);
}

TEST_CASE("a stage is drawn at once and a tmpfile is not interactive") {
    std::FILE* f = std::tmpfile();
    REQUIRE(f != nullptr);
    CHECK_FALSE(bmm::is_interactive(f));
    bmm::progress_line p("monthly_report", 0, "", true, f);
    p.stage("reading data/");
    CHECK(contents(f) == "\rmonthly_report: reading data/\x1b[K");
    p.finish();
    std::fclose(f);
}
