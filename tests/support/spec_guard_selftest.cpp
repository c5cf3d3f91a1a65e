// The zero-case guard's self-test (tests/CMakeLists.txt, spec_guard.*): this case's name holds
// the ';' that doctest_discover_tests splits names at, on purpose, so that discovery makes two
// CTest entries that run no case, which the guard must fail. No spec may be named like this
// (scripts/check-specs.py names exempts this file alone).
#include <doctest/doctest.h>

TEST_CASE("this name holds a semicolon; discovery splits it into two entries that run nothing") {
    CHECK(1 + 1 == 2);
}
