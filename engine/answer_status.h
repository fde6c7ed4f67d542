// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The answer's status, kept apart from "the call failed" (as HiGHS keeps HighsModelStatus apart
// from HighsStatus): a call that fails returns diagnostics (Result<T> holds no value); a call that
// succeeds returns an answer, and the answer says whether it is a proven optimum, a proof that no
// portfolio meets the constraints, or a search that stopped at its limit without a proof.
#pragma once

#include <string_view>

namespace whichforum {

/// What an answer is. Every solve, recommendation, what-if table, non-dominated search and weight
/// change carries one; the CLI maps it to an exit status in one table (cli/exit_status.h).
enum class AnswerStatus {
  kOptimal,       ///< proven optimal under the tie rule (for a set of portfolios: complete)
  kInfeasible,    ///< proven: no portfolio meets the constraints
  kLimitReached,  ///< the search stopped at its step or node limit: no claim is made
};

/// "optimal", "infeasible", "limit_reached": the name in JSON and messages.
[[nodiscard]] constexpr std::string_view name(AnswerStatus s) {
  switch (s) {
    case AnswerStatus::kOptimal: return "optimal";
    case AnswerStatus::kInfeasible: return "infeasible";
    case AnswerStatus::kLimitReached: return "limit_reached";
  }
  return "optimal";  // unreachable: every enumerator is handled above (-Wswitch-enum)
}

}  // namespace whichforum
