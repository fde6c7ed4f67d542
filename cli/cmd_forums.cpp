// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum forums [show ID | --stale [--before DATE]]`: the catalogue, one forum with its
// sources, or the facts by age.
#include "cli/commands.h"
#include "cli/exit_status.h"

namespace whichforum::cli {

int cmd_forums(const Invocation& inv) {
  auto session = open_session(inv);
  if (!session) return kExitBadInput;
  if (inv.stale) {
    std::optional<std::string> before;
    if (!inv.before.empty()) before = inv.before;
    auto facts = session->stale_facts(before);
    if (!succeeded(facts)) return kExitBadInput;
    return write_output(inv.output, render_stale_facts(*facts.value, before));
  }
  if (inv.forum.empty()) return write_output(inv.output, render_forum_list(session->catalogue()));
  auto id = session->resolve_forum(inv.forum);
  if (!succeeded(id)) return kExitBadInput;
  return write_output(inv.output, render_forum(*session->catalogue().find_forum(*id.value)));
}

}  // namespace whichforum::cli
