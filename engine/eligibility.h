// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Eligibility: a forum's entry rules evaluated for a country, with the path to what is missing.
#pragma once

#include "engine/country.h"
#include "engine/forum.h"

#include <string>
#include <vector>

namespace whichforum {

/// eligible: every rule is met; reachable: only steps the country can take are missing (an
/// invitation, sponsors, an application, a values check); not eligible: a condition it cannot
/// meet by asking (a region, OECD membership, adherence to principles it has not adopted, a track
/// record it does not have).
enum class EligibilityStatus { kEligible, kReachable, kNotEligible };

[[nodiscard]] const char* status_name(EligibilityStatus s);  ///< "eligible", "reachable", "not_eligible"

struct RuleCheck {
  EntryRule rule;
  bool met = false;
  bool procedural = false;  ///< a step the country can take, rather than a condition it lacks
  std::string detail;       ///< why it is met or not, in words an official can act on
};

struct Eligibility {
  EligibilityStatus status = EligibilityStatus::kEligible;
  std::vector<RuleCheck> checks;
  std::vector<std::string> missing;  ///< the unmet rules' details, in file order
  bool current_member = false;       ///< current memberships count as met
};

/// Evaluates `forum`'s entry rules for `country`.
[[nodiscard]] Eligibility check_eligibility(const Forum& forum, const CountryView& country);

/// Whether the country may take `level` of `forum`: observer when the forum offers it; member
/// when eligible; lead when eligible and already a member (one does not chair in one's first
/// year). On false, `why` says so.
[[nodiscard]] bool level_open(const Forum& forum, const Eligibility& e, const CountryView& country,
                              std::string_view level, std::string* why);

}  // namespace whichforum
