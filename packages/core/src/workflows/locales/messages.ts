/**
 * The workflows' messages (流程消息): the codes of the runtime's refusals and of their reasons,
 * of its other errors and of what an audit verification finds, with their parameters. Their words are in `zh.ts` and `en.ts`; a workflow's own messages (a
 * guard's reasons) are its definition's (`WorkflowDefinition.words`).
 */
import { messageOf, type Message } from '../../model/message.js';
import type { IdentifierKind } from '../privacy/identifiers.js';

/** Where an attempt happens: an instance, or a new instance of a workflow. */
export type Place = { instance: string } | { newOf: string };

/** What a zod issue of a payload says, without the value it was about (which may be personal). */
export interface IssueFacts {
  code: string;
  expected?: string;
  origin?: string;
  minimum?: number | string;
  maximum?: number | string;
  inclusive?: boolean;
  values?: (string | number | boolean | null)[];
  keys?: string[];
  format?: string;
  divisor?: number;
  /** A custom check's own text, when the check gave no message (`refineWith` gives one). */
  text?: string;
}

/** An audit entry as its problems name it: `#12 (instance-id EVENT)`. */
export interface EntryRef {
  seq: number;
  instance: string | null;
  event: string;
}

/** A problem said in the language being rendered (a text another area said, wrapped). */
type Wrapped = { problem: string };

export interface WorkflowMessages {
  /** The actor is outside the instance's tenant or scope. */
  'refusal.scope': { place: Place; actor: string; event: string };
  'refusal.unknown-event': { place: Place; workflow: string; event: string };
  'refusal.not-allowed-in-state': { place: Place; state: string | null; event: string };
  'refusal.forbidden': { place: Place; actor: string; roles: string[]; state: string | null; event: string };
  /** Granted the event, but not with this payload. */
  'refusal.forbidden-payload': { place: Place; actor: string; event: string };
  'refusal.key-name-identifier': { place: Place; event: string };
  'refusal.invalid-payload': { place: Place; event: string };
  'refusal.personal-data': { place: Place; event: string };
  /** The machine's guard let nothing through. */
  'refusal.guard': { place: Place; state: string | null; event: string };
  'scope.other-tenant': { principal: string; principalTenant: string; tenant: string };
  'scope.out-of-scope': {
    principal: string;
    level: 'township' | 'village' | 'household';
    theirs: string;
    ours: string;
  };
  /** An id holding an identifier (身份证号、手机号、银行卡号): said after the id's field. */
  'identifier.in-id': { kind: IdentifierKind };
  /** A payload's key name holding an identifier. */
  'identifier.in-key-name': { field: string; kind: IdentifierKind };
  /** Free text holding an identifier. */
  'identifier.in-text': { field: string; kind: IdentifierKind };
  'payload.issue': { field: string; issue: IssueFacts };
  /** A check of the payload with a message of its own. */
  'payload.check': { field: string; check: Message };
  /** A personal value, and no keyring to seal it with. */
  'privacy.no-keyring': { field: string };
  /** A payload's text field holding a personal identifier. */
  'privacy.identifier-in': { event: string; field: string };
  /** A sealed personal value that does not open. */
  'privacy.sealed-changed': { sealed: string; key: string };
  'erasure.refused': { owner: string };
  'erasure.supervisor-only': Record<string, never>;
  'erasure.no-keyring': Record<string, never>;
  /** A call's actor that is no principal; `where` is the call, in both languages. */
  'principal.invalid': { where: string };
  'where.instance': { instance: string };
  'where.new-instance': { workflow: string };
  'where.search': Record<string, never>;
  'where.tasks': Record<string, never>;
  'where.erasure': Record<string, never>;
  'subject.invalid': Wrapped;
  'subject.village-missing': Record<string, never>;
  'subject.identifier': Record<string, never>;
  /** A village outside the plan's key villages, without its township. */
  'subject.township-missing': { village: string };
  'subject.household-required': { workflow: string };
  'subject.village-only': { workflow: string };
  'migration.refused': { instance: string };
  'migration.supervisor-only': Record<string, never>;
  /** Said with an instance pinned to another machine version or plan. */
  'migration.hint': Record<string, never>;
  'migration.machine-version': { instance: string; version: number; runtime: number };
  'migration.plan': { instance: string; pinned: string; runtime: string };
  'migration.missing-step': { workflow: string; from: number; to: number };
  'instance.unknown': { instance: string };
  /** Another writer saved the instance first. */
  'instance.conflict': { instance: string; expected: number };
  /** The instance is not at the version the caller named. */
  'instance.stale': { instance: string; current: number; expected: number };
  'error.allowed-now': Record<string, never>;
  'error.none': Record<string, never>;
  'idempotency.key-invalid': { event: string };
  'idempotency.key-reused': Record<string, never>;
  /** A runtime given a maintenance over another store. */
  'runtime.other-store': Record<string, never>;
  'runtime.no-public-notice': { instance: string; workflow: string; noticed: string[] };
  /** A maintenance not made by `createMaintenance`. */
  'maintenance.foreign': Record<string, never>;
  'maintenance.other-tenant': { scope: string; tenant: string };
  'maintenance.no-private-key': Record<string, never>;
  'ticker.invalid-ms': { name: string; value: number };
  /** A plan's plugin workflows whose definitions are not on the plan object given. */
  'registry.plugin-workflows-missing': { plan: string; missing: string[] };
  'registry.type-twice': { type: string };
  'registry.unknown-workflow': { type: string; known: string[] };
  'definition.not-object': Record<string, never>;
  'definition.type': Wrapped;
  'definition.name': Record<string, never>;
  'definition.version': Record<string, never>;
  'definition.machine': Record<string, never>;
  'definition.start-event': Record<string, never>;
  'definition.not-list': { key: string };
  'definition.blockers': Record<string, never>;
  'definition.household-subject': Record<string, never>;
  'value.not-string': Record<string, never>;
  /** A refused query parameter: the error's text, then its reason. */
  'query.invalid': Wrapped & { name: string };
  'query.reason': Wrapped & { name: string };
  'query.boolean': Record<string, never>;
  'query.not-object': Record<string, never>;
  /** Types not known (each quoted, or `…` when not shaped like a type), and those known. */
  'query.unknown-types': { named: string[]; known: string[] };
  'query.cursor': Record<string, never>;
  'query.limit': { max: number };
  'query.list': Record<string, never>;
  'query.date': Record<string, never>;
  'query.instant': Record<string, never>;
  'checkpoint.not-ed25519': { kind: 'private' | 'public'; got: string | undefined };
  'checkpoint.bad-line': { file: string; line: number };
  /** The audit chain cannot be extended or read: what is wrong, then what to run. */
  'audit.broken': Wrapped;
  /** A tenant's chain head missing (`head` 0) or behind its last entry; nothing written. */
  'audit.head-behind': { tenant: string; head: number; last: number };
  'audit.row-not-json': { tenant: string; seq: number };
  'audit.in-tenant': Wrapped & { tenant: string };
  'audit.entry-missing': { seq: number };
  'audit.entries-missing': { from: number; to: number };
  'audit.entry-reordered': { entry: EntryRef };
  /** An entry's previous hash does not match the entry before it. */
  'audit.entry-unchained': { entry: EntryRef };
  'audit.entry-changed': { entry: EntryRef };
  /** The last entry does not match the recorded chain head. */
  'audit.head-mismatch': { seq: number; head: number };
  'audit.head-row-missing': { last: number };
  'audit.checkpoints-table-gone': Record<string, never>;
  'audit.entry-not-json': { seq: number };
  /** A row not in the form it was written in (keys duplicated, reordered, spaces added). */
  'audit.entry-not-as-written': { seq: number };
  'audit.entries-swapped': { a: number; b: number };
  'audit.entry-moved': { row: number; seq: number };
  /** An entry's column that differs from the entry: the values as stored and as recorded. */
  'audit.column-changed': { seq: number; column: string; stored: unknown; recorded: unknown };
  /** A stored checkpoint that is unreadable: its first 80 characters. */
  'audit.checkpoint-unreadable': { text: string };
  'audit.checkpoint-forged': { seq: number; at: string; key: string };
  /** Entries `first` to `seq` missing below the checkpoint signed at `at`. */
  'audit.chain-cut': { first: number; seq: number; at: string };
  /** The entry at a checkpoint's seq re-hashed: entries `from` to `seq` changed. */
  'audit.checkpoint-mismatch': { seq: number; at: string; from: number };
  'audit.entry-unsigned': { entry: EntryRef };
  'audit.signature-invalid': { entry: EntryRef; key: string };
  'audit.instance': { instance: string; problem: Message };
  'audit.instance-not-json': Record<string, never>;
  'audit.instance-changed': { seq: number };
  'audit.instance-inserted': Record<string, never>;
  'audit.instance-column-changed': { column: string; stored: unknown; recorded: unknown };
  'audit.instance-missing': { instance: string; seq: number };
  /** An outbox row matching no entry; `type` and `instance` as the row says. */
  'audit.event-unmatched': { id: number; type: string; instance: string };
  'audit.event-not-json': { id: number };
  'audit.event-missing': { seq: number };
  /** A broken chain is not signed. */
  'audit.checkpoint-refused': Wrapped;
}

export const workflowMessage = messageOf<WorkflowMessages>();
