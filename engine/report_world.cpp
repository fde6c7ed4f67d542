// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The world view of `batch` (world.h) as text, JSON and one self-contained HTML page (inline CSS
// and SVG, no scripts, no network; every text escaped).
#include "engine/batch.h"
#include "engine/numbers.h"
#include "engine/report_format.h"

#include <map>

namespace whichforum {

using detail::html_text;
using detail::json_number;
using detail::json_string;

namespace {

std::string percent_of(size_t part, size_t whole) {
  return whole == 0 ? std::string("-") : display::percent(Exact(static_cast<long long>(part) * 100, static_cast<long long>(whole)));
}

// The two objectives weighed most at a weighting, "peer_learning, branding".
std::string top_two(const World& w, const std::vector<Exact>& weights) {
  if (weights.empty()) return "-";
  std::vector<size_t> order(weights.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return weights[a] > weights[b]; });
  std::string s = w.objectives[order[0]];
  if (order.size() > 1) s += ", " + w.objectives[order[1]];
  return s;
}

std::vector<std::string> no_seat(const World& w) {
  std::vector<std::string> out;
  for (const auto& c : w.countries) {
    if (c.no_seat) out.push_back(c.iso3);
  }
  return out;
}

// Per forum, the regions none of whose countries can reach it.
std::map<std::string, std::vector<std::string>> unreachable_by_forum(const World& w) {
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& u : w.unreachable) out[u.forum].push_back(u.region);
  return out;
}

std::string candidates_text(const std::vector<WorldCandidate>& list, bool egdi) {
  std::string s;
  for (const auto& c : list) {
    s += (s.empty() ? "" : ", ") + c.iso3 + " " + (egdi ? (c.egdi ? format_fixed(*c.egdi, 3) : std::string("-")) : display::points(c.value));
  }
  return s.empty() ? "-" : s;
}

}  // namespace

std::string render_world_text(const World& w) {
  std::string o = "\nThe priorities memberships reveal (whichforum infer, for each country's init profile)\n";
  o += detail::wrap("Inferred for " + std::to_string(w.inferred) + " countries; today's memberships are the best portfolio at some "
                        "weighting for " + std::to_string(w.best_somewhere) + " of them. Of their " + std::to_string(w.held) +
                        " memberships the model weighs, the portfolio kept (same forum): under init's default weights " +
                        std::to_string(w.kept_default) + " (" + percent_of(w.kept_default, w.held) +
                        "), under each country's inferred priorities " + std::to_string(w.kept_inferred) + " (" +
                        percent_of(w.kept_inferred, w.held) + ").",
                    detail::kTextWidth);
  const auto seatless = no_seat(w);
  o += "\n" + detail::wrap("Who has no seat (no forum worth taking up at init's weights and budgets): " +
                               (seatless.empty() ? std::string("none") : std::to_string(seatless.size()) + " countries: " +
                                                                             detail::join_words(seatless)) + ".",
                           detail::kTextWidth);
  o += "\nForums no country of a region can reach (every option closed to all of them):\n";
  for (const auto& [forum, regions] : unreachable_by_forum(w)) {
    o += detail::wrap(forum + ": " + detail::join_words(regions), detail::kTextWidth, "  ", "    ");
  }
  o += "\n" + detail::wrap("Whom to invite: per forum, among non-members to whom joining is open or only the forum's "
                           "invitation away, those it would help most (value less the price of what joining uses, at "
                           "each country's init weights) and those who would bring its peers most (UN EGDI). The lists read "
                           "the forums' entry rules only: a forum's own judgement of a country's record (sanctions, "
                           "values) is not in the model:",
                           detail::kTextWidth);
  for (const auto& inv : w.invites) {
    o += detail::wrap(inv.forum + ": helps most " + candidates_text(inv.top, false) + "; brings most " +
                          candidates_text(inv.bring, true),
                      detail::kTextWidth, "  ", "    ");
  }
  return o;
}

std::string render_world_json(const World& w) {
  std::string o = "{\"objectives\": [";
  for (size_t k = 0; k < w.objectives.size(); ++k) o += (k ? ", " : "") + json_string(w.objectives[k]);
  o += "], \"inferred\": " + std::to_string(w.inferred) + ", \"best_somewhere\": " + std::to_string(w.best_somewhere) +
       ", \"held\": " + std::to_string(w.held) + ", \"kept_default\": " + std::to_string(w.kept_default) +
       ", \"kept_inferred\": " + std::to_string(w.kept_inferred) + ",\n  \"countries\": [";
  for (size_t i = 0; i < w.countries.size(); ++i) {
    const auto& c = w.countries[i];
    const bool made = c.infer_status == AnswerStatus::kOptimal;
    std::string weights = "null";
    if (made) {
      weights = "{";
      for (size_t k = 0; k < w.objectives.size() && k < c.inferred.size(); ++k) {
        weights += (k ? ", " : "") + json_string(w.objectives[k]) + ": " + json_number(c.inferred[k]);
      }
      weights += "}";
    }
    o += std::string(i ? ",\n   " : "\n   ") + "{\"iso3\": " + json_string(c.iso3) + ", \"region\": " + json_string(c.region) +
         ", \"held\": " + std::to_string(c.held) + ", \"recommended\": " + std::to_string(c.recommended) +
         ", \"no_seat\": " + (c.no_seat ? "true" : "false") + ", \"kept_default\": " + std::to_string(c.kept_default) +
         ", \"inferred\": " + (made ? "true" : "false") + ", \"kept_inferred\": " + (made ? std::to_string(c.kept_inferred) : "null") +
         ", \"regret\": " + (made ? json_number(c.regret) : "null") + ", \"distance\": " + (made ? json_number(c.distance) : "null") +
         ", \"weights\": " + weights + "}";
  }
  o += "],\n  \"unreachable\": [";
  for (size_t i = 0; i < w.unreachable.size(); ++i) {
    const auto& u = w.unreachable[i];
    o += std::string(i ? ", " : "") + "{\"forum\": " + json_string(u.forum) + ", \"region\": " + json_string(u.region) +
         ", \"countries\": " + std::to_string(u.countries) + "}";
  }
  o += "],\n  \"invite\": [";
  for (size_t i = 0; i < w.invites.size(); ++i) {
    const auto& inv = w.invites[i];
    auto list = [](const std::vector<WorldCandidate>& l) {
      std::string x = "[";
      for (size_t k = 0; k < l.size(); ++k) {
        const auto& c = l[k];
        x += (k ? ", " : "") + std::string("{\"iso3\": ") + json_string(c.iso3) + ", \"option\": " + json_string(c.option) +
             ", \"value\": " + json_number(c.value) + ", \"egdi\": " + (c.egdi ? json_number(*c.egdi) : "null") + "}";
      }
      return x + "]";
    };
    o += std::string(i ? ",\n   " : "\n   ") + "{\"forum\": " + json_string(inv.forum) + ", \"helps_most\": " + list(inv.top) +
         ", \"brings_most\": " + list(inv.bring) + "}";
  }
  return o + "]}";
}

std::string render_world_html(const Batch& b) {
  const World& w = b.world;
  std::string o =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>whichforum: who has a seat</title>\n"
      "<style>body{font-family:sans-serif;max-width:60em;margin:2em auto;color:#111}"
      "table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #bbb;padding:.2em .5em;text-align:left;"
      "vertical-align:top}td.n{text-align:right}h2{border-bottom:1px solid #888}"
      "@page{size:A4;margin:15mm}@media print{body{margin:0}}</style>\n</head>\n<body>\n";
  o += "<h1>Forums and countries: who has a seat</h1>\n";
  o += "<p>Every country of the reference data with its <code>init</code> profile: its recommended portfolio, the priorities "
       "its current memberships reveal (<code>whichforum infer</code>), the countries no forum fits, the forums a region "
       "cannot reach, and, from a forum's side, whom to invite.</p>\n";
  // Kept shares as bars: under init's defaults and under the inferred priorities.
  const auto bar = [&](const std::string& label, size_t part, int y) {
    const long long width = w.held == 0 ? 0 : static_cast<long long>(part) * 400 / static_cast<long long>(w.held);
    return "<text x=\"0\" y=\"" + std::to_string(y + 14) + "\" font-size=\"12\">" + html_text(label) + "</text><rect x=\"230\" y=\"" +
           std::to_string(y) + "\" width=\"" + std::to_string(width) + "\" height=\"18\" fill=\"#1f5f8b\"/><text x=\"" +
           std::to_string(236 + width) + "\" y=\"" + std::to_string(y + 14) + "\" font-size=\"12\">" + percent_of(part, w.held) + "</text>";
  };
  o += "<h2>Memberships kept</h2>\n<p>Of the " + std::to_string(w.held) + " memberships the model weighs (" +
       std::to_string(w.inferred) + " countries), the share each set of priorities keeps; today's memberships are the best "
       "portfolio at some weighting for " + std::to_string(w.best_somewhere) + " countries.</p>\n";
  o += "<svg width=\"700\" height=\"56\" role=\"img\" aria-label=\"memberships kept\">" + bar("under init's default weights", w.kept_default, 4) +
       bar("under the inferred priorities", w.kept_inferred, 30) + "</svg>\n";
  const auto seatless = no_seat(w);
  o += "<h2>Who has no seat</h2>\n<p>" +
       (seatless.empty() ? std::string("Every country has a forum worth taking up.")
                         : std::to_string(seatless.size()) + " countries have no forum worth taking up at init's weights and budgets:") +
       "</p>\n";
  if (!seatless.empty()) {
    o += "<table id=\"no-seat\"><tr><th>country</th><th>region</th><th>memberships today</th></tr>\n";
    for (const auto& c : w.countries) {
      if (c.no_seat) {
        o += "<tr><td>" + html_text(c.country) + " (" + html_text(c.iso3) + ")</td><td>" + html_text(c.region) + "</td><td class=\"n\">" +
             std::to_string(c.held) + "</td></tr>\n";
      }
    }
    o += "</table>\n";
  }
  o += "<h2>Forums a region cannot reach</h2>\n<table id=\"unreachable\"><tr><th>forum</th><th>regions none of whose countries "
       "can take any of its options</th></tr>\n";
  for (const auto& [forum, regions] : unreachable_by_forum(w)) {
    o += "<tr><td>" + html_text(forum) + "</td><td>" + html_text(detail::join_words(regions)) + "</td></tr>\n";
  }
  o += "</table>\n<h2>Whom to invite</h2>\n<p>Per forum, the non-members it would help most: the value of joining less the "
       "price of what it uses, at each country's init weights; and those who would bring its peers most, by their UN EGDI. "
       "Both among non-members to whom joining is open or only the forum's invitation (and sponsors) away. The lists read "
       "the forums' entry rules only: a forum's own judgement of a country's record (sanctions, values) is not in the model.</p>\n";
  o += "<table id=\"invite\"><tr><th>forum</th><th>would help most (value)</th><th>would bring its peers most (EGDI)</th></tr>\n";
  for (const auto& inv : w.invites) {
    o += "<tr><td>" + html_text(inv.forum) + "</td><td>" + html_text(candidates_text(inv.top, false)) + "</td><td>" +
         html_text(candidates_text(inv.bring, true)) + "</td></tr>\n";
  }
  o += "</table>\n<h2>Countries</h2>\n<table id=\"countries\"><tr><th>country</th><th>region</th><th>held</th><th>kept "
       "(init)</th><th>kept (inferred)</th><th>weighed most (inferred)</th></tr>\n";
  for (const auto& c : w.countries) {
    const bool made = c.infer_status == AnswerStatus::kOptimal;
    o += "<tr><td>" + html_text(c.country) + " (" + html_text(c.iso3) + ")</td><td>" + html_text(c.region) + "</td><td class=\"n\">" +
         std::to_string(c.held) + "</td><td class=\"n\">" + std::to_string(c.kept_default) + "</td><td class=\"n\">" +
         (made ? std::to_string(c.kept_inferred) : std::string("-")) + "</td><td>" + html_text(made ? top_two(w, c.inferred) : "-") +
         "</td></tr>\n";
  }
  o += "</table>\n<p>Skipped (the model cannot use their profile): " + std::to_string(b.skipped.size()) + " countries.</p>\n";
  return o + "</body>\n</html>\n";
}

}  // namespace whichforum
