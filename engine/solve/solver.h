// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The exact portfolio optimiser: at most one option per item, every budget, the constraints,
// pairwise overlap penalties and needs served with diminishing returns (coverage); ties broken
// by one documented total order.
#pragma once

#include "engine/answer_status.h"
#include "engine/exact.h"

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace whichforum {

/// One way to take part in an item (a level of a forum): its value and its cost per resource.
struct Option {
  std::string label;
  Exact value;  ///< what it adds whatever else is chosen (with needs: the part outside coverage)
  std::vector<Exact> cost;  ///< one per resource, each >= 0
  /// The share (0 < s <= 1) of each need it serves, by need index in increasing order.
  std::vector<std::pair<size_t, Exact>> shares;
};

/// Something the chosen options serve together with diminishing returns: a portfolio whose
/// options serve shares s_1, s_2, ... of it gains weight x (1 - (1 - s_1)(1 - s_2)...), so two
/// that each serve half serve three quarters, and no portfolio gains more than `weight`.
struct Need {
  std::string label;
  Exact weight;  ///< >= 0
};

/// A forum, or any item one may pick at most one option of. Options are listed from the least
/// to the most committed level.
struct Item {
  std::string id;
  std::vector<Option> options;
  /// The value of choosing none of its options (<= 0 where leaving costs: a current membership
  /// given up). The search works on option values minus it, which orders portfolios the same.
  Exact none_value;
};

/// Choosing both items `a` and `b` loses `amount` (>= 0): the overlap rule.
struct Penalty {
  size_t a = 0;
  size_t b = 0;
  Exact amount;
};

/// A portfolio problem. Items are in id order, which the tie rule relies on.
struct Problem {
  std::vector<std::string> resources;
  std::vector<Exact> budget;  ///< one per resource
  std::vector<Item> items;
  std::vector<size_t> must;                           ///< items that must be chosen
  std::optional<size_t> max_items;                    ///< most items chosen
  std::vector<std::pair<size_t, size_t>> implies;  ///< first chosen => second chosen (profile "requires")
  std::vector<std::vector<size_t>> at_most_one;       ///< groups of which at most one is chosen
  std::vector<Penalty> penalties;
  std::vector<Need> needs;  ///< served by the options' shares (none: values simply add up)
  /// Today's choice (option index per item, -1 for none; empty: none anywhere) and the most
  /// items whose choice may differ from it (profile max_changes): joined, changed or left.
  std::vector<int> baseline;
  std::optional<size_t> max_changes;
};

/// How many items `choice` takes differently from `p.baseline` (an item left that is held today
/// counts; so does one joined).
[[nodiscard]] size_t changes(const Problem& p, const std::vector<int>& choice);

/// The most search steps one solve may take: a step is a node of the branch and bound, or the
/// update of one neighbour's bound when an item is taken, and preparing a problem counts 16 per
/// option and per penalty (so a step costs about the same whatever the problem's size: some
/// tens of nanoseconds). 2 x 10^8 steps is a few seconds.
/// A solve that reaches it stops with AnswerStatus::kLimitReached and no portfolio: never a portfolio that
/// is not proven optimal.
inline constexpr unsigned long long kMaxSearchSteps = 200'000'000;

/// A choice of options valued: choice[i] is the option index of item i, or -1 for none.
struct Portfolio {
  std::vector<int> choice;
  Exact value;               ///< chosen option values, plus unchosen items' none values, minus the penalties of chosen pairs, plus the needs' coverage
  std::vector<Exact> cost;   ///< per resource
  size_t count = 0;          ///< items chosen
};

/// A choice evaluated against the problem: whether it meets every budget and constraint.
struct Evaluation : Portfolio {
  bool meets_constraints = false;
};

/// The answer of a solve: a proven optimum (the portfolio), a proof that none exists, or a search
/// that stopped at its step limit (choice empty: never a portfolio that is not proven optimal).
struct Solution : Portfolio {
  AnswerStatus status = AnswerStatus::kInfeasible;
  unsigned long long steps = 0;  ///< search steps taken (for benchmarks and the limit)
  [[nodiscard]] bool optimal() const { return status == AnswerStatus::kOptimal; }
  [[nodiscard]] bool limit_reached() const { return status == AnswerStatus::kLimitReached; }
};

/// The same problem with each item's none value moved onto its options (option value minus
/// none value; none value 0): every portfolio's value changes by the same constant, so the
/// optimum and the tie rule's order do not. The search and the exports work on it.
[[nodiscard]] Problem without_none_values(const Problem& p);

/// Evaluates a choice: value, costs, count, and whether it meets every budget and constraint.
[[nodiscard]] Evaluation evaluate(const Problem& p, const std::vector<int>& choice);

/// What the needs gain from a choice: sum over needs of weight x (1 - prod (1 - share)), exactly.
[[nodiscard]] Exact coverage_value(const Problem& p, const std::vector<int>& choice);
/// Per need, the share of it the choice serves: 1 - prod (1 - share), exactly.
[[nodiscard]] std::vector<Exact> coverage(const Problem& p, const std::vector<int>& choice);
/// What option `o` of item `i` would gain alone: its value plus its needs' weight x share.
[[nodiscard]] Exact standalone_value(const Problem& p, size_t i, size_t o);
/// What the chosen options lose by serving the same needs or by overlapping pairs: the sum of
/// their standalone values, minus what they gain together (before none values); >= 0.
[[nodiscard]] Exact shared_loss(const Problem& p, const std::vector<int>& choice);

/// The tie rule. Returns true when `a` is preferred to `b`: higher value; then lower cost on each
/// resource in order (money first); then fewer items; then, at the first item (in id order)
/// where they differ, the one that includes it, or takes its less committed option.
[[nodiscard]] bool preferred(const Portfolio& a, const Portfolio& b);

/// What a caller already knows that can shorten a solve, never change its answer: a portfolio
/// near the optimum, usually the optimum of a nearby problem (the same one with a forum forced
/// in, or a lower budget). The search adds the must-include items it lacks (trying each option
/// of the first), drops or downgrades items by least value lost per excess removed until every
/// budget, max_items and group holds, adds and upgrades greedily while value grows, where it
/// added an item improves that by moving one item at a time (and refilling), and takes the
/// result, if every constraint holds, as its first incumbent instead of a short first search's.
/// That work counts as search steps (at most 10^6). An incumbent only prunes branches that cannot
/// beat it under the tie rule, so a poor or unrepairable start costs steps at most; a good one
/// prunes from the first node and tunes the multipliers against a close value.
struct SolveHint {
  std::vector<int> start;  ///< as Solution::choice, one entry per item; any other size is ignored
};

/// The optimal portfolio under the tie rule, by depth-first branch and bound on integers scaled
/// to common denominators (128-bit values and 64-bit costs when the totals fit, else big
/// integers), bounded by Lagrangian relaxations of the budgets (engine/README.md). `status` says
/// whether it is optimal, infeasible (no choice meets the constraints) or stopped at `max_steps`. `hint`, when given, only makes the search shorter.
[[nodiscard]] Solution solve(const Problem& p, unsigned long long max_steps = kMaxSearchSteps,
                             const SolveHint* hint = nullptr);

/// Search steps shared by the solves of one answer (a recommendation and its reasons, an
/// explanation's budget walks, a what-if table), so that no answer takes more than
/// kMaxSearchSteps in all, however many solves it needs.
class SearchBudget {
 public:
  explicit SearchBudget(unsigned long long steps = kMaxSearchSteps) : left_(steps) {}
  /// solve(p) within the steps left, which it then uses up by what it took.
  [[nodiscard]] Solution solve(const Problem& p, const SolveHint* hint = nullptr);
  /// True once a solve stopped at the limit: its answer and any later one are not to be used.
  [[nodiscard]] bool exhausted() const { return exhausted_; }

 private:
  unsigned long long left_;
  bool exhausted_ = false;
};

/// The message for an answer whose search stopped at kMaxSearchSteps, naming the problem's size.
[[nodiscard]] std::string search_limit_message(const Problem& p);

/// The same answer by exhaustive enumeration (64-bit integers on its own common denominators;
/// the values must fit); for tests on small problems.
[[nodiscard]] Solution solve_brute_force(const Problem& p);

}  // namespace whichforum
