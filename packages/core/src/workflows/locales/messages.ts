/**
 * The workflows' messages (流程消息): the codes of the runtime's refusals and of their reasons,
 * with their parameters. Their words are in `zh.ts` and `en.ts`; a workflow's own messages (a
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
}

export const workflowMessage = messageOf<WorkflowMessages>();
