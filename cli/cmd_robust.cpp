// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum robust --profile FILE [--samples N] [--seed S]`: how sure the recommendation is.
#include "cli/commands.h"
#include "cli/exit_status.h"

namespace whichforum::cli {

int cmd_robust(const Invocation& inv) {
  auto loaded = open_with_profile(inv);
  if (!loaded) return kExitBadInput;
  auto r = loaded->session.robust(loaded->profile, inv.robust);
  if (!succeeded(r)) return kExitBadInput;
  if (r.value->status != AnswerStatus::kOptimal) return report_answer(r.value->status, inv.profile, r.value->why);
  return write_output(inv.output,
                      render_robust(r.value->recommendation, loaded->profile, *r.value->robustness,
                                    r.value->estimates ? &*r.value->estimates : nullptr, format_of(inv)));
}

}  // namespace whichforum::cli
