/**
 * The authorize step (授权): tenant, township/village scope, and the role table of each
 * workflow. Township-level roles act within their township, village-level roles within their
 * village. An attempt is authorized in two parts: its scope before an idempotency key is
 * replayed, its event after; a refusal names what the actor may send now and is returned for
 * the commit step to audit.
 */
import type { z } from 'zod';
import { issueMessage } from '../model/localized-issue.js';
import type { Message } from '../model/message.js';
import { eventNameOf, placeOf, type Attempt, type Setting } from './attempt.js';
import { WorkflowError, type WorkflowErrorCode } from './errors.js';
import { workflowLine, workflowText } from './locales/index.js';
import { workflowMessage, type IssueFacts } from './locales/messages.js';
import { findIdentifiers, identifiersInIds } from './privacy/identifiers.js';
import { refusal, type Refusal } from './refusal.js';
import { relationFactsOf, type RelationFacts } from './relations.js';
import {
  PrincipalSchema,
  type Grant,
  type InstanceRecord,
  type Principal,
  type Role,
  type Subject,
  type WorkflowDefinition,
} from './types.js';

/** Roles that act for one township, one village or one household, and must say which. */
const SCOPE_OF_ROLE: Partial<Record<Role, 'township' | 'village' | 'household'>> = {
  'township-official': 'township',
  'village-committee': 'village',
  'village-cadre': 'village',
  household: 'household',
};

export type ScopeRefusal = { code: 'other-tenant' | 'out-of-scope'; reason: Message };

/** Why `principal` may not act on `subject` of `tenant` at all, or undefined when it may. */
export function scopeRefusal(principal: Principal, tenant: string, subject: Subject): ScopeRefusal | undefined {
  if (principal.tenant !== tenant) {
    return {
      code: 'other-tenant',
      reason: workflowMessage('scope.other-tenant', {
        principal: principal.id,
        principalTenant: principal.tenant,
        tenant,
      }),
    };
  }
  const outside = (level: 'township' | 'village', theirs: string, ours: string): ScopeRefusal => ({
    code: 'out-of-scope',
    reason: workflowMessage('scope.out-of-scope', { principal: principal.id, level, theirs, ours }),
  });
  if (principal.township && principal.township !== subject.township) {
    return outside('township', principal.township, subject.township);
  }
  if (principal.village && principal.village !== subject.village) {
    return outside('village', principal.village, subject.village);
  }
  return undefined;
}

/**
 * Whether `principal` may see an instance of `tenant` about `subject` (its view, history, public
 * notice and the events it may send): only its own tenant's instances, and a principal holding no
 * role but `household` only the case whose subject is its own household. Every read path asks
 * this one rule; an instance it may not see is answered as a missing one.
 */
export function canSee(principal: Principal, tenant: string, subject: Subject): boolean {
  if (principal.tenant !== tenant) return false;
  if (principal.roles.some((role) => role !== 'household')) return true;
  return subject.household !== undefined && subject.household === principal.household;
}

/** Whether one grant lets `principal` send the event (payload conditions checked when given). */
function grantHolds(
  grant: Grant,
  principal: Principal,
  subject: Subject,
  facts: RelationFacts,
  payload?: unknown,
): boolean {
  if (grant.role) {
    if (!principal.roles.includes(grant.role)) return false;
    const scope = SCOPE_OF_ROLE[grant.role];
    if (scope && !principal[scope]) return false;
    // A household acts for itself only, whatever a grant (or a plugin's roles) says.
    if (grant.role === 'household' && (!subject.household || principal.household !== subject.household)) return false;
  }
  switch (grant.relation) {
    case 'assignee':
      if (!facts.assigneeUnit || principal.unit !== facts.assigneeUnit) return false;
      break;
    case 'reporter':
      if (!facts.reporter || principal.id !== facts.reporter) return false;
      break;
    case 'own-household':
      if (!subject.household || principal.household !== subject.household) return false;
      break;
    case 'tenant-member':
    case undefined:
      break;
  }
  if (grant.payload && payload !== undefined) {
    const values = (payload ?? {}) as Record<string, unknown>;
    return Object.entries(grant.payload).every(([key, value]) => values[key] === value);
  }
  return true;
}

/**
 * Where one grant can hold for `principal`, whatever the instance's own facts (for task lists):
 * undefined when it never can (a role it lacks, or lacks the scope of), else the subject
 * household or party (`unit:`, `reporter:`) it needs.
 */
export function grantScope(grant: Grant, principal: Principal): { household?: string; party?: string } | undefined {
  const scope: { household?: string; party?: string } = {};
  if (grant.role) {
    if (!principal.roles.includes(grant.role)) return undefined;
    const needs = SCOPE_OF_ROLE[grant.role];
    if (needs && !principal[needs]) return undefined;
    if (grant.role === 'household') scope.household = principal.household!;
  }
  switch (grant.relation) {
    case 'assignee':
      if (!principal.unit) return undefined;
      scope.party = `unit:${principal.unit}`;
      break;
    case 'reporter':
      scope.party = `reporter:${principal.id}`;
      break;
    case 'own-household':
      if (!principal.household) return undefined;
      scope.household = principal.household;
      break;
    case 'tenant-member':
    case undefined:
      break;
  }
  return scope;
}

/** Whether `principal`, within the tenant and scope of `subject`, holds one of `grants` (payload conditions aside). */
export function holdsGrant(
  grants: readonly Grant[],
  principal: Principal,
  tenant: string,
  subject: Subject,
  facts: RelationFacts,
): boolean {
  return !scopeRefusal(principal, tenant, subject) && grants.some((g) => grantHolds(g, principal, subject, facts));
}

/**
 * Whether `principal` may send `eventType` by the role table. Without a payload, payload
 * conditions are not checked (the answer is "may, with the right payload").
 */
export function isGranted(
  definition: WorkflowDefinition,
  eventType: string,
  principal: Principal,
  subject: Subject,
  facts: RelationFacts,
  payload?: unknown,
): boolean {
  const rule = definition.events[eventType];
  return Boolean(rule?.grants.some((grant) => grantHolds(grant, principal, subject, facts, payload)));
}

/** "township-official", "the assignee unit", "household (own, self-declaration)": who may send. */
export function describeGrants(definition: WorkflowDefinition, eventType: string): string {
  return (definition.events[eventType]?.grants ?? [])
    .map((g) => {
      const parts = [g.role, g.relation].filter(Boolean).join(' + ');
      const payload = g.payload
        ? ` (${Object.entries(g.payload)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(', ')})`
        : '';
      return `${parts}${payload}`;
    })
    .join(' | ');
}

/** The actor of a call as a principal, or refused naming the field that is wrong. */
export function parsePrincipal(actor: unknown, where: Message): Principal {
  const parsed = PrincipalSchema.safeParse(actor);
  if (parsed.success) return parsed.data;
  throw new WorkflowError(
    'invalid-principal',
    workflowText(workflowMessage('principal.invalid', { where: workflowLine(where) })),
    { reasons: issues(parsed.error, 'actor').map((reason) => workflowText(reason)) },
  );
}

/** The event types the attempt's actor may send now (payload conditions aside). */
export function allowedNow(attempt: Attempt): string[] {
  const { definition, snapshot, actor, tenant, subject } = attempt;
  if (scopeRefusal(actor, tenant, subject)) return [];
  return eventsNow(attempt).filter((type) => isGranted(definition, type, actor, subject, relationFacts(snapshot)));
}

/** Refuse an attempt, naming the events its actor may send now; the commit step writes the refusal. */
export function refuse(
  setting: Setting,
  attempt: Attempt,
  code: WorkflowErrorCode,
  message: Message,
  reasons: Message[] = [],
): Refusal {
  return refusal(setting, attempt, allowedNow(attempt), code, message, reasons);
}

/** Refuse a principal outside the instance's tenant or scope, before anything else; undefined when inside. */
export function authorizeScope(setting: Setting, attempt: Attempt): Refusal | undefined {
  const scope = scopeRefusal(attempt.actor, attempt.tenant, attempt.subject);
  if (!scope) return undefined;
  const message = workflowMessage('refusal.scope', {
    place: placeOf(attempt),
    actor: attempt.actor.id,
    event: eventNameOf(attempt),
  });
  return refuse(setting, attempt, scope.code, message, [scope.reason]);
}

/**
 * Admit the event of an attempt whose scope is authorized, or refuse it: the workflow knows it,
 * the state accepts it, the role table grants it to the actor, and its payload is valid and
 * granted. Returns the parsed payload.
 */
export function authorizeEvent(setting: Setting, attempt: Attempt): { payload: unknown } | Refusal {
  const { definition, input, actor, subject, state, snapshot } = attempt;
  const place = placeOf(attempt);
  const event = input.type;
  const rule = definition.events[event];
  if (!rule) {
    // a type shaped like an event name, holding no number, is echoed to help with a typo
    const type = String(event);
    const named =
      /^[A-Z][A-Z0-9_]{0,63}$/.test(type) && findIdentifiers(type).length === 0 ? `"${type}"` : eventNameOf(attempt);
    return refuse(
      setting,
      attempt,
      'unknown-event',
      workflowMessage('refusal.unknown-event', { place, workflow: definition.type, event: named }),
    );
  }
  if (!eventsNow(attempt).includes(event)) {
    return refuse(
      setting,
      attempt,
      'not-allowed-in-state',
      workflowMessage('refusal.not-allowed-in-state', { place, state, event }),
    );
  }
  const facts = relationFacts(snapshot);
  if (!isGranted(definition, event, actor, subject, facts)) {
    return refuse(
      setting,
      attempt,
      'forbidden',
      workflowMessage('refusal.forbidden', { place, actor: actor.id, roles: actor.roles, state, event }),
    );
  }
  const keyNames = identifiersInIds(payloadKeyNames(input.payload));
  if (keyNames.length) {
    return refuse(
      setting,
      attempt,
      'invalid-payload',
      workflowMessage('refusal.key-name-identifier', { place, event }),
      keyNames.map(({ field, kind }) => workflowMessage('identifier.in-key-name', { field, kind })),
    );
  }
  const parsed = rule.payload.safeParse(input.payload ?? {});
  if (!parsed.success) {
    return refuse(
      setting,
      attempt,
      'invalid-payload',
      workflowMessage('refusal.invalid-payload', { place, event }),
      issues(parsed.error, 'payload'),
    );
  }
  if (!isGranted(definition, event, actor, subject, facts, parsed.data)) {
    return refuse(
      setting,
      attempt,
      'forbidden',
      workflowMessage('refusal.forbidden-payload', { place, actor: actor.id, event }),
    );
  }
  return { payload: parsed.data };
}

/** Refuse a migration unless a supervisor within the instance's tenant and scope asks for it. */
export function authorizeMigration(actor: Principal, record: InstanceRecord): void {
  const scope = scopeRefusal(actor, record.tenant, record.subject);
  const why =
    (scope && workflowText(scope.reason)) ??
    (actor.roles.includes('supervisor') ? undefined : workflowText(workflowMessage('migration.supervisor-only', {})));
  if (why) {
    throw new WorkflowError('forbidden', workflowText(workflowMessage('migration.refused', { instance: record.id })), {
      instanceId: record.id,
      reasons: [why],
    });
  }
}

/** The events the attempt's state accepts: the start event before a start. */
function eventsNow({ definition, state }: Attempt): string[] {
  if (state === null) return [definition.startEvent];
  const node = definition.machine.states[state];
  return node ? [...new Set(node.ownEvents as string[])] : [];
}

/** What the instance's context says about the relations a grant can ask for. */
function relationFacts(snapshot: Attempt['snapshot']): RelationFacts {
  return relationFactsOf(snapshot.context as Record<string, unknown> | undefined);
}

/**
 * Every key name of a payload as sent, labelled by its place (`payload.a.{key 2}`: the second key
 * of `payload.a`, so the label never repeats a key), to be scanned before validation.
 */
function payloadKeyNames(value: unknown, path = 'payload'): Record<string, string> {
  if (typeof value !== 'object' || value === null) return {};
  const names: Record<string, string> = {};
  Object.entries(value).forEach(([key, item], i) => {
    const label = Array.isArray(value) ? `${path}.${i}` : `${path}.{key ${i + 1}}`;
    if (!Array.isArray(value)) names[label] = key;
    Object.assign(names, payloadKeyNames(item, label));
  });
  return names;
}

/** zod issues as reasons naming the field. */
function issues(error: z.ZodError, root: string): Message[] {
  return error.issues.map((issue) => {
    const field = [root, ...issue.path.map(String)].join('.');
    const check = issueMessage(issue);
    return check
      ? workflowMessage('payload.check', { field, check })
      : workflowMessage('payload.issue', { field, issue: issueFacts(issue) });
  });
}

/** What a zod issue says, without the value it was about; a check's text of its own is kept as given. */
function issueFacts(issue: z.core.$ZodIssue): IssueFacts {
  const facts: Record<string, unknown> = { code: issue.code };
  for (const key of ['expected', 'origin', 'minimum', 'maximum', 'inclusive', 'values', 'keys', 'format', 'divisor']) {
    const value = (issue as unknown as Record<string, unknown>)[key];
    if (value !== undefined) facts[key] = typeof value === 'bigint' ? String(value) : value;
  }
  if (issue.code === 'custom') facts.text = issue.message;
  return facts as unknown as IssueFacts;
}
