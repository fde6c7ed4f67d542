// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum infer --profile FILE`: the priorities under which today's memberships are the best.
#include "cli/commands.h"
#include "cli/exit_status.h"

namespace whichforum::cli {

int cmd_infer(const Invocation& inv) {
  auto loaded = open_with_profile(inv);
  if (!loaded) return kExitBadInput;
  auto r = loaded->session.infer(loaded->profile);
  if (!succeeded(r)) return kExitBadInput;
  if (r.value->status != AnswerStatus::kOptimal) return report_answer(r.value->status, inv.profile, r.value->why);
  return write_output(inv.output,
                      render_infer(r.value->recommendation, loaded->profile, *r.value->inference, format_of(inv)));
}

}  // namespace whichforum::cli
