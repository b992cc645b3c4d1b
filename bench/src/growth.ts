/**
 * `pnpm bench:growth [--sizes 10000,100000,1000000,10000000] [--village-sizes …]`: growth (规模增长)
 * of `ruralkit screen` (households) and `ruralkit evaluate --batch` (villages) with one worker,
 * from ten thousand records up: microseconds per record should stay level (time grows linearly)
 * and peak memory should stay flat. Villages are judged with `--explain none`: explained not-met
 * results are ten times the record, and a million of them would measure the disk. Prints a `BENCH` line per size and one per measure with its
 * target, and draws both as SVG with the report's chart code (`--chart FILE`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { lineChart } from '@ruralkit/report';
import { writeData } from './data/write.js';
import { report } from './evaluation/measure.js';
import { runCli } from './evaluation/screening.js';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string', default: '10000,100000,1000000,10000000' },
    'village-sizes': { type: 'string', default: '10000,100000,1000000' },
    chart: { type: 'string' },
  },
  strict: true,
});
const asOf = '2025-12-31';
/** Per record at the largest size against 100,000: time level within this, memory within this. */
const TARGET = { timeRatio: 1.25, memoryRatio: 1.25 };

interface Point {
  records: number;
  usPerRecord: number;
  peakRssMb: number;
}

/** Generate `records` subjects of `kind` in a folder of their own, run the command on them, remove them. */
async function measure(kind: 'households' | 'villages', records: number): Promise<Point> {
  const dir = mkdtempSync(join(tmpdir(), 'ruralkit-growth-'));
  try {
    const files = await writeData({
      villages: kind === 'villages' ? records : 0,
      households: kind === 'households' ? records : 0,
      seed: 1,
      dir,
    });
    const args =
      kind === 'households'
        ? ['screen', files.households]
        : ['evaluate', '--batch', files.villages, '--district', files.district, '--explain', 'none'];
    const run = runCli([...args, '--as-of', asOf, '--workers', '1'], false);
    const point = { records, usPerRecord: (run.seconds * 1e6) / records, peakRssMb: run.peakRssMb };
    report({
      name: 'growth',
      impl: `ruralkit ${args[0]} --workers 1`,
      usPerSubject: point.usPerRecord,
      ...point,
      kind,
    });
    return point;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const lines: { kind: string; points: Point[] }[] = [];
for (const [kind, sizes] of [
  ['households', values.sizes],
  ['villages', values['village-sizes']],
] as const) {
  const points: Point[] = [];
  for (const size of sizes.split(',').map(Number)) points.push(await measure(kind, size));
  lines.push({ kind, points });
  const base = points.find((p) => p.records === 100_000) ?? points[0]!;
  const largest = points.at(-1)!;
  const timeRatio = largest.usPerRecord / base.usPerRecord;
  const memoryRatio = largest.peakRssMb / base.peakRssMb;
  report({
    name: 'growth-linear',
    impl: kind,
    usPerSubject: largest.usPerRecord,
    records: largest.records,
    timeRatio,
    memoryRatio,
    against: base.records,
    target: `timeRatio <= ${TARGET.timeRatio}, memoryRatio <= ${TARGET.memoryRatio}`,
    met: timeRatio <= TARGET.timeRatio && memoryRatio <= TARGET.memoryRatio,
  });
}

if (values.chart) {
  const chart = (yName: string, y: (p: Point) => number) =>
    lineChart({
      xName: 'records (记录数)',
      yName,
      xLog: true,
      lines: lines.map(({ kind, points }) => ({
        name: kind === 'households' ? 'screen (households)' : 'evaluate --batch (villages)',
        points: points.map((p) => [p.records, Number(y(p).toPrecision(3))]),
      })),
    });
  writeFileSync(
    values.chart,
    chart('µs per record', (p) => p.usPerRecord),
  );
  writeFileSync(
    values.chart.replace(/\.svg$/, '-memory.svg'),
    chart('peak MB', (p) => p.peakRssMb),
  );
}
