// The example's three forms — data.yaml, data.json (for programs: every language reads JSON
// without a package) and data.xlsx (for offices) — hold the same data.
import { readFileSync } from 'node:fs';
import { getPlan, parseInput } from '@ruralkit/core';
import { readWorkbook } from '@ruralkit/xlsx';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const file = (name: string) => new URL(name, import.meta.url);

describe('the Changjiang example data', () => {
  const plan = getPlan('changjiang-2021');
  const yaml = parse(readFileSync(file('data.yaml'), 'utf8')) as unknown;
  const json = JSON.parse(readFileSync(file('data.json'), 'utf8')) as unknown;

  it('is the same in data.json as in data.yaml (regenerate: pnpm example:json)', () => {
    expect(json).toEqual(yaml);
  });

  it('is the same in data.xlsx as in data.yaml, once read (regenerate: pnpm example:xlsx)', async () => {
    const workbook = await readWorkbook(plan, readFileSync(file('data.xlsx')));
    expect(parseInput(plan, workbook)).toEqual(parseInput(plan, yaml));
    expect(parseInput(plan, json)).toEqual(parseInput(plan, yaml));
  });
});
