// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Budget sweeps, scenario rows, the current-membership row and the efficient frontier.
#include "engine/whatif.h"

#include "engine/solve/scaling.h"

#include "engine/report_format.h"

#include <algorithm>
#include <map>
#include <set>

namespace whichforum {

using detail::amount;

std::optional<BudgetSweep> parse_sweep(std::string_view spec, std::string* why) {
  auto eq = spec.find('=');
  if (eq == std::string_view::npos) {
    *why = "expected RESOURCE=FROM:TO:STEP, such as money=60000:180000:20000";
    return std::nullopt;
  }
  std::string name(spec.substr(0, eq));
  auto it = std::find(kResources.begin(), kResources.end(), name);
  if (it == kResources.end()) {
    *why = "unknown resource \"" + name + "\"; resources are money, staff_days, ministerial_days";
    return std::nullopt;
  }
  std::string_view rest = spec.substr(eq + 1);
  auto c1 = rest.find(':');
  auto c2 = c1 == std::string_view::npos ? c1 : rest.find(':', c1 + 1);
  if (c2 == std::string_view::npos) {
    *why = "expected FROM:TO:STEP after \"" + name + "=\"";
    return std::nullopt;
  }
  auto from = parse_exact(rest.substr(0, c1));
  auto to = parse_exact(rest.substr(c1 + 1, c2 - c1 - 1));
  auto step = parse_exact(rest.substr(c2 + 1));
  if (!from || !to || !step) {
    *why = "FROM, TO and STEP must be numbers such as 60000 or \"0.5\"";
    return std::nullopt;
  }
  if (*from < 0 || *to < *from || *step <= 0) {
    *why = "need 0 <= FROM <= TO and STEP > 0";
    return std::nullopt;
  }
  if ((*to - *from) / *step > 1000) {
    *why = "more than 1000 points; use a larger STEP";
    return std::nullopt;
  }
  return BudgetSweep{static_cast<size_t>(it - kResources.begin()), *from, *to, *step};
}

namespace {

std::vector<Pick> picks(const Problem& p, const std::vector<int>& choice) {
  std::vector<Pick> out;
  for (size_t i = 0; i < choice.size(); ++i) {
    if (choice[i] >= 0) out.push_back({p.items[i].id, p.items[i].options[static_cast<size_t>(choice[i])].label});
  }
  return out;
}

WhatIfPoint solve_point(const Recommendation& base, const std::vector<Exact>& budget, const std::string& label,
                        const std::vector<Exact>& steps, SearchBudget& search) {
  WhatIfPoint pt;
  pt.label = label;
  pt.budget = budget;
  Problem q = base.problem;
  // The profile's budgets; the problem's own rows after them (the chair or host count) stay.
  for (size_t r = 0; r < budget.size(); ++r) q.budget[r] = budget[r];
  Solution s = search.solve(q);
  pt.feasible = s.optimal();
  if (!s.optimal()) {
    pt.infeasible_why = why_infeasible(q, base.assessments, base.currency);
    return pt;
  }
  pt.value = s.value;
  pt.cost.assign(s.cost.begin(), s.cost.begin() + static_cast<long>(budget.size()));
  pt.portfolio = picks(q, s.choice);
  for (size_t r = 0; r < budget.size(); ++r) {
    Problem more = q;
    more.budget[r] += steps[r];
    Solution t = search.solve(more);
    pt.marginal_step.push_back(steps[r]);
    pt.marginal_gain.push_back(t.value - s.value);
  }
  return pt;
}

// The step for the marginal value of a resource: the sweep's step where it is swept, else a
// tenth of its budget (1 when the budget is 0).
std::vector<Exact> marginal_steps(const Recommendation& base, const std::vector<BudgetSweep>& sweeps) {
  std::vector<Exact> steps;
  for (size_t r = 0; r < base.budget.size(); ++r) steps.push_back(base.budget[r] > 0 ? base.budget[r] / 10 : Exact(1));
  for (const auto& sw : sweeps) steps[sw.resource] = sw.step;
  return steps;
}

}  // namespace

WhatIf what_if_budgets(const Recommendation& base, const std::vector<BudgetSweep>& sweeps, bool frontier) {
  WhatIf w;
  w.currency = base.currency;
  SearchBudget search;  // one for every solve of the table
  auto steps = marginal_steps(base, sweeps);
  size_t n = sweeps.empty() ? 1 : static_cast<size_t>(((sweeps[0].to - sweeps[0].from) / sweeps[0].step)) + 1;
  for (size_t k = 0; k < n; ++k) {
    std::vector<Exact> budget = base.budget;
    std::string label;
    for (const auto& sw : sweeps) {
      budget[sw.resource] = sw.from + sw.step * static_cast<long long>(k);
      label += (label.empty() ? "" : ", ") + kResources[sw.resource] + " " + amount(budget[sw.resource]);
    }
    if (label.empty()) label = "profile";
    w.points.push_back(solve_point(base, budget, label, steps, search));
    if (search.exhausted()) {
      w.status = AnswerStatus::kLimitReached;
      w.limit_why = search_limit_message(base.problem);
      return w;
    }
  }
  link_points(w);
  if (!frontier) return w;

  // Walk the optimum down the range: at budget b it stays while b is at least its cost, so the
  // next change is just below that cost. Each optimum met is efficient on this resource.
  w.has_frontier = true;
  size_t r = sweeps.empty() ? 0 : sweeps[0].resource;
  w.frontier_resource = r;
  Exact lo = sweeps.empty() ? Exact(0) : sweeps[0].from;
  Exact hi = sweeps.empty() ? base.budget[r] : sweeps[0].to;
  const Exact unit = resource_unit(base.problem, r);
  Problem q = base.problem;
  q.budget[r] = hi;
  // Each optimum, repaired to the next lower budget, starts the next solve near its optimum.
  SolveHint near{base.solution.choice};
  for (int guard = 0; guard < 100000; ++guard) {
    Solution s = search.solve(q, &near);
    if (search.exhausted()) {
      w.status = AnswerStatus::kLimitReached;
      w.limit_why = search_limit_message(base.problem);
      return w;
    }
    if (!s.optimal() || s.cost[r] < lo) {
      if (s.optimal() && (w.frontier.empty() || w.frontier.back().portfolio != picks(q, s.choice))) {
        // The optimum at the bottom of the range costs less than the range's start; keep it.
        w.frontier.push_back({picks(q, s.choice), s.value, s.cost, false});
      }
      break;
    }
    w.frontier.push_back({picks(q, s.choice), s.value, s.cost, false});
    if (s.cost[r] - unit < lo) break;
    q.budget[r] = s.cost[r] - unit;
    near.start = s.choice;
  }
  std::reverse(w.frontier.begin(), w.frontier.end());
  // Convex portfolios (PROBE's term; Equity's benefit/cost prefixes) lie on the upper convex hull
  // of value against this resource's cost; the others are efficient but non-convex, reached by
  // no benefit/cost ordering. Andrew's monotone chain over the frontier, cost ascending; a point
  // on a hull edge (collinear) counts as convex, since a tie in the order reaches it. Exact.
  std::vector<size_t> hull;
  auto below = [&](size_t o, size_t a, size_t b) {
    const Exact& ox = w.frontier[o].cost[r];
    const Exact& oy = w.frontier[o].value;
    const Exact cross = (w.frontier[a].cost[r] - ox) * (w.frontier[b].value - oy) -
                        (w.frontier[a].value - oy) * (w.frontier[b].cost[r] - ox);
    return cross > 0;  // a lies strictly below the segment from o to b
  };
  for (size_t k = 0; k < w.frontier.size(); ++k) {
    while (hull.size() >= 2 && below(hull[hull.size() - 2], hull.back(), k)) hull.pop_back();
    hull.push_back(k);
  }
  for (size_t k : hull) w.frontier[k].convex = true;
  return w;
}

WhatIfPoint point_of(const Recommendation& rec, const std::string& label) {
  WhatIfPoint pt;
  pt.label = label;
  pt.budget = rec.budget;
  pt.feasible = rec.feasible();
  pt.infeasible_why = rec.infeasible_why;
  if (!rec.feasible()) return pt;
  pt.value = rec.total_value;
  pt.cost = rec.total_cost;
  pt.portfolio = picks(rec.problem, rec.solution.choice);
  return pt;
}

// Today's memberships as the model holds them (today_choice: another ministry's forum, an
// excluded or a dormant one is not this profile's to keep, so it is not in the row, and is no
// reason the row "does not fit"), with what recommend worked out for them: their cost against
// each budget and whether they fit.
WhatIfPoint current_point(const Recommendation& rec) {
  WhatIfPoint pt;
  pt.label = "current memberships";
  pt.budget = rec.budget;
  const Problem& p = rec.problem;
  const std::vector<int> choice = today_choice(rec);
  Evaluation s = evaluate(p, choice);
  pt.value = s.value;
  pt.cost = rec.current_cost;
  pt.portfolio = picks(p, choice);
  pt.feasible = rec.current_feasible;
  for (const auto& x : rec.current_short) pt.infeasible_why += (pt.infeasible_why.empty() ? "" : "; ") + x;
  if (!pt.feasible && pt.infeasible_why.empty()) {
    pt.infeasible_why = "they break the profile's constraints (must, requires, at_most_one_of or max_forums)";
  }
  return pt;
}

void link_points(WhatIf& w) {
  std::map<std::string, int> state;  // forum -> 0 never in, 1 in, 2 entered then left
  std::set<std::string> swapped;
  for (size_t k = 0; k < w.points.size(); ++k) {
    auto& pt = w.points[k];
    std::set<std::string> now;
    for (const auto& x : pt.portfolio) now.insert(x.forum + " (" + x.level + ")");
    if (k > 0) {
      std::set<std::string> before;
      for (const auto& x : w.points[k - 1].portfolio) before.insert(x.forum + " (" + x.level + ")");
      for (const auto& x : now) {
        if (!before.count(x)) pt.entered.push_back(x);
      }
      for (const auto& x : before) {
        if (!now.count(x)) pt.left.push_back(x);
      }
    }
    std::set<std::string> forums;
    for (const auto& x : pt.portfolio) forums.insert(x.forum);
    for (auto& [f, st] : state) {
      if (st == 1 && !forums.count(f) && pt.feasible && !swapped.count(f)) {
        swapped.insert(f);
        w.swaps.push_back(f + " enters and later leaves (left at: " + pt.label + ")");
      }
    }
    for (const auto& f : forums) state[f] = 1;
  }
}

}  // namespace whichforum
