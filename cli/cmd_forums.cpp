// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum forums [show ID]`: the catalogue, or one forum with its sources.
#include "cli/commands.h"
#include "cli/exit_status.h"

#include <cstdio>

namespace whichforum::cli {

int cmd_forums(const GlobalOptions& opts, const std::string& show_id) {
  auto cat = load_catalogue_or_report(resolve_dirs(opts));
  if (!cat) return kExitBadInput;
  if (show_id.empty()) {
    std::fputs(render_forum_list(*cat).c_str(), stdout);
    return kExitOk;
  }
  std::string id = cat->resolve_forum(show_id);
  if (id.empty()) {
    std::fprintf(stderr, "whichforum: error: unknown forum id \"%s\"%s (see: whichforum forums)\n",
                 show_id.c_str(), did_you_mean(show_id, cat->forum_ids()).c_str());
    return kExitBadInput;
  }
  std::fputs(render_forum(*cat->find_forum(id)).c_str(), stdout);
  return kExitOk;
}

}  // namespace whichforum::cli
