// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The process exit codes, in one place, and the one table from an answer's status to them.
#pragma once

#include "engine/answer_status.h"

namespace whichforum::cli {

/// What whichforum's exit status means. Scripts may rely on these; add new ones at the end.
enum ExitStatus : int {
  kExitOk = 0,          ///< done; for check, every file is valid
  kExitFailure = 1,     ///< an internal failure (a bug, or a write that failed)
  kExitBadInput = 2,    ///< a usage error or an invalid input file; nothing was written
  kExitInfeasible = 3,  ///< the inputs are valid but no portfolio meets the constraints
  kExitLimit = 4,       ///< the inputs are valid but the search stopped at its limit: no answer is claimed
};

/// The exit status of an answer (the call itself succeeded).
[[nodiscard]] constexpr ExitStatus exit_status(AnswerStatus s) {
  switch (s) {
    case AnswerStatus::kOptimal: return kExitOk;
    case AnswerStatus::kInfeasible: return kExitInfeasible;
    case AnswerStatus::kLimitReached: return kExitLimit;
  }
  return kExitFailure;  // unreachable: every enumerator is handled above
}

}  // namespace whichforum::cli
