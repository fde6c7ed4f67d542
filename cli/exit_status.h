// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The process exit codes, in one place.
#pragma once

namespace whichforum::cli {

/// What whichforum's exit status means. Scripts may rely on these; add new ones at the end.
enum ExitStatus : int {
  kExitOk = 0,          ///< done; for check, every file is valid
  kExitFailure = 1,     ///< an internal failure (a bug, or a write that failed)
  kExitBadInput = 2,    ///< a usage error or an invalid input file; nothing was written
  kExitInfeasible = 3,  ///< the inputs are valid but no portfolio meets the constraints
};

}  // namespace whichforum::cli
