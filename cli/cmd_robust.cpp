// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum robust --profile FILE [--samples N] [--seed S]`: how sure the recommendation is.
#include "cli/commands.h"
#include "cli/exit_status.h"

#include <cstdio>

namespace whichforum::cli {

int cmd_robust(const GlobalOptions& opts, const RobustOptions& robust_opts) {
  if (opts.profile.empty()) {
    std::fprintf(stderr, "whichforum: error: robust needs --profile FILE\n");
    return kExitBadInput;
  }
  auto cat = load_catalogue_or_report(resolve_dirs(opts));
  if (!cat) return kExitBadInput;
  auto profile = load_profile(opts.profile, *cat);
  if (!profile) return kExitBadInput;
  auto rec = recommend(*profile, *cat);
  print_diagnostics(rec.diagnostics);
  if (!rec.ok()) return kExitBadInput;
  if (!rec.value->feasible) {
    std::fprintf(stderr, "whichforum: infeasible: %s: %s\n", opts.profile.c_str(), rec.value->infeasible_why.c_str());
    return kExitInfeasible;
  }
  auto r = robustness(*rec.value, *profile, robust_opts);
  // A search that stopped at its limit is not a bug: exit 2 as the solver's step limit does.
  if (r.status == AnswerStatus::kLimitReached) {
    std::fprintf(stderr,
                 "whichforum: error: %s: too many portfolios to compare exactly under these preferences; "
                 "narrow them (a ranking, intervals) or the catalogue (exclude, max_forums)\n",
                 opts.profile.c_str());
    return kExitBadInput;
  }
  return write_output(opts.output, render_robust(*rec.value, *profile, r, format_of(opts)));
}

}  // namespace whichforum::cli
