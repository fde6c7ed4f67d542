// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum batch [--format text|csv|json|html] [-o FILE]`: every country's `init` profile
// recommended against its current memberships. The counts (skipped countries, kept shares) also
// go to standard error, so a CSV written to a file still says what it left out.
#include "cli/commands.h"
#include "cli/exit_status.h"

#include <cstdio>

namespace whichforum::cli {

int cmd_batch(const Invocation& inv) {
  auto session = open_session(inv);
  if (!session) return kExitBadInput;
  auto batch = session->batch();
  if (!succeeded(batch)) return kExitBadInput;
  const Batch& b = *batch.value;
  const BatchSummary& s = b.summary;
  std::string skipped;
  for (const auto& k : b.skipped) skipped += (skipped.empty() ? "" : " ") + k.iso3;
  // Wrapped as every default output is (within 100 columns, continuation lines indented).
  const std::string note =
      detail::wrap("whichforum: batch: " + std::to_string(s.recommended) + " of " + std::to_string(s.countries) + " countries recommended, " +
                       std::to_string(s.skipped) + " skipped (the model cannot use their profile)" + (skipped.empty() ? "" : ": ") + skipped,
                   detail::kTextWidth, "", "    ") +
      detail::wrap("whichforum: batch: " + std::to_string(s.recorded) + " recorded memberships: " + std::to_string(s.kept_forum) +
                       " kept (same forum), " + std::to_string(s.kept_option) + " at the same option; " + std::to_string(s.changed) +
                       " changed, " + std::to_string(s.left) + " left, " + std::to_string(s.joined) + " joined; " +
                       std::to_string(s.limit_reached) + " countries stopped at the step limit",
                   detail::kTextWidth, "", "    ");
  std::fputs(note.c_str(), stderr);
  const std::string text = inv.format == "csv"    ? render_batch_csv(b)
                           : inv.format == "json" ? render_batch_json(b)
                           : inv.format == "html" ? render_world_html(b)
                                                  : render_batch_text(b);
  return write_output(inv.output, text);
}

}  // namespace whichforum::cli
