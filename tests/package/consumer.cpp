// A program outside bmm that uses it as a package: it must find the headers and dependencies
// through bmm::bmm alone.
#include <bmm/bmm.hpp>
#include <cstdio>
#include <vector>

int main() {
    const std::vector<bmm::gbp> parts{bmm::gbp::from_millions("22.6"),
                                      bmm::gbp::from_millions("6.8"),
                                      bmm::gbp::from_millions("0.8")};
    const bmm::gbp total = bmm::sum(parts);
    const bmm::fiscal_year<> year{2023};
    std::printf("bmm consumer: 22.6 + 6.8 + 0.8 = %s (%s, bmm %d.%d.%d)\n",
                (total == bmm::gbp::from_millions("30.2") ? "30.2" : "WRONG"),
                bmm::to_string(year).c_str(), BMM_VERSION_MAJOR, BMM_VERSION_MINOR,
                BMM_VERSION_PATCH);
    return total == bmm::gbp::from_millions("30.2") ? 0 : 1;
}
