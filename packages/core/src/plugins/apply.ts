/** Applying one plugin's changes to the plan being resolved (应用插件), checking each as it goes. */
import { checkClause, checkRuleReferences, checkValues, type Fail } from './references.js';
import type { Message } from '../model/message.js';
import type { Parameter, Plan, Rule, ScreeningRule } from '../model/schema.js';
import { builtinOperators, customOperators } from '../rules/operators.js';
import { planWorkflows } from '../workflows/definitions.js';
import { ROLES, type WorkflowDefinition } from '../workflows/types.js';
import { pluginError } from './errors.js';
import { pluginMessage, type RuleKind } from './locales/messages.js';
import { parameterLoosenedOn, ruleReplacementLoosens, screeningReplacementLoosens, widenedRoles } from './loosening.js';
import type { WorkingPlan } from '../model/resolved-plan.js';
import { pluginRef, type Plugin } from './schema.js';
import { checkPluginTemplates } from './templates.js';

/** The plan being resolved. */
type Working = WorkingPlan;

/** What a plugin loosens: the id of the parameter, rule or workflow event → where and why. */
type Loosened = Map<string, { path: string; why: Message }>;

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
  const fail: Fail = (path, problem) => {
    throw pluginError(plugin.id, path, problem);
  };
  const loosened: Loosened = new Map();
  const touch = (key: string, path: string) => {
    const other = touched.get(key);
    if (other && !dependsOn.get(plugin.id)!.has(other.id)) {
      fail(path, pluginMessage('plugin.overlap', { other: other.id, key }));
    }
    touched.set(key, plugin);
  };

  for (const [name, operator] of Object.entries(plugin.operators)) {
    const path = `operators.${name}`;
    if (name in builtinOperators || name in customOperators)
      fail(path, pluginMessage('plugin.operator-builtin', { name }));
    touch(`operator:${name}`, path);
    working.operators[name] = operator;
    working.provenance.operators[name] = by;
  }
  const registered = planWorkflows(working);
  plugin.workflows.forEach((definition, i) => {
    const path = `workflows[${i}]`;
    if (registered.some((d) => d.type === definition.type))
      fail(path, pluginMessage('plugin.workflow-exists', { workflow: definition.type }));
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
    kind: 'unit' | 'indicator' | 'risk-type',
  ) => {
    const list = working[field] as unknown as T[];
    (plugin[field] as unknown as T[]).forEach((item, i) => {
      const path = `${field}[${i}]`;
      const id = idOf(item);
      if (list.some((existing) => idOf(existing) === id)) fail(path, pluginMessage('plugin.exists', { kind, id }));
      touch(`${field}:${id}`, path);
      list.push(item);
      working.provenance[field][id] = by;
    });
  };
  addNew<Plan['units'][number]>('units', (u) => u.id, 'unit');
  addNew<Plan['indicators'][number]>('indicators', (d) => d.key, 'indicator');
  addNew<Plan['riskTypes'][number]>('riskTypes', (r) => r.id, 'risk-type');
  plugin.parameters.forEach((change, i) => {
    const path = `parameters[${i}]`;
    touch(`parameter:${change.id}`, path);
    const existing = working.parameters.find((p) => p.id === change.id);
    if (existing) {
      for (const field of ['unit', 'stricter'] as const) {
        if (change[field] !== undefined && change[field] !== existing[field])
          fail(
            `${path}.${field}`,
            pluginMessage('plugin.parameter-field-fixed', {
              parameter: change.id,
              field,
              from: existing[field],
              to: change[field]!,
            }),
          );
      }
      checkValues(existing.unit, change, path, fail);
      const loosenedOn = changeParameter(working, existing, change.values, by);
      if (loosenedOn) loosened.set(change.id, { path, why: parameterWhy(existing, loosenedOn) });
      if (change.note) existing.note = change.note;
      return;
    }
    if (!change.name || !change.unit || !change.stricter || !change.source) {
      fail(path, pluginMessage('plugin.parameter-unknown', { parameter: change.id }));
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
    if (!rule) fail(path, pluginMessage('plugin.rule-unknown', { kind: 'rule', id: ruleId }));
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
    if (!rule) fail(path, pluginMessage('plugin.rule-unknown', { kind: 'rule', id: ruleId }));
    units.forEach((unit, i) => {
      if (!working.units.some((u) => u.id === unit))
        fail(`${path}[${i}]`, pluginMessage('plugin.unit-unknown', { unit }));
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
    if (!definition) fail(`workflowRoles.${workflow}`, pluginMessage('plugin.workflow-unknown', { workflow }));
    for (const [event, roles] of Object.entries(events)) {
      const path = `workflowRoles.${workflow}.${event}`;
      if (!definition!.events[event]) fail(path, pluginMessage('plugin.event-unknown', { workflow, event }));
      roles.forEach((role, i) => {
        if (!(ROLES as readonly string[]).includes(role))
          fail(`${path}[${i}]`, pluginMessage('plugin.role-unknown', { role }));
      });
      touch(`workflowRole:${workflow}.${event}`, path);
      const now = working.workflowRoles[workflow]?.[event];
      const grants = now ? now.map((role) => ({ role })) : definition!.events[event]!.grants;
      // Opening a case protects; every later step moves it towards a decision or a close.
      const added = event === definition!.startEvent ? [] : widenedRoles(grants, roles);
      if (added.length > 0) {
        loosened.set(`${workflow}.${event}`, {
          path,
          why: pluginMessage('loosening.roles-widened', { roles: added, event }),
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
function parameterWhy(parameter: Parameter, date: string): Message {
  const move = parameter.unit === 'date' ? 'later' : parameter.stricter === 'higher' ? 'lower' : 'higher';
  return pluginMessage('loosening.parameter', { from: date, move });
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
  const which: RuleKind = kind === 'rules' ? 'rule' : 'screening-rule';
  changes.disable?.forEach((id, i) => {
    const path = `${kind}.disable[${i}]`;
    const index = list.findIndex((r) => r.id === id);
    if (index < 0) fail(path, pluginMessage('plugin.rule-unknown', { kind: which, id }));
    touch(`${kind}:${id}`, path);
    if (kind === 'screeningRules' || (list[index] as Rule).strength === 'binding')
      loosened.set(id, {
        path,
        why: pluginMessage(kind === 'rules' ? 'loosening.rule-disabled' : 'loosening.screening-rule-disabled', {}),
      });
    list.splice(index, 1);
    working.disabled.push({ id, by });
  });
  changes.replace?.forEach((rule, i) => {
    const path = `${kind}.replace[${i}]`;
    const index = list.findIndex((r) => r.id === rule.id);
    if (index < 0) fail(path, pluginMessage('plugin.rule-unknown-to-replace', { kind: which, id: rule.id }));
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
      fail(path, pluginMessage('plugin.rule-exists', { kind: which, id: rule.id }));
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
      fail(path, pluginMessage('plugin.loosening-undeclared', { id, why }));
    }
  }
  for (const [id, entry] of declared) {
    if (!loosened.has(id)) fail(`relax[${entry.index}]`, pluginMessage('plugin.relax-unneeded', { id }));
    working.relaxed.push({ id, reason: entry.reason, by: pluginRef(plugin) });
  }
}
