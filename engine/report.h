// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// Text reports of the catalogue and of a loaded profile: what the CLI prints, made here so that
// every caller prints the same thing.
#pragma once

#include "engine/estimates.h"
#include "engine/catalogue.h"
#include "engine/brief.h"
#include "engine/explanation.h"
#include "engine/freshness.h"
#include "engine/infer.h"
#include "engine/recommend.h"
#include "engine/whatif.h"

#include <string>

namespace whichforum {

/// An aligned table of the catalogue: id, name, kind, members, as_of; sorted by id.
[[nodiscard]] std::string render_forum_list(const Catalogue& catalogue);

/// One forum in full: identity, every fact in schema order with its source or the reason of its
/// estimate, and its entry rules.
[[nodiscard]] std::string render_forum(const Forum& forum);

/// `forums --stale`: the dated facts of the catalogue, oldest first (facts_by_age in freshness.h).
[[nodiscard]] std::string render_stale_facts(const std::vector<DatedFact>& facts,
                                             const std::optional<std::string>& before);

/// The output formats of a recommendation.
enum class Format { kText, kJson, kMarkdown, kCsv };

/// The recommendation in `format`: the portfolio (forum, level, value and its split by
/// objective, cost per resource), totals and budget left, then the forums not chosen and why.
/// JSON follows the schema "whichforum.recommendation/2". Deterministic: ids in order, numbers
/// from exact values: JSON and CSV exact (a terminating decimal, else "p/q"); text and Markdown rounded for reading
/// (engine/numbers.h).
/// `wide`: the text table also gives each objective's part of every value (--wide); other
/// formats always do.
/// `colour`: terminal styles in the text (bold headings, new forums green, changed yellow); the
/// CLI sets it only for a terminal with NO_COLOR unset or empty.
[[nodiscard]] std::string render_recommendation(const Recommendation& rec, Format format, bool wide = false, bool colour = false);

/// Robustness in `format`: the weights used and the admissible set, each forum's core index and
/// acceptability (with one line each on what they mean), the non-dominated portfolios with their
/// acceptabilities and central weights, ties, the decision rules and the smallest weight change.
/// With `estimates` (null for --estimates fixed): each forum's share of the joint draws of
/// weights and estimates, the portfolios drawn, and the estimates whose range holds a flip.
/// JSON: "whichforum.robust/3". `profile` is the one `rec` was made from.
[[nodiscard]] std::string render_robust(const Recommendation& rec, const Profile& profile, const Robustness& r,
                                        const EstimateRobustness* estimates, Format format);

/// What `infer` found in `format`: today's portfolio, the set of weights under which it is the
/// best (or least behind) with its centre and each objective's range, the stated weights, what
/// they would change and how far they are from the set. JSON: "whichforum.infer/1".
[[nodiscard]] std::string render_infer(const Recommendation& rec, const Profile& profile, const Inference& inference,
                                       Format format);
/// A what-if table in `format`: one row per budget point or scenario (value, cost per
/// resource, portfolio, what entered and left against the row before), swaps, the value of the
/// next step of each resource, and the efficient frontier when asked. JSON: "whichforum.whatif/1".
[[nodiscard]] std::string render_whatif(const WhatIf& w, Format format);

/// The formats of a briefing.
enum class BriefFormat { kMarkdown, kHtml, kCsv, kJson };

/// A briefing to hand over as it is. HTML is one self-contained page (inline CSS and SVG chart,
/// no scripts, no network; prints on A4) with every text escaped; Markdown escapes its cells;
/// CSV is RFC 4180 with formula-like text neutralised; JSON is "whichforum.brief/3" (/2 added
/// summary, trade_offs, how_sure, coverage, current_cost and the chart's entered and left; /3
/// made every number exact, a string "p/q" where it is not a terminating decimal).
/// Markdown and HTML open with page one (the decision, the changes, the trade-off, how sure)
/// and put the rest in annexes; Markdown lines keep within kTextWidth outside its tables.
[[nodiscard]] std::string render_brief(const Briefing& b, BriefFormat format);

/// One forum in full for this country: the score chain from facts to value, eligibility rule by
/// rule, costs per level with their working, why it is in or out, and the smallest change of
/// each budget that would flip it.
[[nodiscard]] std::string render_explain(const Explanation& explanation);

/// The declared keys of a file kind ("profile", "forum", "criterion", "assumptions") as Markdown
/// tables, from the same tables the loaders check against.
[[nodiscard]] std::string render_schema(std::string_view kind);

/// A starter profile for `iso3`, filled from the reference data, every key commented. `today`,
/// when given, is what the country's current memberships need in this model (money in USD, staff
/// days, ministerial days): a budget below it is raised to it, rounded up, and says so, since the
/// country evidently funds what it does now.
[[nodiscard]] std::string render_starter_profile(const CountryRecord& country, const ReferenceData& data,
                                                 const Catalogue& catalogue, const std::vector<Exact>* today = nullptr);

/// A value as text: exact numbers via format_exact, lists joined with ", ".
[[nodiscard]] std::string value_text(const Value& value);

}  // namespace whichforum
