// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum --profile FILE`: the recommended portfolio.
#include "cli/commands.h"
#include "cli/exit_status.h"

namespace whichforum::cli {

int cmd_recommend(const Invocation& inv) {
  auto loaded = open_with_profile(inv);
  if (!loaded) return kExitBadInput;
  auto rec = loaded->session.recommend(loaded->profile);
  if (!succeeded(rec)) return kExitBadInput;
  if (!rec.value->feasible()) {
    const bool limit = rec.value->status == AnswerStatus::kLimitReached;
    return report_answer(rec.value->status, inv.profile,
                         limit ? search_limit_message(rec.value->problem) : rec.value->infeasible_why);
  }
  return write_output(inv.output, render_recommendation(*rec.value, format_of(inv), inv.wide, colour_for(inv.output)));
}

}  // namespace whichforum::cli
