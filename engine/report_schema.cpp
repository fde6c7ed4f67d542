// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// `schema KIND`: the declared keys of a file kind, printed from the tables the loaders check against.
#include "engine/criterion.h"
#include "engine/report.h"
#include "engine/report_format.h"
#include "engine/schema.h"

namespace whichforum {

std::string render_schema(std::string_view kind) {
  std::string out;
  if (kind == "profile") {
    out = "## profile (top level)\n\n" + schema_keys_markdown(profile_schema()) + "\n## [capacity]\n\n" +
          schema_keys_markdown(capacity_schema()) + "\n## [constraints]\n\n" +
          schema_keys_markdown(constraints_schema()) + "\n## [country_facts]\n\n" +
          schema_keys_markdown(country_facts_schema()) + "\n## [remit]\n\n" +
          schema_keys_markdown(remit_schema());
  } else if (kind == "forum") {
    out = "## forum (top level)\n\n" + schema_keys_markdown(forum_schema()) +
          "\n## fact table (every fact)\n\n" + schema_keys_markdown(provenance_schema()) +
          "\n## [[entry_rule]]\n\n" + schema_keys_markdown(entry_rule_schema());
  } else if (kind == "assumptions") {
    out = "## assumptions (data/assumptions.toml; a profile's [assumptions] replaces values)\n\n" +
          schema_keys_markdown(assumptions_schema());
  } else {
    out = "## criterion (top level)\n\n" + schema_keys_markdown(criterion_schema()) +
          "\n## level_factor\n\n" + schema_keys_markdown(level_factor_schema()) +
          "\n## theme_relevance\n\n" + schema_keys_markdown(theme_relevance_schema()) +
          "\n## language_barrier\n\n" + schema_keys_markdown(language_barrier_schema()) +
          "\n## outside_region\n\n" + schema_keys_markdown(outside_region_schema()) +
          "\n## [[function]]\n\n" + schema_keys_markdown(value_function_schema()) + "\n## indicators\n\n";
    for (const auto& i : indicators()) {
      out += detail::wrap("`" + std::string(i.name) + "` (" + std::string(i.min) + ".." + std::string(i.max) + "): " + std::string(i.description),
                          detail::kTextWidth, "- ", "  ");
    }
  }
  return out;
}

}  // namespace whichforum
