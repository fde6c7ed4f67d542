// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum explain --profile FILE FORUM`: one forum in full.
#include "cli/commands.h"
#include "cli/exit_status.h"

namespace whichforum::cli {

int cmd_explain(const Invocation& inv) {
  auto loaded = open_with_profile(inv);
  if (!loaded) return kExitBadInput;
  auto explanation = loaded->session.explain(loaded->profile, inv.forum);
  if (!succeeded(explanation)) return kExitBadInput;
  if (explanation.value->recommendation.status == AnswerStatus::kLimitReached) {
    return report_answer(AnswerStatus::kLimitReached, inv.profile,
                         search_limit_message(explanation.value->recommendation.problem));
  }
  return write_output(inv.output, render_explain(*explanation.value));
}

}  // namespace whichforum::cli
