// bmm — detail: zero-restricted controlled rounding of a budget table (budget_table::rounded with
// table_rounding::controlled).
//
// Every printed figure is its exact value rounded down or up to the print unit (a multiple of the
// unit prints exactly), and every relation holds in print: each total is the sum of its members
// in every column, variance = forecast − budget and change = variance − previous variance on
// every row. Of all such roundings, one with the least total distance Σ |printed − exact| over
// every printed figure (budget, forecast, variance, previous variance and change of every row) is
// chosen; among equally close ones, the first in a fixed order (below), so the same table always
// prints the same way.
//
// The method: write each printed figure as floor(exact) + δ, δ ∈ {0, 1} (δ = 0 when the exact
// value is a multiple of the unit). A row's printed figures are fixed by three of them — budget,
// variance and previous variance (δb, δv, δp: a "combination", one of 8) — since forecast =
// budget + variance and change = variance − previous; a combination is allowed when the
// forecast's and the change's δ come out 0 or 1 too. A total's printed budget is the sum of its
// members', so the members' δb sum to the total's δb plus a known offset (the total's floor minus
// the members' floors), and likewise δv and δp. Totals nest as a tree (each row is summed by at
// most one total), so an exact dynamic programme over the tree decides the table: bottom up,
// each row's least cost for each of its 8 combinations (its own cells plus its members' best
// roundings whose sums match), the members combined one at a time over their partial sums of δ
// (each partial sum kept only within what the remaining members can still bring to the target);
// top down, the cheapest combination of each outermost row and then the members' combinations
// that achieved it. Cost: O(Σ m³) steps for a table of budget, forecast and variance and
// O(Σ m⁴) with previous variance and change, m = the members of each total (a partial-sum box
// is at most (m/2 + 2)^dimensions), a byte of memory a step for the members' choices. A total
// of budget and variance whose partial sums would pass controlled_dp_states (about 370 members)
// is combined by two_column_flow instead (a min-cost flow: O(m log m)); one with previous
// variance and change whose partial sums would pass controlled_max_states (about 200 members
// directly under it) is reported too large (controlled_outcome::kind::too_large). Among
// equally close roundings the programme keeps, for each partial sum, the lowest combination of
// each member that makes it (δb, then δv, then δp rounded down first); the flow, its own fixed
// order (lower members first).
//
// Existence: with budget, forecast and variance alone the table is a network (Cox 1987: the
// budget tree descending to each line's forecast node, the variance tree likewise, the forecast
// tree ascending; every printed figure an arc with bounds floor and ceiling), so a controlled
// rounding always exists and the programme finds one. With previous variance and change the
// columns nest two deep (forecast = budget + variance, variance = previous + change) and, under
// two levels of totals, a table may have none: e.g. lines (budget, previous, change) of
// (0.05, 0.05, 0) under one subtotal and (0.05, 0, −0.05), (0, 0.05, 0) under another, both
// under a total, at £0.1m. The programme then reports the first total (in row order) whose rows
// admit none.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <queue>
#include <type_traits>
#include <vector>

#include "int128.hpp"

namespace bmm::detail {

/// One row's printed figures in units of the print unit (previous and change only when
/// has_previous).
struct controlled_cells {
    i128 budget = 0, forecast = 0, variance = 0, previous = 0, change = 0;
    bool has_previous = false;
};

/// The working storage of controlled rounding (kept between tables by controlled_round, so
/// that a table costs no allocation once one as large has been rounded on the thread).
template <class K>
struct controlled_scratch {
    struct row {
        std::array<i128, 3> floor{};  ///< floor(exact / unit) of budget, variance, previous
        std::array<K, 8> cost{};      ///< the subtree's least cost for each combination (inf: none)
        std::array<int, 3> offset{};  ///< a total's floors minus its members' (b, v, p)
        std::array<std::uint8_t, 8> last{};  ///< a total's last member's combination, for each
        std::size_t first_step = 0;          ///< where a total's steps are kept
        std::uint8_t chosen = 0;
        bool previous = false, summed = false;
        bool by_flow = false;  ///< a total combined by two_column_flow (too many members)
        bool small = false;    ///< a total combined by combine_small
    };
    /// A box of partial sums: [lo, hi] per dimension (b, v, p; p is [0, 0] in two dimensions).
    struct box {
        std::array<int, 3> lo{}, hi{};
        [[nodiscard]] std::size_t size() const noexcept {
            return static_cast<std::size_t>((hi[0] - lo[0] + 1) * (hi[1] - lo[1] + 1) *
                                            (hi[2] - lo[2] + 1));
        }
        [[nodiscard]] bool contains(const std::array<int, 3>& s) const noexcept {
            return s[0] >= lo[0] && s[0] <= hi[0] && s[1] >= lo[1] && s[1] <= hi[1] &&
                   s[2] >= lo[2] && s[2] <= hi[2];
        }
        [[nodiscard]] std::size_t index(const std::array<int, 3>& s) const noexcept {
            return static_cast<std::size_t>(
                ((s[0] - lo[0]) * (hi[1] - lo[1] + 1) + (s[1] - lo[1])) * (hi[2] - lo[2] + 1) +
                (s[2] - lo[2]));
        }
    };
    /// One step of a total's programme (one member more): how its partial sums are laid out
    /// (every sum the member makes from the previous step's), those kept, and where in choices
    /// the member's combination for each is.
    struct step {
        box reach, window;
        std::size_t choices = 0;
    };
    /// A member's combinations as its total sees them, with their costs; the suffix sums of the
    /// least and greatest δ of this member and those after it.
    struct member {
        std::array<K, 8> cost{};
        std::array<std::uint8_t, 8> combination{};
        std::size_t count = 0;
        box suffix;
    };

    std::vector<row> rows;
    std::vector<member> members;  ///< the members of the total being combined, and one more
    std::vector<K> layer, next;   ///< least costs over the partial sums before and after a step
    std::vector<step> steps;
    std::vector<std::uint8_t> choices;

    /// Lets go of the storage of a large table (over about a megabyte).
    void trim() {
        const std::size_t bytes =
            rows.capacity() * sizeof(row) + choices.capacity() + steps.capacity() * sizeof(step) +
            (layer.capacity() + next.capacity()) * sizeof(K) + members.capacity() * sizeof(member);
        if (bytes > (std::size_t{1} << 20)) *this = controlled_scratch();
    }
};

/// A total's members of budget and variance alone, combined by successive shortest paths: with
/// these columns the table is a network, so each member's cost over its (δb, δv) is M♮-convex
/// (of the form α·δb + β·δv + h(δb + δv), h convex, on a box of δs and a range of their sum), and
/// adding one unit of Σδb or Σδv at a time the cheapest way — one member's δ up, or one member's
/// δb up and δv down and another's δv up — keeps the combinations the cheapest for every sum on
/// the way (a min-cost flow from two sources). Used for totals with too many members for the
/// programme's partial sums: O(log m) a unit (the members' moves in heaps), O(m log m) a total. Combinations a member cannot take cost
/// a penalty `big` (larger than any table's costs) instead, so that every state is one.
template <class K>
class two_column_flow {
public:
    /// Starts from every member at δ = 0. cost[k] for k = δb + 2·δv: a member's cost, or `inf`.
    /// Returns: false when a member's costs are not of the network's shape (no flow then).
    bool reset(const std::vector<std::array<K, 4>>& costs, K inf) {
        i128 most = 1;
        for (const auto& g : costs) {
            for (K x : g) most += x < inf ? i128(x) : i128(0);
        }
        const i128 big = 4 * most;  // a penalised sum is at least big − 3·most: above any other
        extended_.assign(costs.size(), {});
        at_.assign(costs.size(), 0);
        version_.assign(costs.size(), 0);
        for (heap& h : moves_) h = heap();
        total_ = 0;
        for (std::size_t c = 0; c < costs.size(); ++c) {
            if (!extend(costs[c], inf, big, extended_[c])) return false;
            total_ += extended_[c][0];
            push_moves(c);
        }
        most_ = most;
        return true;
    }
    /// Adds one unit to Σδb (column 0) or Σδv (column 1), the cheapest way.
    /// Returns: false when no member can take it.
    bool add(int column) {
        const unsigned up = 1u << column, other = 1u << (1 - column);
        // One member's δ up; or one member's δ up and its other δ down, and another member's
        // other δ up. Ties: the single move, then the lower members.
        const std::optional<entry> single = best(column == 0 ? up_b : up_v);
        const std::optional<entry> swap = best(column == 0 ? b_for_v : v_for_b);
        const std::optional<entry> other_up = best(column == 0 ? up_v : up_b);
        const bool pair = swap && other_up;
        if (!single && !pair) return false;
        if (single && (!pair || single->delta <= swap->delta + other_up->delta)) {
            total_ += single->delta;
            move(single->member, at_[single->member] | up);
        } else {
            total_ += swap->delta + other_up->delta;
            move(swap->member, (at_[swap->member] | up) & ~other);
            move(other_up->member, at_[other_up->member] | other);
        }
        return true;
    }
    /// Returns: the members' cost at their combinations, std::nullopt when one takes a
    /// combination it cannot (a penalty: the sums are impossible).
    [[nodiscard]] std::optional<i128> cost() const {
        if (total_ >= most_) return std::nullopt;
        return total_;
    }
    /// Returns: member c's combination (δb + 2·δv).
    [[nodiscard]] unsigned combination(std::size_t c) const noexcept { return at_[c]; }

private:
    [[nodiscard]] static i128 none() noexcept { return i128(1) << 124; }
    /// e: the member's costs on every combination: α·δb + β·δv + h(δb + δv) on the box and sum
    /// range of those it can take, plus `big` for each δ below the box or sum below the range,
    /// none() above them. Returns: false when that does not give back its costs.
    static bool extend(const std::array<K, 4>& g, K inf, i128 big, std::array<i128, 4>& e) {
        auto in = [&g, inf](unsigned k) { return g[k] < inf; };
        unsigned lo = 3, hi = 0;
        int smin = 2, smax = 0;
        for (unsigned k = 0; k < 4; ++k) {
            if (!in(k)) continue;
            lo &= k;
            hi |= k;
            const int s = static_cast<int>((k & 1u) + (k >> 1));
            smin = s < smin ? s : smin;
            smax = s > smax ? s : smax;
        }
        if (smin > smax) return false;
        const i128 a = in(1) ? i128(g[1]) : (in(3) && in(2) ? i128(g[3]) - g[2] : i128(0));
        const i128 b = in(2) ? i128(g[2]) : (in(3) && in(1) ? i128(g[3]) - g[1] : i128(0));
        const i128 h0 = in(0) ? i128(g[0]) : big;
        const i128 h2 = in(3) ? i128(g[3]) - a - b : none();
        if (in(0) && in(3) && h2 < -h0) return false;  // h not convex: not M♮
        for (unsigned k = 0; k < 4; ++k) {
            const int s = static_cast<int>((k & 1u) + (k >> 1));
            if ((k & ~hi) != 0 || s > smax) {
                e[k] = none();
                continue;
            }
            const i128 h = s == 0 ? h0 : (s == 1 ? i128(0) : h2);
            e[k] = ((k & 1u) ? a : i128(0)) + ((k & 2u) ? b : i128(0)) + h;
            if ((lo & 1u) && !(k & 1u)) e[k] += big;
            if ((lo & 2u) && !(k & 2u)) e[k] += big;
            if (s < smin) e[k] += big;
            if (in(k) != (e[k] < big) || (in(k) && e[k] != g[k])) return false;
        }
        return true;
    }

    /// The moves of a member: δb up, δv up, δb up for δv, δv up for δb.
    enum move_kind : std::size_t { up_b, up_v, b_for_v, v_for_b };
    struct entry {
        i128 delta;
        std::size_t member;
        std::size_t version;  ///< the member's version when pushed (older ones are stale)
        friend bool operator>(const entry& x, const entry& y) noexcept {
            return x.delta != y.delta ? x.delta > y.delta : x.member > y.member;
        }
    };
    using heap = std::priority_queue<entry, std::vector<entry>, std::greater<entry>>;

    /// Returns: the cheapest move of `kind` now (stale entries dropped).
    std::optional<entry> best(move_kind kind) {
        heap& h = moves_[kind];
        while (!h.empty() && h.top().version != version_[h.top().member]) h.pop();
        if (h.empty()) return std::nullopt;
        return h.top();
    }
    /// Member c takes combination k: its moves from there.
    void move(std::size_t c, unsigned k) {
        at_[c] = k;
        ++version_[c];
        push_moves(c);
    }
    void push_moves(std::size_t c) {
        const unsigned k = at_[c];
        const auto& e = extended_[c];
        auto push = [&](move_kind kind, unsigned to) {
            if (e[to] < none()) moves_[kind].push({e[to] - e[k], c, version_[c]});
        };
        if ((k & 1u) == 0) push(up_b, k | 1u);
        if ((k & 2u) == 0) push(up_v, k | 2u);
        if (k == 2u) push(b_for_v, 1u);
        if (k == 1u) push(v_for_b, 2u);
    }

    std::vector<std::array<i128, 4>> extended_;
    std::vector<unsigned> at_;
    std::vector<std::size_t> version_;
    std::array<heap, 4> moves_;
    i128 total_ = 0, most_ = 0;  ///< the cost now; more than any sum without a penalty
};

/// What controlled rounding found: the table rounded (stored), or the first total in row order
/// whose rows have none, or one with too many members (with previous variance and change) for
/// the exact search's partial sums.
struct controlled_outcome {
    enum class kind : std::uint8_t { rounded, none, too_large };
    kind what = kind::rounded;
    std::size_t row = 0;
};

/// Partial sums a total's programme may keep before two_column_flow takes over (budget and
/// variance alone), and at all (with previous variance and change): a byte of choices each.
inline constexpr std::size_t controlled_dp_states = std::size_t{1} << 22;
inline constexpr std::size_t controlled_max_states = std::size_t{1} << 26;

/// The controlled rounding of one table. `Table` gives, for each row i < size():
/// heading(i); members(i) (a total's rows in order, as budget_table sums them; empty for a line);
/// budget(i), forecast(i) (int64 minor units) and previous(i) (std::optional<int64>). I is the
/// integer type of the print unit (int64 or i128), K the type of costs (see controlled_round).
template <class I, class K, class Table>
class controlled_rounder {
public:
    controlled_rounder(const Table& t, I unit, controlled_scratch<K>& scratch,
                       std::size_t dp_states = controlled_dp_states)
        : t_(t), unit_(unit), s_(scratch), dp_states_(dp_states) {
        s_.rows.resize(t.size());  // prepare() sets every member a row's programme reads
        s_.steps.clear();
        s_.choices.clear();
    }

    /// Returns: rounded when the table is rounded (store(i, cells) has been called for every row
    /// but headings, in row order); otherwise the total that has none or is too large (store was
    /// not called).
    template <class Store>
    controlled_outcome run(Store store) {
        const std::size_t n = t_.size();
        for (std::size_t i = 0; i < n; ++i) {
            if (t_.heading(i)) continue;
            prepare(i);
            if (t_.members(i).empty()) continue;
            too_large_ = false;
            if (!(s_.rows[i].previous ? combine<3>(i) : combine<2>(i))) {
                return {too_large_ ? controlled_outcome::kind::too_large
                                   : controlled_outcome::kind::none,
                        i};
            }
        }
        for (std::size_t i = n; i-- > 0;) {
            if (t_.heading(i)) continue;
            row& r = s_.rows[i];
            if (!r.summed) r.chosen = cheapest(r.cost);
            if (!t_.members(i).empty()) assign_members(i);
        }
        for (std::size_t i = 0; i < n; ++i) {
            if (!t_.heading(i)) store(i, printed(s_.rows[i]));
        }
        return {};
    }

private:
    using row = typename controlled_scratch<K>::row;
    using box = typename controlled_scratch<K>::box;
    using step = typename controlled_scratch<K>::step;
    using member = typename controlled_scratch<K>::member;

    /// Above every cost (controlled_round keeps their sums below it), and small enough that a
    /// sum of five infs does not overflow: costs add without checks, and a sum of inf or more
    /// stands for "impossible".
    static K infinite() noexcept {
        if constexpr (sizeof(K) == sizeof(std::int64_t)) {
            return K(i64_max / 8);
        } else {
            return K(1) << 123;
        }
    }
    inline static const K inf = infinite();

    static int bit(unsigned combination, int d) noexcept {
        return static_cast<int>((combination >> d) & 1u);
    }
    static std::uint8_t cheapest(const std::array<K, 8>& cost) noexcept {
        std::uint8_t best = 0;
        for (std::uint8_t k = 1; k < 8; ++k) {
            if (cost[k] < cost[best]) best = k;
        }
        return best;
    }
    /// The members' sums of δ that combination k of total r needs.
    static std::array<int, 3> sums(const row& r, unsigned k) noexcept {
        return {r.offset[0] + bit(k, 0), r.offset[1] + bit(k, 1), r.offset[2] + bit(k, 2)};
    }

    /// floor(x / unit) and the remainder x − unit · floor(x / unit).
    void split(std::int64_t x, i128& q, K& rest) const {
        if constexpr (sizeof(I) == sizeof(std::int64_t)) {
            std::int64_t qq = x / unit_, r = x % unit_;
            if (r < 0) {
                --qq;
                r += unit_;
            }
            q = qq;
            rest = static_cast<K>(r);
        } else {
            const i128 u = i128(unit_);
            i128 qq = i128(x) / u, r = i128(x) % u;
            if (r < 0) {
                --qq;
                r += u;
            }
            q = qq;
            rest = static_cast<K>(r);
        }
    }
    /// z = x − y from the floors and remainders of x and y. Returns: floor(x) − floor(y) −
    /// floor(z), 0 or 1 (what z borrows).
    int difference(const i128& qx, K rx, const i128& qy, K ry, i128& qz, K& rz) const noexcept {
        const bool borrow = rx < ry;
        rz = borrow ? rx + (static_cast<K>(unit_) - ry) : rx - ry;
        qz = qx - qy - (borrow ? 1 : 0);
        return borrow ? 1 : 0;
    }

    /// The row's own cells: floors, and the cost of each combination (the cells' distances, or
    /// inf when a cell's δ would not be 0 or 1, or 1 for a multiple of the unit). Two divisions
    /// (three with a previous variance): the variance from forecast and budget, the change from
    /// variance and previous.
    void prepare(std::size_t i) {
        row& r = s_.rows[i];
        i128 qb = 0, qf = 0, qv = 0, qp = 0, qc = 0;
        K rb = 0, rf = 0, rv = 0, rp = 0, rc = 0;
        split(t_.budget(i), qb, rb);
        split(t_.forecast(i), qf, rf);
        const int kf = difference(qf, rf, qb, rb, qv, rv);
        const auto prev = t_.previous(i);
        r.previous = prev.has_value();
        r.summed = false;
        int kc = 0;
        if (r.previous) {
            split(*prev, qp, rp);
            kc = difference(qv, rv, qp, rp, qc, rc);
        }
        r.floor = {qb, qv, qp};
        // cost of a cell at δ + 1 for δ = -1, 0, 1, 2 (a δ of -1 or 2 is impossible).
        const K up = static_cast<K>(unit_);
        auto costs = [up](K rest) {
            return std::array<K, 4>{inf, rest, rest == 0 ? inf : up - rest, inf};
        };
        const std::array<K, 4> cb = costs(rb), cv = costs(rv), cf = costs(rf);
        auto at = [](int delta) { return static_cast<std::size_t>(delta + 1); };
        auto capped = [](K x) { return x < inf ? x : inf; };
        std::array<K, 4> own{};
        for (unsigned k = 0; k < 4; ++k) {
            const int db = bit(k, 0), dv = bit(k, 1);
            own[k] = cb[at(db)] + cv[at(dv)] + cf[at(db + dv - kf)];
        }
        if (!r.previous) {
            for (unsigned k = 0; k < 4; ++k) {
                r.cost[k] = capped(own[k]);
                r.cost[k + 4] = inf;
            }
            return;
        }
        const std::array<K, 4> cp = costs(rp), cc = costs(rc);
        for (unsigned k = 0; k < 4; ++k) {
            const int dv = bit(k, 1);
            r.cost[k] = capped(own[k] + cp[at(0)] + cc[at(dv + kc)]);
            r.cost[k + 4] = capped(own[k] + cp[at(1)] + cc[at(dv - 1 + kc)]);
        }
    }

    /// Bottom up: the total's cost for each combination, from its members' (Dims: 2 for budget
    /// and variance, 3 with the previous variance). Returns: false when no combination is
    /// possible.
    template <int Dims>
    bool combine(std::size_t t) {
        row& r = s_.rows[t];
        const auto& members = t_.members(t);
        const std::size_t m = members.size();
        // The members' sums of δ must be the total's δ plus the offset: its floor minus theirs.
        std::array<i128, 3> floors{};
        for (std::size_t idx : members) {
            for (std::size_t d = 0; d < Dims; ++d) floors[d] += s_.rows[idx].floor[d];
        }
        r.offset = {0, 0, 0};
        r.by_flow = false;
        r.small = false;
        for (std::size_t d = 0; d < Dims; ++d) {
            r.offset[d] = static_cast<int>(r.floor[d] - floors[d]);
        }
        // Each member's combinations as the total sees them (without the total's previous
        // variance, the member's is summed by nothing: the cheaper δp), and the suffix sums.
        // A total without a previous variance has only combinations 0..3 (δp = 0).
        constexpr unsigned combinations = Dims == 3 ? 8 : 4;
        s_.members.resize(m + 1);
        s_.members[m].suffix = box{};
        for (std::size_t j = m; j-- > 0;) {
            row& x = s_.rows[members[j]];
            x.summed = true;
            member& e = s_.members[j];
            e.count = 0;
            unsigned least = 7, most = 0;  // the bits every combination has, and any has
            const bool project = Dims == 2 && x.previous;
            for (unsigned k = 0; k < combinations; ++k) {
                K cost = x.cost[k];
                if (project && x.cost[k + 4] < cost) cost = x.cost[k + 4];
                if (cost >= inf) continue;
                e.cost[e.count] = cost;
                e.combination[e.count++] = static_cast<std::uint8_t>(k);
                least &= k;
                most |= k;
            }
            if (e.count == 0) return false;
            for (int d = 0; d < Dims; ++d) {
                const auto u = static_cast<std::size_t>(d);
                e.suffix.lo[u] = s_.members[j + 1].suffix.lo[u] + bit(least, d);
                e.suffix.hi[u] = s_.members[j + 1].suffix.hi[u] + bit(most, d);
            }
        }
        // The sums the total's own combinations need.
        box target{{r.offset[0] + 1, r.offset[1] + 1, r.offset[2] + (Dims == 3 ? 1 : 0)}, r.offset};
        bool any = false;
        for (unsigned k = 0; k < combinations; ++k) {
            if (r.cost[k] >= inf) continue;
            any = true;
            for (std::size_t d = 0; d < Dims; ++d) {
                const int need = r.offset[d] + bit(k, static_cast<int>(d));
                target.lo[d] = target.lo[d] < need ? target.lo[d] : need;
                target.hi[d] = target.hi[d] > need ? target.hi[d] : need;
            }
        }
        if (!any) return false;
        if (Dims == 2 && m <= small_grid - 1) return combine_small(t);
        // Step j + 1 (after members 0..j) keeps the partial sums that members 0..j can make and
        // from which members j + 1.. can still reach the target; the last member is added only
        // at the sums the total's combinations need (r.last keeps its choice for each).
        r.first_step = s_.steps.size();
        box window, reach;  // step 0: the empty sum, cost 0
        std::size_t choices = s_.choices.size(), widest = 1;
        for (std::size_t j = 0; j + 1 < m; ++j) {
            const box& now = s_.members[j].suffix;
            const box& later = s_.members[j + 1].suffix;
            const box& first = s_.members[0].suffix;
            box next_reach, next_window;
            for (std::size_t d = 0; d < Dims; ++d) {
                next_reach.lo[d] = window.lo[d] + now.lo[d] - later.lo[d];
                next_reach.hi[d] = window.hi[d] + now.hi[d] - later.hi[d];
                const int made_lo = first.lo[d] - later.lo[d], made_hi = first.hi[d] - later.hi[d];
                const int low = target.lo[d] - later.hi[d], high = target.hi[d] - later.lo[d];
                next_window.lo[d] = made_lo > low ? made_lo : low;
                next_window.hi[d] = made_hi < high ? made_hi : high;
                if (next_window.lo[d] > next_window.hi[d]) return false;
            }
            s_.steps.push_back({next_reach, next_window, choices});
            choices += next_reach.size();
            widest = widest > next_reach.size() ? widest : next_reach.size();
            reach = next_reach;
            window = next_window;
        }
        const std::size_t states = choices - s_.choices.size();
        if (states > dp_states_) {  // too many partial sums to keep: the flow, where it applies
            if (Dims == 2) {
                if (const std::optional<bool> possible = combine_by_flow(t)) {
                    s_.steps.resize(r.first_step);
                    return *possible;
                }
            }
            if (states > controlled_max_states) {
                s_.steps.resize(r.first_step);
                too_large_ = true;
                return false;
            }
        }
        // The steps' storage at once (a member's choice is written wherever its sum becomes
        // possible, and only possible sums are read back: no need to clear it).
        s_.choices.resize(choices);
        if (s_.layer.size() < widest) s_.layer.resize(widest);
        if (s_.next.size() < widest) s_.next.resize(widest);
        s_.layer[0] = 0;
        for (std::size_t j = 0; j + 1 < m; ++j) {
            const step& st = s_.steps[r.first_step + j];
            const box& before = j == 0 ? box{} : s_.steps[r.first_step + j - 1].reach;
            const box& from = j == 0 ? box{} : s_.steps[r.first_step + j - 1].window;
            relax<Dims>(before, from, st.reach, s_.members[j], st.choices);
            s_.layer.swap(s_.next);
        }
        const member& last = s_.members[m - 1];
        bool possible = false;
        for (unsigned k = 0; k < combinations; ++k) {
            if (r.cost[k] >= inf) continue;
            const std::array<int, 3> need = sums(r, k);
            K best = inf;
            for (std::size_t o = 0; o < last.count; ++o) {
                const unsigned e = last.combination[o];
                const std::array<int, 3> before{need[0] - bit(e, 0), need[1] - bit(e, 1),
                                                need[2] - (Dims == 3 ? bit(e, 2) : 0)};
                if (!window.contains(before)) continue;
                const K total = s_.layer[reach.index(before)] + last.cost[o];
                if (total < best) {
                    best = total;
                    r.last[k] = static_cast<std::uint8_t>(e);
                }
            }
            r.cost[k] = best >= inf ? inf : r.cost[k] + best;
            possible = possible || best < inf;
        }
        return possible;
    }

    /// Sums a small total's programme keeps per dimension: 0..8.
    static constexpr int small_grid = 9;

    /// combine() for a total of budget and variance with at most 8 members (most of them): the
    /// same programme on a fixed grid of small_grid² partial sums, every sum the members make,
    /// with no boxes to work out. Its choices take (m − 1)·small_grid² bytes at r.first_step.
    bool combine_small(std::size_t t) {
        constexpr int g = small_grid;
        row& r = s_.rows[t];
        const std::size_t m = t_.members(t).size();
        r.small = true;
        r.first_step = s_.choices.size();
        s_.choices.resize(r.first_step + (m - 1) * g * g);
        std::array<K, g * g> a, c;  // read only where written
        K* layer = a.data();
        K* next = c.data();
        layer[0] = 0;
        int lo0 = 0, hi0 = 0, lo1 = 0, hi1 = 0;  // the sums made so far: [lo0, hi0] × [lo1, hi1]
        for (std::size_t j = 0; j + 1 < m; ++j) {
            const member& e = s_.members[j];
            const box& now = e.suffix;
            const box& later = s_.members[j + 1].suffix;
            const int n_lo0 = lo0 + now.lo[0] - later.lo[0], n_hi0 = hi0 + now.hi[0] - later.hi[0];
            const int n_lo1 = lo1 + now.lo[1] - later.lo[1], n_hi1 = hi1 + now.hi[1] - later.hi[1];
            for (int x0 = n_lo0; x0 <= n_hi0; ++x0) {
                for (int x1 = n_lo1; x1 <= n_hi1; ++x1) next[x0 * g + x1] = inf;
            }
            std::uint8_t* chose = s_.choices.data() + r.first_step + j * g * g;
            for (std::size_t o = 0; o < e.count; ++o) {  // the lowest combination keeps a tie
                const std::uint8_t k = e.combination[o];
                const int move = bit(k, 0) * g + bit(k, 1);
                const K cost = e.cost[o];
                for (int s0 = lo0; s0 <= hi0; ++s0) {
                    for (int q = s0 * g + lo1, end = s0 * g + hi1; q <= end; ++q) {
                        const auto x = static_cast<std::size_t>(q + move);
                        const K total = layer[q] + cost;
                        const bool better = total < next[x];  // no branch
                        next[x] = better ? total : next[x];
                        chose[x] = better ? k : chose[x];
                    }
                }
            }
            K* const swap = layer;
            layer = next;
            next = swap;
            lo0 = n_lo0, hi0 = n_hi0, lo1 = n_lo1, hi1 = n_hi1;
        }
        const member& last = s_.members[m - 1];
        bool possible = false;
        for (unsigned k = 0; k < 4; ++k) {
            if (r.cost[k] >= inf) continue;
            K best = inf;
            for (std::size_t o = 0; o < last.count; ++o) {
                const unsigned e = last.combination[o];
                const int b0 = r.offset[0] + bit(k, 0) - bit(e, 0);
                const int b1 = r.offset[1] + bit(k, 1) - bit(e, 1);
                if (b0 < lo0 || b0 > hi0 || b1 < lo1 || b1 > hi1) continue;
                const K total = layer[b0 * g + b1] + last.cost[o];
                if (total < best) {
                    best = total;
                    r.last[k] = static_cast<std::uint8_t>(e);
                }
            }
            r.cost[k] = best >= inf ? inf : r.cost[k] + best;
            possible = possible || best < inf;
        }
        return possible;
    }

    /// One member more: s_.next (over the box `next`) from the partial sums of s_.layer (laid out
    /// over `reach`) in `window`, keeping in s_.choices[at..] the member's combination that gave
    /// each sum its least cost (the lowest on a tie). `next` holds every sum the member's
    /// combinations make from the window, so no move needs a bounds check.
    template <int Dims>
    void relax(const box& reach, const box& window, const box& next, const member& e,
               std::size_t at) {
        K* const to = s_.next.data();
        for (std::size_t x = 0; x < next.size(); ++x) to[x] = inf;
        std::uint8_t* const chose = s_.choices.data() + at;
        const K* const layer = s_.layer.data();
        // Everything the loops read, in locals: the stores through `chose` (bytes) may alias
        // anything, so a value read through a reference would be read again at each store.
        const int w1 = next.hi[1] - next.lo[1] + 1, w2 = next.hi[2] - next.lo[2] + 1;
        const int r1 = reach.hi[1] - reach.lo[1] + 1, r2 = reach.hi[2] - reach.lo[2] + 1;
        const int lo0 = window.lo[0], hi0 = window.hi[0], lo1 = window.lo[1], hi1 = window.hi[1];
        const int n2 = window.hi[2] - window.lo[2] + 1;
        const int from0 = reach.lo[0], from1 = reach.lo[1], from2 = window.lo[2] - reach.lo[2];
        const int to0 = next.lo[0], to1 = next.lo[1], to2 = window.lo[2] - next.lo[2];
        // One combination at a time (the lowest first, so that it keeps a tie), over the rows
        // of the window: contiguous runs of sums in layer and in next, without branches.
        for (std::size_t o = 0; o < e.count; ++o) {
            const unsigned k = e.combination[o];
            const int move = (bit(k, 0) * w1 + bit(k, 1)) * w2 + (Dims == 3 ? bit(k, 2) : 0);
            const K cost = e.cost[o];
            const auto combination = static_cast<std::uint8_t>(k);
            for (int s0 = lo0; s0 <= hi0; ++s0) {
                const int s1_end = Dims == 3 ? hi1 : lo1;  // in two dimensions a row is s1's run
                for (int s1 = lo1; s1 <= s1_end; ++s1) {
                    const K* from = layer + ((s0 - from0) * r1 + (s1 - from1)) * r2 + from2;
                    // Where (s0, s1, window.lo[2]) moves to in next.
                    const auto base =
                        static_cast<std::size_t>(((s0 - to0) * w1 + (s1 - to1)) * w2 + to2 + move);
                    const int run = Dims == 3 ? n2 : hi1 - lo1 + 1;
                    K* into = to + base;
                    std::uint8_t* choice = chose + base;
                    for (int q = 0; q < run; ++q) {
                        // A sum of cost inf or more never beats next's inf.
                        const K total = from[q] + cost;
                        const bool better = total < into[q];
                        into[q] = better ? total : into[q];
                        choice[q] = better ? combination : choice[q];
                    }
                }
            }
        }
    }

    /// The members of total t (budget and variance alone) for two_column_flow; false when the
    /// flow does not apply (a member with a previous variance, or costs not of its shape).
    bool start_flow(std::size_t t) {
        const auto& members = t_.members(t);
        flow_costs_.resize(members.size());
        for (std::size_t j = 0; j < members.size(); ++j) {
            const row& x = s_.rows[members[j]];
            if (x.previous) return false;
            flow_costs_[j] = {x.cost[0], x.cost[1], x.cost[2], x.cost[3]};
        }
        return flow_.reset(flow_costs_, inf);
    }
    /// The flow to sums (b, v) from its start. Returns: false when they cannot be made.
    bool flow_to(int b, int v) {
        for (int i = 0; i < b; ++i) {
            if (!flow_.add(0)) return false;
        }
        for (int i = 0; i < v; ++i) {
            if (!flow_.add(1)) return false;
        }
        return true;
    }
    /// Bottom up for a total of budget and variance with many members: its cost for each
    /// combination by two_column_flow. Returns: whether any is possible; std::nullopt when the
    /// flow does not apply.
    std::optional<bool> combine_by_flow(std::size_t t) {
        row& r = s_.rows[t];
        if (!start_flow(t)) return std::nullopt;
        std::array<std::optional<i128>, 4> sum{};  // for δb + 2·δv of the total
        if (flow_to(r.offset[0], r.offset[1])) {
            sum[0] = flow_.cost();
            if (flow_.add(0)) {
                sum[1] = flow_.cost();
                if (flow_.add(1)) sum[3] = flow_.cost();
            }
        }
        start_flow(t);
        if (flow_to(r.offset[0], r.offset[1] + 1)) sum[2] = flow_.cost();
        bool possible = false;
        for (unsigned k = 0; k < 8; ++k) {
            if (r.cost[k] >= inf) continue;
            if (k >= 4 || !sum[k]) {
                r.cost[k] = inf;
                continue;
            }
            r.cost[k] += static_cast<K>(*sum[k]);
            possible = true;
        }
        r.by_flow = true;
        return possible;
    }

    /// Top down: the members' combinations that gave the total's chosen one.
    void assign_members(std::size_t t) {
        const row& r = s_.rows[t];
        const auto& members = t_.members(t);
        if (r.small) {
            int s0 = r.offset[0] + bit(r.chosen, 0), s1 = r.offset[1] + bit(r.chosen, 1);
            for (std::size_t j = members.size(); j-- > 0;) {
                const unsigned k = j + 1 < members.size()
                                       ? s_.choices[r.first_step + j * small_grid * small_grid +
                                                    static_cast<std::size_t>(s0 * small_grid + s1)]
                                       : r.last[r.chosen];
                row& x = s_.rows[members[j]];
                const bool up = x.previous && x.cost[k + 4] < x.cost[k];  // its own δp
                x.chosen = static_cast<std::uint8_t>(up ? k + 4 : k);
                s0 -= bit(k, 0);
                s1 -= bit(k, 1);
            }
            return;
        }
        if (r.by_flow) {
            start_flow(t);
            flow_to(r.offset[0] + bit(r.chosen, 0), r.offset[1] + bit(r.chosen, 1));
            for (std::size_t j = 0; j < members.size(); ++j) {
                s_.rows[members[j]].chosen = static_cast<std::uint8_t>(flow_.combination(j));
            }
            return;
        }
        std::array<int, 3> sum = sums(r, r.chosen);
        for (std::size_t j = members.size(); j-- > 0;) {
            unsigned k = r.last[r.chosen];
            if (j + 1 < members.size()) {
                const step& st = s_.steps[r.first_step + j];
                k = s_.choices[st.choices + st.reach.index(sum)];
            }
            row& x = s_.rows[members[j]];
            // Without the total's previous variance, the member's own choice of δp (the lower
            // on a tie, as combine took it).
            const bool up = !r.previous && x.previous && x.cost[k + 4] < x.cost[k];
            x.chosen = static_cast<std::uint8_t>(up ? k + 4 : k);
            sum[0] -= bit(k, 0);
            sum[1] -= bit(k, 1);
            if (r.previous) sum[2] -= bit(k, 2);
        }
    }

    [[nodiscard]] static controlled_cells printed(const row& r) noexcept {
        controlled_cells out;
        out.budget = r.floor[0] + bit(r.chosen, 0);
        out.variance = r.floor[1] + bit(r.chosen, 1);
        out.forecast = out.budget + out.variance;
        out.has_previous = r.previous;
        if (r.previous) {
            out.previous = r.floor[2] + bit(r.chosen, 2);
            out.change = out.variance - out.previous;
        }
        return out;
    }

    const Table& t_;
    I unit_;
    controlled_scratch<K>& s_;
    std::size_t dp_states_;
    bool too_large_ = false;  ///< why the last combine() failed
    two_column_flow<K> flow_;
    std::vector<std::array<K, 4>> flow_costs_;
};

/// Returns: true when the distances of a table of `rows` rows rounded to `unit` (> 0) minor
/// units fit 128 bits with room to spare: 5 cells a row, each less than a unit away (false only
/// for units beyond 10^30 or so on large tables).
[[nodiscard]] inline bool controlled_costs_fit(i128 unit, std::size_t rows) noexcept {
    return unit < (i128(1) << 122) / (i128(5) * i128(rows) + 1);
}

/// Controlled rounding of `t` to `unit` minor units (see the header comment), costs in int64
/// when they fit and in 128 bits otherwise; totals whose programme would keep more than
/// `dp_states` partial sums by two_column_flow where it applies. Requires: unit > 0,
/// controlled_costs_fit(unit, t.size()). Returns: as controlled_rounder::run.
template <class I, class Table, class Store>
controlled_outcome controlled_round(const Table& t, I unit, Store store,
                                    std::size_t dp_states = controlled_dp_states) {
    auto round = [&](auto& scratch) {
        using K = typename std::remove_reference_t<decltype(scratch.layer)>::value_type;
        const auto found = controlled_rounder<I, K, Table>(t, unit, scratch, dp_states).run(store);
        scratch.trim();
        return found;
    };
    const i128 bound = i128(unit) * (i128(5) * i128(t.size()) + 1);
    if (bound < i128(i64_max / 16)) {
        thread_local controlled_scratch<std::int64_t> scratch;
        return round(scratch);
    }
    thread_local controlled_scratch<i128> scratch;
    return round(scratch);
}

}  // namespace bmm::detail
