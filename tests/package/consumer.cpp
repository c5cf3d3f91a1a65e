// A program outside bmm that uses it as a package: it must find the headers and dependencies
// through bmm::bmm alone.
#include <bmm/bmm.hpp>
#include <bmm/format.hpp>
#include <cstdio>
#include <vector>

int main() {
    const std::vector<bmm::gbp> parts{bmm::gbp::from_millions("22.6"),
                                      bmm::gbp::from_millions("6.8"),
                                      bmm::gbp::from_millions("0.8")};
    const bmm::gbp total = bmm::sum(parts);
    const auto column = bmm::money_format::millions_column(1);
    std::printf("bmm consumer: %s + %s + %s = %s in %s (bmm %d.%d.%d)\n",
                bmm::to_string(parts[0], column).c_str(), bmm::to_string(parts[1], column).c_str(),
                bmm::to_string(parts[2], column).c_str(), bmm::to_string(total, column).c_str(),
                bmm::to_string(bmm::fiscal_year<>{2023}).c_str(), BMM_VERSION_MAJOR,
                BMM_VERSION_MINOR, BMM_VERSION_PATCH);
    return total == bmm::gbp::from_millions("30.2") ? 0 : 1;
}
