// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The entry point: hands the arguments to the command table and returns its status.
#include "cli/commands.h"
#include "cli/exit_status.h"

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
  try {
    return whichforum::cli::run(argc, argv);
  } catch (const std::exception& e) {
    // Reaching here is a bug: the engine reports problems as diagnostics, not exceptions.
    std::fprintf(stderr, "whichforum: internal error: %s\n", e.what());
    return whichforum::cli::kExitFailure;
  }
}
