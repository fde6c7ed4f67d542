// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Sensitivity to the priorities (issue 14 item 6): the portfolio when one objective's weight, or
// one theme's priority, doubles or goes to zero, the others renormalised; for explain and brief.
#pragma once

#include "engine/answer_status.h"
#include "engine/catalogue.h"
#include "engine/enum_names.h"
#include "engine/exact.h"
#include "engine/profile.h"
#include "engine/recommend.h"

#include <array>
#include <span>
#include <string>
#include <vector>

namespace whichforum {

/// What a case changes.
enum class PriorityKind { kObjective, kTheme };
inline constexpr std::array<EnumName<PriorityKind>, 2> kPriorityKindNames{{
    {PriorityKind::kObjective, "objective"},
    {PriorityKind::kTheme, "theme"},
}};
constexpr std::span<const EnumName<PriorityKind>> enum_table(PriorityKind) { return kPriorityKindNames; }

/// One priority changed by one factor, and the portfolio the model then recommends.
struct PriorityCase {
  PriorityKind kind = PriorityKind::kObjective;
  std::string id;       ///< the objective or theme
  Exact factor;         ///< 2 (doubled) or 0 (dropped), before the others are renormalised
  Exact before, after;  ///< its normalised weight or priority, stated and in this case
  /// kOptimal: `portfolio` is the optimum; kInfeasible: none meets the budgets; kLimitReached:
  /// the search stopped (no claim). Not solved at all when `skipped` says why.
  AnswerStatus status = AnswerStatus::kOptimal;
  std::string skipped;  ///< why this case is not run ("the only objective pursued"), or ""
  std::vector<std::pair<std::string, std::string>> portfolio;  ///< forum id, option id; forum id order
  /// Against the recommendation: "forum (option)" entered, and left or changed from.
  std::vector<std::string> entered, left;
  [[nodiscard]] bool same() const { return skipped.empty() && status == AnswerStatus::kOptimal && entered.empty() && left.empty(); }
};

/// Every objective with a weight above 0, then every theme with a stated priority, each doubled
/// then dropped, in the recommendation's objective order and the profile's theme order.
struct PrioritySensitivity {
  std::vector<PriorityCase> cases;
};

/// Solves each case of `profile` (recommended as `rec`) on `catalogue`: the optimum alone, with
/// the tie rule, on its own budget of search steps; no reasons are worked out.
[[nodiscard]] PrioritySensitivity priority_sensitivity(const Profile& profile, const Catalogue& catalogue, const Recommendation& rec);

/// "peer_learning x2 (0.28 -> 0.44): adds govinsider (attend); drops ogp (member)", or "... : the
/// same portfolio", in one line.
[[nodiscard]] std::string priority_case_text(const PriorityCase& c);

}  // namespace whichforum
