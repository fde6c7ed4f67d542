// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum brief --profile FILE --format md|html|csv|json [-o FILE]`: a briefing to hand over.
#include "cli/commands.h"
#include "cli/exit_status.h"

#include <cstdio>

namespace whichforum::cli {

int cmd_brief(const GlobalOptions& opts) {
  if (opts.profile.empty()) {
    std::fprintf(stderr, "whichforum: error: brief needs --profile FILE\n");
    return kExitBadInput;
  }
  auto cat = load_catalogue_or_report(resolve_dirs(opts));
  if (!cat) return kExitBadInput;
  auto profile = load_profile(opts.profile, *cat);
  if (!profile || !standard_resources(*profile, opts.profile, "brief")) return kExitBadInput;
  auto rec = recommend(*profile, *cat);
  print_diagnostics(rec.diagnostics);
  if (!rec.ok()) return kExitBadInput;
  BriefFormat format = opts.format == "html" ? BriefFormat::kHtml
                       : opts.format == "csv" ? BriefFormat::kCsv
                       : opts.format == "json" ? BriefFormat::kJson
                                               : BriefFormat::kMarkdown;
  // An infeasible profile still gets its briefing (saying so), and the exit status says it too.
  int status = write_output(opts.output, render_brief(make_briefing(*rec.value, *profile, *cat), format));
  if (status == kExitOk && !rec.value->feasible) {
    std::fprintf(stderr, "whichforum: infeasible: %s: %s\n", opts.profile.c_str(), rec.value->infeasible_why.c_str());
    return kExitInfeasible;
  }
  return status;
}

}  // namespace whichforum::cli
