// bmm — detail: the engine of bmm/mtfs.hpp. A plan year by year as exact numerators over one
// common denominator per year: d_t = d_{t−1} × q_t, q_t the lcm of the denominators of every
// rate of year t, so every figure of year t is a whole number over d_t and lines add by adding
// numerators. The engine runs on detail::i128 with a sticky overflow flag (checked_i128) and,
// when a figure outgrows 128 bits, is run again on wide_int (any size, cpp_int beyond 128 bits).
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "../ratio.hpp"
#include "checked.hpp"
#include "int128.hpp"
#include "wide_int.hpp"

namespace bmm::detail {

/// A cash item in force from (or, one-off, only in) its year: a change of spending (bucket 0)
/// or a saving counted in full (1), at the amber weight (2) or at the red weight (3).
struct mtfs_item {
    std::size_t line;  ///< a service, or the corporate line (index = number of services)
    std::int64_t amount;
    int bucket;
    bool one_off;
};

/// A planned movement of a reserve in one year: the reserve, its index among the reserve's
/// movements, and the amount (+ in, − out).
struct mtfs_move {
    std::size_t reserve;
    std::size_t index;
    std::int64_t amount;
};

/// A funding line as the engine reads it: per year a growth rate, or an amount.
struct mtfs_funding_line {
    std::int64_t base = 0;
    std::vector<std::optional<ratio>> rate;
    std::vector<std::int64_t> amount;
};

/// A plan in the form the engine reads (minor units, rates, indices), built by bmm::project.
/// The pointers are into the plan, which outlives the run.
struct mtfs_input {
    std::size_t years = 0, services = 0;
    bool corporate = false;  ///< a corporate line follows the services
    std::vector<std::int64_t> pay, non_pay;
    const std::vector<ratio>* pay_award = nullptr;
    const std::vector<ratio>* inflation = nullptr;
    std::vector<const std::vector<ratio>*> demand;  ///< per service; null: no demand growth
    std::vector<std::vector<mtfs_item>> items;      ///< by plan year
    bool council_tax = false;
    std::int64_t council_tax_base = 0;
    const std::vector<ratio>* tax_base_growth = nullptr;
    const std::vector<ratio>* tax_increase = nullptr;
    std::vector<mtfs_funding_line> funding;
    std::vector<std::int64_t> reserve_opening;
    std::vector<bool> reserve_general, reserve_available;
    std::vector<std::vector<mtfs_move>> moves;  ///< by plan year
    std::vector<std::size_t> draw_order;
    bool dsg = false;
    std::int64_t dsg_opening = 0;
    std::vector<std::int64_t> dsg_in_year;
    ratio amber{1}, red{1};  ///< the savings policy's weights
};

/// One reserve in one plan year.
template <class I>
struct mtfs_reserve_figures {
    I opening{};
    std::vector<I> movements;        ///< the plan's movements of the year, in order
    std::vector<std::size_t> index;  ///< each one's index among the reserve's movements
    I draw{};                        ///< drawn to close the gap (negative: a surplus paid in)
    I closing{};
};

/// One plan year: every figure a numerator over `denominator` (minor units).
template <class I>
struct mtfs_year_figures {
    I denominator{};
    I opening_spending{}, pay_inflation{}, price_inflation{}, demand{}, pressures{}, one_offs{},
        savings{};            ///< the budget roll-forward; savings negative
    std::vector<I> services;  ///< per service, then the corporate line
    I spending{};
    std::vector<I> funding;  ///< council tax first when there is one
    I funding_total{}, gap{}, cumulative_gap{};
    I savings_planned{}, savings_counted{};
    std::vector<mtfs_reserve_figures<I>> reserves;
    I general{}, available{};
    I dsg_opening{}, dsg_in_year{}, dsg_closing{};
};

template <class I>
struct mtfs_figures {
    std::vector<mtfs_year_figures<I>> years;
};

/// Each year's rates as whole numbers over its q.
template <class I>
struct mtfs_factors {
    std::vector<I> q, pay, inflation, tax, amber, red;  ///< per year (tax: q × both factors)
    std::vector<I> demand;                              ///< per service × year (service-major)
    std::vector<I> funding;  ///< per line × year: q × (1 + rate); unused for set amounts
    std::vector<I> bound;    ///< per year: the largest |multiplier| of the year (128 bits only)
};

/// Arithmetic on i128 that records overflow (beyond ±(2^127 − 1)) instead of failing.
struct checked_i128 {
    bool overflow = false;
    i128 add(const i128& a, const i128& b) noexcept {
        i128 r;
        overflow |= add_overflow_128(a, b, &r);
        return r;
    }
    i128 sub(const i128& a, const i128& b) noexcept {
        i128 r;
        overflow |= sub_overflow_128(a, b, &r);
        return r;
    }
    i128 mul(const i128& a, const i128& b) noexcept {
        i128 r;
        overflow |= mul_overflow_128(a, b, &r);
        return r;
    }
    static i128 of(std::int64_t v) noexcept { return v; }
    static i128 of(const i128& v) noexcept { return v; }
};

/// Arithmetic at any size.
struct any_size {
    bool overflow = false;  ///< never set
    static wide_int add(const wide_int& a, const wide_int& b) { return a + b; }
    static wide_int sub(const wide_int& a, const wide_int& b) { return a - b; }
    static wide_int mul(const wide_int& a, const wide_int& b) { return a * b; }
    static wide_int of(std::int64_t v) { return wide_int(v); }
    static wide_int of(const i128& v) { return wide_int::from_i128(v); }
};

/// Returns: each plan year's q (the lcm of its rates' denominators, the policy's weights' too)
/// and the council tax factors (1 + base growth)(1 + increase) in lowest terms.
struct mtfs_year_scale {
    std::vector<wide_int> q;
    std::vector<wide_int> tax_num, tax_den;
};

/// The lcm of positive denominators: in 64 bits while it fits, at any size beyond. Plans use few
/// distinct denominators (200 for rates in steps of 0.5%), so the last few are remembered.
class lcm_of {
public:
    void add(std::int64_t d) {
        // A table indexed by d mod 31 (which keeps 2, 4, 5, 8, 10, 20, 25, 40, 50, 100, 200
        // apart): a denominator seen before costs one comparison.
        std::int64_t& slot = known_[static_cast<std::size_t>(d) % known_.size()];
        if (slot == d) return;
        slot = d;
        if (!big_) {
            if (q_ % d == 0) return;
            std::int64_t r;
            if (!mul_overflow(q_ / static_cast<std::int64_t>(gcd128(q_, d)), d, &r)) {
                q_ = r;
                return;
            }
            big_ = wide_int(q_);
        }
        add_big(wide_int(d));
    }
    void add(const wide_int& d) {
        if (!big_ && d.is_small() && fits_i64(d.small())) {
            add(static_cast<std::int64_t>(d.small()));
            return;
        }
        if (!big_) big_ = wide_int(q_);
        add_big(d);
    }
    [[nodiscard]] wide_int value() const { return big_ ? *big_ : wide_int(q_); }

private:
    void add_big(const wide_int& d) {
        *big_ = wide_int::divide_exact(*big_, wide_int::gcd(*big_, d)) * d;
    }
    std::int64_t q_ = 1;
    std::optional<wide_int> big_;
    std::array<std::int64_t, 31> known_{};  // denominators known to divide q, by d mod 31
};

[[nodiscard]] inline mtfs_year_scale mtfs_scales(const mtfs_input& in) {
    const std::size_t n = in.years;
    std::vector<lcm_of> q(n);
    for (std::size_t t = 0; t < n; ++t) {
        q[t].add((*in.pay_award)[t].denominator());
        q[t].add((*in.inflation)[t].denominator());
        q[t].add(in.amber.denominator());
        q[t].add(in.red.denominator());
        for (const auto& f : in.funding) {
            if (f.rate[t]) q[t].add(f.rate[t]->denominator());
        }
    }
    for (const auto* d : in.demand) {  // service by service: each service's rates in a row
        if (!d) continue;
        for (std::size_t t = 0; t < n; ++t) q[t].add((*d)[t].denominator());
    }
    mtfs_year_scale out;
    for (std::size_t t = 0; t < n; ++t) {
        if (in.council_tax) {
            const ratio g = (*in.tax_base_growth)[t], c = (*in.tax_increase)[t];
            wide_int num = (wide_int(g.denominator()) + wide_int(g.numerator())) *
                           (wide_int(c.denominator()) + wide_int(c.numerator()));
            wide_int den = wide_int(g.denominator()) * wide_int(c.denominator());
            const wide_int common = wide_int::gcd(num, den);
            if (common != wide_int(1) && !common.is_zero()) {
                num = wide_int::divide_exact(num, common);
                den = wide_int::divide_exact(den, common);
            }
            q[t].add(den);
            out.tax_num.push_back(num);
            out.tax_den.push_back(den);
        }
        out.q.push_back(q[t].value());
    }
    return out;
}

/// Returns: the factors at any size.
[[nodiscard]] inline mtfs_factors<wide_int> mtfs_wide_factors(const mtfs_input& in,
                                                              const mtfs_year_scale& sc) {
    const std::size_t n = in.years;
    mtfs_factors<wide_int> f;
    auto scaled = [](ratio x, const wide_int& q) {
        return wide_int(x.numerator()) * wide_int::divide_exact(q, wide_int(x.denominator()));
    };
    f.q = sc.q;
    f.demand.resize(in.services * n);
    f.funding.resize(in.funding.size() * n);
    for (std::size_t t = 0; t < n; ++t) {
        const wide_int& q = sc.q[t];
        f.pay.push_back(scaled((*in.pay_award)[t], q));
        f.inflation.push_back(scaled((*in.inflation)[t], q));
        f.tax.push_back(in.council_tax ? sc.tax_num[t] * wide_int::divide_exact(q, sc.tax_den[t])
                                       : wide_int());
        f.amber.push_back(scaled(in.amber, q));
        f.red.push_back(scaled(in.red, q));
        for (std::size_t s = 0; s < in.services; ++s) {
            if (in.demand[s]) f.demand[s * n + t] = scaled((*in.demand[s])[t], q);
        }
        for (std::size_t l = 0; l < in.funding.size(); ++l) {
            if (in.funding[l].rate[t]) f.funding[l * n + t] = q + scaled(*in.funding[l].rate[t], q);
        }
    }
    return f;
}

/// Returns: the factors in 128 bits, or std::nullopt when a year's q does not fit 64 bits (the
/// plan is then projected at any size).
[[nodiscard]] inline std::optional<mtfs_factors<i128>> mtfs_small_factors(
    const mtfs_input& in, const mtfs_year_scale& sc) {
    const std::size_t n = in.years;
    mtfs_factors<i128> f;
    f.demand.assign(in.services * n, i128(0));
    f.funding.assign(in.funding.size() * n, i128(0));
    // x × q = numerator × (q / denominator): below 2^126, as both parts are int64. A few
    // denominators recur, so q / denominator is kept for the last 8 of each year.
    struct shares {
        std::int64_t q = 1;
        std::array<std::int64_t, 31> den{}, share{};  // by denominator mod 31
        i128 scaled(ratio x) {
            const std::int64_t d = x.denominator();
            const auto slot = static_cast<std::size_t>(d) % den.size();
            if (den[slot] != d) {
                den[slot] = d;
                share[slot] = q / d;
            }
            return i128(x.numerator()) * share[slot];
        }
    };
    std::vector<shares> year(n);
    for (std::size_t t = 0; t < n; ++t) {
        if (!sc.q[t].is_small() || !fits_i64(sc.q[t].small())) return std::nullopt;
        year[t].q = static_cast<std::int64_t>(sc.q[t].small());
    }
    std::vector<i128> largest_demand(n, 0);
    for (std::size_t s = 0; s < in.services; ++s) {  // service by service
        if (!in.demand[s]) continue;
        for (std::size_t t = 0; t < n; ++t) {
            const i128 dq = year[t].scaled((*in.demand[s])[t]);
            f.demand[s * n + t] = dq;
            largest_demand[t] = std::max(largest_demand[t], abs128(dq));
        }
    }
    for (std::size_t t = 0; t < n; ++t) {
        const i128 q = year[t].q;
        f.q.push_back(q);
        f.pay.push_back(year[t].scaled((*in.pay_award)[t]));
        f.inflation.push_back(year[t].scaled((*in.inflation)[t]));
        if (in.council_tax) {
            const wide_int k = sc.tax_num[t] * wide_int::divide_exact(sc.q[t], sc.tax_den[t]);
            if (!k.is_small()) return std::nullopt;
            f.tax.push_back(k.small());
        } else {
            f.tax.push_back(0);
        }
        f.amber.push_back(year[t].scaled(in.amber));
        f.red.push_back(year[t].scaled(in.red));
        // The largest multiplier of the year: a service's q + rate + demand, council tax's
        // factor, a funding line's, or q itself (carried balances).
        const i128 pay_or_prices = std::max(abs128(f.pay.back()), abs128(f.inflation.back()));
        i128 bound = std::max(q + pay_or_prices + largest_demand[t], abs128(f.tax.back()));
        for (std::size_t l = 0; l < in.funding.size(); ++l) {
            if (in.funding[l].rate[t]) {
                f.funding[l * n + t] = q + year[t].scaled(*in.funding[l].rate[t]);
                bound = std::max(bound, abs128(f.funding[l * n + t]));
            }
        }
        f.bound.push_back(bound);
    }
    return f;
}

/// Arithmetic on i128 for a year known to fit (see mtfs_headroom): no checks.
struct raw_i128 {
    static constexpr bool overflow = false;
    static i128 add(const i128& a, const i128& b) noexcept { return a + b; }
    static i128 sub(const i128& a, const i128& b) noexcept { return a - b; }
    static i128 mul(const i128& a, const i128& b) noexcept { return a * b; }
    static i128 of(std::int64_t v) noexcept { return v; }
    static i128 of(const i128& v) noexcept { return v; }
};

/// What the engine carries from year to year: numerators over d.
template <class I>
struct mtfs_state {
    I d, spending, tax, dsg, cumulative, prev_counted;
    std::vector<I> pay, non_pay, funding, reserve;
    // Cash in force per line, by bucket, in minor units: ongoing sums, this year's one-offs.
    std::vector<std::array<i128, 4>> ongoing, one_off;
    i128 prev_changes = 0, prev_one_offs = 0;
};

template <class I, class A>
[[nodiscard]] mtfs_state<I> mtfs_start(const mtfs_input& in, A& a) {
    mtfs_state<I> st;
    const std::size_t k = in.services;
    st.d = A::of(std::int64_t{1});
    st.spending = A::of(std::int64_t{0});
    st.pay.resize(k);
    st.non_pay.resize(k);
    for (std::size_t s = 0; s < k; ++s) {
        st.pay[s] = A::of(in.pay[s]);
        st.non_pay[s] = A::of(in.non_pay[s]);
        st.spending = a.add(st.spending, a.add(st.pay[s], st.non_pay[s]));
    }
    st.ongoing.resize(k + 1);
    st.one_off.resize(k + 1);
    for (auto& x : st.ongoing) x.fill(0);
    st.tax = A::of(in.council_tax ? in.council_tax_base : 0);
    for (const auto& l : in.funding) st.funding.push_back(A::of(l.base));
    for (std::int64_t r : in.reserve_opening) st.reserve.push_back(A::of(r));
    st.dsg = A::of(in.dsg ? in.dsg_opening : 0);
    st.cumulative = A::of(std::int64_t{0});
    st.prev_counted = A::of(std::int64_t{0});
    return st;
}

/// Projects plan year t from the state of the year before.
template <class I, class A>
void mtfs_step(const mtfs_input& in, const mtfs_factors<I>& f, std::size_t t, mtfs_state<I>& st,
               A& a, mtfs_year_figures<I>& y) {
    const std::size_t n = in.years, k = in.services;
    const std::size_t lines = k + (in.corporate ? 1 : 0);
    const I zero = A::of(std::int64_t{0});
    const I& q = f.q[t];
    const I d_prev = st.d;
    st.d = a.mul(st.d, q);
    const I& d = st.d;
    y.denominator = d;

    // Pay, prices and demand, each on the year-before figures.
    y.opening_spending = a.mul(st.spending, q);
    const I& pq = f.pay[t];
    const I& iq = f.inflation[t];
    I pay_inf = zero, price_inf = zero, demand = zero;
    y.services.resize(lines);
    for (std::size_t s = 0; s < k; ++s) {
        I& pay = st.pay[s];
        I& non_pay = st.non_pay[s];
        const I p_inf = a.mul(pay, pq), n_inf = a.mul(non_pay, iq);
        pay_inf = a.add(pay_inf, p_inf);
        price_inf = a.add(price_inf, n_inf);
        // Demand is multiplied out even when zero: a branch on it would be mispredicted.
        const I& dq = f.demand[s * n + t];
        const I p_dem = a.mul(pay, dq), n_dem = a.mul(non_pay, dq);
        demand = a.add(demand, a.add(p_dem, n_dem));
        pay = a.add(a.add(a.mul(pay, q), p_inf), p_dem);
        non_pay = a.add(a.add(a.mul(non_pay, q), n_inf), n_dem);
        y.services[s] = a.add(pay, non_pay);
    }
    if (in.corporate) y.services[k] = zero;
    y.pay_inflation = pay_inf;
    y.price_inflation = price_inf;
    y.demand = demand;

    // Cash items: this year's one-offs replace last year's; ongoing ones accumulate.
    for (auto& x : st.one_off) x.fill(0);
    for (const mtfs_item& it : in.items[t]) {
        (it.one_off ? st.one_off : st.ongoing)[it.line][static_cast<std::size_t>(it.bucket)] +=
            it.amount;
    }
    const I d_amber = a.mul(d_prev, f.amber[t]), d_red = a.mul(d_prev, f.red[t]);
    I counted = zero;
    i128 changes = 0, one_offs = 0, planned = 0;
    for (std::size_t s = 0; s < lines; ++s) {
        const auto& on = st.ongoing[s];
        const auto& off = st.one_off[s];
        const i128 full = on[1] + off[1], amber = on[2] + off[2], red = on[3] + off[3];
        const i128 change = on[0] + off[0];
        if (change == 0 && full == 0 && amber == 0 && red == 0) continue;
        changes += on[0];
        one_offs += off[0];
        planned += full + amber + red;
        I line_counted = zero;
        if (full != 0) line_counted = a.mul(A::of(full), d);
        if (amber != 0) line_counted = a.add(line_counted, a.mul(A::of(amber), d_amber));
        if (red != 0) line_counted = a.add(line_counted, a.mul(A::of(red), d_red));
        counted = a.add(counted, line_counted);
        y.services[s] = a.add(y.services[s], a.sub(a.mul(A::of(change), d), line_counted));
    }
    y.pressures = a.mul(A::of(changes - st.prev_changes), d);
    y.one_offs = a.mul(A::of(one_offs - st.prev_one_offs), d);
    y.savings = a.sub(a.mul(st.prev_counted, q), counted);
    st.prev_counted = counted;
    st.prev_changes = changes;
    st.prev_one_offs = one_offs;
    y.savings_planned = a.mul(A::of(planned), d);
    y.savings_counted = counted;
    I spending = zero;
    for (std::size_t s = 0; s < lines; ++s) spending = a.add(spending, y.services[s]);
    st.spending = spending;
    y.spending = spending;

    // Funding.
    y.funding.clear();
    if (in.council_tax) {
        st.tax = a.mul(st.tax, f.tax[t]);
        y.funding.push_back(st.tax);
    }
    for (std::size_t l = 0; l < st.funding.size(); ++l) {
        if (in.funding[l].rate[t]) {
            st.funding[l] = a.mul(st.funding[l], f.funding[l * n + t]);
        } else {
            st.funding[l] = a.mul(A::of(in.funding[l].amount[t]), d);
        }
        y.funding.push_back(st.funding[l]);
    }
    I funding_total = zero;
    for (const I& x : y.funding) funding_total = a.add(funding_total, x);
    y.funding_total = funding_total;
    y.gap = a.sub(spending, funding_total);
    st.cumulative = a.add(a.mul(st.cumulative, q), y.gap);
    y.cumulative_gap = st.cumulative;

    // Reserves: planned movements, then the gap drawn in order.
    std::vector<I>& reserve = st.reserve;
    y.reserves.resize(reserve.size());
    for (std::size_t r = 0; r < reserve.size(); ++r) {
        reserve[r] = a.mul(reserve[r], q);
        y.reserves[r].opening = reserve[r];
        y.reserves[r].draw = zero;
    }
    for (const mtfs_move& m : in.moves[t]) {
        const I v = a.mul(A::of(m.amount), d);
        y.reserves[m.reserve].movements.push_back(v);
        y.reserves[m.reserve].index.push_back(m.index);
        reserve[m.reserve] = a.add(reserve[m.reserve], v);
    }
    if (!in.draw_order.empty()) {
        I remaining = y.gap;
        for (std::size_t j = 0; j + 1 < in.draw_order.size() && zero < remaining; ++j) {
            const std::size_t r = in.draw_order[j];
            if (!(zero < reserve[r])) continue;
            const I take = reserve[r] < remaining ? reserve[r] : remaining;
            y.reserves[r].draw = take;
            reserve[r] = a.sub(reserve[r], take);
            remaining = a.sub(remaining, take);
        }
        const std::size_t last = in.draw_order.back();
        y.reserves[last].draw = a.add(y.reserves[last].draw, remaining);
        reserve[last] = a.sub(reserve[last], remaining);
    }
    I general = zero, available = zero;
    for (std::size_t r = 0; r < reserve.size(); ++r) {
        y.reserves[r].closing = reserve[r];
        if (in.reserve_general[r]) general = a.add(general, reserve[r]);
        if (in.reserve_available[r]) available = a.add(available, reserve[r]);
    }
    y.general = general;
    y.available = available;

    // The DSG deficit.
    y.dsg_opening = y.dsg_in_year = y.dsg_closing = zero;
    if (in.dsg) {
        st.dsg = a.mul(st.dsg, q);
        y.dsg_opening = st.dsg;
        y.dsg_in_year = a.mul(A::of(in.dsg_in_year[t]), d);
        st.dsg = a.add(st.dsg, y.dsg_in_year);
        y.dsg_closing = st.dsg;
    }
}

/// Returns: Σ |every cash amount of the plan| (items, reserve movements, set funding, DSG) in
/// minor units: a bound on the cash of any line in any year.
[[nodiscard]] inline i128 mtfs_cash_bound(const mtfs_input& in) {
    i128 total = 0;
    auto take = [&total](std::int64_t v) { total += v < 0 ? -i128(v) : i128(v); };
    for (const auto& year : in.items) {
        for (const mtfs_item& it : year) take(it.amount);
    }
    for (const auto& year : in.moves) {
        for (const mtfs_move& m : year) take(m.amount);
    }
    for (const auto& l : in.funding) {
        for (std::int64_t v : l.amount) take(v);
    }
    for (std::int64_t v : in.dsg_in_year) take(v);
    return total;
}

/// Returns: true when year t provably fits 128 bits from this state: every figure of the year,
/// and every sum the year forms, is below 4 × B, B = S × F + cash × d_t, with S the sum of the
/// carried figures' magnitudes (each group of lines, spending, council tax and funding, reserves,
/// the DSG, the cumulative gap, savings counted, is carried once), F the largest multiplier of
/// the year (factors.bound) and cash the plan's cash bound. A total of lines is at most B; the
/// gap, spending less funding, at most 2B; a reserve after its movements and draw, or the
/// cumulative gap after this year's, at most 3B.
[[nodiscard]] inline bool mtfs_headroom(const mtfs_input& in, const mtfs_factors<i128>& f,
                                        std::size_t t, const mtfs_state<i128>& st, i128 cash) {
    (void)in;
    // S in units of 2^32, rounded up: the sum of magnitudes below 2^95 each cannot overflow, so
    // it needs no check (and no branch) per figure.
    i128 s = 0;
    std::size_t figures = 0;
    const auto take = [&s, &figures](const i128& v) {
#if BMM_DETAIL_NATIVE_INT128
        const i128 sign = v >> 127;  // 0 or −1
        s += ((v ^ sign) - sign) >> 32;
#else
        s += abs128(v) >> 32;
#endif
        ++figures;
    };
    for (const i128& v : st.pay) take(v);
    for (const i128& v : st.non_pay) take(v);
    for (const i128& v : st.funding) take(v);
    for (const i128& v : st.reserve) take(v);
    take(st.spending);
    take(st.tax);
    take(st.dsg);
    take(st.cumulative);
    take(st.prev_counted);
    checked_i128 c;
    const i128 carried = c.mul(c.add(s, static_cast<std::int64_t>(figures)), i128(1) << 32);
    const i128 d = c.mul(st.d, f.q[t]);
    const i128 bound = c.mul(4, c.add(c.mul(carried, f.bound[t]), c.mul(cash, d)));
    return !c.overflow && bound < (i128(1) << 126);
}

/// Projects the plan in 128 bits. Returns: false when a figure does not fit them (`out` is then
/// incomplete: project at any size).
[[nodiscard]] inline bool run_mtfs(const mtfs_input& in, const mtfs_factors<i128>& f,
                                   mtfs_figures<i128>& out) {
    checked_i128 checked;
    raw_i128 raw;
    mtfs_state<i128> st = mtfs_start<i128>(in, checked);
    if (checked.overflow) return false;
    const i128 cash = mtfs_cash_bound(in);
    out.years.assign(in.years, mtfs_year_figures<i128>{});
    for (std::size_t t = 0; t < in.years; ++t) {
        if (mtfs_headroom(in, f, t, st, cash)) {
            mtfs_step(in, f, t, st, raw, out.years[t]);
        } else {
            mtfs_step(in, f, t, st, checked, out.years[t]);
            if (checked.overflow) return false;
        }
    }
    return true;
}

/// Projects the plan at any size.
inline void run_mtfs(const mtfs_input& in, const mtfs_factors<wide_int>& f,
                     mtfs_figures<wide_int>& out) {
    any_size a;
    mtfs_state<wide_int> st = mtfs_start<wide_int>(in, a);
    out.years.assign(in.years, mtfs_year_figures<wide_int>{});
    for (std::size_t t = 0; t < in.years; ++t) mtfs_step(in, f, t, st, a, out.years[t]);
}

}  // namespace bmm::detail
