// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Robustness as terminal text, JSON, Markdown and CSV.
#include "engine/report.h"
#include "engine/numbers.h"
#include "engine/report_format.h"

namespace whichforum {

using detail::aligned_table;
using detail::csv_field;
using detail::csv_line;
using detail::json_number;
using detail::json_string;
using detail::json_weights;
using detail::md_cell;

namespace {

constexpr const char* kCoreMeaning =
    "core index: the share of the non-dominated portfolios (those no other portfolio matches or beats for "
    "every admissible weighting) that include the forum; core = in all of them, exterior = in none.";
constexpr const char* kAcceptabilityMeaning =
    "acceptability: the share of admissible weightings, drawn at random, for which the forum is in the best "
    "portfolio (with its 95% margin).";

constexpr const char* kJointMeaning =
    "over weights and estimates: the share of draws of the weights and of every estimate within its range, "
    "together, for which the forum is in the best portfolio (with its 95% margin).";

struct View {
  const Recommendation& rec;
  const Profile& profile;
  const Robustness& r;
  const WeightSet& set;
  const EstimateRobustness* est;  ///< null with --estimates fixed
};

const JointForum* joint_of(const View& v, const std::string& forum) {
  if (!v.est) return nullptr;
  for (const auto& f : v.est->forums) {
    if (f.forum == forum) return &f;
  }
  return nullptr;
}

std::string named_text(const NamedChoice& c) {
  if (c.empty()) return "none";
  std::string s;
  for (size_t k = 0; k < c.size(); ++k) s += (k ? ", " : "") + c[k].first + " (" + c[k].second + ")";
  return s;
}

std::string dec(const Exact& x, int d = 4) { return format_exact(x, d); }

// Shares with a fixed number of decimals, so that a column of them lines up: "0.975", "1.000".
std::string share(const Exact& x, int d) { return format_fixed(x, d); }

std::vector<std::string> forum_ids(const Recommendation& rec, const std::vector<int>& choice) {
  std::vector<std::string> out;
  for (size_t i = 0; i < choice.size(); ++i) {
    if (choice[i] >= 0) out.push_back(rec.problem.items[i].id);
  }
  return out;
}

std::string portfolio_text(const Recommendation& rec, const std::vector<int>& choice) {
  return detail::choice_text(rec.problem, choice);
}

std::string weights_text(const std::vector<std::string>& ids, const std::vector<Exact>& w) {
  std::string s;
  for (size_t k = 0; k < ids.size(); ++k) s += (k ? ", " : "") + ids[k] + " " + dec(w[k], 3);
  return s;
}

std::string ahp_text(const Profile& p) {
  if (!p.ahp) return "";
  const AhpResult& a = p.ahp->result;
  std::string s = "AHP: lambda-max " + dec(a.lambda_max, 4);
  if (a.cr) {
    s += ", consistency ratio " + dec(*a.cr, 3) + " (random index " +
         format_fixed(*saaty_random_index(p.ahp->objectives.size()), 2) + ", Saaty 1980)" +
         (*a.cr > Exact(1, 10) ? ": above 0.10, revisit the judgements" : "");
  }
  return s;
}

std::string change_text(const View& v) {
  if (v.r.smallest_change.status == AnswerStatus::kLimitReached) {
    return "The smallest weight change was not found: a search reached its step limit.";
  }
  if (!v.r.smallest_change.change) return "No transfer of weight between two objectives changes the recommendation.";
  const WeightChange& c = *v.r.smallest_change.change;
  const auto& ids = v.set.objectives;
  std::string s = "Moving more than " + dec(c.amount) + " of weight from " + ids[c.from] + " to " + ids[c.to] + " (" +
                  ids[c.from] + " " + dec(v.set.central[c.from], 3) + " -> " + dec(c.weights[c.from], 3) + ", " +
                  ids[c.to] + " " + dec(v.set.central[c.to], 3) + " -> " + dec(c.weights[c.to], 3) +
                  ") makes another portfolio better: " + portfolio_text(v.rec, c.challenger) + ". ";
  s += c.admissible ? "Those weights are within the stated preferences." : "Those weights are outside the stated preferences.";
  return s;
}

// The non-dominated portfolios are numbered by acceptability (the order of Robustness::portfolios).
std::string label_of(const View& v, size_t index) {
  for (size_t k = 0; k < v.r.portfolios.size(); ++k) {
    if (v.r.portfolios[k].index == index) return "#" + std::to_string(k + 1);
  }
  return "#?";
}

std::vector<std::string> tie_notes(const View& v) {
  std::vector<std::string> out;
  const auto& nd = v.r.nondominated;
  for (size_t a = 0; a < nd.size(); ++a) {
    for (size_t b : nd[a].ties) {
      if (b > a) out.push_back(label_of(v, a) + " and " + label_of(v, b) +
                               " are worth the same for every admissible weighting (both are counted).");
    }
  }
  return out;
}

// The first few portfolios of the joint draws, and the flips, as text lines.
constexpr size_t kJointPortfoliosShown = 5;

std::string estimates_text(const View& v) {
  if (!v.est) return "\nEstimates held at their values (--estimates fixed): only the weights vary above.\n";
  const EstimateRobustness& e = *v.est;
  std::string o = "\nOver the estimates as well: " + std::to_string(e.estimates.size()) +
                  " estimates (of the forums that can be taken, and of the cost and value model), each drawn "
                  "uniformly within its range (stated, or its confidence's default band) together with the weights\n";
  o += "  Portfolios over weights and estimates: " + std::to_string(e.portfolios.size()) + " distinct" +
       (e.portfolios.size() > kJointPortfoliosShown ? " (the first " + std::to_string(kJointPortfoliosShown) + ")" : std::string()) +
       "\n";
  std::vector<std::vector<std::string>> pr = {{"  acceptability", "portfolio"}};
  for (size_t k = 0; k < e.portfolios.size() && k < kJointPortfoliosShown; ++k) {
    const auto& p = e.portfolios[k];
    pr.push_back({"  " + share(p.acceptability, 4) + " +- " + share(p.half_width, 4), named_text(p.choice)});
  }
  o += aligned_table(pr, {true, false});
  o += "\nWhat the recommendation hangs on (each estimate alone within its range, at the central weights)\n";
  if (e.flips.empty()) {
    o += "  No estimate changes the recommendation within its range (" + std::to_string(e.estimates_checked) +
         " checked).\n";
  } else {
    for (const auto& f : e.flips) o += "  - " + flip_text(e, f) + "\n";
    o += "  " + std::to_string(e.flips.size()) + " flip" + (e.flips.size() == 1 ? "" : "s") + " among " +
         std::to_string(e.estimates_checked) + " estimates checked; the others change nothing within their ranges.\n";
  }
  o += "  Joint samples: " + std::to_string(e.samples) + ", seed " + std::to_string(e.seed) +
       "; --estimates fixed for the weights alone.\n";
  return o;
}

std::string text(const View& v) {
  const Recommendation& rec = v.rec;
  std::string o = "Robustness of the recommendation for " + rec.country.name + " (" + rec.country.iso3 + ")\n";
  o += "Weights: " + std::string(enum_name(rec.weights_basis)) + ": " + weights_text(v.set.objectives, v.set.central) + "\n";
  o += "Admissible weights: " +
       (v.set.is_point() ? std::string("one weight vector: no spread to sample")
                         : std::to_string(v.set.vertices.size()) + " extreme points, dimension " +
                               std::to_string(v.set.dimension)) +
       "\n";
  if (auto a = ahp_text(v.profile); !a.empty()) o += a + "\n";
  o += "\nForums the country can take (the others are in no portfolio)\n  " + std::string(kCoreMeaning) + "\n  " +
       kAcceptabilityMeaning + "\n" + (v.est ? "  " + std::string(kJointMeaning) + "\n" : std::string()) + "\n";
  std::vector<std::vector<std::string>> rows = {{"  forum", "recommended", "core index", "label", "acceptability"}};
  if (v.est) rows[0].push_back("with estimates");
  for (const auto& f : v.r.forums) {
    int c = v.r.central.choice[f.item];
    rows.push_back({"  " + rec.problem.items[f.item].id,
                    c >= 0 ? rec.problem.items[f.item].options[static_cast<size_t>(c)].label : "-", share(f.core_index, 3),
                    f.label_name(), share(f.acceptability, 3) + " +- " + share(f.half_width, 3)});
    if (v.est) {
      const JointForum* j = joint_of(v, rec.problem.items[f.item].id);
      rows.back().push_back(j ? share(j->acceptability, 3) + " +- " + share(j->half_width, 3) : "-");
    }
  }
  o += aligned_table(rows, {false, false, true, false, true, true});
  o += "\nNon-dominated portfolios: " + std::to_string(v.r.nondominated.size()) + " (by acceptability)\n";
  std::vector<std::vector<std::string>> pr = {{"  #", "acceptability", "portfolio", "central weights where best"}};
  for (const auto& p : v.r.portfolios) {
    pr.push_back({"  " + label_of(v, p.index), share(p.acceptability, 4) + " +- " + share(p.half_width, 4),
                  portfolio_text(rec, v.r.nondominated[p.index].choice),
                  p.wins ? weights_text(v.set.objectives, p.central_weights) : "-"});
  }
  o += aligned_table(pr, {false, true, false, false});
  for (const auto& t : tie_notes(v)) o += "  " + t + "\n";
  o += "\nDecision rules\n";
  std::vector<std::vector<std::string>> rules = {
      {"  central weights", "value " + display::points(v.r.central.score), portfolio_text(rec, v.r.central.choice)},
      {"  maximin value", "least value " + display::points(v.r.maximin.score), portfolio_text(rec, v.r.maximin.choice)},
      {"  minimax regret", "most regret " + display::points(v.r.minimax_regret.score), portfolio_text(rec, v.r.minimax_regret.choice)},
  };
  o += aligned_table(rules, {false, false, false});
  o += "\nSmallest change\n  " + change_text(v) + "\n";
  o += "\nSamples: " + std::to_string(v.r.samples) + ", seed " + std::to_string(v.r.seed) +
       " (same seed, same figures; --samples N --seed S to change).\n";
  return o + estimates_text(v);
}

std::string json_named(const NamedChoice& c) {
  std::string o = "{";
  for (size_t k = 0; k < c.size(); ++k) o += (k ? ", " : "") + json_string(c[k].first) + ": " + json_string(c[k].second);
  return o + "}";
}

std::string json_strings(const std::vector<std::string>& xs) {
  std::string o = "[";
  for (size_t k = 0; k < xs.size(); ++k) o += (k ? ", " : "") + json_string(xs[k]);
  return o + "]";
}

std::string json_estimates(const View& v) {
  if (!v.est) return "null";
  const EstimateRobustness& e = *v.est;
  std::string o = "{\"samples\": " + std::to_string(e.samples) + ", \"seed\": " + std::to_string(e.seed) +
                  ",\n  \"estimates\": [";
  for (size_t k = 0; k < e.estimates.size(); ++k) {
    const Estimate& x = e.estimates[k];
    const char* basis = x.basis == RangeBasis::kStated ? "stated" : x.basis == RangeBasis::kConfidence ? "confidence" : "default";
    o += std::string(k ? ",\n   " : "\n   ") + "{\"id\": " + json_string(x.id()) + ", \"value\": " + json_number(x.value) +
         ", \"low\": " + json_number(x.low) + ", \"high\": " + json_number(x.high) + ", \"basis\": " + json_string(basis) +
         ", \"confidence\": " + json_string(std::string(enum_name(x.confidence))) + "}";
  }
  o += "],\n  \"forums\": [";
  for (size_t k = 0; k < e.forums.size(); ++k) {
    const auto& f = e.forums[k];
    o += std::string(k ? ",\n   " : "\n   ") + "{\"forum\": " + json_string(f.forum) + ", \"acceptability\": " +
         json_number(f.acceptability) + ", \"half_width\": " + json_number(f.half_width) + ", \"options\": {";
    for (size_t o2 = 0; o2 < f.option_wins.size(); ++o2) {
      o += (o2 ? ", " : "") + json_string(f.option_wins[o2].first) + ": " +
           json_number(Exact(static_cast<unsigned long long>(f.option_wins[o2].second)) /
                       static_cast<unsigned long long>(std::max<std::uint64_t>(e.samples, 1)));
    }
    o += "}}";
  }
  o += "],\n  \"portfolios\": [";
  for (size_t k = 0; k < e.portfolios.size(); ++k) {
    const auto& p = e.portfolios[k];
    o += std::string(k ? ",\n   " : "\n   ") + "{\"choice\": " + json_named(p.choice) + ", \"acceptability\": " +
         json_number(p.acceptability) + ", \"half_width\": " + json_number(p.half_width) + "}";
  }
  o += "],\n  \"estimates_checked\": " + std::to_string(e.estimates_checked) + ", \"flips\": [";
  for (size_t k = 0; k < e.flips.size(); ++k) {
    const auto& f = e.flips[k];
    o += std::string(k ? ",\n   " : "\n   ") + "{\"estimate\": " + json_string(e.estimates[f.estimate].id()) +
         ", \"direction\": " + json_string(f.falling ? "falls_below" : "rises_above") + ", \"at\": " + json_number(f.at) +
         ", \"exact\": " + (f.exact ? "true" : "false") + ", \"bracket\": " + json_number(f.bracket) +
         ", \"none_fits\": " + (f.none_fits ? "true" : "false") + ", \"adds\": " + json_strings(f.adds) +
         ", \"drops\": " + json_strings(f.drops) + "}";
  }
  return o + "]}";
}

std::string json_ids(const std::vector<std::string>& ids) {
  std::string o = "[";
  for (size_t k = 0; k < ids.size(); ++k) o += (k ? ", " : "") + json_string(ids[k]);
  return o + "]";
}

std::string json_levels(const Recommendation& rec, const std::vector<int>& choice) {
  return detail::json_levels(rec.problem, choice);
}

std::string json(const View& v) {
  const Recommendation& rec = v.rec;
  std::string o = "{\"schema\": \"whichforum.robust/3\", \"country\": " + json_string(rec.country.iso3) +
                  ", \"samples\": " + std::to_string(v.r.samples) + ", \"seed\": " + std::to_string(v.r.seed) + ",\n";
  o += " \"weights_basis\": " + json_string(std::string(enum_name(rec.weights_basis))) + ", \"central_weights\": " +
       json_weights(v.set.objectives, v.set.central) + ",\n \"extreme_weights\": [";
  for (size_t j = 0; j < v.set.vertices.size(); ++j) o += (j ? ", " : "") + json_weights(v.set.objectives, v.set.vertices[j]);
  o += "],\n";
  if (v.profile.ahp) {
    const AhpResult& a = v.profile.ahp->result;
    o += " \"ahp\": {\"weights\": " + json_weights(v.profile.ahp->objectives, a.weights) +
         ", \"lambda_max\": " + json_number(a.lambda_max) + ", \"consistency_ratio\": " +
         (a.cr ? json_number(*a.cr) : std::string("null")) + "},\n";
  }
  o += " \"forums\": [";
  for (size_t k = 0; k < v.r.forums.size(); ++k) {
    const auto& f = v.r.forums[k];
    o += std::string(k ? ",\n  " : "\n  ") + "{\"forum\": " + json_string(rec.problem.items[f.item].id) +
         ", \"core_index\": " + json_number(f.core_index) + ", \"label\": " + json_string(f.label_name()) +
         ", \"acceptability\": " + json_number(f.acceptability) + ", \"half_width\": " + json_number(f.half_width) + "}";
  }
  o += "],\n \"nondominated\": [";
  for (size_t a = 0; a < v.r.nondominated.size(); ++a) {
    o += (a ? ", " : "") + json_ids(forum_ids(rec, v.r.nondominated[a].choice));
  }
  o += "],\n \"ties\": [";
  bool first = true;
  for (size_t a = 0; a < v.r.nondominated.size(); ++a) {
    for (size_t b : v.r.nondominated[a].ties) {
      if (b < a) continue;
      o += std::string(first ? "" : ", ") + "[" + std::to_string(a) + ", " + std::to_string(b) + "]";
      first = false;
    }
  }
  o += "],\n \"portfolios\": [";
  for (size_t k = 0; k < v.r.portfolios.size(); ++k) {
    const auto& p = v.r.portfolios[k];
    const auto& choice = v.r.nondominated[p.index].choice;
    o += std::string(k ? ",\n  " : "\n  ") + "{\"forums\": " + json_ids(forum_ids(rec, choice)) +
         ", \"levels\": " + json_levels(rec, choice) + ", \"acceptability\": " + json_number(p.acceptability) +
         ", \"half_width\": " + json_number(p.half_width) + ", \"central_weights\": " +
         (p.wins ? json_weights(v.set.objectives, p.central_weights) : std::string("null")) + "}";
  }
  o += "],\n \"rules\": {\"central\": " + json_ids(forum_ids(rec, v.r.central.choice)) +
       ", \"maximin\": " + json_ids(forum_ids(rec, v.r.maximin.choice)) +
       ", \"minimax_regret\": " + json_ids(forum_ids(rec, v.r.minimax_regret.choice)) + "},\n \"smallest_change\": ";
  if (const auto& c = v.r.smallest_change.change) {
    o += "{\"from\": " + json_string(v.set.objectives[c->from]) + ", \"to\": " + json_string(v.set.objectives[c->to]) +
         ", \"amount\": " + json_number(c->amount) + ", \"weights\": " + json_weights(v.set.objectives, c->weights) +
         ", \"admissible\": " + (c->admissible ? "true" : "false") + ", \"challenger\": " +
         json_ids(forum_ids(rec, c->challenger)) + "}";
  } else {
    o += "null";
  }
  return o + ",\n \"over_estimates\": " + json_estimates(v) + "}\n";
}

std::string markdown(const View& v) {
  const Recommendation& rec = v.rec;
  std::string o = "# Robustness of the recommendation for " + md_cell(rec.country.name) + " (" + rec.country.iso3 + ")\n\n";
  o += "Weights: " + md_cell(std::string(enum_name(rec.weights_basis))) + ": " + md_cell(weights_text(v.set.objectives, v.set.central)) + ".\n\n";
  if (auto a = ahp_text(v.profile); !a.empty()) o += md_cell(a) + ".\n\n";
  o += "- " + md_cell(kCoreMeaning) + "\n- " + md_cell(kAcceptabilityMeaning) + "\n\n";
  o += "| forum | recommended | core index | label | acceptability | ± |\n|---|---|---:|---|---:|---:|\n";
  for (const auto& f : v.r.forums) {
    int c = v.r.central.choice[f.item];
    o += "| " + md_cell(rec.problem.items[f.item].id) + " | " +
         (c >= 0 ? md_cell(rec.problem.items[f.item].options[static_cast<size_t>(c)].label) : std::string("-")) + " | " +
         share(f.core_index, 3) + " | " + f.label_name() + " | " + share(f.acceptability, 3) + " | " + share(f.half_width, 3) + " |\n";
  }
  o += "\n## Non-dominated portfolios\n\n| # | acceptability | ± | portfolio | central weights where best |\n|---|---:|---:|---|---|\n";
  for (const auto& p : v.r.portfolios) {
    o += "| " + label_of(v, p.index) + " | " + share(p.acceptability, 4) + " | " + share(p.half_width, 4) + " | " +
         md_cell(portfolio_text(rec, v.r.nondominated[p.index].choice)) + " | " +
         (p.wins ? md_cell(weights_text(v.set.objectives, p.central_weights)) : std::string("-")) + " |\n";
  }
  for (const auto& t : tie_notes(v)) o += "\n" + t + "\n";
  o += "\n## Decision rules\n\n| rule | score | portfolio |\n|---|---:|---|\n";
  o += "| central weights | " + display::points(v.r.central.score) + " | " + md_cell(portfolio_text(rec, v.r.central.choice)) + " |\n";
  o += "| maximin value | " + display::points(v.r.maximin.score) + " | " + md_cell(portfolio_text(rec, v.r.maximin.choice)) + " |\n";
  o += "| minimax regret | " + display::points(v.r.minimax_regret.score) + " | " +
       md_cell(portfolio_text(rec, v.r.minimax_regret.choice)) + " |\n";
  o += "\n## Smallest change\n\n" + md_cell(change_text(v)) + "\n\nSamples: " + std::to_string(v.r.samples) +
       ", seed " + std::to_string(v.r.seed) + ".\n";
  if (!v.est) return o + "\nEstimates held at their values (--estimates fixed): only the weights vary above.\n";
  const EstimateRobustness& e = *v.est;
  o += "\n## Over the estimates as well\n\n" + md_cell(kJointMeaning) + " " + std::to_string(e.estimates.size()) +
       " estimates, " + std::to_string(e.samples) + " joint samples, seed " + std::to_string(e.seed) + ".\n\n";
  o += "| forum | over weights | over weights and estimates | ± |\n|---|---:|---:|---:|\n";
  for (const auto& f : v.r.forums) {
    const std::string& id = rec.problem.items[f.item].id;
    const JointForum* j = joint_of(v, id);
    o += "| " + md_cell(id) + " | " + share(f.acceptability, 3) + " | " + (j ? share(j->acceptability, 3) : "-") + " | " +
         (j ? share(j->half_width, 3) : "-") + " |\n";
  }
  o += "\n| acceptability | ± | portfolio |\n|---:|---:|---|\n";
  for (size_t k = 0; k < e.portfolios.size() && k < kJointPortfoliosShown; ++k) {
    const auto& p = e.portfolios[k];
    o += "| " + share(p.acceptability, 4) + " | " + share(p.half_width, 4) + " | " + md_cell(named_text(p.choice)) + " |\n";
  }
  o += "\n### What the recommendation hangs on\n\n";
  if (e.flips.empty()) o += "No estimate changes the recommendation within its range (" + std::to_string(e.estimates_checked) + " checked).\n";
  for (const auto& f : e.flips) o += "- " + md_cell(flip_text(e, f)) + "\n";
  return o;
}

std::string csv(const View& v) {
  const Recommendation& rec = v.rec;
  std::string o = csv_line({"forum", "recommended_level", "core_index", "label", "acceptability", "half_width",
                            "joint_acceptability", "joint_half_width", "hinges_on"});
  auto num = [](const Exact& x) { return detail::csv_number(x); };
  for (const auto& f : v.r.forums) {
    int c = v.r.central.choice[f.item];
    const std::string& id = rec.problem.items[f.item].id;
    const JointForum* j = joint_of(v, id);
    std::string hinges;
    if (v.est) {
      for (const auto* flip : flips_of(*v.est, id)) {
        const std::string name = v.est->estimates[flip->estimate].id();
        if (hinges.find(name) == std::string::npos) hinges += (hinges.empty() ? "" : " ") + name;
      }
    }
    o += csv_line({csv_field(id), c >= 0 ? csv_field(rec.problem.items[f.item].options[static_cast<size_t>(c)].label) : "",
                   num(f.core_index), csv_field(f.label_name()), num(f.acceptability), num(f.half_width),
                   j ? num(j->acceptability) : "", j ? num(j->half_width) : "", csv_field(hinges)});
  }
  return o;
}

}  // namespace

std::string render_robust(const Recommendation& rec, const Profile& profile, const Robustness& r,
                          const EstimateRobustness* estimates, Format format) {
  View v{rec, profile, r, *profile.weight_set, estimates};
  switch (format) {
    case Format::kText: return detail::wrap_lines(text(v), detail::kTextWidth);
    case Format::kJson: return json(v);
    case Format::kMarkdown: return markdown(v);
    case Format::kCsv: return csv(v);
  }
  return "";
}

}  // namespace whichforum
