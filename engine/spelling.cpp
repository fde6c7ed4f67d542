// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Edit distance and the closest-candidate rule for suggestions.
#include "engine/spelling.h"

#include <algorithm>

namespace whichforum {

namespace {

// Lower-case ASCII only: the words compared are keys and ids, and libc's tolower() per character
// pair was most of the time spent on a file of a million unknown keys.
std::string folded(std::string_view s) {
  std::string out(s);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates) {
  // Past a few hundred characters a word is not a typo; the bound also caps the cost.
  if (word.size() > 200) return "";
  size_t limit = std::max<size_t>(2, word.size() / 3);
  size_t best = limit + 1;
  std::string found;
  const std::string w = folded(word);
  for (const auto& c : candidates) {
    // Lengths further apart than the limit are further apart than it in edits too.
    if (c.size() > w.size() + limit || w.size() > c.size() + limit) continue;
    size_t d = edit_distance(w, folded(c));
    if (d < best) {
      best = d;
      found = c;
    }
  }
  return found;
}

std::string did_you_mean(std::string_view word, const std::vector<std::string>& candidates) {
  std::string m = closest_match(word, candidates);
  return m.empty() ? std::string() : "; did you mean \"" + m + "\"?";
}

}  // namespace whichforum
