// Spec: bmm/io.hpp — operator<< for every bmm value type.
#include <doctest/doctest.h>

#include <bmm/io.hpp>
#include <cstdint>
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

    TEST_CASE("statuses, targets and periods outside date's range stream as their to_string") {
        std::ostringstream os;
        os << bmm::status(bmm::rag::amber) << '|' << bmm::data_status::not_reported << '|'
           << bmm::target::parse("93-95%") << '|' << bmm::fiscal_year<>{1'000'000} << '|'
           << bmm::fiscal_year<1>{2023}.month(3) << '|' << bmm::gbp::from_minor_units(INT64_MIN);
        CHECK(os.str() == "Amber|Not reported|93-95%|1000000/01|M3 2023|-92233720368547758.08");
    }
}
