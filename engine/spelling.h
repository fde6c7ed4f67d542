// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// "Did you mean ...?": the nearest known word to a misspelt key or id.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace whichforum {

/// Returns the candidate closest to `word` by edit distance (case-insensitive), if it is close
/// enough to be a likely typo (at most 2 edits, or a third of the word's length); ties go to
/// the earliest candidate. Returns "" when none is close.
[[nodiscard]] std::string closest_match(std::string_view word,
                                        const std::vector<std::string>& candidates);

/// "; did you mean \"x\"?" for the closest candidate, or "" when there is none.
[[nodiscard]] std::string did_you_mean(std::string_view word,
                                       const std::vector<std::string>& candidates);

}  // namespace whichforum
