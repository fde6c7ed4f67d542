// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// The priorities today's memberships reveal, as terminal text, JSON, Markdown and CSV.
#include "engine/numbers.h"
#include "engine/report.h"
#include "engine/report_format.h"

#include <algorithm>

namespace whichforum {

using detail::aligned_table;
using detail::csv_field;
using detail::csv_line;
using detail::json_number;
using detail::json_string;
using detail::json_weights;
using detail::md_cell;

namespace {

constexpr const char* kRegretMeaning =
    "regret: how far today's portfolio falls below the best one at a weighting, in points of what these "
    "priorities could gain from forums (0..100).";
constexpr const char* kSetAside =
    "Set aside for this: keep_current and max_changes (they would make today's portfolio the best by rule). "
    "Theme priorities are held as stated; only the objectives' weights are inferred.";

struct View {
  const Recommendation& rec;
  const Inference& inf;
  const WeightSet& stated;
};

std::string objective_name(const Recommendation& rec, const std::string& id) {
  const Criterion* c = rec.catalogue ? rec.catalogue->find_criterion(id) : nullptr;
  return c ? detail::mid_sentence(c->name) : id;
}

std::string option_label(const Recommendation& rec, size_t i, int o) {
  return rec.problem.items[i].options[static_cast<size_t>(o)].label;
}

std::string portfolio_text(const Recommendation& rec, const std::vector<int>& choice) {
  return detail::choice_text(rec.problem, choice);
}

// Forums held today that the model does not weigh: another ministry's, excluded, dormant.
std::vector<std::string> held_outside(const Recommendation& rec) {
  std::vector<std::string> out;
  for (const auto& as : rec.assessments) {
    if (!as.current || as.options[*as.current].problem_option >= 0) continue;
    out.push_back(as.forum.id + (as.other_remit ? " (another ministry's file)" : as.excluded ? " (excluded by the profile)"
                                                                                              : " (not weighed)"));
  }
  return out;
}

// Objective indices by weight at `w`, highest first (ties in the objectives' order).
std::vector<size_t> by_weight(const std::vector<Exact>& w) {
  std::vector<size_t> order(w.size());
  for (size_t k = 0; k < w.size(); ++k) order[k] = k;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return w[a] > w[b]; });
  return order;
}

// "peer learning first and branding second"; "peer learning and branding first, equally" when
// the two weighed most are equal to three decimals; "every objective on a par" when all are.
std::string first_second(const View& v, const std::vector<Exact>& w) {
  const auto order = by_weight(w);
  const auto& ids = v.inf.set.objectives;
  auto shown = [&](size_t k) { return format_fixed(w[order[k]], 3); };
  if (order.size() > 1 && shown(0) == shown(order.size() - 1)) return "every objective on a par";
  if (order.size() > 1 && shown(0) == shown(1)) {
    return objective_name(v.rec, ids[order[0]]) + " and " + objective_name(v.rec, ids[order[1]]) + " first, equally";
  }
  std::string s = objective_name(v.rec, ids[order[0]]) + " first";
  if (order.size() > 1 && w[order[1]] > 0) s += " and " + objective_name(v.rec, ids[order[1]]) + " second";
  return s;
}

// What the stated weights change against today, in words ("join x (member), leave y").
std::vector<std::string> changes(const View& v) {
  std::vector<std::string> out;
  const auto& stated = v.rec.solution.choice;
  const auto& today = v.inf.current;
  for (size_t i = 0; i < today.size() && i < stated.size(); ++i) {
    const std::string& id = v.rec.problem.items[i].id;
    if (today[i] == stated[i]) continue;
    if (today[i] < 0) {
      out.push_back("join " + id + " (" + option_label(v.rec, i, stated[i]) + ")");
    } else if (stated[i] < 0) {
      out.push_back("leave " + id);
    } else {
      out.push_back("move " + id + " from " + option_label(v.rec, i, today[i]) + " to " + option_label(v.rec, i, stated[i]));
    }
  }
  return out;
}

bool whole_simplex(const View& v) {
  const size_t d = v.inf.set.objectives.size();
  return d > 1 && v.inf.set.dimension + 1 == d && v.inf.set.vertices.size() == d &&
         std::all_of(v.inf.set.vertices.begin(), v.inf.set.vertices.end(), [](const auto& w) {
           return std::count(w.begin(), w.end(), Exact(1)) == 1;
         });
}

// The least and most weight objective k has within the set (at its vertices).
std::pair<Exact, Exact> extent(const WeightSet& set, size_t k) {
  Exact lo = 1, hi = 0;
  for (const auto& w : set.vertices) {
    lo = std::min(lo, w[k]);
    hi = std::max(hi, w[k]);
  }
  return {lo, hi};
}

// How much the set says: the objectives it leaves free to take any weight.
std::string wide_note(const View& v) {
  const auto& set = v.inf.set;
  size_t free = 0;
  for (size_t k = 0; k < set.objectives.size(); ++k) {
    auto [lo, hi] = extent(set, k);
    free += lo == 0 && hi == 1 ? 1 : 0;
  }
  if (free == 0) return "";
  return " The set is wide: " + std::to_string(free) + " of the " + std::to_string(set.objectives.size()) +
         " objectives can take any weight from 0 to 1 within it, so today's memberships fit many priorities and "
         "the order above is only its centre's.";
}

std::string headline(const View& v) {
  const Inference& inf = v.inf;
  if (whole_simplex(v)) {
    return "Today's portfolio is the best at every weighting of the objectives: it reveals no priority.";
  }
  std::string s;
  if (inf.regret == 0) {
    s = "Today's portfolio is the best one wherever the weights lie in the set below (" +
        (inf.set.is_point() ? std::string("a single weighting") : std::to_string(inf.set.vertices.size()) +
                                                                        " extreme points, dimension " +
                                                                        std::to_string(inf.set.dimension)) +
        "): at its centre it is consistent with " + first_second(v, inf.centre) + ".";
    s += wide_note(v);
  } else {
    s = "No weighting makes today's portfolio the best: at best it is " + display::points(inf.regret) +
        " points below the best portfolio, at the weights below, which put " + first_second(v, inf.centre) +
        "; there the best portfolio is " + portfolio_text(v.rec, inf.best_at_centre) + ".";
  }
  return s;
}

std::string stated_text(const View& v) {
  const Inference& inf = v.inf;
  std::string s = "The profile puts " + first_second(v, v.stated.central);
  const auto ch = changes(v);
  s += ch.empty() ? "; at its weights the model keeps today's portfolio as it is."
                  : "; at its weights the model would " + detail::join_words(ch) + ".";
  const std::string best = inf.regret == 0 ? "the best" : "as close to the best as it gets";
  if (inf.distance == 0) {
    s += " At the stated weights today's portfolio is already " + best + ".";
  } else {
    s += " Moving " + format_fixed(inf.distance, 3) + " of the weight (of 1) from the stated weights makes today's portfolio " +
         best + (inf.stated_meets ? "; the stated preferences allow such weights." : "; the stated preferences rule such weights out.");
  }
  return s;
}

std::vector<std::string> ranges(const WeightSet& set, size_t k) {
  auto [lo, hi] = extent(set, k);
  return {format_fixed(lo, 3), format_fixed(hi, 3)};
}

std::string text(const View& v) {
  const Recommendation& rec = v.rec;
  const Inference& inf = v.inf;
  std::string o = "Priorities that today's memberships reveal: " + rec.country.name + " (" + rec.country.iso3 + ")\n\n";
  o += "Today's portfolio: " + portfolio_text(rec, inf.current) + "\n";
  if (auto out = held_outside(rec); !out.empty()) o += "Held today, not weighed here: " + detail::join_words(out) + "\n";
  o += "\n" + headline(v) + "\n\n";
  std::vector<std::vector<std::string>> rows = {{"  objective", "inferred", "from", "to", "stated", "nearest"}};
  const auto& ids = inf.set.objectives;
  for (size_t k : by_weight(inf.centre)) {
    const auto r = ranges(inf.set, k);
    rows.push_back({"  " + ids[k], format_fixed(inf.centre[k], 3), r[0], r[1], format_fixed(v.stated.central[k], 3),
                    inf.nearest.empty() ? "-" : format_fixed(inf.nearest[k], 3)});
  }
  o += aligned_table(rows, {false, true, true, true, true, true});
  o += "  inferred: the set's centre (the mean of its extreme points); from, to: the least and most weight within it; stated: the "
       "weights the recommendation is made at; nearest: the weighting of the set nearest to them.\n\n";
  o += stated_text(v) + "\n";
  if (inf.regret > 0) o += "\n  " + std::string(kRegretMeaning) + "\n";
  o += "\n" + std::string(kSetAside) + " Portfolios solved: " + std::to_string(inf.solves) + ".\n";
  return o;
}

std::string json(const View& v) {
  const Recommendation& rec = v.rec;
  const Inference& inf = v.inf;
  const auto& ids = inf.set.objectives;
  std::string o = "{\"schema\": \"whichforum.infer/1\", \"country\": " + json_string(rec.country.iso3) +
                  ",\n \"today\": " + detail::json_levels(rec.problem, inf.current) + ",\n \"regret\": " + json_number(inf.regret) +
                  ", \"best_somewhere\": " + (inf.regret == 0 ? "true" : "false") +
                  ",\n \"inferred\": {\"centre\": " + json_weights(ids, inf.centre) +
                  ", \"dimension\": " + std::to_string(inf.set.dimension) + ", \"extreme_weights\": [";
  for (size_t j = 0; j < inf.set.vertices.size(); ++j) o += (j ? ", " : "") + json_weights(ids, inf.set.vertices[j]);
  o += "]},\n \"best_at_centre\": " + detail::json_levels(rec.problem, inf.best_at_centre) + ",\n \"stated\": {\"central\": " +
       json_weights(ids, v.stated.central) + ", \"best\": " + detail::json_levels(rec.problem, rec.solution.choice) + "},\n \"distance\": " +
       json_number(inf.distance) + ", \"nearest\": " + json_weights(ids, inf.nearest) +
       ", \"stated_meets\": " + (inf.stated_meets ? "true" : "false") + ",\n \"changes\": [";
  const auto ch = changes(v);
  for (size_t k = 0; k < ch.size(); ++k) o += (k ? ", " : "") + json_string(ch[k]);
  o += "], \"held_outside\": [";
  const auto out = held_outside(rec);
  for (size_t k = 0; k < out.size(); ++k) o += (k ? ", " : "") + json_string(out[k]);
  return o + "], \"solves\": " + std::to_string(inf.solves) + "}\n";
}

std::string markdown(const View& v) {
  const Recommendation& rec = v.rec;
  const Inference& inf = v.inf;
  auto para = [](const std::string& t) { return detail::wrap(t, detail::kTextWidth) + "\n"; };
  std::string o = "# Priorities that today's memberships reveal: " + md_cell(rec.country.name) + " (" + rec.country.iso3 +
                  ")\n\n";
  o += para("Today's portfolio: " + md_cell(portfolio_text(rec, inf.current)) + ".");
  if (auto out = held_outside(rec); !out.empty()) o += para("Held today, not weighed here: " + md_cell(detail::join_words(out)) + ".");
  o += para(md_cell(headline(v)));
  o += "| objective | inferred | from | to | stated | nearest |\n|---|---:|---:|---:|---:|---:|\n";
  const auto& ids = inf.set.objectives;
  for (size_t k : by_weight(inf.centre)) {
    const auto r = ranges(inf.set, k);
    o += "| " + md_cell(ids[k]) + " | " + format_fixed(inf.centre[k], 3) + " | " + r[0] + " | " + r[1] + " | " +
         format_fixed(v.stated.central[k], 3) + " | " +
         (inf.nearest.empty() ? std::string("-") : format_fixed(inf.nearest[k], 3)) + " |\n";
  }
  o += "\n" + para(md_cell(stated_text(v)));
  if (inf.regret > 0) o += para(md_cell(kRegretMeaning));
  std::string tail = para(std::string(kSetAside) + " Portfolios solved: " + std::to_string(inf.solves) + ".");
  tail.pop_back();  // one newline at the end of the file
  return o + tail;
}

std::string csv(const View& v) {
  const Inference& inf = v.inf;
  std::string o = csv_line({"objective", "inferred", "inferred_min", "inferred_max", "stated", "nearest"});
  auto num = [](const Exact& x) { return detail::csv_number(x); };
  const auto& ids = inf.set.objectives;
  for (size_t k = 0; k < ids.size(); ++k) {
    auto [lo, hi] = extent(inf.set, k);
    o += csv_line({csv_field(ids[k]), num(inf.set.central[k]), num(lo), num(hi), num(v.stated.central[k]),
                   inf.nearest.empty() ? "" : num(inf.nearest[k])});
  }
  return o;
}

}  // namespace

std::string render_infer(const Recommendation& rec, const Profile& profile, const Inference& inference, Format format) {
  View v{rec, inference, *profile.weight_set};
  switch (format) {
    case Format::kText: return detail::wrap_lines(text(v), detail::kTextWidth);
    case Format::kJson: return json(v);
    case Format::kMarkdown: return markdown(v);
    case Format::kCsv: return csv(v);
  }
  return "";
}

}  // namespace whichforum
