// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The budget walks behind `explain`: the smallest change of each budget that flips one forum.
#include "engine/explanation.h"

namespace whichforum {

Explanation explain_forum(Recommendation rec, std::string_view forum_id) {
  Explanation e;
  e.forum = std::string(forum_id);
  for (size_t i = 0; i < rec.assessments.size(); ++i) {
    if (rec.assessments[i].forum.id == forum_id) e.index = i;
  }
  for (const auto& c : rec.portfolio) e.in_portfolio = e.in_portfolio || c.forum == forum_id;
  if (rec.feasible() && !rec.problem.items[e.index].options.empty()) {
    SearchBudget budget;  // one for the walks of every resource
    for (size_t r = 0; r < rec.resources.size(); ++r) {
      BudgetFlip flip;
      flip.change = flip_change_within(rec, forum_id, r, budget);
      if (budget.exhausted()) {
        flip.status = AnswerStatus::kLimitReached;
        flip.change.reset();
      }
      e.flips.push_back(flip);
    }
  }
  e.recommendation = std::move(rec);
  return e;
}

}  // namespace whichforum
