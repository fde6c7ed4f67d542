// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Where results go (-o FILE), by one set of rules; see write_text.
#pragma once

#include <string>
#include <string_view>

namespace whichforum::cli {

/// Writes `text` to `path` by these rules, and returns 0 or the errno of the first step that
/// failed (every write, fsync, close and rename is checked):
///  - "" and "-" are standard output (flushed; not synced: it may be a pipe or a terminal);
///  - /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N, as written, are written through
///    that descriptor of this process (so `-o /dev/stdout >>log` appends, as the shell set up);
///  - a character device, FIFO, socket or block device is opened and written in place, never
///    renamed over (renaming over /dev/full would replace the device node with a regular file);
///  - a symbolic link is followed, and what it names is written by these rules: a regular file
///    (or a name not there yet) is replaced atomically and the link stays a link;
///  - a regular file, or a name not there yet, is replaced atomically: written in full to a new
///    temporary file beside it (same directory, so the rename cannot cross file systems), synced,
///    given the old file's mode and owner, then renamed over it. On failure the old file is as it
///    was and the temporary file is removed. A file the caller may not write (mode 0444 for its
///    owner, say) is refused (EACCES), as `>` would refuse it, though the rename could be done;
///  - a directory is refused (EISDIR), before anything is created;
///  - a write past the file size limit (ulimit -f) fails with EFBIG like any other, rather than
///    SIGXFSZ ending the process; SIGHUP, SIGINT, SIGQUIT and SIGTERM arriving while a file is
///    replaced take effect once the temporary file is renamed or removed, so none is left.
int write_text(const std::string& path, std::string_view text);

/// write_text, with a failure reported on stderr as `whichforum: error: FILE: cannot write:
/// REASON` (FILE is "standard output" for "" and "-"). Returns kExitOk or kExitFailure.
/// (Declared in cli/commands.h too, where the commands find it.)
int write_output(const std::string& path, const std::string& text);

/// Whether a text report to `path` may carry terminal styles: only standard output ("" or "-")
/// that is a terminal, and NO_COLOR unset or empty (no-color.org). (Also in cli/commands.h.)
bool colour_for(const std::string& path);

}  // namespace whichforum::cli
