// SPDX-License-Identifier: Apache-2.0
// Copyright 2026 The whichforum authors
// HiGHS (the npm package `highs`, WebAssembly; bench-time only, installed by bench/run into
// build/bench-node) on an LP file: prints "status=... objective=... solve_ms=..." where solve_ms
// is HiGHS's own solve (parse and solve of the text, timed around solve() in this process, the
// WebAssembly module already loaded), for bench/run to set beside whichforum's in-process solve.
// Usage: node bench/highs.cjs FILE.lp [TIME_LIMIT_SECONDS]
const fs = require('fs');
const path = require('path');
const load = require(path.resolve(process.env.HIGHS_MODULE_DIR || 'build/bench-node/node_modules', 'highs'));
(async () => {
  const text = fs.readFileSync(process.argv[2], 'utf8');
  const limit = Number(process.argv[3] || 600);
  const highs = await load();
  // One tiny solve first, so that the timed one does not pay for the module's first use.
  highs.solve('Maximize\n obj: x\nSubject To\n c: x <= 1\nEnd\n');
  const t0 = process.hrtime.bigint();
  let status = 'error', objective = 'nan';
  try {
    const s = highs.solve(text, { time_limit: limit, mip_rel_gap: 0, mip_abs_gap: 0, output_flag: false });
    status = String(s.Status).replace(/ /g, '_');
    objective = String(s.ObjectiveValue);
  } catch (e) {
    status = 'error:' + String(e.message || e).replace(/\s+/g, '_').slice(0, 80);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  console.log(`status=${status} objective=${objective} solve_ms=${ms.toFixed(1)}`);
})();
