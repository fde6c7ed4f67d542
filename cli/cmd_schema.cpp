// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum schema KIND`: the keys of a file kind as a table.
#include "cli/commands.h"

namespace whichforum::cli {

int cmd_schema(const Invocation& inv) { return write_output(inv.output, render_schema(inv.kind)); }

}  // namespace whichforum::cli
