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
  int status = kExitOk;
  std::optional<Catalogue> cat;
  auto rec = load_and_recommend(opts, &cat, &status);
  if (!rec) return status;
  // An infeasible problem is still exported, so that another solver can confirm it; the LP's
  // comments say what whichforum found.
  std::string title = "whichforum " + std::string(kVersion) + ": the portfolio problem recommended for " +
                      rec->country.name + " (" + rec->country.iso3 + ")";
  return write_output(opts.output, export_lp(rec->problem, title, &rec->solution).text);
}

}  // namespace whichforum::cli
