/** Applying one plugin's changes to the plan being resolved (应用插件), checking each as it goes. */
import { checkClause, checkRuleReferences, checkValues, type Fail } from './references.js';
import type { LocalizedText, Parameter, Plan, Rule, ScreeningRule } from '../model/schema.js';
import { builtinOperators, customOperators } from '../rules/operators.js';
import { planWorkflows } from '../workflows/definitions.js';
import { ROLES, type WorkflowDefinition } from '../workflows/types.js';
import { PluginError } from './errors.js';
import { parameterLoosenedOn, ruleReplacementLoosens, screeningReplacementLoosens, widenedRoles } from './loosening.js';
import type { WorkingPlan } from '../model/resolved-plan.js';
import { pluginRef, type Plugin } from './schema.js';
import { checkPluginTemplates } from './templates.js';

/** The plan being resolved. */
type Working = WorkingPlan;

/** What a plugin loosens: the id of the parameter, rule or workflow event → where and why. */
type Loosened = Map<string, { path: string; why: LocalizedText }>;

/** Applies one plugin's changes, checking each as it goes. */
export function apply(
  working: Working,
  plugin: Plugin,
  touched: Map<string, Plugin>,
  dependsOn: Map<string, Set<string>>,
  /** The workflows earlier plugins added; this plugin's are added to it. */
  added: WorkflowDefinition[],
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
  const registered = planWorkflows(working);
  plugin.workflows.forEach((definition, i) => {
    const path = `workflows[${i}]`;
    if (registered.some((d) => d.type === definition.type))
      fail(path, `方案已有流程 "${definition.type}"`, `the plan already has the workflow "${definition.type}"`);
    touch(`workflow:${definition.type}`, path);
    const earlier = added.findIndex((d) => d.type === definition.type);
    if (earlier >= 0) added.splice(earlier, 1);
    added.push(definition);
    working.provenance.workflows[definition.type] = by;
  });
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
  for (const [ruleId, units] of Object.entries(plugin.responsibility)) {
    const path = `responsibility.${ruleId}`;
    const rule = working.rules.find((r) => r.id === ruleId);
    if (!rule) fail(path, `方案中没有规则 "${ruleId}"`, `no rule "${ruleId}" in the plan`);
    units.forEach((unit, i) => {
      if (!working.units.some((u) => u.id === unit))
        fail(`${path}[${i}]`, `方案中没有单位 "${unit}"`, `no unit "${unit}" in the plan`);
    });
    touch(`responsibility:${ruleId}`, path);
    rule!.units = [...units];
    // The county names the units itself: no longer the library's reading.
    delete rule!.unitsAssumption;
    working.provenance.responsibility[ruleId] = by;
  }
  const workflows = [...registered, ...added];
  for (const [workflow, events] of Object.entries(plugin.workflowRoles)) {
    const definition = workflows.find((d) => d.type === workflow);
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
