// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum init --country ISO3 [-o FILE]`: a starter profile from the reference data.
#include "cli/commands.h"
#include "cli/exit_status.h"

namespace whichforum::cli {

int cmd_init(const Invocation& inv) {
  auto session = open_session(inv);
  if (!session) return kExitBadInput;
  auto text = session->starter_profile(inv.country);
  if (!succeeded(text)) return kExitBadInput;
  return write_output(inv.output, *text.value);
}

}  // namespace whichforum::cli
