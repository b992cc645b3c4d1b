// The benchmark harness on tiny data, so that it cannot rot: data, agreement checks, BENCH lines.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getPlan, type VillageInput } from '@ruralkit/core';
import { writeData } from '../src/data/write.js';
import { generateHouseholds, generateVillages } from '../src/data/generate.js';
import { benchScreening, parseFloor } from '../src/evaluation/screening.js';
import { benchVillages } from '../src/evaluation/villages.js';

const plan = getPlan('changjiang-2021');

describe('the benchmark harness', () => {
  it('generates the same data for the same seed, and other data for another', () => {
    const take = (seed: number) =>
      JSON.stringify([...generateVillages(plan, 5, seed), ...generateHouseholds(5, seed, 5)]);
    expect(take(7)).toBe(take(7));
    expect(take(7)).not.toBe(take(8));
  });

  it('runs every measurement on tiny data and prints one BENCH line for each', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ruralkit-bench-'));
    const files = await writeData({ villages: 30, households: 3000, seed: 3, dir });
    const villages = readFileSync(files.villages, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as VillageInput);
    const district = JSON.parse(readFileSync(files.district, 'utf8'));
    let printed = '';
    const write = (text: string) => (printed += text);
    const lines = [
      ...(await benchVillages({ plan, asOf: '2025-12-31', district, villages, rounds: 1, write })),
      ...(await benchScreening({ file: files.households, asOf: '2025-12-31', rounds: 1, write })),
    ];
    expect(lines.map((l) => `${l.name}/${l.impl}`)).toEqual([
      'village-rules/ruralkit',
      'village-rules/json-rules-engine',
      'village-rules/json-logic-js',
      'village-rules/closures',
      'village-rules-explained/ruralkit',
      'village-rules-explained/json-rules-engine',
      'village-rules-explained/json-logic-js',
      'village-rules-explained/closures',
      'screening-floor/read+JSON.parse',
      'screening/ruralkit screen --workers 1',
      'screening-workers/ruralkit screen --workers 2',
    ]);
    const bench = printed.trim().split('\n');
    expect(bench).toHaveLength(lines.length);
    for (const line of bench) {
      const json = JSON.parse(line.replace(/^BENCH /, ''));
      expect(json.usPerSubject).toBeGreaterThan(0);
    }
    expect(lines[0]).toHaveProperty('speedupOver_json-rules-engine');
    expect(lines[9]!.peakRssMb).toBeGreaterThan(0);
    expect((await parseFloor(files.households)).records).toBe(3000);
  });
});
