// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum init --country ISO3`: a starter profile from the reference data.
#include "cli/commands.h"
#include "cli/exit_status.h"

#include <cstdio>

namespace whichforum::cli {

int cmd_init(const GlobalOptions& opts, const std::string& country) {
  auto cat = load_catalogue_or_report(resolve_dirs(opts));
  if (!cat) return kExitBadInput;
  const CountryRecord* c = cat->data.find(country);
  if (!c) {
    std::fprintf(stderr, "whichforum: error: unknown country code \"%s\"; it is not in data/countries.csv\n",
                 country.c_str());
    return kExitBadInput;
  }
  return write_output(opts.output, render_starter_profile(*c, cat->data, *cat));
}

}  // namespace whichforum::cli
