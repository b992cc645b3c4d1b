/**
 * What a plugin refers to must exist (引用检查): the plan and core version it targets, clauses,
 * units, parameters, risk types, facts and operators; parameter values must fit their unit.
 */
import { derivedSources, unknownFact } from '../model/reads.js';
import semver from 'semver';
import {
  parameterValueProblem,
  type Condition,
  type Parameter,
  type Plan,
  type Rule,
  type ScreeningRule,
} from '../model/schema.js';
import { compileCondition, ConditionCompileError } from '../rules/compile.js';
import { customOperators } from '../rules/operators.js';
import { CORE_VERSION } from '../version.js';
import { PluginError } from './errors.js';
import type { WorkingPlan } from '../model/resolved-plan.js';
import type { ParameterChange, Plugin } from './schema.js';

/** Refuse at `path` with the reason in Chinese and English. */
export type Fail = (path: string, zh: string, en: string) => never;

/** The plugin targets this plan and a core version range this core satisfies. */
export function checkTarget(plugin: Plugin, plan: Plan): void {
  if (plugin.plan !== plan.id) {
    throw new PluginError(
      plugin.id,
      'plan',
      `插件适用于方案 "${plugin.plan}"，不是 "${plan.id}"`,
      `extends plan "${plugin.plan}", not "${plan.id}"`,
    );
  }
  if (!semver.validRange(plugin.core)) {
    throw new PluginError(
      plugin.id,
      'core',
      `"${plugin.core}" 不是有效的版本范围`,
      `"${plugin.core}" is not a version range`,
    );
  }
  if (!semver.satisfies(CORE_VERSION, plugin.core, { includePrerelease: true })) {
    throw new PluginError(
      plugin.id,
      'core',
      `支持 @ruralkit/core ${plugin.core}，当前版本为 ${CORE_VERSION}`,
      `supports @ruralkit/core ${plugin.core}, but this is ${CORE_VERSION}`,
    );
  }
}

export function checkClause(working: WorkingPlan, clause: string, path: string, fail: Fail): void {
  if (!working.clauses.some((c) => c.id === clause))
    fail(path, `方案中没有条款 "${clause}"`, `no clause "${clause}" in the plan`);
}

/** Each value must fit the parameter's unit (a ratio 0–1, money ≥ 0, a real date…). */
export function checkValues(unit: Parameter['unit'], change: ParameterChange, path: string, fail: Fail): void {
  change.values.forEach((entry, j) => {
    const problem = parameterValueProblem(unit, entry.value);
    if (problem) fail(`${path}.values[${j}].value`, problem.zh, problem.en);
  });
}

/** Clauses, units, the due parameter, risk type and every fact and operator a rule uses must exist. */
export function checkRuleReferences(working: WorkingPlan, rule: Rule | ScreeningRule, path: string, fail: Fail): void {
  rule.clauses.forEach((c, i) => checkClause(working, c, `${path}.clauses[${i}]`, fail));
  rule.units.forEach((u, i) => {
    if (!working.units.some((unit) => unit.id === u))
      fail(`${path}.units[${i}]`, `方案中没有单位 "${u}"`, `no unit "${u}" in the plan`);
  });
  if ('due' in rule && rule.due) {
    const due = working.parameters.find((p) => p.id === rule.due);
    if (!due || due.unit !== 'date')
      fail(`${path}.due`, `"${rule.due}" 不是日期参数`, `"${rule.due}" is not a date parameter`);
  }
  if ('riskType' in rule && !working.riskTypes.some((t) => t.id === rule.riskType)) {
    fail(`${path}.riskType`, `没有风险类型 "${rule.riskType}"`, `no risk type "${rule.riskType}"`);
  }
  const known = new Set<string>([
    ...working.indicators.map((d) => d.key),
    ...working.parameters.map((p) => p.id),
    ...Object.keys(rule.derived),
  ]);
  for (const [name, derived] of Object.entries(rule.derived)) {
    for (const s of derivedSources(derived)) {
      if (!working.indicators.some((d) => d.key === s))
        fail(`${path}.derived.${name}`, `没有指标 "${s}"`, `no indicator "${s}"`);
    }
  }
  const conditions: [string, Condition | undefined][] = [
    ['condition', rule.condition],
    ['applicability', 'applicability' in rule ? rule.applicability : undefined],
  ];
  for (const [field, condition] of conditions) {
    if (!condition) continue;
    let facts: readonly string[];
    try {
      facts = compileCondition(condition, { operators: { ...customOperators, ...working.operators } }).facts;
    } catch (error) {
      if (!(error instanceof ConditionCompileError)) throw error;
      return fail(`${path}.${field}`, `条件有误：${error.message}`, `invalid condition: ${error.message}`);
    }
    for (const fact of facts) {
      if (!known.has(fact)) {
        const { zh, en } = unknownFact(fact);
        fail(`${path}.${field}`, zh, en);
      }
    }
  }
}
