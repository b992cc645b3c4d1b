// The scenario runner finds every kind of mismatch, and reports files it cannot run.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatOutcomes, loadScenario, runScenario, runScenarioFile, ScenarioSchema } from '@ruralkit/testing';

const village = {
  id: 'liuyang',
  attributes: { needsExpressPoint: true, hasEcommerceConditions: true },
  indicators: { '2020': { tapWaterRate: 0.6 }, '2023': { tapWaterRate: 0.62 } }, // progress ratio ≈ 0.13: off track
};
const scenario = (extra: Record<string, unknown>) =>
  ScenarioSchema.parse({ name: 't', asOf: '2023-12-31', input: { villages: [village] }, ...extra });

describe('runScenario', () => {
  it('passes when every named rule matches, with shorthand and full expectations', async () => {
    const outcome = await runScenario(
      scenario({
        expect: {
          villages: {
            liuyang: { 'infrastructure.tap-water': { status: 'pending', progress: 'off-track', year: 2023 } },
          },
        },
      }),
    );
    expect(outcome).toMatchObject({ passed: true, mismatches: [] });
  });

  it('reports a wrong status, progress, year, a rule or village that does not exist', async () => {
    const outcome = await runScenario(
      scenario({
        expect: {
          villages: {
            liuyang: {
              'infrastructure.tap-water': { status: 'met', progress: 'on-track', year: 2025 },
              'infrastructure.tap-waterr': 'met',
            },
            jianglian: { 'infrastructure.tap-water': 'met' },
          },
          district: { 'public-services.preschool': 'met' },
        },
      }),
    );
    expect(outcome.passed).toBe(false);
    expect(outcome.mismatches.map((m) => `${m.subject}|${m.rule}|${m.field}|${m.expected}|${m.actual}`)).toEqual([
      'village liuyang|infrastructure.tap-water|status|met|pending',
      'village liuyang|infrastructure.tap-water|progress|on-track|off-track',
      'village liuyang|infrastructure.tap-water|year|2025|2023',
      'village liuyang|infrastructure.tap-waterr|result|a result|no such subject or rule',
      'village jianglian|infrastructure.tap-water|result|a result|no such subject or rule',
      'district|public-services.preschool|status|met|missing-data',
    ]);
  });

  it('compares household risks and categories', async () => {
    const input = {
      households: [{ id: 'h', villageId: 'liuyang', size: 1, annualNetIncomeCny: 100, formerlyPoor: true }],
    };
    const ok = await runScenario(
      ScenarioSchema.parse({
        name: 'h',
        asOf: '2023-12-31',
        input,
        expect: { households: { h: { risks: ['income'], category: 'unstable-formerly-poor' } } },
      }),
    );
    expect(ok.passed).toBe(true);
    const wrong = await runScenario(
      ScenarioSchema.parse({
        name: 'h',
        asOf: '2023-12-31',
        input,
        expect: { households: { h: { risks: [], category: null } } },
      }),
    );
    expect(wrong.mismatches.map((m) => m.field)).toEqual(['risks', 'category']);
  });

  it('checks expectError both ways', async () => {
    const bad = { villages: [{ ...village, indicators: { '2023': { tapWaterRate: 2 } } }] };
    const base = { name: 'e', asOf: '2023-12-31', input: bad };
    expect((await runScenario(ScenarioSchema.parse({ ...base, expectError: 'not between 0 and 1' }))).passed).toBe(
      true,
    );
    expect((await runScenario(ScenarioSchema.parse({ ...base, expectError: 'something else' }))).passed).toBe(false);
    const good = await runScenario(scenario({ expectError: 'anything' }));
    expect(good.mismatches[0]).toMatchObject({ field: 'error', actual: 'no error' });
    const unexpected = await runScenario(ScenarioSchema.parse({ ...base, expect: {} }));
    expect(unexpected.error).toContain('not between 0 and 1');
  });

  it('refuses a malformed scenario file, naming the file and the field', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ruralkit-scenario-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'name: x\nasOf: 2023-13-01\ninput: {}\nexpect: { villages: { liuyang: { a.b: great } } }\n');
    expect(() => loadScenario(file)).toThrow(
      /bad\.yaml: not a valid scenario[\s\S]*asOf[\s\S]*villages\.liuyang\.a\.b/,
    );
    const outcome = await runScenarioFile(file);
    expect(outcome.passed).toBe(false);
    expect(formatOutcomes([outcome], dir)).toMatch(/^FAIL bad\.yaml[\s\S]*0 passed, 1 failed$/);
  });
});
