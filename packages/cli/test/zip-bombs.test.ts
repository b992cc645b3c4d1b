// `ruralkit evaluate` of a workbook whose ZIP directory lies (issue 22, point 1): refused with
// exit 2, in bounded time and in memory bounded against an idle run of the command.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEntries, type HiddenEntries } from '../../xlsx/test/zip-archive.js';
import { root, tmp } from './helpers.js';

const bin = join(root, 'packages/cli/bin/ruralkit.js');
const workbook = readFileSync(join(root, 'examples/changjiang-2021/data.xlsx'));
// Reports the child's peak resident memory (kB on Linux) as it exits.
const peak = `data:text/javascript,process.on('exit',()=>process.stderr.write('maxRSS='+process.resourceUsage().maxRSS+'\\n'))`;

/** Run the built command in a child process: its exit code, stderr and peak memory in MB. */
function run(args: string[]): { code: number | null; stderr: string; peakMb: number } {
  const child = spawnSync('node', ['--import', peak, bin, ...args], { encoding: 'utf8', timeout: 60_000 });
  const rss = Number(/maxRSS=(\d+)/.exec(child.stderr)?.[1]);
  return { code: child.status, stderr: child.stderr, peakMb: rss / 1024 };
}

describe('ruralkit evaluate of a workbook whose archive lies', () => {
  const idle = () => run(['--help']).peakMb;

  it.each<[string, HiddenEntries, RegExp]>([
    ['2,000 entries hidden behind a patched count', { count: 2_000, bytes: 150 * 1024, hideCount: true }, /entries/],
    [
      'entries declaring 1 KB that inflate to 150 MB',
      { count: 3, bytes: 50 * 1024 * 1024, declaredBytes: 1024 },
      /holds more than the 100 MB limit/,
    ],
  ])('refuses %s: exit 2, in bounded time and memory', (_name, added, message) => {
    const file = join(tmp(), 'bomb.xlsx');
    writeFileSync(file, withEntries(workbook, added));
    const start = performance.now();
    const refused = run(['evaluate', file, '--as-of', '2025-12-31']);
    expect(performance.now() - start).toBeLessThan(20_000);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(message);
    expect(refused.peakMb - idle()).toBeLessThan(100);
  });
});
