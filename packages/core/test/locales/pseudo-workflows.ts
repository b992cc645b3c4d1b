// A third language for tests (伪语言): the runtime's words.
import type { Place, WordsOf, WorkflowMessages } from '../../src/index.js';

const place = (where: Place) => ('instance' in where ? `⟪i:${where.instance}⟫` : `⟪new:${where.newOf}⟫`);

export const pseudo: WordsOf<WorkflowMessages> = {
  'refusal.scope': (p) => `${place(p.place)} ⟪scope ${p.actor} ${p.event}⟫`,
  'refusal.unknown-event': (p) => `${place(p.place)} ⟪unknown ${p.workflow} ${p.event}⟫`,
  'refusal.not-allowed-in-state': (p) => `${place(p.place)} ⟪state ${p.state} ${p.event}⟫`,
  'refusal.forbidden': (p) => `${place(p.place)} ⟪forbidden ${p.actor} ${p.roles.join('+')} ${p.event}⟫`,
  'refusal.forbidden-payload': (p) => `${place(p.place)} ⟪forbidden payload ${p.actor} ${p.event}⟫`,
  'refusal.key-name-identifier': (p) => `${place(p.place)} ⟪key name ${p.event}⟫`,
  'refusal.invalid-payload': (p) => `${place(p.place)} ⟪payload ${p.event}⟫`,
  'refusal.personal-data': (p) => `${place(p.place)} ⟪personal ${p.event}⟫`,
  'refusal.guard': (p) => `${place(p.place)} ⟪guard ${p.state} ${p.event}⟫`,
  'scope.other-tenant': (p) => `⟪tenant ${p.principal} ${p.principalTenant}≠${p.tenant}⟫`,
  'scope.out-of-scope': (p) => `⟪${p.level} ${p.theirs}≠${p.ours}⟫`,
  'identifier.in-id': (p) => `⟪id holds ${p.kind}⟫`,
  'identifier.in-key-name': (p) => `⟪${p.field} key holds ${p.kind}⟫`,
  'identifier.in-text': (p) => `⟪${p.field} holds ${p.kind}⟫`,
  'payload.issue': (p) => `⟪${p.field} ${p.issue.code}⟫`,
  'payload.check': (p) => `⟪${p.field} ${p.check}⟫`,
  'privacy.no-keyring': (p) => `⟪${p.field} no keyring⟫`,
};
