// The county-plugin guide's own code works: its YAML plugin, its code plugin with a complete
// `rules.add`, and its scenario file are taken from docs/guides/county-plugin.md as written, put
// in a folder as the guide says, and run.
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { evaluate, getPlan, resolvePlan } from '@ruralkit/core';
import { loadPlugins, runScenarios } from '@ruralkit/testing';

const root = fileURLToPath(new URL('../', import.meta.url));
const guide = readFileSync(join(root, 'docs/guides/county-plugin.md'), 'utf8');

/** The first fenced block of `lang` in the guide's section `heading`. */
function block(heading: string, lang: string): string {
  const section = guide.slice(guide.indexOf(`## ${heading}`));
  const match = section.match(new RegExp('```' + lang + '\\n([\\s\\S]*?)```'));
  if (!match) throw new Error(`no ${lang} block under "${heading}"`);
  return match[1]!;
}

/** A plugin author's folder: the guide's files, and @ruralkit/core installed. */
function authorFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ruralkit-guide-'));
  mkdirSync(join(dir, 'node_modules/@ruralkit'), { recursive: true });
  symlinkSync(join(root, 'packages/core'), join(dir, 'node_modules/@ruralkit/core'), 'dir');
  writeFileSync(join(dir, 'income-lines.plugin.yaml'), block('2.', 'yaml'));
  writeFileSync(join(dir, 'my-county.plugin.ts'), block('3.', 'ts'));
  mkdirSync(join(dir, 'scenarios'));
  writeFileSync(join(dir, 'scenarios/tap-water.yaml'), block('6.', 'yaml'));
  return dir;
}

describe('the county-plugin guide', () => {
  const dir = authorFolder();

  it('its code plugin adds a rule that judges the new indicator, named with its parameter', async () => {
    const plugins = await loadPlugins([join(dir, 'income-lines.plugin.yaml'), join(dir, 'my-county.plugin.ts')]);
    const plan = resolvePlan(getPlan('changjiang-2021'), plugins);
    const village = (nodes: number) => ({
      id: 'liuyang',
      attributes: { needsExpressPoint: true, hasEcommerceConditions: true },
      indicators: { '2025': { coldChainNodeCount: nodes } },
    });
    const report = evaluate(
      plan,
      { villages: [village(2), { ...village(0), id: 'jianglian' }] },
      { asOf: '2025-12-31' },
    );
    const coldChain = report.results.filter((r) => r.ruleId === 'industry.cold-chain-node');
    expect(coldChain.map((r) => [r.subject.id, r.status])).toEqual([
      ['liuyang', 'met'],
      ['jianglian', 'not-met'],
    ]);
    expect(coldChain[0]!.setBy).toBe('plugin:my-county@1.0.0');
    expect(coldChain[0]!.ruleName.zh).toBe('每个重点村至少1个冷链物流节点');
    expect(coldChain[1]!.message.zh).toContain('少于目标1个');
  });

  it('its scenario file passes with both plugins', async () => {
    const outcomes = await runScenarios([join(dir, 'scenarios')]);
    expect(outcomes.map((o) => [o.name, o.passed, o.error ?? o.mismatches])).toEqual([
      ["93% tap water misses the county's 95% target", true, []],
    ]);
  });
});
