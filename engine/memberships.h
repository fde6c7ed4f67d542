// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Recorded memberships (data/memberships.csv): the events as read, and a country's current
// memberships worked out from them, for `init` and `batch` (issue 13 items 6 and 7). The
// freshness and history checks read the same events (freshness.h).
#pragma once

#include "engine/diagnostic.h"
#include "engine/forum.h"
#include "engine/reference_data.h"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace whichforum {

/// One membership event of data/memberships.csv.
struct MembershipEvent {
  std::string forum;  ///< the csv's forum_id as written ("DN", "MRDIGITAL")
  std::string iso3;
  std::string event;  ///< founding_member, joined, withdrawn, suspended, ...
  std::string date;   ///< event_date, else event_year; "" when neither is given
  std::string sources;  ///< source_ids as written ("S20;S21"); "" when the file has no such column
  int line = 0;
};

/// Reads memberships.csv text; a row whose date is not a partial date is an error at its line.
[[nodiscard]] Result<std::vector<MembershipEvent>> parse_membership_events(std::string_view csv_text,
                                                                           const std::string& file);

/// Whether `event` puts a country in its forum (founding_member, joined, member, observer,
/// participant, participant_snapshot, signatory, committed_at_launch, first_action_plan_cohort).
/// The others end a membership (withdrawn, suspended, permanently_suspended, inactive) or come
/// before one (invited, announced_intent_to_join).
[[nodiscard]] bool is_membership_event(std::string_view event);

/// A country's current membership of one catalogue forum, as its recorded events give it.
struct RecordedMembership {
  std::string forum;          ///< catalogue forum id
  std::string option;         ///< the option its latest membership event puts it in (option_for_event)
  std::optional<int> since;   ///< year of the current spell's first event; none when that one is undated
  std::string event;          ///< that latest membership event ("founding_member"); "" when the
                              ///< only record is the forum file's `members` list
  std::vector<std::string> sources;  ///< the spell's source ids, in first-seen order, each once
  std::vector<int> lines;     ///< the spell's lines in memberships.csv, in event order
  bool option_guessed = false;  ///< no option of the forum lists the event (option_for_event)
  bool founder = false;         ///< the current spell began with a founding_member event
};

/// The option a membership event stands for, and whether it was guessed.
struct OptionChoice {
  std::string id;
  bool guessed = false;  ///< the forum declares options but none lists the event
};

/// The option that membership `event` of `forum` stands for: the forum's option whose
/// membership_events lists it; else the least committed option of the event's kind (an attend
/// option for "observer", else join, else sign, else any that is not a chair or host role),
/// the plain one first (no entry rules of its own, under the forum's). For
/// a forum that declares no options those are its engagement levels: "observer" for an observer,
/// "member" for the rest. The one place that choice is made.
[[nodiscard]] OptionChoice option_for_event(const Forum& forum, std::string_view event);

/// The current memberships of `iso3` from its events: for each forum of `forums` (in their
/// order) the country's events for it, those whose csv forum_id `forum_of` maps to the forum's
/// id ("" for none), in date order. A membership is current when the last event is a membership
/// event; its spell is the run of membership events at the end. Undated events have no place in
/// time, so they go where their kind puts them: one that precedes a membership (invited,
/// announced_intent_to_join) or a membership event first, one that ends a membership (withdrawn,
/// ...) last: an end recorded without a date still ended what came before it.
[[nodiscard]] std::vector<RecordedMembership> recorded_memberships(
    const std::vector<Forum>& forums, const std::vector<MembershipEvent>& events, std::string_view iso3,
    const std::function<std::string(std::string_view)>& forum_of);

struct Catalogue;

/// What `init` writes in [memberships]: recorded_memberships over the catalogue's forums and
/// memberships.csv (forum ids matched as forum_for_event does), and for a forum the csv records
/// nothing of for the country, its `members` list (the forum's membership option, no start year).
/// In forum id order.
[[nodiscard]] std::vector<RecordedMembership> current_memberships(const Catalogue& catalogue, std::string_view iso3);

/// A principle the data says the country adheres to, and why ("a current member of ogp").
struct RecordedAdherence {
  std::string principle;  ///< as [country_facts] adheres takes it: "oecd_ai_principles", ...
  std::string why;
};

/// What the data says `country` adheres to, in principle-name order, each once (the first reason
/// found): the principles of an `adheres` entry rule of a forum in `memberships` (OGP: the Open
/// Government Declaration; DN: its charter; GPAI: the OECD AI principles); a standard the csv
/// records signatories of (EUSNS: the EU Startup Nations Standard) when its last event for the
/// country is a membership event; and the OECD AI principles for an OECD member and for the
/// non-member adopters of 22 May 2019 that S174 names (data/ lists no later adherents).
[[nodiscard]] std::vector<RecordedAdherence> recorded_adherence(const Catalogue& catalogue,
                                                                const CountryRecord& country,
                                                                const std::vector<RecordedMembership>& memberships);

}  // namespace whichforum
