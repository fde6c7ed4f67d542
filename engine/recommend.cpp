// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Putting the model together: assessments, the problem, the solve, and the reasons for what is out.
#include "engine/recommend.h"
#include "engine/solve/scaling.h"

#include "engine/preferences.h"

#include <algorithm>
#include <set>

#include <boost/algorithm/string/join.hpp>

namespace whichforum {

namespace {

const std::vector<std::string> kLevels = {"observer", "member", "lead"};

Forum with_overrides(const Forum& f, const Profile& p) {
  Forum out = f;
  for (const auto& o : p.overrides) {
    if (o.forum != f.id) continue;
    Fact fact;
    fact.value = o.value;
    fact.prov.source = "profile";
    fact.prov.reason = "profile override";
    fact.pos = o.pos;
    out.facts[o.key] = fact;
  }
  return out;
}

Exact overlap_share(const Forum& a, const Forum& b) {
  auto ta = a.list("themes"), tb = b.list("themes");
  std::set<std::string> sa(ta.begin(), ta.end()), sb(tb.begin(), tb.end());
  long long shared = 0;
  for (const auto& t : sa) shared += sb.count(t);
  long long all = static_cast<long long>(sa.size() + sb.size()) - shared;
  return all == 0 ? Exact(0) : Exact(shared, all);
}

std::string resource_amount(size_t r, const Exact& amount, const std::string& currency) {
  return format_exact(amount, 2) + (r == 0 ? " " + currency : r == 1 ? " staff days" : " ministerial days");
}

// Costs a forum gives directly ([given] costs.<level>) replace the computed ones, resource by
// resource (money in USD, converted); with abstract resources every one must be given for each
// level the forum offers. Returns false (with an error) when one is missing.
bool given_costs(const Forum& f, const std::string& level, const Profile& profile, const Recommendation& rec,
                 std::vector<Exact>* cost, Diagnostics* diags) {
  const std::map<std::string, Exact>* given = nullptr;
  if (f.given) {
    auto it = f.given->costs.find(level);
    if (it != f.given->costs.end()) given = &it->second;
  }
  if (profile.resources.empty()) {
    if (!given) return true;
    for (size_t r = 0; r < kResources.size(); ++r) {
      auto it = given->find(kResources[r]);
      if (it != given->end()) (*cost)[r] = r == 0 ? it->second / rec.usd_rate : it->second;
    }
    return true;
  }
  auto offered = f.list("engagement_levels");
  bool offers = std::find(offered.begin(), offered.end(), level) != offered.end();
  cost->assign(rec.resources.size(), Exact(0));
  for (size_t r = 0; r < rec.resources.size() && offers; ++r) {
    const Exact* amount = nullptr;
    if (given) {
      auto it = given->find(rec.resources[r]);
      if (it != given->end()) amount = &it->second;
    }
    if (!amount) {
      diags->add(make_error(f.source.get(), f.given ? f.given->pos : SourcePos{1, 1},
                            "forum " + f.id + " gives no " + level + " cost in \"" + rec.resources[r] +
                                "\", a resource the profile defines; add it to [given] costs." + level));
      return false;
    }
    (*cost)[r] = *amount;
  }
  return true;
}

}  // namespace

std::string why_infeasible(const Problem& p, const std::vector<Assessment>& assessments, const std::string& currency) {
  // The forums every portfolio must hold: the must-include ones and, through "requires", what
  // they need; `via` keeps the forum that pulled each one in, so a message can give the chain.
  const size_t none = p.items.size();
  std::vector<size_t> via(p.items.size(), none);
  std::vector<bool> forced(p.items.size(), false);
  std::vector<size_t> order;
  for (size_t m : p.must) {
    if (!forced[m]) order.push_back(m);
    forced[m] = true;
  }
  for (size_t k = 0; k < order.size(); ++k) {
    for (const auto& [x, y] : p.implies) {
      if (x != order[k] || forced[y]) continue;
      forced[y] = true;
      via[y] = x;
      order.push_back(y);
    }
  }
  auto path = [&](size_t i) {
    std::string s = p.items[i].id;
    for (size_t j = via[i]; j != none; j = via[j]) s = p.items[j].id + ", which requires " + s;
    return s;
  };
  auto chain = [&](size_t i) { return "\"must\" includes " + path(i); };
  for (size_t i : order) {
    const Assessment& a = assessments[i];
    if (a.excluded) return chain(i) + ", but " + a.forum.id + " is excluded";
    if (!p.items[i].options.empty()) continue;
    std::string why;
    for (const auto& l : a.levels) why += (why.empty() ? "" : "; ") + l.level + ": " + l.closed_why;
    return chain(i) + ", which the country cannot take at any level (" + why + ")";
  }
  for (const auto& group : p.at_most_one) {
    std::vector<size_t> in;
    for (size_t i : group) {
      if (forced[i]) in.push_back(i);
    }
    if (in.size() < 2) continue;
    std::vector<std::string> ids;
    for (size_t i : group) ids.push_back(p.items[i].id);
    return chain(in[0]) + " and " + path(in[1]) + ", but at_most_one_of allows only one of " + boost::algorithm::join(ids, ", ");
  }
  std::vector<std::string> forced_ids;
  for (size_t i : order) forced_ids.push_back(p.items[i].id);
  std::string what = forced_ids.size() == p.must.size() ? "the must-include forums (" + boost::algorithm::join(forced_ids, ", ") + ")"
                                                        : "the must-include forums and those they require (" +
                                                              boost::algorithm::join(forced_ids, ", ") + ")";
  if (p.max_items && order.size() > *p.max_items) {
    if (order.size() == p.must.size()) {
      return "\"must\" names " + std::to_string(p.must.size()) + " forums but max_forums is " +
             std::to_string(*p.max_items) + " (" + std::to_string(p.must.size() - *p.max_items) + " too many)";
    }
    return what + " are " + std::to_string(order.size()) + " forums but max_forums is " +
           std::to_string(*p.max_items) + " (" + std::to_string(order.size() - *p.max_items) + " too many)";
  }
  // The least each resource the forced forums need, each at its cheapest open level.
  for (size_t r = 0; r < p.resources.size(); ++r) {
    Exact need = 0;
    for (size_t m : order) {
      Exact least = -1;
      for (const auto& o : p.items[m].options) {
        if (least < 0 || o.cost[r] < least) least = o.cost[r];
      }
      need += least;
    }
    if (need > p.budget[r]) {
      return what + " need at least " + resource_amount(r, need, currency) + " but the budget is " +
             resource_amount(r, p.budget[r], currency) + " (short by " +
             resource_amount(r, need - p.budget[r], currency) + ")";
    }
  }
  return "no portfolio meets all of must (" + boost::algorithm::join(forced_ids, ", ") +
         "), the budgets, max_forums, requires and at_most_one_of together";
}

LinearProblem linear_problem(const Recommendation& rec) {
  return {rec.problem, rec.objectives, rec.option_unit, rec.penalty_unit};
}

Robustness robustness(const Recommendation& rec, const Profile& profile, const RobustOptions& options) {
  return analyse_robustness(linear_problem(rec), *profile.weight_set, rec.solution.choice, options);
}

Assumptions effective_assumptions(const Catalogue& cat, const Profile& p) {
  Assumptions a = cat.assumptions;
  for (const auto& [key, value] : p.assumptions) {
    Fact& f = a.values[key];
    f.value = value;
    f.prov = Provenance{};
    f.prov.source = "profile";
    f.prov.reason = "profile override";
    a.overridden[key] = true;
  }
  return a;
}

namespace {

// The model for `profile`: assessments of every forum and the problem, not yet solved.
Result<Recommendation> build_model(const Profile& profile, const Catalogue& cat) {
  Result<Recommendation> result;
  auto country = make_country(profile, cat.data);
  result.diagnostics.append(country.diagnostics);
  if (!country.ok()) return result;
  Recommendation rec;
  rec.country = *country.value;
  rec.weights = normalised_weights(profile);
  rec.weights_basis = weights_basis(profile);
  rec.currency = profile.capacity.currency;
  rec.usd_rate = profile.capacity.usd_rate;
  if (profile.resources.empty()) {
    rec.resources = kResources;
    rec.budget = {profile.capacity.money, profile.capacity.staff_days, profile.capacity.ministerial_days};
  } else {
    for (const auto& r : profile.resources) {
      rec.resources.push_back(r.name);
      rec.budget.push_back(r.budget);
    }
  }
  Assumptions a = effective_assumptions(cat, profile);
  std::set<std::string> excluded, must;
  for (const auto& r : profile.constraints.exclude) excluded.insert(r.id);
  for (const auto& r : profile.constraints.must) must.insert(r.id);

  // Values per unit weight of each objective, for robustness: the model is linear in the weights.
  std::map<std::string, Exact> ones;
  for (const auto& [k, w] : rec.weights) {
    ones[k] = 1;
    rec.objectives.push_back(k);
  }
  Problem& p = rec.problem;
  p.resources = rec.resources;
  p.budget = rec.budget;
  std::map<std::string, size_t> index;
  for (const auto& f : cat.forums) {
    Assessment as;
    as.forum = with_overrides(f, profile);
    as.eligibility = check_eligibility(as.forum, rec.country);
    as.score = score_forum(as.forum, rec.country, cat, rec.weights, a);
    const ForumScore unit = score_forum(as.forum, rec.country, cat, ones, a);
    std::vector<std::vector<Exact>> item_unit;
    as.excluded = excluded.count(f.id) > 0;
    as.must = must.count(f.id) > 0;
    Item item;
    item.id = f.id;
    std::vector<std::string> levels;
    for (const auto& level : kLevels) {
      LevelAssessment la;
      la.level = level;
      la.open = level_open(as.forum, as.eligibility, rec.country, level, &la.closed_why);
      la.value = as.score.value[level];
      la.by_objective = as.score.by_objective[level];
      la.cost = level_cost(as.forum, level, rec.country, a, cat.per_diem, cat.data);
      la.cost_vec = {la.cost.money_usd / rec.usd_rate, la.cost.staff_days, la.cost.ministerial_days};
      if (!given_costs(as.forum, level, profile, rec, &la.cost_vec, &result.diagnostics)) return result;
      if (la.open && !as.excluded) {
        item.options.push_back({level, la.value, la.cost_vec});
        levels.push_back(level);
        std::vector<Exact> u;
        for (const auto& k : rec.objectives) u.push_back(unit.by_objective.at(level).at(k));
        item_unit.push_back(std::move(u));
      }
      as.levels.push_back(std::move(la));
    }
    index[f.id] = p.items.size();
    if (as.must) p.must.push_back(p.items.size());
    p.items.push_back(std::move(item));
    rec.option_levels.push_back(std::move(levels));
    rec.option_unit.push_back(std::move(item_unit));
    rec.assessments.push_back(std::move(as));
  }
  if (profile.constraints.max_forums) p.max_items = static_cast<size_t>(*profile.constraints.max_forums);
  for (const auto& [x, y] : profile.constraints.requires_pairs) p.implies.emplace_back(index.at(x.id), index.at(y.id));
  for (const auto& g : profile.constraints.at_most_one_of) {
    std::vector<size_t> group;
    for (const auto& r : g) group.push_back(index.at(r.id));
    p.at_most_one.push_back(std::move(group));
  }
  // Overlap: choosing two forums loses overlap_rate x (shared themes / all their themes) x the
  // smaller of their least option values, so the loss never exceeds what either adds.
  const Exact& rate = a.get("overlap_rate");
  for (size_t i = 0; i < p.items.size(); ++i) {
    for (size_t j = i + 1; j < p.items.size(); ++j) {
      if (p.items[i].options.empty() || p.items[j].options.empty() || rate == 0) continue;
      Exact share = overlap_share(rec.assessments[i].forum, rec.assessments[j].forum);
      if (share == 0) continue;
      // The least option of each; under other weights the loss stays the same share of the same
      // option's value (the one that is smaller at these weights), so it stays linear in them.
      auto least = [](const Item& it) {
        size_t m = 0;
        for (size_t o = 1; o < it.options.size(); ++o) {
          if (it.options[o].value < it.options[m].value) m = o;
        }
        return m;
      };
      size_t li = least(p.items[i]), lj = least(p.items[j]);
      bool from_i = !(p.items[j].options[lj].value < p.items[i].options[li].value);
      const Exact& smaller = from_i ? p.items[i].options[li].value : p.items[j].options[lj].value;
      Exact amount = rate * share * std::max(smaller, Exact(0));
      if (amount > 0) {
        p.penalties.push_back({i, j, amount});
        std::vector<Exact> u = from_i ? rec.option_unit[i][li] : rec.option_unit[j][lj];
        for (auto& x : u) x *= rate * share;
        rec.penalty_unit.push_back(std::move(u));
      }
    }
  }
  result.value = std::move(rec);
  return result;
}

}  // namespace

Result<Recommendation> recommend(const Profile& profile, const Catalogue& cat) {
  Result<Recommendation> result = build_model(profile, cat);
  if (!result.ok()) return result;
  Recommendation rec = std::move(*result.value);
  result.value.reset();
  Problem& p = rec.problem;

  // One budget of search steps for the optimum and every forced solve of the reasons below.
  SearchBudget budget;
  // A search that stops at its limit is an answer too (no claim is made), not a failed call.
  auto stopped = [&] {
    rec.status = AnswerStatus::kLimitReached;
    rec.portfolio.clear();
    rec.not_chosen.clear();
    rec.total_value = 0;
    rec.total_cost.assign(p.resources.size(), Exact(0));
    result.value = std::move(rec);
    return result;
  };
  // Reports index the totals by resource, feasible or not.
  rec.total_cost.assign(p.resources.size(), Exact(0));
  rec.solution = budget.solve(p);
  if (budget.exhausted()) return stopped();
  rec.status = rec.solution.status;
  if (!rec.feasible()) {
    rec.infeasible_why = why_infeasible(p, rec.assessments, rec.currency);
    result.value = std::move(rec);
    return result;
  }
  const Solution& s = rec.solution;
  rec.total_value = s.value;
  rec.total_cost = s.cost;
  for (size_t i = 0; i < s.choice.size(); ++i) {
    if (s.choice[i] < 0) continue;
    const LevelAssessment* la = nullptr;
    for (const auto& l : rec.assessments[i].levels) {
      if (l.level == rec.option_levels[i][static_cast<size_t>(s.choice[i])]) la = &l;
    }
    rec.portfolio.push_back({p.items[i].id, la->level, la->value, la->by_objective, la->cost_vec});
  }
  for (const auto& q : p.penalties) {
    if (s.choice[q.a] >= 0 && s.choice[q.b] >= 0) rec.overlap_loss += q.amount;
  }

  for (size_t i = 0; i < p.items.size(); ++i) {
    if (s.choice[i] >= 0) continue;
    const Assessment& as = rec.assessments[i];
    NotChosen nc;
    nc.forum = as.forum.id;
    if (as.excluded) {
      nc.status = NotChosenStatus::kExcluded;
      nc.detail = "excluded by the profile";
    } else if (p.items[i].options.empty()) {
      const Eligibility& e = as.eligibility;
      nc.status = e.status == EligibilityStatus::kReachable ? NotChosenStatus::kReachable : NotChosenStatus::kNotEligible;
      nc.missing = e.missing;
      if (nc.missing.empty()) {
        for (const auto& l : as.levels) nc.missing.push_back(l.level + ": " + l.closed_why);
      }
      nc.detail = (nc.status == NotChosenStatus::kReachable ? "not yet eligible; missing: " : "not eligible: ") + boost::algorithm::join(nc.missing, "; ");
      // The conditions already met belong to the path too: "track record: EGDI ..., met".
      for (const auto& c : e.checks) {
        if (c.met && c.rule.rule == EntryRuleKind::kTrackRecord) nc.detail += "; track record " + c.detail;
      }
    } else {
      Problem forced = p;
      forced.must.push_back(i);
      // The optimum with i added and repaired is near the forced optimum: it prunes from the start.
      const SolveHint near{s.choice};
      Solution alt = budget.solve(forced, &near);
      if (budget.exhausted()) return stopped();
      if (!alt.optimal()) {
        // Over budget: the cheapest option next to the must-include forums' cheapest options.
        size_t cheapest = 0;
        for (size_t o = 1; o < p.items[i].options.size(); ++o) {
          if (p.items[i].options[o].cost[0] < p.items[i].options[cheapest].cost[0]) cheapest = o;
        }
        const Option& opt = p.items[i].options[cheapest];
        std::vector<std::string> over;
        for (size_t r = 0; r < p.resources.size(); ++r) {
          Exact need = opt.cost[r];
          for (size_t m : p.must) {
            Exact least = p.items[m].options.front().cost[r];
            for (const auto& o : p.items[m].options) least = std::min(least, o.cost[r]);
            need += least;
          }
          if (need > p.budget[r]) over.push_back(resource_amount(r, need - p.budget[r], rec.currency));
        }
        nc.status = NotChosenStatus::kOverBudget;
        nc.detail = over.empty() ? "no portfolio with it meets max_forums, requires and at_most_one_of"
                                 : "even at " + opt.label + " level it exceeds the budget by " + boost::algorithm::join(over, " and ");
      } else {
        nc.status = NotChosenStatus::kOutvalued;
        std::vector<std::string> dropped, changed;
        std::string level;
        for (size_t j = 0; j < p.items.size(); ++j) {
          if (j == i) {
            level = p.items[i].options[static_cast<size_t>(alt.choice[i])].label;
            continue;
          }
          if (s.choice[j] >= 0 && alt.choice[j] < 0) dropped.push_back(p.items[j].id);
          if (s.choice[j] < 0 && alt.choice[j] >= 0) changed.push_back("adds " + p.items[j].id);
          if (s.choice[j] >= 0 && alt.choice[j] >= 0 && s.choice[j] != alt.choice[j]) {
            changed.push_back(p.items[j].id + " at " + p.items[j].options[static_cast<size_t>(alt.choice[j])].label);
          }
        }
        Exact gap = s.value - alt.value;
        nc.detail = "the best portfolio with it (" + level + ") is worth " + format_exact(alt.value, 2) +
                    (gap > 0 ? ", " + format_exact(gap, 2) + " less" : ", the same (the tie rule prefers the recommendation)");
        if (!dropped.empty()) nc.detail += "; it would drop " + boost::algorithm::join(dropped, ", ");
        if (!changed.empty()) nc.detail += "; " + boost::algorithm::join(changed, ", ");
      }
    }
    rec.not_chosen.push_back(std::move(nc));
  }
  result.value = std::move(rec);
  return result;
}

Result<Problem> portfolio_problem(const Profile& profile, const Catalogue& cat) {
  auto model = build_model(profile, cat);
  Result<Problem> result;
  result.diagnostics = model.diagnostics;
  if (model.ok()) result.value = std::move(model.value->problem);
  return result;
}

std::optional<Exact> flip_change(const Recommendation& rec, std::string_view forum, size_t r, bool* stopped) {
  SearchBudget budget;
  auto result = flip_change_within(rec, forum, r, budget);
  if (stopped) *stopped = budget.exhausted();
  return budget.exhausted() ? std::nullopt : result;
}

std::optional<Exact> flip_change_within(const Recommendation& rec, std::string_view forum, size_t r, SearchBudget& budget) {
  const Problem& p = rec.problem;
  size_t idx = p.items.size();
  for (size_t i = 0; i < p.items.size(); ++i) {
    if (p.items[i].id == forum) idx = i;
  }
  if (idx == p.items.size() || !rec.feasible() || p.items[idx].options.empty()) return std::nullopt;
  // The unit below which two budgets are the same: the common denominator of that resource.
  Exact total = 0;
  for (const auto& item : p.items) {
    Exact most = 0;
    for (const auto& o : item.options) most = std::max(most, o.cost[r]);
    total += most;
  }
  const Exact unit = resource_unit(p, r);
  const Exact current = p.budget[r];
  bool in = rec.solution.choice[idx] >= 0;
  Problem q = p;
  constexpr int kMaxSteps = 100000;
  if (in) {
    // Walk down: the optimum at budget b stays while b >= its cost; just below, it changes.
    Solution s = rec.solution;
    for (int step = 0; step < kMaxSteps; ++step) {
      Exact next = s.cost[r] - unit;
      if (next < 0) return std::nullopt;
      q.budget[r] = next;
      const SolveHint near{s.choice};  // the last optimum, repaired to the lower budget
      Solution t = budget.solve(q, &near);
      if (!t.optimal()) return std::nullopt;
      if (t.choice[idx] < 0) return next - current;
      s = t;
    }
    return std::nullopt;
  }
  // Walk down from a budget that binds nothing, keeping the smallest budget above the current
  // one at which the optimum includes the forum.
  q.budget[r] = std::max(total, current);
  Solution s = budget.solve(q);
  std::optional<Exact> best;
  for (int step = 0; step < kMaxSteps && s.optimal() && s.cost[r] > current; ++step) {
    if (s.choice[idx] >= 0) best = s.cost[r] - current;
    q.budget[r] = s.cost[r] - unit;
    const SolveHint near{s.choice};
    s = budget.solve(q, &near);
  }
  return best;
}

}  // namespace whichforum
