/** The workflows' words in English (流程消息的英文措辞). */
import type { WordsOf } from '../../model/message.js';
import type { IssueFacts, Place, WorkflowMessages } from './messages.js';

const place = (where: Place) => ('instance' in where ? `instance ${where.instance}` : `a new ${where.newOf} instance`);
const state = (value: string | null) => value ?? '(not started)';
const IDENTIFIER = { 'id-number': 'an ID number', phone: 'a phone number', 'bank-card': 'a bank-card number' } as const;

/** What a zod issue says, in English. */
function issue(facts: IssueFacts): string {
  const bound = (value: number | string | undefined) => String(value ?? '');
  switch (facts.code) {
    case 'invalid_type':
      return facts.expected === 'undefined' ? 'must not be given' : `expected ${facts.expected}`;
    case 'too_small':
      if (facts.origin === 'string') return `at least ${bound(facts.minimum)} characters`;
      if (facts.origin === 'array' || facts.origin === 'set') return `at least ${bound(facts.minimum)} items`;
      return `must be ${facts.inclusive === false ? 'more than' : 'at least'} ${bound(facts.minimum)}`;
    case 'too_big':
      if (facts.origin === 'string') return `at most ${bound(facts.maximum)} characters`;
      if (facts.origin === 'array' || facts.origin === 'set') return `at most ${bound(facts.maximum)} items`;
      return `must be ${facts.inclusive === false ? 'less than' : 'at most'} ${bound(facts.maximum)}`;
    case 'invalid_value':
      return `must be one of ${(facts.values ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown keys ${(facts.keys ?? []).join(', ')}`;
    case 'invalid_format':
      return `must be in the format ${facts.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${facts.divisor}`;
    default:
      return facts.code === 'custom' && facts.text ? facts.text : `invalid value (${facts.code})`;
  }
}

export const en: WordsOf<WorkflowMessages> = {
  'refusal.scope': (p) => `${place(p.place)}: ${p.actor} may not send ${p.event}`,
  'refusal.unknown-event': (p) => `${place(p.place)}: ${p.workflow} has no event ${p.event}`,
  'refusal.not-allowed-in-state': (p) => `${place(p.place)} in state ${state(p.state)} does not accept ${p.event}`,
  'refusal.forbidden': (p) =>
    `${place(p.place)}: ${p.actor} (roles ${p.roles.join(', ') || 'none'}) may not send ${p.event} in state ${state(p.state)}`,
  'refusal.forbidden-payload': (p) => `${place(p.place)}: ${p.actor} may not send ${p.event} with this payload`,
  'refusal.key-name-identifier': (p) =>
    `${place(p.place)}: a key name of the payload of ${p.event} holds a personal identifier`,
  'refusal.invalid-payload': (p) => `${place(p.place)}: invalid payload of ${p.event}`,
  'refusal.personal-data': (p) =>
    `${place(p.place)}: the payload of ${p.event} holds personal data that cannot be stored as given`,
  'refusal.guard': (p) => `${place(p.place)} in state ${state(p.state)} cannot accept ${p.event} now`,
  'scope.other-tenant': (p) =>
    `principal ${p.principal} belongs to tenant ${p.principalTenant}; the instance belongs to ${p.tenant}`,
  'scope.out-of-scope': (p) =>
    `principal ${p.principal} acts for ${p.level} ${p.theirs}; the instance's subject is in ${p.level} ${p.ours}`,
  'identifier.in-id': (p) =>
    `holds ${IDENTIFIER[p.kind]} (not echoed): ids and key names are stored and audited, so they must not be ID, phone or bank-card numbers`,
  'identifier.in-key-name': (p) =>
    `${p.field} (a key name) holds ${IDENTIFIER[p.kind]} (not echoed): ids and key names are stored and audited, so they must not be ID, phone or bank-card numbers`,
  'identifier.in-text': (p) =>
    `${p.field} holds ${IDENTIFIER[p.kind]} (not echoed): free text must not carry ID, phone or bank-card numbers`,
  'payload.issue': (p) => `${p.field}: ${issue(p.issue)}`,
  'payload.check': (p) => `${p.field}: ${p.check}`,
  'privacy.no-keyring': (p) =>
    `${p.field} is personal data and this runtime has no keyring for it: configure one with createRuntime({ keys }) or the CLI's --keys FILE`,
};
