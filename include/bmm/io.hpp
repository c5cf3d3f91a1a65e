// bmm — io: operator<< for every bmm value type. The ONLY bmm header that includes <ostream>,
// so that the core headers stay cheap to include (see BENCHMARKS.md for compile costs).
//
//   #include <bmm/io.hpp>
//   std::cout << bmm::gbp::parse("-0.07") << ' ' << bmm::fiscal_year<>{2023};   // -0.07 2023/24
#pragma once

#include <ostream>

#include "decimal.hpp"
#include "history.hpp"
#include "measure.hpp"
#include "money.hpp"
#include "period.hpp"
#include "ratio.hpp"
#include "status.hpp"
#include "target.hpp"
#include "trend.hpp"

namespace bmm {

// Each operator writes to_string(x) (the same text the value's to_string returns).
// Returns: os. Throws: only what os throws (nothing unless its exceptions() are set) and
// std::bad_alloc; never a bmm::error (printing cannot fail).

inline std::ostream& operator<<(std::ostream& os, decimal d) { return os << to_string(d); }
inline std::ostream& operator<<(std::ostream& os, ratio r) { return os << to_string(r); }
template <class C>
std::ostream& operator<<(std::ostream& os, money<C> m) {
    return os << to_string(m);
}
template <unsigned S>
std::ostream& operator<<(std::ostream& os, fiscal_year<S> y) {
    return os << to_string(y);
}
template <unsigned S>
std::ostream& operator<<(std::ostream& os, fiscal_quarter<S> q) {
    return os << to_string(q);
}
template <unsigned S>
std::ostream& operator<<(std::ostream& os, fiscal_month<S> m) {
    return os << to_string(m);
}
inline std::ostream& operator<<(std::ostream& os, rag r) { return os << to_string(r); }
inline std::ostream& operator<<(std::ostream& os, data_status d) { return os << to_string(d); }
inline std::ostream& operator<<(std::ostream& os, status s) { return os << to_string(s); }
inline std::ostream& operator<<(std::ostream& os, const target& t) { return os << to_string(t); }
inline std::ostream& operator<<(std::ostream& os, const measure_id& id) {
    return os << to_string(id);
}
inline std::ostream& operator<<(std::ostream& os, status_change c) { return os << to_string(c); }
inline std::ostream& operator<<(std::ostream& os, direction d) { return os << to_string(d); }

}  // namespace bmm
