// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum check FILE|DIR...`: validates any mix of profiles, forum files and criteria files.
#include "cli/commands.h"
#include "cli/exit_status.h"

#include <cstdio>

namespace whichforum::cli {

int cmd_check(const Invocation& inv) {
  RealFileSystem fs;
  std::optional<FileKind> kind;
  if (!inv.kind.empty()) kind = file_kind_from_name(inv.kind);
  CheckReport report = Session::check(fs, resolve_dirs(inv), inv.files, kind);
  std::string out;
  for (const auto& f : report.files) {
    print_diagnostics(f.diagnostics);
    out += (f.ok() ? "ok      " : "invalid ") + f.path +
           (f.ok() || !f.what.empty() ? " (" + f.what + ")" : std::string()) + "\n";
  }
  const size_t bad = report.invalid();
  out += std::to_string(report.files.size()) + " files checked: " + std::to_string(report.files.size() - bad) +
         " valid, " + std::to_string(bad) + " invalid\n";
  // Through the writer (checked, -o honoured); a failed write is exit 1 whatever the files were.
  if (int status = write_output(inv.output, out); status != kExitOk) return status;
  return bad == 0 ? kExitOk : kExitBadInput;
}

}  // namespace whichforum::cli
