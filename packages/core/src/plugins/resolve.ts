/**
 * `resolvePlan`: a plan with its county plugins applied (方案解析). Plugins are checked, ordered
 * by their dependencies and applied to a copy of the plan; the result is frozen, hashed, and
 * records for every parameter value, rule, indicator and unit who set it.
 */
import semver from 'semver';
import { deepFreeze } from '../model/freeze.js';
import { canonicalJson, planHash, sha256Hex } from '../model/hash.js';
import {
  derivedSources,
  parameterValueProblem,
  unknownFact,
  type Condition,
  type LocalizedText,
  type Parameter,
  type Plan,
  type Rule,
  type ScreeningRule,
} from '../model/schema.js';
import { compileCondition, ConditionCompileError } from '../rules/compile.js';
import { builtinOperators, customOperators } from '../rules/operators.js';
import { CORE_VERSION } from '../version.js';
import { WORKFLOWS } from '../workflows/definitions.js';
import { ROLES, type WorkflowDefinition, type WorkflowType } from '../workflows/types.js';
import { definePlugin, isDefinedPlugin } from './define.js';
import { PluginError } from './errors.js';
import { parameterLoosenedOn, ruleReplacementLoosens, screeningReplacementLoosens, widenedRoles } from './loosening.js';
import { isResolvedPlan, planData, workingCopy, type ResolvedPlan, type WorkingPlan } from '../model/resolved-plan.js';
import { pluginRef, type ParameterChange, type Plugin, type PluginInput } from './schema.js';
import { checkPluginTemplates } from './templates.js';

/** The plan being resolved. */
type Working = WorkingPlan;

/**
 * Apply `plugins` to `plan`. Throws `PluginError` naming the plugin and the path inside it on:
 * a schema error, an unsupported core version, another plan, a missing or cyclic dependency,
 * a reference to something that does not exist, two plugins changing the same thing with
 * neither depending on the other, and a loosened target without a `relax` declaration.
 */
export function resolvePlan(plan: Plan, plugins: readonly (Plugin | PluginInput)[]): ResolvedPlan {
  if (isResolvedPlan(plan) && plan.plugins.length > 0) {
    throw new PluginError('-', '', '请对基础方案解析插件', 'resolve plugins against the base plan, not a resolved one');
  }
  const checked = plugins.map((p) => (isDefinedPlugin(p) ? p : definePlugin(p)));
  const ordered = orderByDependencies(checked);
  for (const plugin of ordered) checkTarget(plugin, plan);
  const working = workingCopy(plan);
  const touched = new Map<string, Plugin>();
  const dependsOn = transitiveDependencies(ordered);
  for (const plugin of ordered) apply(working, plugin, touched, dependsOn);
  const refs = ordered.map((p) => ({ id: p.id, version: p.version, name: p.name }));
  const baseHash = planHash(plan);
  const hash =
    ordered.length === 0
      ? baseHash
      : `sha256:${sha256Hex(
          canonicalJson({
            plan: planData(working),
            plugins: refs,
            operators: Object.fromEntries(Object.entries(working.operators).map(([k, f]) => [k, String(f)])),
          }),
        )}`;
  return deepFreeze({ ...working, hash, base: { id: plan.id, hash: baseHash }, plugins: refs }) as ResolvedPlan;
}

/** Plugins in dependency order (a stable topological sort); missing and cyclic dependencies refused. */
function orderByDependencies(plugins: Plugin[]): Plugin[] {
  const byId = new Map<string, Plugin>();
  for (const [index, plugin] of plugins.entries()) {
    if (byId.has(plugin.id))
      throw new PluginError(plugin.id, '', '同一插件被加载了两次', `the plugin is given twice (#${index + 1})`);
    byId.set(plugin.id, plugin);
  }
  for (const plugin of plugins) {
    plugin.dependsOn.forEach((dep, i) => {
      if (!byId.has(dep)) {
        throw new PluginError(
          plugin.id,
          `dependsOn[${i}]`,
          `依赖的插件 "${dep}" 未加载`,
          `depends on plugin "${dep}", which is not loaded`,
        );
      }
    });
  }
  const ordered: Plugin[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (plugin: Plugin, trail: string[]) => {
    if (state.get(plugin.id) === 'done') return;
    if (state.get(plugin.id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(plugin.id)), plugin.id].join(' → ');
      throw new PluginError(plugin.id, 'dependsOn', `循环依赖：${cycle}`, `cyclic dependency: ${cycle}`);
    }
    state.set(plugin.id, 'visiting');
    for (const dep of plugin.dependsOn) visit(byId.get(dep)!, [...trail, plugin.id]);
    state.set(plugin.id, 'done');
    ordered.push(plugin);
  };
  for (const plugin of plugins) visit(plugin, []);
  return ordered;
}

function transitiveDependencies(plugins: Plugin[]): Map<string, Set<string>> {
  const all = new Map<string, Set<string>>();
  for (const plugin of plugins) {
    const deps = new Set<string>();
    for (const dep of plugin.dependsOn) {
      deps.add(dep);
      for (const d of all.get(dep) ?? []) deps.add(d);
    }
    all.set(plugin.id, deps);
  }
  return all;
}

function checkTarget(plugin: Plugin, plan: Plan): void {
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

/** Applies one plugin's changes, checking each as it goes. */
function apply(
  working: Working,
  plugin: Plugin,
  touched: Map<string, Plugin>,
  dependsOn: Map<string, Set<string>>,
): void {
  const by = pluginRef(plugin);
  const fail = (path: string, zh: string, en: string): never => {
    throw new PluginError(plugin.id, path, zh, en);
  };
  const loosened: Loosened = new Map();
  const touch = (key: string, path: string) => {
    const other = touched.get(key);
    if (other && !dependsOn.get(plugin.id)!.has(other.id)) {
      fail(
        path,
        `与插件 "${other.id}" 修改了同一项（${key}），且二者互不依赖`,
        `changes ${key}, which plugin "${other.id}" also changes, and neither depends on the other`,
      );
    }
    touched.set(key, plugin);
  };

  for (const [name, operator] of Object.entries(plugin.operators)) {
    const path = `operators.${name}`;
    if (name in builtinOperators || name in customOperators)
      fail(path, `不能覆盖内置运算符 "${name}"`, `cannot override the built-in operator "${name}"`);
    touch(`operator:${name}`, path);
    working.operators[name] = operator;
    working.provenance.operators[name] = by;
  }
  /** Units, indicators and risk types are only ever added. */
  const addNew = <T>(
    field: 'units' | 'indicators' | 'riskTypes',
    idOf: (item: T) => string,
    word: [string, string],
  ) => {
    const list = working[field] as unknown as T[];
    (plugin[field] as unknown as T[]).forEach((item, i) => {
      const path = `${field}[${i}]`;
      const id = idOf(item);
      if (list.some((existing) => idOf(existing) === id))
        fail(path, `${word[0]} "${id}" 已存在`, `${word[1]} "${id}" already exists`);
      touch(`${field}:${id}`, path);
      list.push(item);
      working.provenance[field][id] = by;
    });
  };
  addNew<Plan['units'][number]>('units', (u) => u.id, ['单位', 'unit']);
  addNew<Plan['indicators'][number]>('indicators', (d) => d.key, ['指标', 'indicator']);
  addNew<Plan['riskTypes'][number]>('riskTypes', (r) => r.id, ['风险类型', 'risk type']);
  plugin.parameters.forEach((change, i) => {
    const path = `parameters[${i}]`;
    touch(`parameter:${change.id}`, path);
    const existing = working.parameters.find((p) => p.id === change.id);
    if (existing) {
      for (const field of ['unit', 'stricter'] as const) {
        if (change[field] !== undefined && change[field] !== existing[field])
          fail(
            `${path}.${field}`,
            `不能把参数 "${change.id}" 的 ${field} 由 "${existing[field]}" 改为 "${change[field]}"`,
            `cannot change the ${field} of parameter "${change.id}" from "${existing[field]}" to "${change[field]}"`,
          );
      }
      checkValues(existing.unit, change, path, fail);
      const loosenedOn = changeParameter(working, existing, change.values, by);
      if (loosenedOn) loosened.set(change.id, { path, why: parameterWhy(existing, loosenedOn) });
      if (change.note) existing.note = change.note;
      return;
    }
    if (!change.name || !change.unit || !change.stricter || !change.source) {
      fail(
        path,
        `方案中没有参数 "${change.id}"；新参数须给出 name、unit、stricter、source`,
        `the plan has no parameter "${change.id}"; a new parameter needs name, unit, stricter and source`,
      );
    }
    checkValues(change.unit!, change, path, fail);
    change.source!.forEach((c, j) => checkClause(working, c, `${path}.source[${j}]`, fail));
    working.parameters.push({
      id: change.id,
      name: change.name!,
      unit: change.unit!,
      stricter: change.stricter!,
      values: [...change.values].sort((a, b) => a.from.localeCompare(b.from)),
      source: change.source!,
      assumption: change.assumption ?? false,
      ...(change.note ? { note: change.note } : {}),
    });
    working.provenance.parameters[change.id] = change.values.map((v) => ({ from: v.from, setBy: by }));
  });
  applyRuleChanges(working, plugin, 'rules', touch, fail, loosened);
  applyRuleChanges(working, plugin, 'screeningRules', touch, fail, loosened);
  for (const [ruleId, change] of Object.entries(plugin.messages)) {
    const path = `messages.${ruleId}`;
    const rule = working.rules.find((r) => r.id === ruleId);
    if (!rule) fail(path, `方案中没有规则 "${ruleId}"`, `no rule "${ruleId}" in the plan`);
    touch(`messages:${ruleId}`, path);
    rule!.messages = {
      zh: { ...rule!.messages.zh, ...change.zh },
      en: { ...rule!.messages.en, ...change.en },
    };
    working.provenance.messages[ruleId] = by;
  }
  for (const [workflow, events] of Object.entries(plugin.workflowRoles)) {
    const definition = WORKFLOWS[workflow as WorkflowType] as WorkflowDefinition | undefined;
    if (!definition) fail(`workflowRoles.${workflow}`, `没有流程 "${workflow}"`, `no workflow "${workflow}"`);
    for (const [event, roles] of Object.entries(events)) {
      const path = `workflowRoles.${workflow}.${event}`;
      if (!definition!.events[event])
        fail(path, `流程 ${workflow} 没有事件 "${event}"`, `workflow ${workflow} has no event "${event}"`);
      roles.forEach((role, i) => {
        if (!(ROLES as readonly string[]).includes(role))
          fail(`${path}[${i}]`, `没有角色 "${role}"`, `no role "${role}"`);
      });
      touch(`workflowRole:${workflow}.${event}`, path);
      const now = working.workflowRoles[workflow]?.[event];
      const grants = now ? now.map((role) => ({ role })) : definition!.events[event]!.grants;
      // Opening a case protects; every later step moves it towards a decision or a close.
      const added = event === definition!.startEvent ? [] : widenedRoles(grants, roles);
      if (added.length > 0) {
        loosened.set(`${workflow}.${event}`, {
          path,
          why: {
            zh: `让 ${added.join('、')} 也能发送 ${event}，扩大了可以办理的人`,
            en: `lets ${added.join(', ')} send ${event} as well, widening who may act`,
          },
        });
      }
      working.workflowRoles[workflow] = { ...working.workflowRoles[workflow], [event]: [...roles] };
      working.provenance.workflowRoles[`${workflow}.${event}`] = by;
    }
  }
  checkRelax(working, plugin, loosened, fail);
  checkPluginTemplates(working, plugin, fail);
}

type Fail = (path: string, zh: string, en: string) => never;

/** What a plugin loosens: the id of the parameter, rule or workflow event → where and why. */
type Loosened = Map<string, { path: string; why: LocalizedText }>;

function checkClause(working: Working, clause: string, path: string, fail: Fail): void {
  if (!working.clauses.some((c) => c.id === clause))
    fail(path, `方案中没有条款 "${clause}"`, `no clause "${clause}" in the plan`);
}

/** Each value must fit the parameter's unit (a ratio 0–1, money ≥ 0, a real date…). */
function checkValues(unit: Parameter['unit'], change: ParameterChange, path: string, fail: Fail): void {
  change.values.forEach((entry, j) => {
    const problem = parameterValueProblem(unit, entry.value);
    if (problem) fail(`${path}.values[${j}].value`, problem.zh, problem.en);
  });
}

/**
 * Merge dated values: the plugin's replace the plan's from the plugin's earliest date on.
 * Returns the first date on which the change loosens the parameter, if it does.
 */
function changeParameter(
  working: Working,
  parameter: Parameter,
  values: { from: string; value: number | string }[],
  by: string,
): string | undefined {
  const sorted = [...values].sort((a, b) => a.from.localeCompare(b.from));
  const start = sorted[0]!.from;
  const before = structuredClone(parameter);
  const kept = parameter.values.filter((v) => v.from < start);
  const provenance = (working.provenance.parameters[parameter.id] ?? []).filter((v) => v.from < start);
  parameter.values = [...kept, ...sorted];
  working.provenance.parameters[parameter.id] = [...provenance, ...sorted.map((v) => ({ from: v.from, setBy: by }))];
  return parameterLoosenedOn(before, parameter, start);
}

/** "lowers it from 2024-01-01, while higher is stricter", "moves it later from 2021-01-01…". */
function parameterWhy(parameter: Parameter, date: string): LocalizedText {
  const higher = parameter.stricter === 'higher';
  const [zh, en] =
    parameter.unit === 'date' ? ['推迟', 'moves it later'] : higher ? ['调低', 'lowers it'] : ['调高', 'raises it'];
  const strict = parameter.unit === 'date' ? '早' : higher ? '高' : '低';
  return {
    zh: `自 ${date} 起${zh}，而该参数越${strict}越严格`,
    en: `${en} from ${date}, while ${parameter.unit === 'date' ? 'earlier' : parameter.stricter} is stricter`,
  };
}

function applyRuleChanges(
  working: Working,
  plugin: Plugin,
  kind: 'rules' | 'screeningRules',
  touch: (key: string, path: string) => void,
  fail: Fail,
  loosened: Loosened,
): void {
  const by = pluginRef(plugin);
  const list = working[kind] as (Rule | ScreeningRule)[];
  const changes = plugin[kind];
  const word = kind === 'rules' ? { zh: '规则', en: 'rule' } : { zh: '筛查规则', en: 'screening rule' };
  changes.disable?.forEach((id, i) => {
    const path = `${kind}.disable[${i}]`;
    const index = list.findIndex((r) => r.id === id);
    if (index < 0) fail(path, `方案中没有${word.zh} "${id}"`, `no ${word.en} "${id}" in the plan`);
    touch(`${kind}:${id}`, path);
    if (kind === 'screeningRules' || (list[index] as Rule).strength === 'binding')
      loosened.set(id, {
        path,
        why: {
          zh: kind === 'rules' ? '停用了约束性规则' : '停用了筛查预警规则，相应风险不再预警',
          en:
            kind === 'rules'
              ? 'it disables a binding rule'
              : 'it disables a screening rule: its risk is no longer flagged',
        },
      });
    list.splice(index, 1);
    working.disabled.push({ id, by });
  });
  changes.replace?.forEach((rule, i) => {
    const path = `${kind}.replace[${i}]`;
    const index = list.findIndex((r) => r.id === rule.id);
    if (index < 0)
      fail(path, `方案中没有${word.zh} "${rule.id}"，无法替换`, `no ${word.en} "${rule.id}" in the plan to replace`);
    touch(`${kind}:${rule.id}`, path);
    checkRuleReferences(working, rule, path, fail);
    const why =
      kind === 'screeningRules'
        ? screeningReplacementLoosens(list[index] as ScreeningRule, rule as ScreeningRule, working)
        : (list[index] as Rule).strength === 'binding'
          ? ruleReplacementLoosens(list[index] as Rule, rule as Rule, working)
          : undefined;
    if (why) loosened.set(rule.id, { path, why });
    list[index] = rule;
    working.provenance[kind][rule.id] = by;
  });
  changes.add?.forEach((rule, i) => {
    const path = `${kind}.add[${i}]`;
    if (list.some((r) => r.id === rule.id))
      fail(path, `${word.zh} "${rule.id}" 已存在，请用 replace`, `${word.en} "${rule.id}" already exists: use replace`);
    touch(`${kind}:${rule.id}`, path);
    checkRuleReferences(working, rule, path, fail);
    list.push(rule);
    working.provenance[kind][rule.id] = by;
  });
}

/** Clauses, units, the due parameter, risk type and every fact and operator a rule uses must exist. */
function checkRuleReferences(working: Working, rule: Rule | ScreeningRule, path: string, fail: Fail): void {
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

function checkRelax(working: Working, plugin: Plugin, loosened: Loosened, fail: Fail): void {
  const declared = new Map(plugin.relax.map((r, i) => [r.id, { ...r, index: i }]));
  for (const [id, { path, why }] of loosened) {
    if (!declared.has(id)) {
      fail(
        path,
        `放宽了 "${id}"：${why.zh}；须在 relax 中声明理由`,
        `loosens "${id}": ${why.en}; declare it in relax with a reason`,
      );
    }
  }
  for (const [id, entry] of declared) {
    if (!loosened.has(id))
      fail(
        `relax[${entry.index}]`,
        `声明放宽 "${id}"，但插件并未放宽它`,
        `declares relaxing "${id}", which it does not loosen`,
      );
    working.relaxed.push({ id, reason: entry.reason, by: pluginRef(plugin) });
  }
}
