// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum brief --profile FILE --format md|html|csv|json [-o FILE]`: a briefing for a minister.
#include "cli/commands.h"
#include "cli/exit_status.h"

namespace whichforum::cli {

int cmd_brief(const Invocation& inv) {
  auto loaded = open_with_profile(inv);
  if (!loaded) return kExitBadInput;
  auto b = loaded->session.brief(loaded->profile, inv.robust);
  if (!succeeded(b)) return kExitBadInput;
  if (b.value->status == AnswerStatus::kLimitReached) return report_answer(b.value->status, inv.profile, b.value->infeasible_why);
  const BriefFormat format = inv.format == "html" ? BriefFormat::kHtml
                             : inv.format == "csv" ? BriefFormat::kCsv
                             : inv.format == "json" ? BriefFormat::kJson
                                                    : BriefFormat::kMarkdown;
  // An infeasible profile still gets its briefing (saying so), and the exit status says it too.
  int status = write_output(inv.output, render_brief(*b.value, format));
  if (status != kExitOk) return status;
  return report_answer(b.value->status, inv.profile, b.value->infeasible_why);
}

}  // namespace whichforum::cli
