# SPDX-License-Identifier: Apache-2.0
# The shipped files each fuzz target starts from (globs relative to the source root), for run.sh
# and minimise.sh; tests/fuzz/CMakeLists.txt replays the same files with the committed corpus.
declare -A seeds=(
  [fuzz_profile]="profiles/*.toml profiles/scenarios/*.toml tests/bad_inputs/*/*.toml"
  [fuzz_recommend]="profiles/*.toml profiles/scenarios/*.toml"
  [fuzz_infer]="profiles/*.toml tests/backtest/*.toml"
  [fuzz_forum]="forums/*.toml"
  [fuzz_batch]="forums/dn.toml forums/redgealc.toml forums/smart_africa.toml forums/ogp.toml"
  [fuzz_criterion]="criteria/*.toml"
)
