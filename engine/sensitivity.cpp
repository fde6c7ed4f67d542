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

namespace {

using Chosen = std::vector<std::pair<std::string, std::string>>;  // forum id, option id

// Both cases of one priority `id` of `values` (the weights or the theme priorities it belongs
// to): doubled, then at 0. `lone`: it is the only one above 0, so neither case is run and each
// says why (`why_doubled`, `why_dropped`). `apply` writes a case's values into a profile.
template <class Apply>
void add_cases(PrioritySensitivity& out, PriorityKind kind, const std::string& id, const std::map<std::string, Exact>& values,
               bool lone, const char* why_doubled, const char* why_dropped, const Profile& profile, const Catalogue& cat,
               const Chosen& recommended, Apply apply) {
  for (const Exact& factor : {Exact(2), Exact(0)}) {
    PriorityCase c;
    c.kind = kind;
    c.id = id;
    c.factor = factor;
    c.before = values.at(id);
    const auto changed = scaled(values, id, factor);
    c.after = changed.at(id);
    if (lone) {
      c.skipped = factor == 0 ? why_dropped : why_doubled;
    } else {
      Profile variant = profile;
      apply(variant, changed);
      solve_case(c, variant, cat, recommended);
    }
    out.cases.push_back(std::move(c));
  }
}

}  // namespace

PrioritySensitivity priority_sensitivity(const Profile& profile, const Catalogue& cat, const Recommendation& rec) {
  PrioritySensitivity out;
  Chosen recommended;
  for (const auto& ch : rec.portfolio) recommended.emplace_back(ch.forum, ch.option);
  std::sort(recommended.begin(), recommended.end());
  const std::map<std::string, Exact>& weights = rec.weights;
  size_t pursued = 0;
  for (const auto& [k, w] : weights) pursued += w > 0 ? 1 : 0;
  for (const std::string& k : rec.objectives) {
    if (!weights.count(k) || weights.at(k) == 0) continue;  // not pursued: doubling or dropping it changes nothing
    add_cases(out, PriorityKind::kObjective, k, weights, pursued == 1, "the only objective pursued: doubled, it still holds all the weight",
              "the only objective pursued: without it nothing is", profile, cat, recommended,
              [](Profile& variant, const std::map<std::string, Exact>& w) {
                // Explicit weights replace the statements' set: the case is one point, not a set.
                variant.weight_set = nullptr;
                variant.weights.clear();
                variant.intervals.clear();
                variant.ranking.clear();
                variant.judgements.clear();
                variant.ahp.reset();
                for (const auto& [obj, x] : w) variant.weights.push_back({obj, x, {}});
              });
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
    if (profile.theme_priority.at(t) == 0) continue;
    add_cases(out, PriorityKind::kTheme, t, profile.theme_priority, stated == 1, "the only theme stated: doubled, it still holds all the priority",
              "the only theme stated: without it no theme has a priority", profile, cat, recommended,
              [](Profile& variant, const std::map<std::string, Exact>& p) { variant.theme_priority = p; });
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
