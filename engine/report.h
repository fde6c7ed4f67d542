// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Text reports of the catalogue and of a loaded profile: what the CLI prints, made here so that
// every caller prints the same thing.
#pragma once

#include "engine/catalogue.h"

#include <string>

namespace whichforum {

/// An aligned table of the catalogue: id, name, kind, members, as_of; sorted by id.
[[nodiscard]] std::string render_forum_list(const Catalogue& catalogue);

/// One forum in full: identity, every fact in schema order with its source or the reason of its
/// estimate, and its entry rules.
[[nodiscard]] std::string render_forum(const Forum& forum);

/// What was loaded for a profile: the country's facts (reference data or the profile's own),
/// normalised weights, capacity, memberships and constraints.
[[nodiscard]] std::string render_profile_summary(const Profile& profile, const Catalogue& catalogue);

/// A value as text: exact numbers via format_exact, lists joined with ", ".
[[nodiscard]] std::string value_text(const Value& value);

}  // namespace whichforum
