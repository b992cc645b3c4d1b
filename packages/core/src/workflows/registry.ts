/**
 * The workflow registry (流程注册表) of a resolved plan: its workflow definitions by type, in
 * the order the plan (then its plugins) registers them. Generic code finds a workflow here, by
 * type or by what its definition does (started by screening, with a public notice), never by name.
 */
import { deepFreeze } from '../model/freeze.js';
import { idProblem } from '../model/ids.js';
import type { LocalizedText } from '../model/schema.js';
import { WorkflowError } from './errors.js';
import type { WorkflowDefinition, WorkflowType } from './types.js';

export interface WorkflowRegistry {
  /** The registered types, in order. */
  readonly types: readonly WorkflowType[];
  /** The definitions, in order. */
  readonly definitions: readonly WorkflowDefinition[];
  has(type: string): boolean;
  /** The definition of `type`, or `unknown-workflow` naming the known types. */
  definitionOf(type: string): WorkflowDefinition;
}

/** A registry of `definitions`; two definitions of one type are refused. */
export function createWorkflowRegistry(definitions: readonly WorkflowDefinition[]): WorkflowRegistry {
  const byType = new Map<string, WorkflowDefinition>();
  for (const definition of definitions) {
    if (byType.has(definition.type)) {
      throw new Error(
        `流程类型 "${definition.type}" 登记了两次 / workflow type "${definition.type}" is registered twice`,
      );
    }
    byType.set(definition.type, definition);
  }
  const types = Object.freeze([...byType.keys()]);
  return Object.freeze({
    types,
    definitions: Object.freeze([...byType.values()]),
    has: (type: string) => byType.has(type),
    definitionOf(type: string) {
      const definition = byType.get(type);
      if (!definition) throw unknownWorkflow(type, types);
      return definition;
    },
  });
}

/** `unknown-workflow` for `type`, naming the `known` types. */
function unknownWorkflow(type: string, known: readonly string[]): WorkflowError {
  return new WorkflowError('unknown-workflow', {
    zh: `未知流程类型 "${type}"，可用：${known.join('、')}`,
    en: `unknown workflow type "${type}"; known: ${known.join(', ')}`,
  });
}

/**
 * What is wrong with a definition a plugin gives (code, so only its shape is checked): its
 * type, name, version, machine, start event and event table; undefined when nothing is.
 */
export function definitionProblem(value: unknown): LocalizedText | undefined {
  const d = value as Partial<WorkflowDefinition> | null;
  if (typeof d !== 'object' || d === null)
    return { zh: '流程定义须为对象', en: 'a workflow definition must be an object' };
  const typeProblem = typeof d.type === 'string' ? idProblem(d.type) : { zh: '应为字符串', en: 'must be a string' };
  if (typeProblem) return { zh: `type ${typeProblem.zh}`, en: `type ${typeProblem.en}` };
  if (typeof d.name?.zh !== 'string' || typeof d.name?.en !== 'string')
    return { zh: 'name 须有 zh 和 en', en: 'name needs zh and en' };
  if (!Number.isInteger(d.version) || d.version! < 1)
    return { zh: 'version 须为正整数', en: 'version must be a positive whole number' };
  if (typeof d.machine !== 'object' || d.machine === null)
    return { zh: '缺少 machine（XState 状态机）', en: 'machine (an XState machine) is missing' };
  if (typeof d.events !== 'object' || d.events === null || !d.startEvent || !(d.startEvent in d.events))
    return { zh: 'startEvent 须为 events 中的事件', en: 'startEvent must be one of events' };
  for (const key of ['parameters', 'deadlines'] as const)
    if (!Array.isArray(d[key])) return { zh: `${key} 须为列表`, en: `${key} must be a list` };
  if (typeof d.blockers !== 'object' || typeof d.effects !== 'function')
    return { zh: '缺少 blockers 或 effects', en: 'blockers or effects is missing' };
  if (!['required', 'optional', 'none'].includes(d.householdSubject as string))
    return {
      zh: 'householdSubject 须为 required、optional 或 none',
      en: 'householdSubject must be required, optional or none',
    };
  return undefined;
}

/**
 * Freezes a definition's own tables (payload schemas are zod's objects and stay as they are): a
 * plugin changes who may act only through its `workflowRoles`, where the change is checked.
 */
export function freezeDefinition(definition: WorkflowDefinition): WorkflowDefinition {
  for (const rule of Object.values(definition.events)) {
    deepFreeze(rule.grants);
    Object.freeze(rule);
  }
  for (const table of [definition.events, definition.deadlines, definition.parameters, definition.blockers])
    Object.freeze(table);
  definition.deadlines.forEach((d) => deepFreeze(d));
  if (definition.personalReaders) deepFreeze(definition.personalReaders);
  deepFreeze(definition.machine);
  deepFreeze(definition.name);
  return Object.freeze(definition);
}
