// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum whatif --profile FILE`: budget sweeps, scenarios, the current memberships, the frontier.
#include "cli/commands.h"
#include "cli/exit_status.h"

namespace whichforum::cli {

int cmd_whatif(const Invocation& inv) {
  auto loaded = open_with_profile(inv);
  if (!loaded) return kExitBadInput;
  auto w = loaded->session.whatif(loaded->profile, inv.whatif);
  if (!succeeded(w)) return kExitBadInput;
  if (w.value->status != AnswerStatus::kOptimal) return report_answer(w.value->status, inv.profile, w.value->limit_why);
  return write_output(inv.output, render_whatif(*w.value, format_of(inv)));
}

}  // namespace whichforum::cli
