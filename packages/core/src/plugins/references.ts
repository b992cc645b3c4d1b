/**
 * What a plugin refers to must exist (引用检查): the plan and core version it targets, clauses,
 * units, parameters, risk types, facts and operators; parameter values must fit their unit.
 */
import { derivedSources, unknownFact } from '../model/reads.js';
import semver from 'semver';
import {
  parameterValueProblem,
  type Condition,
  type LocalizedText,
  type Parameter,
  type Plan,
  type Rule,
  type ScreeningRule,
} from '../model/schema.js';
import { compileCondition, ConditionCompileError } from '../rules/compile.js';
import { customOperators } from '../rules/operators.js';
import { CORE_VERSION } from '../version.js';
import { pluginError } from './errors.js';
import { pluginMessage } from './locales/messages.js';
import type { Message } from '../model/message.js';
import type { WorkingPlan } from '../model/resolved-plan.js';
import type { ParameterChange, Plugin } from './schema.js';

/** Refuse at `path` with the reason: a plugins' message, or a text another area said. */
export type Fail = (path: string, problem: Message | LocalizedText) => never;

/** The plugin targets this plan and a core version range this core satisfies. */
export function checkTarget(plugin: Plugin, plan: Plan): void {
  if (plugin.plan !== plan.id) {
    throw pluginError(plugin.id, 'plan', pluginMessage('plugin.other-plan', { extends: plugin.plan, plan: plan.id }));
  }
  if (!semver.validRange(plugin.core)) {
    throw pluginError(plugin.id, 'core', pluginMessage('plugin.core-range-invalid', { range: plugin.core }));
  }
  if (!semver.satisfies(CORE_VERSION, plugin.core, { includePrerelease: true })) {
    throw pluginError(
      plugin.id,
      'core',
      pluginMessage('plugin.core-unsupported', { range: plugin.core, version: CORE_VERSION }),
    );
  }
}

export function checkClause(working: WorkingPlan, clause: string, path: string, fail: Fail): void {
  if (!working.clauses.some((c) => c.id === clause)) fail(path, pluginMessage('plugin.clause-unknown', { clause }));
}

/** Each value must fit the parameter's unit (a ratio 0–1, money ≥ 0, a real date…). */
export function checkValues(unit: Parameter['unit'], change: ParameterChange, path: string, fail: Fail): void {
  change.values.forEach((entry, j) => {
    const problem = parameterValueProblem(unit, entry.value);
    if (problem) fail(`${path}.values[${j}].value`, problem);
  });
}

/** Clauses, units, the due parameter, risk type and every fact and operator a rule uses must exist. */
export function checkRuleReferences(working: WorkingPlan, rule: Rule | ScreeningRule, path: string, fail: Fail): void {
  rule.clauses.forEach((c, i) => checkClause(working, c, `${path}.clauses[${i}]`, fail));
  rule.units.forEach((u, i) => {
    if (!working.units.some((unit) => unit.id === u))
      fail(`${path}.units[${i}]`, pluginMessage('plugin.unit-unknown', { unit: u }));
  });
  if ('due' in rule && rule.due) {
    const due = working.parameters.find((p) => p.id === rule.due);
    if (!due || due.unit !== 'date') fail(`${path}.due`, pluginMessage('plugin.due-not-date', { due: rule.due }));
  }
  if ('riskType' in rule && !working.riskTypes.some((t) => t.id === rule.riskType)) {
    fail(`${path}.riskType`, pluginMessage('plugin.risk-type-unknown', { riskType: rule.riskType }));
  }
  const known = new Set<string>([
    ...working.indicators.map((d) => d.key),
    ...working.parameters.map((p) => p.id),
    ...Object.keys(rule.derived),
  ]);
  for (const [name, derived] of Object.entries(rule.derived)) {
    for (const s of derivedSources(derived)) {
      if (!working.indicators.some((d) => d.key === s))
        fail(`${path}.derived.${name}`, pluginMessage('plugin.indicator-unknown', { indicator: s }));
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
      return fail(`${path}.${field}`, pluginMessage('plugin.condition-invalid', { error: error.message }));
    }
    for (const fact of facts) {
      if (!known.has(fact)) fail(`${path}.${field}`, unknownFact(fact));
    }
  }
}
