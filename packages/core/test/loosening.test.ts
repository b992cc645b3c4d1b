// Every route by which a plugin could loosen the plan (放宽) is refused without `relax`, naming the
// plugin, the path and why in Chinese and English; with `relax` it is accepted and shows up in
// `plan diff` and in the report's list of relaxed targets.
import { describe, expect, it } from 'vitest';
import * as core from '@ruralkit/core';
import {
  customOperators,
  diffPlan,
  diffToMarkdown,
  evaluate,
  PlanSchema,
  povertyMonitoringWorkflow,
  resolvePlan,
  workflowsFor,
  type Condition,
  type Grant,
  type PluginInput,
  type Rule,
  type ScreeningRule,
} from '@ruralkit/core';
import { county, plan, refusal } from './county-plugin.js';

const tapWater = plan.rules.find((r) => r.id === 'infrastructure.tap-water')!;
const tapWaterWith = (overrides: Partial<Rule>): Rule => ({ ...structuredClone(tapWater), ...overrides });
const incomeRisk = plan.screeningRules.find((r) => r.id === 'monitoring.income-risk')!;
const incomeRiskWith = (condition: Condition): ScreeningRule => ({ ...structuredClone(incomeRisk), condition });
const atLeast = (value: unknown): Condition => ({
  all: [{ fact: 'tapWaterRate', operator: 'greaterThanInclusive', value }],
});
const param = (id: string) => ({ fact: id });
const parameter = (id: string, ...values: [string, number | string][]) => ({
  id,
  values: values.map(([from, value]) => ({ from, value })),
});

/**
 * The route is refused at `path` with `why` (Chinese and English), and accepted with a `relax`
 * for `id` that `plan diff` and the report both list.
 */
function expectLoosening(plugin: PluginInput, id: string, path: string, why: { zh: RegExp; en: RegExp }) {
  const error = refusal(plugin);
  expect([error.plugin, error.path]).toEqual(['county-a', path]);
  expect(error.zh).toContain(`放宽了 "${id}"`);
  expect(error.zh).toMatch(why.zh);
  expect(error.en).toContain(`loosens "${id}"`);
  expect(error.en).toMatch(why.en);
  const reason = `县里的理由 ${id}`;
  const resolved = resolvePlan(plan, [{ ...plugin, relax: [{ id, reason }] }]);
  expect(resolved.relaxed).toEqual([{ id, reason, by: 'plugin:county-a@1.0.0' }]);
  const diff = diffPlan(plan, resolved);
  expect(diff.changes.filter((c) => c.id === id).map((c) => c.relaxed)).toContain(reason);
  expect(diffToMarkdown(diff)).toContain(`- \`${id}\` (plugin:county-a@1.0.0): ${reason}`);
  expect(evaluate(resolved, { villages: [] }, { asOf: '2025-12-31' }).plan.relaxed).toEqual([
    { id, reason, by: 'plugin:county-a@1.0.0' },
  ]);
}

describe('replacing a binding rule (rules.replace)', () => {
  const replace = (rule: Rule, extra: Partial<PluginInput> = {}) => county({ rules: { replace: [rule] }, ...extra });
  const why = (zh: RegExp, en: RegExp) => ({ zh, en });

  it('a literal threshold instead of the parameter', () => {
    expectLoosening(
      replace(tapWaterWith({ condition: atLeast(0.5) })),
      'infrastructure.tap-water',
      'rules.replace[0]',
      why(/与字面量 0.5 比较/, /compared with the literal 0.5 where the plan compares it with a parameter/),
    );
    // even a higher literal: it no longer follows the parameter the plan and plugins set
    expect(refusal(replace(tapWaterWith({ condition: atLeast(0.99) }))).path).toBe('rules.replace[0]');
  });

  it('an applicability condition that is never true', () => {
    const never: Condition = { all: [{ fact: 'needsExpressPoint', operator: 'equal', value: 'never' }] };
    expectLoosening(
      replace(tapWaterWith({ applicability: never })),
      'infrastructure.tap-water',
      'rules.replace[0]',
      why(/适用条件/, /applicability cannot be shown to hold/),
    );
  });

  it('another subject', () => {
    expectLoosening(
      replace(tapWaterWith({ subject: 'district' })),
      'infrastructure.tap-water',
      'rules.replace[0]',
      why(/对象由 village 改为 district/, /subject changes from village to district/),
    );
  });

  it('a custom operator that always holds', () => {
    const plugin = replace(
      tapWaterWith({ condition: { all: [{ fact: 'tapWaterRate', operator: 'alwaysMet', value: 1 }] } }),
      { operators: { alwaysMet: () => true } },
    );
    expectLoosening(
      plugin,
      'infrastructure.tap-water',
      'rules.replace[0]',
      why(/运算符 "alwaysMet" 无法证明/, /operator "alwaysMet" cannot be shown/),
    );
  });

  it('any in place of all, with a > 0 alternative', () => {
    const condition: Condition = {
      any: [
        { fact: 'tapWaterRate', operator: 'greaterThanInclusive', value: param('infrastructure.tapWaterMinRate') },
        { fact: 'tapWaterRate', operator: 'greaterThan', value: 0 },
      ],
    };
    expectLoosening(
      replace(tapWaterWith({ condition })),
      'infrastructure.tap-water',
      'rules.replace[0]',
      why(/用 any（任一成立）代替了 all/, /any \(one of\) in place of all/),
    );
  });

  it('a due date whose value in force is later, though its last value is early', () => {
    const plugin = replace(tapWaterWith({ due: 'deadline.countyWater' }), {
      parameters: [
        {
          ...parameter('deadline.countyWater', ['2021-01-01', '2030-12-31'], ['2029-01-01', '2021-06-30']),
          name: { zh: '县供水期限', en: 'County water deadline' },
          unit: 'date',
          stricter: 'lower',
          source: ['3.3'],
        },
      ],
    });
    expectLoosening(
      plugin,
      'infrastructure.tap-water',
      'rules.replace[0]',
      why(/在 2021-01-01 生效的值为 2030-12-31，晚于/, /in force on 2021-01-01 is 2030-12-31, later than/),
    );
  });

  it('no longer binding, and a changed kind', () => {
    expect(refusal(replace(tapWaterWith({ strength: 'strive' }))).en).toContain('no longer binding');
    expect(refusal(replace(tapWaterWith({ kind: 'ongoing', due: undefined }))).en).toContain('kind changes');
  });

  it('needs no relax when it can be shown at least as strict', () => {
    const stricter = (rule: Rule, extra: Partial<PluginInput> = {}) =>
      resolvePlan(plan, [replace(rule, extra)]).relaxed;
    // an extra condition, with the same comparison
    expect(
      stricter(
        tapWaterWith({
          condition: {
            all: [
              ...(tapWater.condition as { all: Condition[] }).all,
              { fact: 'tapWaterRate', operator: 'lessThanInclusive', value: 1 },
            ],
          },
        }),
      ),
    ).toEqual([]);
    // a strict > in place of ≥ with the same parameter
    expect(
      stricter(
        tapWaterWith({
          condition: {
            all: [{ fact: 'tapWaterRate', operator: 'greaterThan', value: param('infrastructure.tapWaterMinRate') }],
          },
        }),
      ),
    ).toEqual([]);
    // another parameter that is as high on every date of the plan period, and an earlier due date
    expect(
      stricter(
        tapWaterWith({
          condition: atLeast(param('infrastructure.countyWaterRate')),
          due: 'deadline.countyWater',
        }),
        {
          parameters: [
            {
              ...parameter('infrastructure.countyWaterRate', ['2021-01-01', 0.9], ['2023-01-01', 0.95]),
              name: { zh: '县自来水目标', en: 'County tap water target' },
              unit: 'ratio',
              stricter: 'higher',
              source: ['3.3'],
            },
            {
              ...parameter('deadline.countyWater', ['2021-01-01', '2024-12-31']),
              name: { zh: '县供水期限', en: 'County water deadline' },
              unit: 'date',
              stricter: 'lower',
              source: ['3.3'],
            },
          ],
        },
      ),
    ).toEqual([]);
  });

  it('refuses a comparison with a parameter that is lower on some date of the plan period', () => {
    const error = refusal(
      replace(tapWaterWith({ condition: atLeast(param('infrastructure.countyWaterRate')) }), {
        parameters: [
          {
            ...parameter('infrastructure.countyWaterRate', ['2021-01-01', 0.95], ['2025-06-01', 0.8]),
            name: { zh: '县自来水目标', en: 'County tap water target' },
            unit: 'ratio',
            stricter: 'higher',
            source: ['3.3'],
          },
        ],
      }),
    );
    expect(error.path).toBe('rules.replace[0]');
  });
});

describe('parameter values of the wrong type', () => {
  const refusedValue = (change: ReturnType<typeof parameter>) => refusal(county({ parameters: [change] }));

  it('refuses a string for a ratio and a number for a date, in plugins', () => {
    const text = refusedValue(parameter('infrastructure.tapWaterMinRate', ['2024-01-01', '0']));
    expect([text.plugin, text.path]).toEqual(['county-a', 'parameters[0].values[0].value']);
    expect(text.zh).toContain('"0" 不是数字');
    expect(text.en).toContain('"0" is not a number (unit ratio)');
    const date = refusedValue(parameter('deadline.transitionEnd', ['2021-01-01', 20301231]));
    expect(date.path).toBe('parameters[0].values[0].value');
    expect(date.en).toContain('20301231 is not a real date YYYY-MM-DD');
    expect(date.zh).toContain('不是 YYYY-MM-DD 格式的真实日期');
  });

  it('refuses a ratio above 1, negative money, part of a day and an impossible date', () => {
    expect(refusedValue(parameter('infrastructure.tapWaterMinRate', ['2024-01-01', 95])).en).toContain(
      'not between 0 and 1',
    );
    expect(refusedValue(parameter('monitoring.incomeThreshold', ['2024-01-01', -1])).en).toContain(
      'cannot be negative',
    );
    expect(refusedValue(parameter('monitoring.noticeMinDays', ['2024-01-01', 7.5])).en).toContain(
      'must be a whole number',
    );
    expect(refusedValue(parameter('deadline.villagePlan', ['2021-01-01', '2022-02-30'])).en).toContain(
      'not a real date',
    );
  });

  it('checks a new parameter’s values against its unit, and refuses it without a direction', () => {
    const added = (extra: object) =>
      county({
        parameters: [
          {
            ...parameter('funding.countyTopUpCny', ['2021-01-01', '5000']),
            name: { zh: '县级配套', en: 'County top-up' },
            unit: 'CNY',
            source: ['2.2'],
            ...extra,
          },
        ],
      });
    expect(refusal(added({ stricter: 'higher' })).path).toBe('parameters[0].values[0].value');
    expect(refusal(added({})).en).toContain('a new parameter needs name, unit, stricter and source');
  });

  it('refuses the same in a plan', () => {
    const broken = structuredClone(plan) as { parameters: { id: string; values: { value: unknown }[] }[] };
    broken.parameters.find((p) => p.id === 'deadline.transitionEnd')!.values[0]!.value = 20301231;
    const parsed = PlanSchema.safeParse(broken);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]).toMatchObject({
      path: ['parameters', 9, 'values', 0, 'value'],
      message: '20301231 is not a real date YYYY-MM-DD',
    });
  });
});

describe('screening and monitoring', () => {
  it('every parameter of the plan states its strict direction in the plan data', () => {
    expect(plan.parameters.filter((p) => !['higher', 'lower', 'none'].includes(p.stricter))).toEqual([]);
    const direction = (id: string) => plan.parameters.find((p) => p.id === id)!.stricter;
    expect(direction('monitoring.incomeThreshold')).toBe('higher');
    expect(direction('monitoring.noticeMinDays')).toBe('higher');
    expect(direction('monitoring.identificationMaxDays')).toBe('lower');
    expect(direction('deadline.transitionEnd')).toBe('lower');
  });

  it('a lower monitoring income line', () => {
    expectLoosening(
      county({ parameters: [parameter('monitoring.incomeThreshold', ['2024-01-01', 5000])] }),
      'monitoring.incomeThreshold',
      'parameters[0]',
      { zh: /自 2024-01-01 起调低/, en: /lowers it from 2024-01-01, while higher is stricter/ },
    );
  });

  it('a public notice of 0 days and identification within 3650 days', () => {
    expectLoosening(
      county({ parameters: [parameter('monitoring.noticeMinDays', ['2021-01-01', 0])] }),
      'monitoring.noticeMinDays',
      'parameters[0]',
      { zh: /调低/, en: /lowers it/ },
    );
    expectLoosening(
      county({ parameters: [parameter('monitoring.identificationMaxDays', ['2021-01-01', 3650])] }),
      'monitoring.identificationMaxDays',
      'parameters[0]',
      { zh: /调高/, en: /raises it from 2021-01-01, while lower is stricter/ },
    );
  });

  it('disabling a screening rule', () => {
    expectLoosening(
      county({ screeningRules: { disable: ['monitoring.housing-risk'] } }),
      'monitoring.housing-risk',
      'screeningRules.disable[0]',
      { zh: /停用了筛查预警规则/, en: /disables a screening rule/ },
    );
  });

  it('replacing a screening rule with one that flags fewer households', () => {
    const narrower = incomeRiskWith({
      all: [
        { fact: 'perCapitaIncomeCny', operator: 'lessThan', value: param('monitoring.incomeThreshold') },
        { fact: 'perCapitaIncomeCny', operator: 'lessThan', value: 3000 },
      ],
    });
    expectLoosening(
      county({ screeningRules: { replace: [narrower] } }),
      'monitoring.income-risk',
      'screeningRules.replace[0]',
      { zh: /不能证明在原规则预警的每种情况下都会预警/, en: /cannot be shown to flag every household/ },
    );
    // flagging at least every household the plan flagged needs no relax
    const wider = incomeRiskWith({
      any: [
        { fact: 'perCapitaIncomeCny', operator: 'lessThanInclusive', value: param('monitoring.incomeThreshold') },
        { fact: 'rigidExpenditureCny', operator: 'greaterThan', value: 50000 },
      ],
    });
    const indicator = {
      key: 'rigidExpenditureCny',
      subject: 'household' as const,
      type: 'number' as const,
      unit: 'CNY' as const,
      min: 0,
      name: { zh: '刚性支出', en: 'Rigid expenditure' },
    };
    expect(
      resolvePlan(plan, [county({ indicators: [indicator], screeningRules: { replace: [wider] } })]).relaxed,
    ).toEqual([]);
  });

  it('a parameter’s direction or unit cannot be changed', () => {
    const flipped = refusal(
      county({ parameters: [{ ...parameter('monitoring.incomeThreshold', ['2024-01-01', 5000]), stricter: 'lower' }] }),
    );
    expect(flipped.path).toBe('parameters[0].stricter');
    expect(flipped.en).toContain('cannot change the stricter of parameter "monitoring.incomeThreshold"');
    const unit = refusal(
      county({ parameters: [{ ...parameter('monitoring.noticeMinDays', ['2024-01-01', 5]), unit: 'working days' }] }),
    );
    expect(unit.path).toBe('parameters[0].unit');
  });
});

describe('workflow roles', () => {
  it('granting county approval and notice completion to households', () => {
    const plugin = county({
      workflowRoles: {
        'poverty-monitoring': { COUNTY_APPROVE: ['county-approver', 'household'], NOTICE_COMPLETED: ['household'] },
      },
    });
    const error = refusal(plugin);
    expect([error.plugin, error.path]).toEqual(['county-a', 'workflowRoles.poverty-monitoring.COUNTY_APPROVE']);
    expect(error.zh).toContain('让 household 也能发送 COUNTY_APPROVE');
    expect(error.en).toContain('lets household send COUNTY_APPROVE as well, widening who may act');
    const both = resolvePlan(plan, [
      {
        ...plugin,
        relax: [
          { id: 'poverty-monitoring.COUNTY_APPROVE', reason: '试点' },
          { id: 'poverty-monitoring.NOTICE_COMPLETED', reason: '试点' },
        ],
      },
    ]);
    const diff = diffPlan(plan, both);
    expect(diff.changes.filter((c) => c.kind === 'workflow-role').map((c) => [c.id, c.by, c.relaxed])).toEqual([
      ['poverty-monitoring.COUNTY_APPROVE', 'plugin:county-a@1.0.0', '试点'],
      ['poverty-monitoring.NOTICE_COMPLETED', 'plugin:county-a@1.0.0', '试点'],
    ]);
    expect(evaluate(both, { villages: [] }, { asOf: '2025-12-31' }).plan.relaxed.map((r) => r.id)).toEqual([
      'poverty-monitoring.COUNTY_APPROVE',
      'poverty-monitoring.NOTICE_COMPLETED',
    ]);
  });

  it('narrowing roles, or widening who may open a case, needs no relax', () => {
    const resolved = resolvePlan(plan, [
      county({
        workflowRoles: {
          'poverty-monitoring': { COUNTY_APPROVE: [], FLAG: ['village-cadre', 'township-official'] },
        },
      }),
    ]);
    expect(resolved.relaxed).toEqual([]);
  });
});

describe('tables a code plugin must not patch', () => {
  const monitoring = () => workflowsFor(plan).definitionOf('poverty-monitoring');
  it('the custom operators and the workflow role tables are frozen', () => {
    expect(() => {
      (customOperators as Record<string, unknown>).dateOnOrBefore = () => true;
    }).toThrow(TypeError);
    expect(() => {
      (monitoring().events.COUNTY_APPROVE!.grants as Grant[]).push({ role: 'household' });
    }).toThrow(TypeError);
    expect(() => {
      (povertyMonitoringWorkflow.events as Record<string, unknown>).COUNTY_APPROVE = { grants: [{}] };
    }).toThrow(TypeError);
    expect(() => {
      (workflowsFor(plan).definitions as unknown[]).push({});
    }).toThrow(TypeError);
    expect(monitoring().events.COUNTY_APPROVE!.grants).toEqual([{ role: 'county-approver' }]);
  });
});

describe('nothing @ruralkit/core exports can be patched', () => {
  it('every exported table (objects and arrays, zod schemas aside) is frozen all the way down', () => {
    const unfrozen: string[] = [];
    const seen = new Set<unknown>();
    const visit = (value: unknown, path: string) => {
      if (!value || typeof value !== 'object' || seen.has(value) || '_zod' in value) return;
      seen.add(value);
      if (!Object.isFrozen(value)) unfrozen.push(path);
      for (const [key, child] of Object.entries(value)) visit(child, `${path}.${key}`);
    };
    for (const [name, value] of Object.entries(core)) visit(value, name);
    expect(unfrozen).toEqual([]);
    expect(seen.size).toBeGreaterThan(100); // the plan's tables, workflows and labels were all visited
  });
});

describe('plan diff credits operators to the plugin that defines them', () => {
  it('names the code plugin, not the YAML one it depends on, with the operator’s code digest', () => {
    const lines = county({
      id: 'county-lines',
      parameters: [parameter('monitoring.incomeThreshold', ['2024-01-01', 7000])],
    });
    const code = county({
      id: 'county-code',
      dependsOn: ['county-lines'],
      operators: { isEven: (a: unknown) => typeof a === 'number' && a % 2 === 0 },
    });
    const diff = diffPlan(plan, resolvePlan(plan, [lines, code]));
    const operator = diff.changes.find((c) => c.kind === 'operator')!;
    expect(operator).toMatchObject({ id: 'isEven', change: 'added', by: 'plugin:county-code@1.0.0' });
    expect(operator.after).toMatch(/^sha256:[0-9a-f]{16}$/);
    expect(diffToMarkdown(diff)).toContain(
      `| 运算符 operator | \`isEven\` | added | plugin:county-code@1.0.0 | 自定义运算符 custom operator, code ${String(operator.after)} |`,
    );
  });
});
