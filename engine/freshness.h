// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Freshness: every dated fact of a catalogue by its as_of, and the facts that are older than an
// event their own forum records (issue 15). The lead wires `forums --stale [--before DATE]`.
#pragma once

#include "engine/catalogue.h"
#include "engine/memberships.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace whichforum {

/// Whether `date` is YYYY, YYYY-MM or YYYY-MM-DD (the forms an `as_of` may take).
[[nodiscard]] bool is_partial_date(std::string_view date);

/// Compares two partial dates at the precision they share: "2022-11" and "2022-11-03" are equal,
/// "2022-10" is before "2022-11-03". A date given to the month speaks of that month, so it is not
/// older than a day inside it. Returns <0, 0 or >0. Both must pass is_partial_date.
[[nodiscard]] int compare_partial_dates(std::string_view a, std::string_view b);

/// One fact (or entry rule, or [given] table) of a forum and the date its source speaks of.
struct DatedFact {
  std::string forum_id;
  std::string key;     ///< the fact key; "entry_rule N (rule)" for the Nth rule, 1-based; "given"
  std::string as_of;   ///< "" when the fact has none (an estimate without a date)
  std::string source;  ///< as written: a seed file name or "data:S20,S22"; "" for none
  bool estimate = false;
  SourcePos pos;
};

struct FreshnessOptions {
  /// Only facts whose as_of is before this partial date (compare_partial_dates < 0).
  std::optional<std::string> before;
  /// Undated facts (estimates without as_of) have no age: listed first when true, else left out.
  bool include_undated = false;
};

/// Every fact of every forum of `catalogue`, oldest first: undated ones (if asked for) first,
/// then by as_of at full precision ("2021" before "2021-05"), then forum id, then file position.
/// The same catalogue gives the same list.
[[nodiscard]] std::vector<DatedFact> facts_by_age(const Catalogue& catalogue, const FreshnessOptions& options = {});

// MembershipEvent and parse_membership_events: engine/memberships.h.

/// The catalogue forum a memberships.csv forum_id names, matched ignoring case and anything but
/// letters and digits against forum ids and aliases ("MRDIGITAL" -> mr_digital); "" for none
/// ("EUSNS" is a standard, not a forum).
[[nodiscard]] std::string forum_for_event(const Catalogue& catalogue, std::string_view csv_forum);

/// A membership fact (members, other_members, member_count) older than an event the same forum
/// records: the as_of of its `venues` fact (the latest meeting it lists), or a dated event of
/// memberships.csv for the forum (for other_members, only events without an ISO3 code: the
/// bodies that are not states). At most one csv line per fact: the newest event it predates.
struct StaleFact {
  std::string forum_id;
  std::string key;
  std::string as_of;
  std::string event;       ///< "venues" or "memberships.csv:LINE ISO3 EVENT"
  std::string event_date;
};

/// The membership facts of `catalogue` that are stale by the rule above, in forum and key order.
[[nodiscard]] std::vector<StaleFact> find_stale_facts(const Catalogue& catalogue,
                                                      const std::vector<MembershipEvent>& events);

}  // namespace whichforum
