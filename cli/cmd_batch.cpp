// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum batch [--format text|csv|json] [-o FILE]`: every country's `init` profile
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
  std::fprintf(stderr, "whichforum: batch: %zu of %zu countries recommended, %zu skipped (the model cannot use their profile)%s%s\n",
               s.recommended, s.countries, s.skipped, skipped.empty() ? "" : ": ", skipped.c_str());
  std::fprintf(stderr,
               "whichforum: batch: %zu recorded memberships: %zu kept (same forum), %zu at the same option; "
               "%zu changed, %zu left, %zu joined; %zu countries stopped at the step limit\n",
               s.recorded, s.kept_forum, s.kept_option, s.changed, s.left, s.joined, s.limit_reached);
  const std::string text = inv.format == "csv"    ? render_batch_csv(b)
                           : inv.format == "json" ? render_batch_json(b)
                                                  : render_batch_text(b);
  return write_output(inv.output, text);
}

}  // namespace whichforum::cli
