// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `batch` as text, CSV and JSON: lays out what Session::batch found, computes nothing new.
#include "engine/batch.h"
#include "engine/report_format.h"

namespace whichforum {

using detail::aligned_table;
using detail::csv_field;
using detail::csv_line;
using detail::json_string;

namespace {

std::string status_text(BatchStatus s) { return std::string(enum_name(s)); }

std::string since_text(const BatchRow& r) { return r.since ? std::to_string(*r.since) : ""; }

// "95/218 = 43.58%": the counts as they are (not reduced) and the exact share rounded.
std::string share_text(size_t part, size_t whole, const Exact& share) {
  return std::to_string(part) + "/" + std::to_string(whole) + " = " + format_fixed(share * Exact(100), 2) + "%";
}

std::string share_json(size_t part, size_t whole, const Exact& share) {
  return "{\"count\": " + std::to_string(part) + ", \"of\": " + std::to_string(whole) +
         ", \"share\": " + json_string(format_exact_full(share)) + ", \"percent\": " +
         json_string(format_fixed(share * Exact(100), 2)) + "}";
}

std::string options_text(const BatchForumCount& f) {
  std::string o;
  for (const auto& [option, n] : f.by_option) o += (o.empty() ? "" : ", ") + option + " " + std::to_string(n);
  return o;
}

}  // namespace

std::string render_batch_text(const Batch& b) {
  const BatchSummary& s = b.summary;
  std::string o = "Every country's `init` profile recommended against its current memberships\n\n";
  o += detail::wrap("Countries: " + std::to_string(s.countries) + " in data/countries.csv; " + std::to_string(s.recommended) +
                        " recommended, " + std::to_string(s.skipped) + " skipped (listed at the end), " +
                        std::to_string(s.limit_reached) + " stopped at the step limit, " + std::to_string(s.infeasible) + " infeasible",
                    detail::kTextWidth);
  o += detail::wrap("Recorded memberships: " + std::to_string(s.recorded) + " of " + std::to_string(s.with_memberships) +
                        " countries (and " + std::to_string(s.skipped_recorded) + " of skipped countries, not counted here); " +
                        std::to_string(s.other_remit) + " in another ministry's remit ([remit] covers), neither kept nor left, so " +
                        std::to_string(s.decided()) + " decided",
                    detail::kTextWidth);
  o += "  kept, same forum:  " + share_text(s.kept_forum, s.decided(), s.kept_forum_share()) + "\n";
  o += "  kept, same option: " + share_text(s.kept_option, s.decided(), s.kept_option_share()) + "\n";
  o += "  changed option: " + std::to_string(s.changed) + "; left: " + std::to_string(s.left) +
       "; joined (not a member now): " + std::to_string(s.joined) + "\n\n";

  // Short headings, named once below, so that the table fits 100 columns.
  o += "By forum (now: current members; rec: recommended; other: in another ministry's remit; options: the\n"
       "options recommended):\n";
  std::vector<std::vector<std::string>> t = {
      {"forum", "now", "rec", "kept", "changed", "left", "joined", "other", "options"}};
  for (const auto& f : b.forums) {
    t.push_back({f.forum, std::to_string(f.current), std::to_string(f.recommended), std::to_string(f.kept),
                 std::to_string(f.changed), std::to_string(f.left), std::to_string(f.joined),
                 std::to_string(f.other_remit), options_text(f)});
  }
  o += aligned_table(t, {false, true, true, true, true, true, true, true, false});
  o += render_world_text(b.world);

  o += "\nBy country and forum:\n";
  std::vector<std::vector<std::string>> rows = {{"iso3", "forum", "status", "current", "recommended", "since", "reason"}};
  for (const auto& r : b.rows) {
    rows.push_back({r.iso3, r.forum.empty() ? "-" : r.forum, status_text(r.status), r.current.empty() ? "-" : r.current,
                    r.recommended.empty() ? "-" : r.recommended, r.since ? std::to_string(*r.since) : "-", r.reason});
  }
  o += aligned_table(rows, {false, false, false, false, false, true, false});

  if (!b.skipped.empty()) {
    o += "\nSkipped (the model cannot use their profile):\n";
    for (const auto& k : b.skipped) {
      std::string line = k.iso3 + " " + k.country + ": " + k.why;
      if (k.memberships)
        line += " (" + std::to_string(k.memberships) + (k.memberships == 1 ? " current membership" : " current memberships") +
                " not counted)";
      o += detail::wrap(line, detail::kTextWidth, "  ", "    ");
    }
  }
  return o;
}

std::string render_batch_csv(const Batch& b) {
  std::string o = csv_line({"iso3", "country", "forum", "status", "current", "recommended", "since", "reason"});
  for (const auto& r : b.rows) {
    o += csv_line({csv_field(r.iso3), csv_field(r.country), csv_field(r.forum), csv_field(status_text(r.status)),
                   csv_field(r.current), csv_field(r.recommended), csv_field(since_text(r), true), csv_field(r.reason)});
  }
  return o;
}

std::string render_batch_json(const Batch& b) {
  const BatchSummary& s = b.summary;
  std::string o = "{\"schema\": \"whichforum.batch/2\",\n \"summary\": {\"countries\": " + std::to_string(s.countries) +
                  ", \"recommended\": " + std::to_string(s.recommended) + ", \"skipped\": " + std::to_string(s.skipped) +
                  ", \"skipped_memberships\": " + std::to_string(s.skipped_recorded) +
                  ", \"limit_reached\": " + std::to_string(s.limit_reached) +
                  ", \"infeasible\": " + std::to_string(s.infeasible) +
                  ", \"countries_with_memberships\": " + std::to_string(s.with_memberships) +
                  ", \"recorded_memberships\": " + std::to_string(s.recorded) +
                  ", \"other_remit\": " + std::to_string(s.other_remit) + ", \"decided\": " + std::to_string(s.decided()) +
                  ",\n  \"kept_same_forum\": " + share_json(s.kept_forum, s.decided(), s.kept_forum_share()) +
                  ",\n  \"kept_same_option\": " + share_json(s.kept_option, s.decided(), s.kept_option_share()) +
                  ",\n  \"changed\": " + std::to_string(s.changed) + ", \"left\": " + std::to_string(s.left) +
                  ", \"joined\": " + std::to_string(s.joined) + "},\n \"forums\": [";
  for (size_t i = 0; i < b.forums.size(); ++i) {
    const auto& f = b.forums[i];
    o += std::string(i ? ",\n  " : "\n  ") + "{\"forum\": " + json_string(f.forum) +
         ", \"current\": " + std::to_string(f.current) + ", \"recommended\": " + std::to_string(f.recommended) +
         ", \"kept\": " + std::to_string(f.kept) + ", \"changed\": " + std::to_string(f.changed) +
         ", \"left\": " + std::to_string(f.left) + ", \"joined\": " + std::to_string(f.joined) +
         ", \"other_remit\": " + std::to_string(f.other_remit) + ", \"by_option\": {";
    for (size_t k = 0; k < f.by_option.size(); ++k)
      o += (k ? ", " : "") + json_string(f.by_option[k].first) + ": " + std::to_string(f.by_option[k].second);
    o += "}}";
  }
  o += "],\n \"rows\": [";
  for (size_t i = 0; i < b.rows.size(); ++i) {
    const auto& r = b.rows[i];
    auto opt = [](const std::string& x) { return x.empty() ? std::string("null") : json_string(x); };
    o += std::string(i ? ",\n  " : "\n  ") + "{\"iso3\": " + json_string(r.iso3) + ", \"country\": " + json_string(r.country) +
         ", \"forum\": " + opt(r.forum) + ", \"status\": " + json_string(status_text(r.status)) +
         ", \"current\": " + opt(r.current) + ", \"recommended\": " + opt(r.recommended) +
         ", \"since\": " + (r.since ? std::to_string(*r.since) : std::string("null")) +
         ", \"reason\": " + json_string(r.reason) + "}";
  }
  o += "],\n \"skipped\": [";
  for (size_t i = 0; i < b.skipped.size(); ++i) {
    const auto& k = b.skipped[i];
    o += std::string(i ? ",\n  " : "\n  ") + "{\"iso3\": " + json_string(k.iso3) + ", \"country\": " +
         json_string(k.country) + ", \"why\": " + json_string(k.why) +
         ", \"memberships\": " + std::to_string(k.memberships) + "}";
  }
  return o + "],\n \"world\": " + render_world_json(b.world) + "}\n";
}

}  // namespace whichforum
