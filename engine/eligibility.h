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

/// Whether the country holds a membership of `forum` today (an option other than attending).
[[nodiscard]] bool holds_membership(const Forum& forum, const CountryView& country);

/// The country's eligibility for option `o` of `forum`, given the forum's own (`forum_e`, from
/// check_eligibility): the option held today is kept as it is; entry "forum" takes the forum's
/// rules, "open" none, "members" a current membership (a step: join first); then the option's
/// own rules and those of the option it includes. Never skipped: an option is open to the
/// country only when this is eligible.
[[nodiscard]] Eligibility option_eligibility(const Forum& forum, const EngagementOption& o, const Eligibility& forum_e,
                                             const CountryView& country);

}  // namespace whichforum
