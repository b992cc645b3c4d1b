/**
 * The workflow registry (流程注册表) of a resolved plan: its workflow definitions by type, in
 * the order the plan (then its plugins) registers them. Generic code finds a workflow here, by
 * type or by what its definition does (started by screening, with a public notice), never by name.
 */
import { deepFreeze } from '../model/freeze.js';
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
export function unknownWorkflow(type: string, known: readonly string[]): WorkflowError {
  return new WorkflowError('unknown-workflow', {
    zh: `未知流程类型 "${type}"，可用：${known.join('、')}`,
    en: `unknown workflow type "${type}"; known: ${known.join(', ')}`,
  });
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
