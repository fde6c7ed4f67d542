// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `batch`: every country's `init` profile recommended and set against its current memberships
// (issue 13 item 7): per country and forum kept, changed option, left or joined, with the reason
// the recommendation gives, and how many recorded memberships it keeps. Session::batch runs the
// countries; this file compares one recommendation with its memberships, sums up and renders.
#pragma once

#include "engine/answer_status.h"
#include "engine/exact.h"
#include "engine/memberships.h"
#include "engine/profile.h"
#include "engine/recommend.h"
#include "engine/world.h"

#include <optional>
#include <string>
#include <vector>

namespace whichforum {

enum class BatchStatus {
  kKept,          ///< a current membership recommended at the same option
  kChanged,       ///< a current membership recommended at another option
  kLeft,          ///< a current membership the recommendation leaves out
  kJoined,        ///< recommended, not a current membership
  kOtherRemit,    ///< a current membership in another ministry's remit: neither kept nor left here
  kLimitReached,  ///< the solve stopped at its step limit: nothing is claimed for the forum
  kInfeasible,    ///< no portfolio meets the profile's constraints
};
inline constexpr std::array<EnumName<BatchStatus>, 7> kBatchStatusNames{{
    {BatchStatus::kKept, "kept"},
    {BatchStatus::kChanged, "changed"},
    {BatchStatus::kLeft, "left"},
    {BatchStatus::kJoined, "joined"},
    {BatchStatus::kOtherRemit, "other_remit"},
    {BatchStatus::kLimitReached, "limit_reached"},
    {BatchStatus::kInfeasible, "infeasible"},
}};
constexpr std::span<const EnumName<BatchStatus>> enum_table(BatchStatus) { return kBatchStatusNames; }

/// One country and forum.
struct BatchRow {
  std::string iso3;
  std::string country;
  std::string forum;        ///< "" for a country whose solve gave no portfolio and that has no membership
  BatchStatus status = BatchStatus::kKept;
  std::string current;      ///< the current option; "" when not a member
  std::string recommended;  ///< the recommended option; "" when left out or not solved
  std::optional<int> since; ///< start of the current membership, where recorded
  std::string reason;       ///< the recommendation's line for the forum
};

/// A country left out of the batch, and why (the first message its profile or model gave).
struct BatchSkip {
  std::string iso3;
  std::string country;
  std::string why;
  size_t memberships = 0;  ///< its current memberships, which the batch's shares leave out
};

/// Counts over the countries recommended (skipped ones count nowhere else).
struct BatchSummary {
  size_t countries = 0;          ///< in data/countries.csv
  size_t recommended = 0;        ///< whose profile loaded and was solved (any status)
  size_t skipped = 0;
  size_t skipped_recorded = 0;   ///< current memberships of the skipped countries (not in `recorded`)
  size_t limit_reached = 0;      ///< countries whose solve stopped at the step limit
  size_t infeasible = 0;
  size_t with_memberships = 0;   ///< recommended countries with at least one current membership
  size_t recorded = 0;           ///< their current memberships
  size_t other_remit = 0;        ///< of those, in another ministry's remit (not decided by the profile)
  size_t kept_forum = 0;         ///< recorded ones still in the portfolio (kept + changed)
  size_t kept_option = 0;        ///< recorded ones at the same option (kept)
  size_t changed = 0, left = 0, joined = 0;
  /// The recorded memberships the profiles decide on: recorded minus other_remit.
  [[nodiscard]] size_t decided() const { return recorded - other_remit; }
  [[nodiscard]] Exact kept_forum_share() const;   ///< kept_forum / decided(); 0 when none
  [[nodiscard]] Exact kept_option_share() const;  ///< kept_option / decided()
};

/// Per forum: how many recommended countries hold it now and how many the recommendation puts
/// in it, by option (an option recommended to nearly every country shows here).
struct BatchForumCount {
  std::string forum;
  size_t current = 0, recommended = 0, kept = 0, changed = 0, left = 0, joined = 0, other_remit = 0;
  std::vector<std::pair<std::string, size_t>> by_option;  ///< recommended option -> countries, by option id
};

struct Batch {
  std::vector<BatchRow> rows;        ///< by ISO3, then forum id
  std::vector<BatchSkip> skipped;    ///< by ISO3
  std::vector<BatchForumCount> forums;  ///< by forum id
  BatchSummary summary;
  World world;  ///< the priorities revealed, who has no seat, reach by region, whom to invite
};

/// The option a profile membership names (Membership::option): the one place that reads it.
[[nodiscard]] const std::string& membership_option(const Membership& m);

/// The rows of one country: `current` is its profile's [memberships], `recorded` what init took
/// them from (for start years), `rec` the recommendation from that profile.
[[nodiscard]] std::vector<BatchRow> compare_with_current(const Recommendation& rec, const std::vector<Membership>& current,
                                                         const std::vector<RecordedMembership>& recorded);

/// Adds one country's rows to `batch` (rows and counts; the summary's country counts too).
void add_country(Batch& batch, const Recommendation& rec, std::vector<BatchRow> rows, bool has_memberships);

/// Orders rows and skips, and fills the per-forum counts from the rows.
void finish_batch(Batch& batch);

/// The batch as text (the summary, then one row per country and forum), CSV (one row per
/// country and forum; the summary in the text and JSON only) or JSON ("whichforum.batch/2": /2 adds the world view).
[[nodiscard]] std::string render_batch_text(const Batch& batch);
[[nodiscard]] std::string render_batch_csv(const Batch& batch);
[[nodiscard]] std::string render_batch_json(const Batch& batch);
/// The world view alone: text (appended to render_batch_text), the JSON object under "world"
/// (render_batch_json, "whichforum.batch/2"), and `batch --format html`: one self-contained page.
[[nodiscard]] std::string render_world_text(const World& world);
[[nodiscard]] std::string render_world_json(const World& world);
[[nodiscard]] std::string render_world_html(const Batch& batch);

}  // namespace whichforum
