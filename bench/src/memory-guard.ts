/**
 * `pnpm bench:memory`: the guard CI runs against memory regressions (内存回归守卫). Screening
 * 1,000,000 households with one worker must peak at 200 MB or less (it was 293 MB while every
 * id seen was kept as a string to find duplicates). Memory, unlike time, is steady enough to
 * check on a shared machine; garbage collection still moves a single run's peak by a few MB, so
 * the lowest of three runs is what is checked. Needs the built CLI (`pnpm build`).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeData } from './data/write.js';
import { screen } from './evaluation/screening.js';
import { report } from './evaluation/measure.js';

const HOUSEHOLDS = 1_000_000;
const LIMIT_MB = 200;
const RUNS = 3;

const dir = mkdtempSync(join(tmpdir(), 'ruralkit-memory-'));
try {
  const { households } = await writeData({ villages: 0, households: HOUSEHOLDS, seed: 1, dir });
  const runs = Array.from({ length: RUNS }, () => screen(households, '2025-12-31', 1));
  const peaks = runs.map((run) => run.peakRssMb);
  const peakRssMb = Math.min(...peaks);
  report({
    name: 'screening-memory',
    impl: 'ruralkit screen --workers 1',
    usPerSubject: (Math.min(...runs.map((run) => run.seconds)) * 1e6) / HOUSEHOLDS,
    records: HOUSEHOLDS,
    peakRssMb,
    runsMb: peaks.map((p) => Math.round(p)).join(' '),
    targetMb: LIMIT_MB,
    met: peakRssMb <= LIMIT_MB,
  });
  if (peakRssMb > LIMIT_MB) {
    process.stderr.write(`screening 1,000,000 households peaked at ${peakRssMb.toFixed(0)} MB, above ${LIMIT_MB} MB\n`);
    process.exitCode = 1;
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
