// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Explanation: one forum in full for a profile, produced by the engine (every solve done here)
// so that render_explain only lays it out, as a Briefing is produced by make_briefing.
#pragma once

#include "engine/answer_status.h"
#include "engine/recommend.h"
#include "engine/sensitivity.h"

#include <optional>
#include <string>
#include <vector>

namespace whichforum {

/// The smallest change of one budget that flips the forum in or out, the others as they are.
struct BudgetFlip {
  AnswerStatus status = AnswerStatus::kOptimal;  ///< kLimitReached: the walk's steps ran out, not known
  std::optional<Exact> change;                   ///< none: no change of this budget alone flips it
};

struct Explanation {
  Recommendation recommendation;
  std::string forum;        ///< the resolved id
  size_t index = 0;         ///< into recommendation.assessments and problem.items
  bool in_portfolio = false;
  /// One per resource; empty when the forum has no open option or no portfolio meets the
  /// constraints. The walks share one budget of search steps.
  std::vector<BudgetFlip> flips;
  /// The portfolio with each objective's weight and each theme's priority doubled and dropped.
  PrioritySensitivity sensitivity;
  /// Over the estimates (robust's flip search, no joint samples): the flips that move this
  /// forum, in words, nearest first; `estimates_checked` 0 when not searched.
  std::vector<std::string> estimate_flips;
  size_t estimates_checked = 0;
};

/// The explanation of `forum_id` (an id of `rec`'s catalogue) in `rec`.
[[nodiscard]] Explanation explain_forum(Recommendation rec, std::string_view forum_id);

}  // namespace whichforum
