// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum forums [show ID]`: the catalogue, or one forum with its sources.
#include "cli/commands.h"
#include "cli/exit_status.h"

namespace whichforum::cli {

int cmd_forums(const Invocation& inv) {
  auto session = open_session(inv);
  if (!session) return kExitBadInput;
  if (inv.forum.empty()) return write_output(inv.output, render_forum_list(session->catalogue()));
  auto id = session->resolve_forum(inv.forum);
  if (!succeeded(id)) return kExitBadInput;
  return write_output(inv.output, render_forum(*session->catalogue().find_forum(*id.value)));
}

}  // namespace whichforum::cli
