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
import type { Message } from '../model/message.js';
import { sayAround, workflowLine, workflowText } from './locales/index.js';
import { workflowMessage } from './locales/messages.js';

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
      throw new Error(workflowLine(workflowMessage('registry.type-twice', { type: definition.type })));
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
  return new WorkflowError(
    'unknown-workflow',
    workflowText(workflowMessage('registry.unknown-workflow', { type, known: [...known] })),
  );
}

/**
 * What is wrong with a definition a plugin gives (code, so only its shape is checked): its
 * type, name, version, machine, start event and event table; undefined when nothing is.
 */
export function definitionProblem(value: unknown): LocalizedText | undefined {
  const d = value as Partial<WorkflowDefinition> | null;
  const said = (message: Message) => workflowText(message);
  if (typeof d !== 'object' || d === null) return said(workflowMessage('definition.not-object', {}));
  const typeProblem = typeof d.type === 'string' ? idProblem(d.type) : said(workflowMessage('value.not-string', {}));
  if (typeProblem) return sayAround(typeProblem, (problem) => workflowMessage('definition.type', { problem }));
  if (typeof d.name?.zh !== 'string' || typeof d.name?.en !== 'string')
    return said(workflowMessage('definition.name', {}));
  if (!Number.isInteger(d.version) || d.version! < 1) return said(workflowMessage('definition.version', {}));
  if (typeof d.machine !== 'object' || d.machine === null) return said(workflowMessage('definition.machine', {}));
  if (typeof d.events !== 'object' || d.events === null || !d.startEvent || !(d.startEvent in d.events))
    return said(workflowMessage('definition.start-event', {}));
  for (const key of ['parameters', 'deadlines'] as const)
    if (!Array.isArray(d[key])) return said(workflowMessage('definition.not-list', { key }));
  if (typeof d.blockers !== 'object' || typeof d.effects !== 'function')
    return said(workflowMessage('definition.blockers', {}));
  if (!['required', 'optional', 'none'].includes(d.householdSubject as string))
    return said(workflowMessage('definition.household-subject', {}));
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
