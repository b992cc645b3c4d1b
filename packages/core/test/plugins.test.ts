// County plugins: resolution, provenance, hashes, diffs, and every refusal naming the plugin.
import { describe, expect, it } from 'vitest';
import {
  CORE_VERSION,
  definePlugin,
  diffPlan,
  diffToMarkdown,
  evaluate,
  getPlan,
  PluginError,
  planHash,
  resolvePlan,
  ruleNameAt,
  type PluginInput,
  type Rule,
} from '@ruralkit/core';
import { county } from './county-plugin.js';

const plan = getPlan('changjiang-2021');
/** County A's plugin at version 1.2.0, with `extra`. */
const base = (extra: Partial<PluginInput> = {}): PluginInput => county({ version: '1.2.0', ...extra });
const tapWater95 = base({
  parameters: [{ id: 'infrastructure.tapWaterMinRate', values: [{ from: '2024-01-01', value: 0.95 }] }],
});

/** The PluginError a resolution throws. */
function refusal(plugins: PluginInput[]): PluginError {
  try {
    resolvePlan(plan, plugins);
  } catch (error) {
    expect(error).toBeInstanceOf(PluginError);
    return error as PluginError;
  }
  throw new Error('expected a PluginError');
}

const rule = (overrides: Partial<Rule>): Rule => ({
  ...structuredClone(plan.rules.find((r) => r.id === 'infrastructure.tap-water')!),
  ...overrides,
});

describe('resolvePlan', () => {
  it('applies dated parameter values and records who set each', () => {
    const resolved = resolvePlan(plan, [tapWater95]);
    const parameter = resolved.parameters.find((p) => p.id === 'infrastructure.tapWaterMinRate')!;
    expect(parameter.values).toEqual([
      { from: '2021-01-01', value: 0.9 },
      { from: '2024-01-01', value: 0.95 },
    ]);
    expect(resolved.provenance.parameters['infrastructure.tapWaterMinRate']).toEqual([
      { from: '2021-01-01', setBy: 'plan' },
      { from: '2024-01-01', setBy: 'plugin:county-a@1.2.0' },
    ]);
    expect(Object.isFrozen(resolved)).toBe(true);
    expect(Object.isFrozen(resolved.parameters[0]!.values)).toBe(true);
    // the base plan is untouched
    expect(plan.parameters.find((p) => p.id === 'infrastructure.tapWaterMinRate')!.values).toHaveLength(1);
  });

  it('gives the same plan and plugins the same hash, and any change another', () => {
    const a = resolvePlan(plan, [tapWater95]);
    const b = resolvePlan(plan, [structuredClone(tapWater95)]);
    expect(a.hash).toBe(b.hash);
    expect(a.hash).not.toBe(planHash(plan));
    expect(resolvePlan(plan, []).hash).toBe(planHash(plan));
    const c = resolvePlan(plan, [
      base({ parameters: [{ id: 'infrastructure.tapWaterMinRate', values: [{ from: '2024-01-01', value: 0.96 }] }] }),
    ]);
    expect(c.hash).not.toBe(a.hash);
    const d = resolvePlan(plan, [{ ...tapWater95, version: '1.2.1' }]);
    expect(d.hash).not.toBe(a.hash);
  });

  it('records the plan hash and who set every parameter and rule in results', () => {
    const resolved = resolvePlan(plan, [tapWater95]);
    const input = {
      villages: [
        {
          id: 'liuyang',
          attributes: { needsExpressPoint: true, hasEcommerceConditions: true },
          indicators: { '2025': { tapWaterRate: 0.93 } },
        },
      ],
    };
    const withPlugin = evaluate(resolved, input, { asOf: '2025-12-31' });
    const r = withPlugin.results.find((x) => x.ruleId === 'infrastructure.tap-water')!;
    expect(r.status).toBe('not-met');
    expect(r.setBy).toBe('plan');
    expect(r.parameters.find((p) => p.id === 'infrastructure.tapWaterMinRate')).toMatchObject({
      value: 0.95,
      setBy: 'plugin:county-a@1.2.0',
    });
    expect(withPlugin.plan).toMatchObject({ hash: resolved.hash, plugins: ['county-a@1.2.0'] });
    expect(
      evaluate(plan, input, { asOf: '2025-12-31' }).results.find((x) => x.ruleId === 'infrastructure.tap-water')!
        .status,
    ).toBe('met');
  });

  it('adds indicators, rules, screening rules and custom operators', () => {
    const resolved = resolvePlan(plan, [
      base({
        indicators: [
          {
            key: 'coldChainNodeCount',
            subject: 'village',
            type: 'integer',
            unit: 'count',
            min: 0,
            name: { zh: '冷链节点', en: 'Cold-chain nodes' },
          },
        ],
        operators: { isEven: (a: unknown) => typeof a === 'number' && a % 2 === 0 },
        rules: {
          add: [
            rule({
              id: 'industry.cold-chain-even',
              clauses: ['2.1'],
              units: ['agri-water'],
              condition: { all: [{ fact: 'coldChainNodeCount', operator: 'isEven', value: null }] },
              messages: {
                zh: { met: '{subject}达标', notMet: '{subject}未达标' },
                en: { met: '{subject} met', notMet: '{subject} not met' },
              },
            }),
          ],
        },
      }),
    ]);
    const input = {
      villages: [
        {
          id: 'liuyang',
          attributes: { needsExpressPoint: true, hasEcommerceConditions: true },
          indicators: { '2025': { coldChainNodeCount: 2 } },
        },
      ],
    };
    const r = evaluate(resolved, input, { asOf: '2025-12-31' }).results.find(
      (x) => x.ruleId === 'industry.cold-chain-even',
    )!;
    expect(r).toMatchObject({ status: 'met', setBy: 'plugin:county-a@1.2.0' });
  });

  it('disables rules and changes messages', () => {
    const resolved = resolvePlan(plan, [
      base({
        rules: { disable: ['infrastructure.gas-access'] },
        messages: { 'infrastructure.tap-water': { zh: { notMet: '{subject}自来水未达标（甲县口径）' } } },
      }),
    ]);
    expect(resolved.rules.some((r) => r.id === 'infrastructure.gas-access')).toBe(false);
    expect(resolved.rules.find((r) => r.id === 'infrastructure.tap-water')!.messages.zh.met).toBe(
      plan.rules.find((r) => r.id === 'infrastructure.tap-water')!.messages.zh.met,
    );
    expect(resolved.rules.find((r) => r.id === 'infrastructure.tap-water')!.messages.zh.notMet).toBe(
      '{subject}自来水未达标（甲县口径）',
    );
    expect(resolved.disabled).toEqual([{ id: 'infrastructure.gas-access', by: 'plugin:county-a@1.2.0' }]);
    expect(resolved.relaxed).toEqual([]); // a strive rule (力争) is not a binding target
  });

  it('orders plugins by their dependencies and lets a dependent change what it depends on', () => {
    const lines = base({
      id: 'lines',
      parameters: [{ id: 'monitoring.incomeThreshold', values: [{ from: '2024-01-01', value: 7000 }] }],
    });
    const county = base({
      id: 'county',
      dependsOn: ['lines'],
      parameters: [{ id: 'monitoring.incomeThreshold', values: [{ from: '2025-01-01', value: 7200 }] }],
    });
    const resolved = resolvePlan(plan, [county, lines]);
    expect(resolved.plugins.map((p) => p.id)).toEqual(['lines', 'county']);
    expect(resolved.provenance.parameters['monitoring.incomeThreshold']!.map((v) => v.setBy)).toEqual([
      'plan',
      'plugin:lines@1.2.0',
      'plugin:county@1.2.0',
    ]);
  });
});

describe('rule names that state a figure', () => {
  const resolved = resolvePlan(plan, [tapWater95]);
  const tapWater = (p: typeof plan) => p.rules.find((r) => r.id === 'infrastructure.tap-water')!;

  it('take the figure from the parameter in force on the date', () => {
    expect(ruleNameAt(plan, tapWater(plan), '2025-12-31')).toEqual({
      zh: '自来水普及率达到90%',
      en: 'Tap water coverage reaches 90%',
    });
    expect(ruleNameAt(resolved, tapWater(resolved), '2025-12-31').zh).toBe('自来水普及率达到95%');
    expect(ruleNameAt(resolved, tapWater(resolved), '2023-12-31').zh).toBe('自来水普及率达到90%');
    const funds = plan.rules.find((r) => r.id === 'funding.transition-funds')!;
    expect(ruleNameAt(plan, funds, '2025-12-31')).toEqual({
      zh: '每年投入衔接资金300,000元以上',
      en: 'At least CNY 300,000 of transition funds a year',
    });
  });

  it('reach every result, so its name and its message state the same target', () => {
    const input = {
      villages: [
        {
          id: 'liuyang',
          attributes: { needsExpressPoint: false, hasEcommerceConditions: false },
          indicators: { '2025': { tapWaterRate: 0.93 } },
        },
      ],
    };
    const r = evaluate(resolved, input, { asOf: '2025-12-31' }).results.find(
      (x) => x.ruleId === 'infrastructure.tap-water',
    )!;
    expect(r.message.zh).toContain('低于目标95%');
    expect(r.ruleName).toEqual({ zh: '自来水普及率达到95%', en: 'Tap water coverage reaches 95%' });
  });

  it('stay visible as a placeholder when the plan has no such parameter', () => {
    expect(ruleNameAt(plan, { name: { zh: '达到{p:no.such}', en: 'reaches {p:no.such}' } }, '2025-12-31').zh).toBe(
      '达到{p:no.such}',
    );
  });

  it('no name in the plan states a figure without a placeholder', () => {
    for (const rule of [...plan.rules, ...plan.screeningRules]) {
      expect(rule.name.zh, rule.id).not.toMatch(/\d+(%|万元|元)/);
      expect(rule.name.en, rule.id).not.toMatch(/\d+%|CNY [\d,]+/);
    }
  });
});

describe('refusals name the plugin and the path', () => {
  it('a schema error', () => {
    const error = refusal([{ ...base(), version: 'one' } as PluginInput]);
    expect([error.plugin, error.path]).toEqual(['county-a', 'version']);
    expect(() => definePlugin({ ...base(), rules: { add: [{ id: 'x' }] } } as unknown as PluginInput)).toThrow(
      /plugin county-a: \d+ 处问题 \/ \d+ problems:\n {2}- at rules\.add\[0\]/,
    );
  });

  it('every problem of a plugin’s shape, not the first and a count', () => {
    const error = refusal([
      { ...base(), version: 'one', core: 3, parameters: [{ id: 'Bad Id', values: [] }] } as unknown as PluginInput,
    ]);
    const paths = error.problems.map((p) => p.path);
    expect(paths).toEqual(['version', 'core', 'parameters[0].values']);
    for (const path of paths) expect(error.message).toContain(`at ${path}: 格式有误`);
    expect(error.message).not.toMatch(/more\)|另有/);
  });

  it('an unsupported core version', () => {
    const error = refusal([base({ core: '^2.0.0' })]);
    expect([error.plugin, error.path]).toEqual(['county-a', 'core']);
    expect(error.message).toContain(`but this is ${CORE_VERSION}`);
  });

  it('another plan', () => {
    expect(refusal([base({ plan: 'other-2021' })]).message).toContain('plugin county-a at plan: ');
  });

  it('a missing dependency and a cyclic one', () => {
    expect(refusal([base({ dependsOn: ['nowhere'] })]).message).toContain(
      'plugin county-a at dependsOn[0]: 依赖的插件 "nowhere" 未加载',
    );
    const error = refusal([base({ id: 'a', dependsOn: ['b'] }), base({ id: 'b', dependsOn: ['a'] })]);
    expect(error.message).toMatch(/cyclic dependency: (a → b → a|b → a → b)/);
  });

  it('references to a rule, parameter, indicator or unit that does not exist', () => {
    expect(refusal([base({ rules: { disable: ['infrastructure.tap-waterr'] } })]).message).toContain(
      'plugin county-a at rules.disable[0]: 方案中没有规则 "infrastructure.tap-waterr"',
    );
    expect(
      refusal([
        base({ parameters: [{ id: 'infrastructure.tapWaterMin', values: [{ from: '2024-01-01', value: 1 }] }] }),
      ]).message,
    ).toContain('plugin county-a at parameters[0]: 方案中没有参数 "infrastructure.tapWaterMin"');
    expect(
      refusal([
        base({
          rules: {
            add: [rule({ id: 'x.y', condition: { all: [{ fact: 'coldChainNodes', operator: 'equal', value: 1 }] } })],
          },
        }),
      ]).message,
    ).toContain('plugin county-a at rules.add[0].condition: 条件引用了不存在的指标或参数 "coldChainNodes"');
    expect(
      refusal([base({ rules: { add: [rule({ id: 'x.y', units: ['agri-water', 'cold-chain-office'] })] } })]).message,
    ).toContain('plugin county-a at rules.add[0].units[1]: 方案中没有单位 "cold-chain-office"');
    expect(refusal([base({ messages: { 'x.y': { zh: { met: 'x' } } } })]).path).toBe('messages.x.y');
    expect(
      refusal([
        base({
          rules: {
            add: [
              rule({ id: 'x.y', condition: { all: [{ fact: 'tapWaterRate', operator: 'greaterThen', value: 1 }] } }),
            ],
          },
        }),
      ]).message,
    ).toContain('unknown operator "greaterThen"');
  });

  it('two plugins changing the same thing with neither depending on the other', () => {
    const error = refusal([tapWater95, { ...tapWater95, id: 'county-b' }]);
    expect([error.plugin, error.path]).toEqual(['county-b', 'parameters[0]']);
    expect(error.message).toContain('plugin "county-a" also changes');
  });

  it('loosening a binding target without declaring it', () => {
    const lower = base({
      parameters: [{ id: 'infrastructure.tapWaterMinRate', values: [{ from: '2024-01-01', value: 0.85 }] }],
    });
    expect(refusal([lower]).message).toContain(
      'plugin county-a at parameters[0]: 放宽了 "infrastructure.tapWaterMinRate"',
    );
    expect(
      resolvePlan(plan, [{ ...lower, relax: [{ id: 'infrastructure.tapWaterMinRate', reason: '山区供水条件所限' }] }])
        .relaxed,
    ).toHaveLength(1);
    const later = base({
      parameters: [{ id: 'deadline.transitionEnd', values: [{ from: '2021-01-01', value: '2026-12-31' }] }],
    });
    expect(refusal([later]).message).toContain('放宽了 "deadline.transitionEnd"');
    expect(refusal([base({ rules: { disable: ['infrastructure.tap-water'] } })]).path).toBe('rules.disable[0]');
    expect(refusal([base({ rules: { replace: [rule({ strength: 'strive' })] } })]).path).toBe('rules.replace[0]');
    // a stricter target or disabling a non-binding rule needs no declaration
    expect(() =>
      resolvePlan(plan, [tapWater95, base({ id: 'county-b', rules: { disable: ['infrastructure.gas-access'] } })]),
    ).not.toThrow();
  });

  it('a relax declaration for something the plugin does not loosen', () => {
    expect(refusal([{ ...tapWater95, relax: [{ id: 'infrastructure.tapWaterMinRate', reason: 'x' }] }]).path).toBe(
      'relax[0]',
    );
  });

  it('a frozen look-alike of a checked plugin, checked again', () => {
    const lookAlike = Object.freeze({ ...definePlugin(base()), id: 'Not An Id', operators: {} });
    const error = refusal([lookAlike as unknown as PluginInput]);
    expect([error.plugin, error.path]).toEqual(['Not An Id', 'id']);
  });

  it('overriding a built-in operator', () => {
    expect(refusal([base({ operators: { equal: () => true } })]).path).toBe('operators.equal');
  });
});

describe('diffPlan', () => {
  it('lists every change with who made it and the relax reasons', () => {
    const relaxed = base({
      parameters: [
        { id: 'infrastructure.tapWaterMinRate', values: [{ from: '2024-01-01', value: 0.95 }] },
        { id: 'deadline.villagePlan', values: [{ from: '2021-01-01', value: '2023-06-30' }] },
      ],
      relax: [{ id: 'deadline.villagePlan', reason: '县级国土空间规划批复延后' }],
    });
    const diff = diffPlan(plan, resolvePlan(plan, [relaxed]));
    expect(diff.changes.map((c) => [c.kind, c.id, c.change, c.by, c.relaxed])).toEqual([
      ['parameter', 'infrastructure.tapWaterMinRate', 'changed', 'plugin:county-a@1.2.0', undefined],
      ['parameter', 'deadline.villagePlan', 'changed', 'plugin:county-a@1.2.0', '县级国土空间规划批复延后'],
    ]);
    const md = diffToMarkdown(diff);
    expect(md).toContain(
      '| 参数 parameter | `deadline.villagePlan` | changed ⚠ relaxed | plugin:county-a@1.2.0 | 2021-01-01: 2022-12-31 → 2021-01-01: 2023-06-30 |',
    );
    expect(md).toContain('## 放宽的目标 / Relaxed targets');
  });
});

describe('CORE_VERSION', () => {
  it('is the version in package.json', async () => {
    const { readFileSync } = await import('node:fs');
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(CORE_VERSION).toBe(pkg.version);
  });
});
