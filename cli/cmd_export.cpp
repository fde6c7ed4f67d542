// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum export --profile FILE --format lp [-o FILE]`: the exact problem, for a reference solver.
#include "cli/commands.h"
#include "cli/exit_status.h"

#include <cstdio>

namespace whichforum::cli {

int cmd_export(const GlobalOptions& opts) {
  if (opts.profile.empty()) {
    std::fprintf(stderr, "whichforum: error: export needs --profile FILE\n");
    return kExitBadInput;
  }
  // LP is the one export format; "text" is --format left unset.
  if (opts.format != "lp" && opts.format != "text") {
    std::fprintf(stderr, "whichforum: error: export writes --format lp only\n");
    return kExitBadInput;
  }
  auto cat = load_catalogue_or_report(resolve_dirs(opts));
  if (!cat) return kExitBadInput;
  auto profile = load_profile(opts.profile, *cat);
  if (!profile) return kExitBadInput;
  // An infeasible problem is still exported, so that another solver can confirm it; so is one
  // whose search stopped at its limit, which is when another solver is wanted most. The LP's
  // comments say what whichforum found.
  const std::string title = "whichforum " + std::string(kVersion) + ": the portfolio problem recommended for " +
                            profile->name + " (" + profile->country + ")";
  auto rec = recommend(*profile, *cat);
  if (rec.ok()) return write_output(opts.output, export_lp(rec.value->problem, title, &rec.value->solution).text);
  auto problem = portfolio_problem(*profile, *cat);
  if (!problem.ok()) {
    print_diagnostics(rec.diagnostics);
    return kExitBadInput;
  }
  for (auto d : rec.diagnostics.items()) {
    d.severity = Severity::kWarning;  // the export goes on without whichforum's optimum
    std::fputs(format_diagnostic(d).c_str(), stderr);
  }
  return write_output(opts.output, export_lp(*problem.value, title, nullptr).text);
}

}  // namespace whichforum::cli
