// Plugins that used to throw a TypeError or break later results (issue 14, point 5): each is
// now a PluginError naming the plugin and the path inside it, at load time.
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { evaluate, resolvePlan } from '@ruralkit/core';
import { county, plan, refusal } from './county-plugin.js';

const tapWater = plan.rules.find((r) => r.id === 'infrastructure.tap-water')!;

describe('plugin hazards', () => {
  it('refuses operators: null, naming the plugin', () => {
    const error = refusal(county({ operators: null }));
    expect(error).toMatchObject({ plugin: 'county-a', path: 'operators' });
  });

  it('refuses a workflow or event named like an object property (toString)', () => {
    const error = refusal(county({ workflowRoles: { toString: { SUBMIT: ['village-secretary'] } } }));
    expect(error.plugin).toBe('county-a');
    expect(error.path).toBe('workflowRoles.toString');
    expect(refusal(county({ messages: { constructor: { en: { met: 'x' } } } })).path).toBe('messages.constructor');
  });

  it('refuses a circular YAML alias and deep nesting in a data-only plugin', () => {
    const circular = parse('id: county-a\nrelax: &r [{id: x, reason: *r}]') as Record<string, unknown>;
    expect(refusal(county(circular)).en).toContain('circular reference');
    let condition: Record<string, unknown> = { fact: 'tapWaterRate', op: '>=', value: 0.9 };
    for (let i = 0; i < 5_000; i++) condition = { all: [condition] };
    const rule = { ...tapWater, id: 'county.deep', condition };
    const error = refusal(county({ rules: { add: [rule] } }));
    expect(error.en).toContain('nested too deeply');
    expect(error.path).toMatch(/^rules\.add\[0\]\.condition/);
  });

  it.each([
    ['{p:typo}', 'is no parameter of the plan'],
    ['{v:tapWaterRat}', 'is no indicator or derived value'],
    ['{subjct}', 'is no placeholder'],
  ])('refuses the message placeholder %s at load time', (placeholder, why) => {
    const error = refusal(county({ messages: { [tapWater.id]: { en: { notMet: `below ${placeholder}` } } } }));
    expect(error.plugin).toBe('county-a');
    expect(error.path).toContain('infrastructure.tap-water messages.en.notMet');
    expect(error.en).toContain(why);
    const added = {
      ...tapWater,
      id: 'county.water',
      messages: { ...tapWater.messages, zh: { met: placeholder, notMet: 'x' } },
    };
    expect(refusal(county({ rules: { add: [added] } })).path).toContain('county.water messages.zh.met');
  });

  it('accepts correct placeholders and fills them', () => {
    const resolved = resolvePlan(plan, [
      county({
        messages: {
          [tapWater.id]: { en: { notMet: '{subject} {year}: {v:tapWaterRate} < {p:infrastructure.tapWaterMinRate}' } },
        },
      }),
    ]);
    const report = evaluate(
      resolved,
      {
        villages: [
          {
            id: 'liuyang',
            attributes: { needsExpressPoint: true, hasEcommerceConditions: true },
            indicators: { '2025': { tapWaterRate: 0.5 } },
          },
        ],
      },
      { asOf: '2025-12-31' },
    );
    const result = report.results.find((r) => r.ruleId === tapWater.id)!;
    expect(result.message.en).toMatch(/2025: 50(\.0)?% < 9\d(\.\d)?%/);
  });
});
