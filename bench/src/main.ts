/**
 * `pnpm bench [--villages N] [--households N] [--seed S] [--rounds R]`: measure the condition
 * compiler (e; fast-json-rules-engine too when `FAST_JSON_RULES_ENGINE_PATH` names its build),
 * generate the data set, then measure a–d (docs/performance.md). Each measurement prints one
 * line `BENCH {json}`.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { getPlan, type VillageInput } from '@ruralkit/core';
import { writeData } from './data/write.js';
import { benchCompiler } from './evaluation/compiler.js';
import { benchReportPages } from './evaluation/report-pages.js';
import { benchScreening } from './evaluation/screening.js';
import { benchVillages } from './evaluation/villages.js';

const { values } = parseArgs({
  options: {
    villages: { type: 'string', default: '2000' },
    households: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    rounds: { type: 'string', default: '5' },
    dir: { type: 'string', default: 'bench/data' },
  },
  strict: true,
});
const asOf = '2025-12-31';
const rounds = Number(values.rounds);
// Its passes take milliseconds: four times the rounds, for one undisturbed by other work.
await benchCompiler({
  facts: 1000,
  repeat: 20,
  rounds: 4 * rounds,
  seed: Number(values.seed),
  fastJsonRulesEnginePath: process.env.FAST_JSON_RULES_ENGINE_PATH,
});
const files = await writeData({
  villages: Number(values.villages),
  households: Number(values.households),
  seed: Number(values.seed),
  dir: values.dir,
});
const villages = readFileSync(files.villages, 'utf8')
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as VillageInput);
const district = JSON.parse(readFileSync(files.district, 'utf8'));
await benchVillages({ plan: getPlan('changjiang-2021'), asOf, district, villages, rounds });
await benchScreening({ file: files.households, asOf, rounds: Math.min(rounds, 3) });
benchReportPages({ plan: getPlan('changjiang-2021'), asOf, district, villages });
