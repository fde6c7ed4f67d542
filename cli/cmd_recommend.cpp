// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum --profile FILE`: loads and validates everything, then recommends.
#include "cli/commands.h"
#include "cli/exit_status.h"

#include <cstdio>

namespace whichforum::cli {

int cmd_recommend(const GlobalOptions& opts) {
  auto cat = load_catalogue_or_report(resolve_dirs(opts));
  if (!cat) return kExitBadInput;
  RealFileSystem fs;
  auto doc = load_document(fs, opts.profile);
  print_diagnostics(doc.diagnostics);
  if (!doc.ok()) return kExitBadInput;
  auto profile = parse_profile(*doc.value);
  print_diagnostics(profile.diagnostics);
  if (!profile.ok()) return kExitBadInput;
  auto refs = validate_profile(*profile.value, *cat);
  print_diagnostics(refs);
  if (!refs.ok()) return kExitBadInput;
  std::string out = render_profile_summary(*profile.value, *cat);
  out += "\nAll inputs are valid. Recommending a portfolio (scoring, eligibility, costs and the "
         "optimiser) is not built yet in this version.\n";
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace whichforum::cli
