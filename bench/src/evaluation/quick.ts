import { readFileSync } from 'node:fs';
import { getPlan } from '@ruralkit/core';
import { benchVillages } from './villages.js';
const district = JSON.parse(readFileSync('/tmp/rk-data/district.json', 'utf8'));
const villages = readFileSync('/tmp/rk-data/villages.ndjson', 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));
await benchVillages({ plan: getPlan('changjiang-2021'), asOf: '2025-12-31', district, villages, rounds: 3 });
