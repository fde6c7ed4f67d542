// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum export --profile FILE --format lp|lp-scaled [-o FILE]`: the exact problem, for a
// reference solver; lp-scaled divides each row by its largest coefficient for floating-point ones.
#include "cli/commands.h"
#include "cli/exit_status.h"

namespace whichforum::cli {

int cmd_export(const Invocation& inv) {
  auto loaded = open_with_profile(inv);
  if (!loaded) return kExitBadInput;
  auto lp = loaded->session.export_lp(loaded->profile, inv.format == "lp-scaled");
  if (!succeeded(lp)) return kExitBadInput;
  print_diagnostics(lp.value->warnings);
  return write_output(inv.output, lp.value->text);
}

}  // namespace whichforum::cli
