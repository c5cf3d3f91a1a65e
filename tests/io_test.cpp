// Spec: bmm/io.hpp — operator<< for every bmm value type.
#include <doctest/doctest.h>

#include <bmm/io.hpp>
#include <sstream>

#include "support/spec.hpp"

TEST_SUITE("io") {
    TEST_CASE("every value type streams as its to_string") {
        std::ostringstream os;
        os << bmm::gbp::parse("-0.07") << ' ' << bmm::ratio(1, 12) << ' '
           << bmm::decimal::parse("0.90") << ' ' << bmm::fiscal_year<>{2023} << ' '
           << bmm::fiscal_year<>{2023}.quarter(2) << ' ' << bmm::fiscal_year<>{2023}.month(3);
        CHECK(os.str() == "-0.07 1/12 0.90 2023/24 Q2 2023/24 M3 2023/24");
    }
}
