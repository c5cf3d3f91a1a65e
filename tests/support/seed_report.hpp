// Test support: a seed report (tests/data/seedNNN, the report layout) read and audited by bmm,
// beside its independent hand audit (tests/data/seeds_audit.py → expected_findings.json), and
// the comparisons the seed specs share.
#pragma once

#include <doctest/doctest.h>

#include <bmm/io/report_csv.hpp>
#include <bmm/report/audit.hpp>
//
#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "json.hpp"
#include "slurp.hpp"

namespace bmm_test {

namespace seed_report {

/// A cell: its file, row label, column heading.
using cell = std::tuple<std::string, std::string, std::string>;
/// A cell and a verdict.
using cell_verdict = std::tuple<std::string, std::string, std::string, std::string>;

/// A seed read and audited by bmm (agreeing findings kept), and its hand audit.
struct audited {
    bmm::report report;
    bmm::findings found;
    bmm_test::json expected;
};

/// Returns: the seed in `folder` read, audited and beside its expected_findings.json.
inline audited audit_seed(const std::string& folder) {
    audited x{bmm::read_report_folder(folder), {}, bmm_test::json{}};
    bmm::report_audit_options o;
    o.keep_agreeing = true;
    x.found = bmm::audit(x.report, o);
    x.expected = bmm_test::json::parse(slurp(folder + "/expected_findings.json"));
    return x;
}

/// Returns: the hand audit's findings, counted by cell and verdict.
inline std::map<cell_verdict, int> hand_findings(const audited& a) {
    std::map<cell_verdict, int> out;
    for (const bmm_test::json& f : a.expected["findings"].items()) {
        ++out[{f["table"].str(), f["row"].str(), f["column"].str(), f["verdict"].str()}];
    }
    return out;
}

/// Returns: bmm's findings that agree (agreeing) or do not, counted by cell and verdict.
inline std::map<cell_verdict, int> bmm_findings(const audited& a, bool agreeing = false) {
    std::map<cell_verdict, int> out;
    for (const bmm::finding& f : a.found) {
        if ((f.verdict == bmm::verdict::agrees) != agreeing) continue;
        ++out[{f.where.section, f.where.row, f.where.column,
               std::string(bmm::to_string(f.verdict))}];
    }
    return out;
}

/// Returns: the cells the hand audit corroborates, counted.
inline std::map<cell, int> corroborated_cells(const audited& a) {
    std::map<cell, int> out;
    for (const bmm_test::json& c : a.expected["corroborated"].items()) {
        ++out[{c["table"].str(), c["row"].str(), c["column"].str()}];
    }
    return out;
}

/// Returns: the cells bmm finds agreeing, counted.
inline std::map<cell, int> agreeing_cells(const audited& a) {
    std::map<cell, int> out;
    for (const bmm::finding& f : a.found) {
        if (f.verdict == bmm::verdict::agrees)
            ++out[{f.where.section, f.where.row, f.where.column}];
    }
    return out;
}

/// Returns: what is in a and not in b, counted.
template <class K>
std::map<K, int> minus(const std::map<K, int>& a, const std::map<K, int>& b) {
    std::map<K, int> out;
    for (const auto& [k, n] : a) {
        const auto it = b.find(k);
        const int m = n - (it == b.end() ? 0 : it->second);
        if (m > 0) out[k] = m;
    }
    return out;
}

/// A figure as both audits print what fits: the text before " (", without £, separators, % or a
/// trailing m ("£17.7m" → "17.7", "23 (23.204)" → "23", "66,677.00" → "66677.00").
inline std::string bare(std::string s) {
    if (const auto p = s.find(" ("); p != std::string::npos) s.erase(p);
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s.compare(i, 2, "\xC2\xA3") == 0) {
            ++i;
            continue;
        }
        if (s[i] == ',' || s[i] == '%') continue;
        out += s[i];
    }
    if (out.size() > 1 && out.back() == 'm' && bmm::ratio::try_parse(out.substr(0, out.size() - 1)))
        out.pop_back();
    return out;
}

/// Checks that write_report gives back every CSV file of `folder` byte for byte (and no other),
/// and that what it writes reads back to a report with the same audit.
/// Returns: how many files it wrote.
inline std::size_t check_written_back(const audited& a, const std::string& folder) {
    const std::vector<bmm::layout_file> written = bmm::write_report(a.report);
    std::vector<std::string> csv_files;
    for (const auto& e : std::filesystem::directory_iterator(folder)) {
        const std::string name = e.path().filename().string();
        if (e.path().extension() == ".csv") csv_files.push_back(name);
    }
    std::sort(csv_files.begin(), csv_files.end());
    std::vector<std::string> names;
    for (const bmm::layout_file& f : written) {
        CAPTURE(f.name);
        CHECK(f.what == bmm::layout_file::type::regular);
        CHECK(f.text == slurp(folder + "/" + f.name));
        names.push_back(f.name);
    }
    std::sort(names.begin(), names.end());
    CHECK(names == csv_files);
    const bmm::findings again = bmm::audit(bmm::read_report(written), bmm::report_audit_options{});
    CHECK(again.errors() == a.found.errors());
    CHECK(again.cells_checked() == a.found.cells_checked());
    return names.size();
}

}  // namespace seed_report
}  // namespace bmm_test
