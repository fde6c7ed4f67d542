// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
#include "engine/batch.h"

#include "engine/report_format.h"

#include <algorithm>
#include <map>
#include <tuple>

namespace whichforum {

using detail::amount;

namespace {

Exact share(size_t part, size_t whole) {
  return whole == 0 ? Exact(0) : Exact(static_cast<long long>(part), static_cast<long long>(whole));
}

// The line a chosen forum gets: its change line when it differs from today's, else what
// explain's decision says of it.
std::string chosen_reason(const Choice& c) {
  if (!c.change.empty()) return c.change;
  return "in the portfolio as " + c.name + " (" + c.option + "; value " + amount(c.value) + ")";
}

// A membership given up: the one line that says what leaving frees and buys, else why the
// forum is left out.
std::string left_reason(const Recommendation& rec, const std::string& forum) {
  for (const auto& n : rec.not_chosen)
    if (n.forum == forum) return n.leave.empty() ? n.status_name() + ": " + n.detail : n.leave;
  return "";
}

}  // namespace

Exact BatchSummary::kept_forum_share() const { return share(kept_forum, decided()); }
Exact BatchSummary::kept_option_share() const { return share(kept_option, decided()); }

const std::string& membership_option(const Membership& m) { return m.option; }

std::vector<BatchRow> compare_with_current(const Recommendation& rec, const std::vector<Membership>& current,
                                           const std::vector<RecordedMembership>& recorded) {
  std::vector<BatchRow> rows;
  auto since_of = [&](const std::string& forum) -> std::optional<int> {
    for (const auto& m : current)
      if (m.forum == forum && m.since) return m.since;
    for (const auto& r : recorded)
      if (r.forum == forum) return r.since;
    return std::nullopt;
  };
  auto row = [&](const std::string& forum) {
    BatchRow r;
    r.iso3 = rec.country.iso3;
    r.country = rec.country.name;
    r.forum = forum;
    return r;
  };
  if (!rec.feasible()) {
    // No portfolio is claimed: each current membership says so, and a country with none still
    // gets its one row, so that nothing is dropped silently.
    const BatchStatus status = rec.status == AnswerStatus::kLimitReached ? BatchStatus::kLimitReached
                                                                         : BatchStatus::kInfeasible;
    const std::string why =
        rec.status == AnswerStatus::kLimitReached ? search_limit_message(rec.problem) : rec.infeasible_why;
    for (const auto& m : current) {
      BatchRow r = row(m.forum);
      r.status = status;
      r.current = membership_option(m);
      r.since = since_of(m.forum);
      r.reason = why;
      rows.push_back(std::move(r));
    }
    if (current.empty()) {
      BatchRow r = row("");
      r.status = status;
      r.reason = why;
      rows.push_back(std::move(r));
    }
    return rows;
  }
  for (const auto& m : current) {
    BatchRow r = row(m.forum);
    r.current = membership_option(m);
    r.since = since_of(m.forum);
    auto c = std::find_if(rec.portfolio.begin(), rec.portfolio.end(), [&](const Choice& x) { return x.forum == m.forum; });
    auto as = std::find_if(rec.assessments.begin(), rec.assessments.end(),
                           [&](const Assessment& x) { return x.forum.id == m.forum; });
    if (as != rec.assessments.end() && as->other_remit) {
      r.status = BatchStatus::kOtherRemit;
      r.reason = other_remit_text(*as);
    } else if (c == rec.portfolio.end()) {
      r.status = BatchStatus::kLeft;
      r.reason = left_reason(rec, m.forum);
    } else {
      r.recommended = c->option;
      r.status = c->option == r.current ? BatchStatus::kKept : BatchStatus::kChanged;
      r.reason = chosen_reason(*c);
    }
    rows.push_back(std::move(r));
  }
  for (const auto& c : rec.portfolio) {
    if (std::any_of(current.begin(), current.end(), [&](const Membership& m) { return m.forum == c.forum; })) continue;
    BatchRow r = row(c.forum);
    r.status = BatchStatus::kJoined;
    r.recommended = c.option;
    r.reason = chosen_reason(c);
    rows.push_back(std::move(r));
  }
  std::sort(rows.begin(), rows.end(), [](const BatchRow& a, const BatchRow& b) { return a.forum < b.forum; });
  return rows;
}

void add_country(Batch& batch, const Recommendation& rec, std::vector<BatchRow> rows, bool has_memberships) {
  BatchSummary& s = batch.summary;
  ++s.recommended;
  if (rec.status == AnswerStatus::kLimitReached) ++s.limit_reached;
  if (rec.status == AnswerStatus::kInfeasible) ++s.infeasible;
  if (has_memberships) ++s.with_memberships;
  for (auto& r : rows) {
    if (!r.current.empty()) ++s.recorded;
    switch (r.status) {
      case BatchStatus::kKept: ++s.kept_forum, ++s.kept_option; break;
      case BatchStatus::kChanged: ++s.kept_forum, ++s.changed; break;
      case BatchStatus::kLeft: ++s.left; break;
      case BatchStatus::kJoined: ++s.joined; break;
      case BatchStatus::kOtherRemit: ++s.other_remit; break;
      case BatchStatus::kLimitReached:
      case BatchStatus::kInfeasible: break;
    }
    batch.rows.push_back(std::move(r));
  }
}

void finish_batch(Batch& batch) {
  std::stable_sort(batch.rows.begin(), batch.rows.end(), [](const BatchRow& a, const BatchRow& b) {
    return std::tie(a.iso3, a.forum) < std::tie(b.iso3, b.forum);
  });
  std::stable_sort(batch.skipped.begin(), batch.skipped.end(),
                   [](const BatchSkip& a, const BatchSkip& b) { return a.iso3 < b.iso3; });
  batch.summary.skipped = batch.skipped.size();
  batch.summary.skipped_recorded = 0;
  for (const auto& k : batch.skipped) batch.summary.skipped_recorded += k.memberships;
  std::map<std::string, BatchForumCount> by_forum;
  std::map<std::string, std::map<std::string, size_t>> options;
  for (const auto& r : batch.rows) {
    if (r.forum.empty()) continue;
    BatchForumCount& f = by_forum[r.forum];
    f.forum = r.forum;
    if (!r.current.empty()) ++f.current;
    if (!r.recommended.empty()) ++f.recommended, ++options[r.forum][r.recommended];
    switch (r.status) {
      case BatchStatus::kKept: ++f.kept; break;
      case BatchStatus::kChanged: ++f.changed; break;
      case BatchStatus::kLeft: ++f.left; break;
      case BatchStatus::kJoined: ++f.joined; break;
      case BatchStatus::kOtherRemit: ++f.other_remit; break;
      case BatchStatus::kLimitReached:
      case BatchStatus::kInfeasible: break;
    }
  }
  batch.forums.clear();
  for (auto& [id, f] : by_forum) {
    for (const auto& [option, n] : options[id]) f.by_option.emplace_back(option, n);
    batch.forums.push_back(std::move(f));
  }
}

}  // namespace whichforum
