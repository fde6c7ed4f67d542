// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `whichforum whatif --profile FILE`: budget sweeps, scenarios, the current memberships, the frontier.
#include "cli/commands.h"
#include "cli/exit_status.h"

#include <cstdio>

namespace whichforum::cli {

int cmd_whatif(const GlobalOptions& opts, const WhatIfOptions& wo) {
  if (opts.profile.empty()) {
    std::fprintf(stderr, "whichforum: error: whatif needs --profile FILE\n");
    return kExitBadInput;
  }
  if (!wo.budgets.empty() && !wo.scenarios.empty()) {
    std::fprintf(stderr, "whichforum: error: give --budget sweeps or --scenario files, not both\n");
    return kExitBadInput;
  }
  std::vector<BudgetSweep> sweeps;
  for (const auto& spec : wo.budgets) {
    std::string why;
    auto sw = parse_sweep(spec, &why);
    if (!sw) {
      std::fprintf(stderr, "whichforum: error: --budget %s: %s\n", spec.c_str(), why.c_str());
      return kExitBadInput;
    }
    if (!sweeps.empty() && (sw->to - sw->from) / sw->step != (sweeps[0].to - sweeps[0].from) / sweeps[0].step) {
      std::fprintf(stderr, "whichforum: error: --budget %s: sweeps taken together need the same number of points\n",
                   spec.c_str());
      return kExitBadInput;
    }
    sweeps.push_back(*sw);
  }
  auto cat = load_catalogue_or_report(resolve_dirs(opts));
  if (!cat) return kExitBadInput;
  auto base_profile = load_profile(opts.profile, *cat);
  if (!base_profile || !standard_resources(*base_profile, opts.profile, "whatif")) return kExitBadInput;
  auto base = recommend(*base_profile, *cat);
  print_diagnostics(base.diagnostics);
  if (!base.ok()) return kExitBadInput;

  WhatIf w;
  if (wo.scenarios.empty()) {
    w = what_if_budgets(*base.value, sweeps, wo.frontier);
  } else {
    w.currency = base.value->currency;
    w.points.push_back(point_of(*base.value, "profile"));
    // Every scenario is checked before any output, so a bad one leaves nothing half-written.
    std::vector<Recommendation> recs;
    RealFileSystem fs;
    for (const auto& path : wo.scenarios) {
      auto doc = load_document(fs, path);
      print_diagnostics(doc.diagnostics);
      if (!doc.ok()) return kExitBadInput;
      auto merged = apply_overlay(*base_profile, *doc.value);
      print_diagnostics(merged.diagnostics);
      if (!merged.ok()) return kExitBadInput;
      auto refs = validate_profile(*merged.value, *cat);
      print_diagnostics(refs);
      if (!refs.ok()) return kExitBadInput;
      auto rec = recommend(*merged.value, *cat);
      print_diagnostics(rec.diagnostics);
      if (!rec.ok()) return kExitBadInput;
      w.points.push_back(point_of(*rec.value, merged.value->scenario));
    }
    if (wo.frontier) {
      WhatIf f = what_if_budgets(*base.value, {}, true);
      w.limit_reached = f.limit_reached;
      w.has_frontier = true;
      w.frontier = f.frontier;
      w.frontier_resource = f.frontier_resource;
    }
  }
  if (w.limit_reached) {
    std::fprintf(stderr, "whichforum: error: %s: %s\n", opts.profile.c_str(),
                 search_limit_message(base.value->problem).c_str());
    return kExitBadInput;
  }
  if (wo.vs_current) w.points.insert(w.points.begin(), current_point(*base.value));
  for (auto& p : w.points) {
    p.entered.clear();
    p.left.clear();
  }
  w.swaps.clear();
  link_points(w);
  // Swaps speak of a growing budget; across scenarios or against the current row they mean nothing.
  if (sweeps.empty() || wo.vs_current) w.swaps.clear();
  return write_output(opts.output, render_whatif(w, format_of(opts)));
}

}  // namespace whichforum::cli
