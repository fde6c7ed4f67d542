// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
#include "engine/sensitivity.h"

#include "engine/solve/solver.h"

#include <boost/algorithm/string/join.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace whichforum {
namespace {

// `values` with `id`'s multiplied by `factor`, renormalised to sum 1 (unchanged when all are 0).
std::map<std::string, Exact> scaled(std::map<std::string, Exact> values, const std::string& id, const Exact& factor) {
  values[id] *= factor;
  Exact total = 0;
  for (const auto& [k, v] : values) total += v;
  if (total != 0) {
    for (auto& [k, v] : values) v /= total;
  }
  return values;
}

std::vector<std::pair<std::string, std::string>> chosen(const Problem& p, const std::vector<int>& choice) {
  std::vector<std::pair<std::string, std::string>> out;
  for (size_t i = 0; i < p.items.size() && i < choice.size(); ++i) {
    if (choice[i] >= 0) out.emplace_back(p.items[i].id, p.items[i].options[static_cast<size_t>(choice[i])].label);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void solve_case(PriorityCase& c, const Profile& variant, const Catalogue& cat,
                const std::vector<std::pair<std::string, std::string>>& recommended) {
  auto problem = portfolio_problem(variant, cat);
  if (!problem.ok()) {
    c.skipped = "the model could not be built for it";
    return;
  }
  SearchBudget budget;
  const Solution s = budget.solve(*problem.value);
  c.status = s.status;
  if (!s.optimal()) return;
  c.portfolio = chosen(*problem.value, s.choice);
  const std::set<std::pair<std::string, std::string>> now(c.portfolio.begin(), c.portfolio.end()),
      base(recommended.begin(), recommended.end());
  for (const auto& [f, o] : c.portfolio) {
    if (!base.count({f, o})) c.entered.push_back(f + " (" + o + ")");
  }
  for (const auto& [f, o] : recommended) {
    if (!now.count({f, o})) c.left.push_back(f + " (" + o + ")");
  }
}

}  // namespace

PrioritySensitivity priority_sensitivity(const Profile& profile, const Catalogue& cat, const Recommendation& rec) {
  PrioritySensitivity out;
  std::vector<std::pair<std::string, std::string>> recommended;
  for (const auto& ch : rec.portfolio) recommended.emplace_back(ch.forum, ch.option);
  std::sort(recommended.begin(), recommended.end());
  const std::map<std::string, Exact>& weights = rec.weights;
  size_t pursued = 0;
  for (const auto& [k, w] : weights) pursued += w > 0 ? 1 : 0;
  for (const std::string& k : rec.objectives) {
    const Exact before = weights.count(k) ? weights.at(k) : Exact(0);
    if (before == 0) continue;  // not pursued: doubling or dropping it changes nothing
    for (const Exact factor : {Exact(2), Exact(0)}) {
      PriorityCase c;
      c.kind = PriorityKind::kObjective;
      c.id = k;
      c.factor = factor;
      c.before = before;
      const auto w = scaled(weights, k, factor);
      c.after = w.at(k);
      if (pursued == 1) {
        c.skipped = factor == 0 ? "the only objective pursued: without it nothing is" : "the only objective pursued: doubled, it still holds all the weight";
        out.cases.push_back(std::move(c));
        continue;
      }
      Profile variant = profile;
      // Explicit weights replace the statements' set: the case is one point, not a set.
      variant.weight_set = nullptr;
      variant.weights.clear();
      variant.intervals.clear();
      variant.ranking.clear();
      variant.judgements.clear();
      variant.ahp.reset();
      for (const auto& [obj, x] : w) variant.weights.push_back({obj, x, {}});
      solve_case(c, variant, cat, recommended);
      out.cases.push_back(std::move(c));
    }
  }
  // Themes in the profile's order; a theme without a stated priority is not a case.
  std::vector<std::string> theme_order;
  for (const auto& t : profile.themes) {
    if (profile.theme_priority.count(t.id) && std::find(theme_order.begin(), theme_order.end(), t.id) == theme_order.end()) theme_order.push_back(t.id);
  }
  for (const auto& [t, p] : profile.theme_priority) {
    if (std::find(theme_order.begin(), theme_order.end(), t) == theme_order.end()) theme_order.push_back(t);
  }
  size_t stated = 0;
  for (const auto& [t, p] : profile.theme_priority) stated += p > 0 ? 1 : 0;
  for (const std::string& t : theme_order) {
    const Exact before = profile.theme_priority.at(t);
    if (before == 0) continue;
    for (const Exact factor : {Exact(2), Exact(0)}) {
      PriorityCase c;
      c.kind = PriorityKind::kTheme;
      c.id = t;
      c.factor = factor;
      c.before = before;
      const auto p = scaled(profile.theme_priority, t, factor);
      c.after = p.at(t);
      if (stated == 1) {
        c.skipped = factor == 0 ? "the only theme stated: without it no theme has a priority" : "the only theme stated: doubled, it still holds all the priority";
        out.cases.push_back(std::move(c));
        continue;
      }
      Profile variant = profile;
      variant.theme_priority = p;
      solve_case(c, variant, cat, recommended);
      out.cases.push_back(std::move(c));
    }
  }
  return out;
}

std::string priority_case_text(const PriorityCase& c) {
  std::string head = c.id + (c.factor == 0 ? " at 0" : " x" + format_exact(c.factor)) + " (" + format_exact(c.before, 2) + " -> " +
                     format_exact(c.after, 2) + "): ";
  if (!c.skipped.empty()) return head + "not run, " + c.skipped;
  if (c.status == AnswerStatus::kInfeasible) return head + "no portfolio meets the budgets and constraints";
  if (c.status == AnswerStatus::kLimitReached) return head + "the search stopped at its step limit (no claim)";
  if (c.entered.empty() && c.left.empty()) return head + "the same portfolio";
  std::string out = head;
  if (!c.entered.empty()) out += "adds " + boost::algorithm::join(c.entered, ", ");
  if (!c.left.empty()) out += std::string(c.entered.empty() ? "" : "; ") + "drops " + boost::algorithm::join(c.left, ", ");
  return out;
}

}  // namespace whichforum
