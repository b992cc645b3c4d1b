/**
 * Measurements c and d: screening households from an NDJSON file with the built `ruralkit
 * screen` command, against the floor of reading and `JSON.parse`-ing the same file, with the
 * command's peak RSS; then the speed-up of two workers over one. The outputs of every run
 * must be identical before any figure is reported.
 */
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { report, type BenchLine } from './measure.js';

const bin = fileURLToPath(new URL('../../../packages/cli/dist/bin.js', import.meta.url));
const rss = fileURLToPath(new URL('./report-rss.mjs', import.meta.url));

export interface ScreeningBenchOptions {
  file: string;
  asOf: string;
  rounds: number;
  write?: (text: string) => void;
}

/** Seconds to read the file and `JSON.parse` every line: the floor any screening stands on. */
export async function parseFloor(file: string): Promise<{ seconds: number; records: number }> {
  const start = performance.now();
  let records = 0;
  let pending = '';
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    pending += chunk;
    let begin = 0;
    for (let end = pending.indexOf('\n'); end >= 0; end = pending.indexOf('\n', begin)) {
      if (end > begin) {
        JSON.parse(pending.slice(begin, end));
        records++;
      }
      begin = end + 1;
    }
    pending = pending.slice(begin);
  }
  if (pending.trim()) {
    JSON.parse(pending);
    records++;
  }
  return { seconds: (performance.now() - start) / 1000, records };
}

/**
 * One run of the built CLI with `args` and `--out FILE` (`--workers` given by the caller): wall
 * seconds, peak RSS in MB, and what it wrote (unless `read` is false: then its size in bytes).
 */
export function runCli(args: string[], read = true): { seconds: number; peakRssMb: number; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'ruralkit-bench-'));
  const out = join(dir, 'out.ndjson');
  const start = performance.now();
  const child = spawnSync(process.execPath, ['--import', rss, bin, ...args, '--out', out], { encoding: 'utf8' });
  const seconds = (performance.now() - start) / 1000;
  if (child.status !== 0) throw new Error(`ruralkit ${args[0]} failed: ${child.stderr}`);
  const peak = /PEAK_RSS_KB (\d+)/.exec(child.stderr);
  const output = read ? readFileSync(out, 'utf8') : String(statSync(out).size);
  rmSync(dir, { recursive: true, force: true });
  return { seconds, peakRssMb: Number(peak?.[1]) / 1024, output };
}

/** One run of `ruralkit screen`: wall seconds, peak RSS in MB, and the alerts it wrote. */
export function screen(
  file: string,
  asOf: string,
  workers: number,
): { seconds: number; peakRssMb: number; output: string } {
  return runCli(['screen', file, '--as-of', asOf, '--workers', String(workers)]);
}

/** The best of `rounds` runs (least disturbed by other work), all with the same output. */
function best(file: string, asOf: string, workers: number, rounds: number, expected?: string) {
  let fastest: ReturnType<typeof screen> | undefined;
  for (let i = 0; i < rounds; i++) {
    const run = screen(file, asOf, workers);
    if (expected !== undefined && run.output !== expected) {
      throw new Error(`${workers} workers wrote other alerts than 1 worker`);
    }
    if (!fastest || run.seconds < fastest.seconds) fastest = run;
  }
  return fastest!;
}

/** Issue 24's targets: a share of the floor and peak memory for one worker, a speed-up and memory for two. */
const TARGET = { shareOfFloor: 0.6, peakRssMb: 200, speedupOver1Worker: 1.6, peakRssMb2Workers: 300 };

export async function benchScreening(options: ScreeningBenchOptions): Promise<BenchLine[]> {
  const { file, asOf, rounds, write } = options;
  let floor = await parseFloor(file);
  for (let i = 1; i < rounds; i++) {
    const again = await parseFloor(file);
    if (again.seconds < floor.seconds) floor = again;
  }
  const { records } = floor;
  const one = best(file, asOf, 1, rounds);
  const two = best(file, asOf, 2, rounds, one.output);
  const us = (seconds: number) => (seconds * 1e6) / records;
  const perSecond = (seconds: number) => records / seconds;
  return [
    report(
      {
        name: 'screening-floor',
        impl: 'read+JSON.parse',
        usPerSubject: us(floor.seconds),
        records,
        recordsPerSecond: perSecond(floor.seconds),
      },
      write,
    ),
    report(
      {
        name: 'screening',
        impl: 'ruralkit screen --workers 1',
        usPerSubject: us(one.seconds),
        records,
        recordsPerSecond: perSecond(one.seconds),
        shareOfFloor: floor.seconds / one.seconds,
        peakRssMb: one.peakRssMb,
        target: `shareOfFloor >= ${TARGET.shareOfFloor}, peakRssMb <= ${TARGET.peakRssMb}`,
        met: floor.seconds / one.seconds >= TARGET.shareOfFloor && one.peakRssMb <= TARGET.peakRssMb,
      },
      write,
    ),
    report(
      {
        name: 'screening-workers',
        impl: 'ruralkit screen --workers 2',
        usPerSubject: us(two.seconds),
        records,
        recordsPerSecond: perSecond(two.seconds),
        speedupOver1Worker: one.seconds / two.seconds,
        peakRssMb: two.peakRssMb,
        target: `speedupOver1Worker >= ${TARGET.speedupOver1Worker}, peakRssMb < ${TARGET.peakRssMb2Workers}`,
        met: one.seconds / two.seconds >= TARGET.speedupOver1Worker && two.peakRssMb < TARGET.peakRssMb2Workers,
      },
      write,
    ),
  ];
}
