// bmm — fwd: forward declarations of bmm's types, for headers that only mention them.
//
//   #include <bmm/fwd.hpp>
//   void print_line(const bmm::gbp& budget);   // no need to include money.hpp here
#pragma once

namespace bmm {

namespace currency {
struct gbp;
struct eur;
struct usd;
struct jpy;
}  // namespace currency

template <class Currency>
class money;
template <class Currency>
class unrounded_money;
template <class Currency>
class money_accumulator;
template <class Currency>
struct allocation;

using gbp = money<currency::gbp>;
using eur = money<currency::eur>;
using usd = money<currency::usd>;
using jpy = money<currency::jpy>;

class ratio;
class decimal;
class error;
struct zero_t;

template <unsigned StartMonth>
class fiscal_year;
template <unsigned StartMonth>
class fiscal_quarter;
template <unsigned StartMonth>
class fiscal_month;

}  // namespace bmm
