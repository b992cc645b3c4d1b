/** The workflows' words in English (流程消息的英文措辞). */
import type { WordsOf } from '../../model/message.js';
import type { EntryRef, IssueFacts, Place, WorkflowMessages } from './messages.js';

const place = (where: Place) => ('instance' in where ? `instance ${where.instance}` : `a new ${where.newOf} instance`);
const state = (value: string | null) => value ?? '(not started)';
const IDENTIFIER = { 'id-number': 'an ID number', phone: 'a phone number', 'bank-card': 'a bank-card number' } as const;

const entry = (e: EntryRef) => `#${e.seq} (${e.instance ?? '-'} ${e.event})`;
const checkpoint = (c: { seq: number; at: string }) => `the checkpoint #${c.seq} signed ${c.at}`;

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
  'privacy.identifier-in': (p) => `the ${p.field} of ${p.event} holds a personal identifier`,
  'privacy.sealed-changed': (p) =>
    `a sealed personal value (${p.sealed}, key ${p.key}) does not open: it was changed in the store`,
  'erasure.refused': (p) => `the personal data of ${p.owner} cannot be erased`,
  'erasure.supervisor-only': () => 'erasing personal data needs the supervisor role',
  'erasure.no-keyring': () =>
    'this runtime has no keyring of personal data: configure createRuntime({ keys }) or the CLI’s --keys FILE',
  'principal.invalid': (p) => `${p.where}: actor is not a valid principal`,
  'where.instance': (p) => `instance ${p.instance}`,
  'where.new-instance': (p) => `a new ${p.workflow} instance`,
  'where.search': () => 'instance search',
  'where.tasks': () => 'task list',
  'where.erasure': () => 'erasure of personal data',
  'subject.invalid': (p) => `invalid subject: ${p.problem}`,
  'subject.village-missing': () => 'village is missing',
  'subject.identifier': () => 'an id holds a personal identifier',
  'subject.township-missing': (p) => `village ${p.village} is not a key village of the plan: give its township`,
  'subject.household-required': (p) => `the subject of ${p.workflow} must name a household`,
  'subject.village-only': (p) => `the subject of ${p.workflow} is a village, not a household`,
  'migration.refused': (p) => `instance ${p.instance} cannot be migrated`,
  'migration.supervisor-only': () => 'a migration needs the supervisor role',
  'migration.hint': () => 'migrate the instance explicitly first',
  'migration.machine-version': (p) =>
    `instance ${p.instance} runs machine version ${p.version}; this runtime has version ${p.runtime}`,
  'migration.plan': (p) =>
    `instance ${p.instance} was started under plan ${p.pinned}; this runtime runs plan ${p.runtime}`,
  'migration.missing-step': (p) => `no migration of ${p.workflow} from machine version ${p.from} to ${p.to}`,
  'instance.unknown': (p) => `no instance ${p.instance}`,
  'instance.conflict': (p) =>
    `instance ${p.instance} was changed by another writer (expected version ${p.expected}); reload and retry`,
  'instance.stale': (p) =>
    `instance ${p.instance} is at version ${p.current}, not the version ${p.expected} named: reload it`,
  'error.allowed-now': () => 'allowed now',
  'error.none': () => 'none',
  'idempotency.key-invalid': (p) =>
    `the idempotencyKey of ${p.event} must be a string of 1 to 200 characters without control characters`,
  'idempotency.key-reused': () =>
    'this idempotency key was used for another request (a different event type, payload or subject): use a new key',
  'runtime.other-store': () => "createRuntime's maintenance is over another store: create it with the runtime's store",
  'runtime.no-public-notice': (p) =>
    `instance ${p.instance} is ${p.workflow}; only ${p.noticed.join(', ')} has a public notice`,
  'maintenance.foreign': () => 'the maintenance was not made by createMaintenance',
  'maintenance.other-tenant': (p) => `this maintenance is scoped to tenant ${p.scope}, not ${p.tenant}`,
  'maintenance.no-private-key': () =>
    'no private key to sign checkpoints with: give one, or configure createMaintenance({ auditKey })',
  'ticker.invalid-ms': (p) => `the ticker's ${p.name} must be a whole number of milliseconds above 0 (got ${p.value})`,
  'registry.plugin-workflows-missing': (p) =>
    `the definitions of plan ${p.plan}'s plugin workflows ${p.missing.join(', ')} are not on this object: use the plan resolvePlan returned`,
  'registry.type-twice': (p) => `workflow type "${p.type}" is registered twice`,
  'registry.unknown-workflow': (p) => `unknown workflow type "${p.type}"; known: ${p.known.join(', ')}`,
  'definition.not-object': () => 'a workflow definition must be an object',
  'definition.type': (p) => `type ${p.problem}`,
  'definition.name': () => 'name needs zh and en',
  'definition.version': () => 'version must be a positive whole number',
  'definition.machine': () => 'machine (an XState machine) is missing',
  'definition.start-event': () => 'startEvent must be one of events',
  'definition.not-list': (p) => `${p.key} must be a list`,
  'definition.blockers': () => 'blockers or effects is missing',
  'definition.household-subject': () => 'householdSubject must be required, optional or none',
  'value.not-string': () => 'must be a string',
  'query.invalid': (p) => `query parameter ${p.name}: ${p.problem}`,
  'query.reason': (p) => `${p.name}: ${p.problem}`,
  'query.boolean': () => 'use true or false',
  'query.not-object': () => 'the query must be an object',
  'query.unknown-types': (p) => `unknown workflow type ${p.named.join(', ')}; known: ${p.known.join(', ')}`,
  'query.cursor': () => 'invalid cursor: pass the `next` of the previous page',
  'query.limit': (p) => `use a whole number from 1 to ${p.max}`,
  'query.list': () => 'use a list of at most 50 strings',
  'query.date': () => 'use a date YYYY-MM-DD',
  'query.instant': () => 'use a date YYYY-MM-DD or an ISO 8601 date-time with its offset',
  'checkpoint.not-ed25519': (p) => `the ${p.kind} key is not an Ed25519 key (got ${p.got})`,
  'checkpoint.bad-line': (p) =>
    `line ${p.line} of ${p.file} is not an audit checkpoint {tenant, seq, headHash, at, keyId, signature}`,
  'audit.broken': (p) => `${p.problem}: run \`ruralkit workflow verify\``,
  'audit.head-behind': (p) =>
    `the audit chain head of tenant ${p.tenant} is ${p.head > 0 ? `at #${p.head}, behind` : 'missing, with'} audit entry #${p.last}; nothing was written`,
  'audit.row-not-json': (p) => `audit entry #${p.seq} of tenant ${p.tenant} is not valid JSON`,
  'audit.in-tenant': (p) => `tenant ${p.tenant}: ${p.problem}`,
  'audit.entry-missing': (p) => `audit entry #${p.seq} is missing (deleted)`,
  'audit.entries-missing': (p) => `audit entries #${p.from} to #${p.to} are missing (deleted)`,
  'audit.entry-reordered': (p) => `audit entry ${entry(p.entry)} is out of order`,
  'audit.entry-unchained': (p) =>
    `audit entry ${entry(p.entry)} does not chain to the entry before it: that entry was changed`,
  'audit.entry-changed': (p) => `audit entry ${entry(p.entry)} was changed: its content does not match its hash`,
  'audit.head-mismatch': (p) =>
    `audit entry #${p.seq} does not match the recorded chain head (#${p.head}): the head was rewritten, or entries were changed and re-hashed`,
  'audit.head-row-missing': (p) =>
    `the audit chain head row is missing (the last entry is #${p.last}): the newest entries may have been deleted with it`,
  'audit.checkpoints-table-gone': () =>
    'the checkpoints table audit_checkpoints is gone: it was dropped (verify with the exported checkpoints file)',
  'audit.entry-not-json': (p) => `audit entry #${p.seq} is not valid JSON`,
  'audit.entry-not-as-written': (p) =>
    `audit entry #${p.seq} is not in the form it was written in (duplicate keys, reordered keys or added spaces): a database query and the verifier may read it differently`,
  'audit.entries-swapped': (p) => `audit entries #${p.a} and #${p.b} were swapped`,
  'audit.entry-moved': (p) => `row #${p.row} holds audit entry #${p.seq}: the entry was moved`,
  'audit.column-changed': (p) =>
    `audit entry #${p.seq}: column ${p.column} says ${JSON.stringify(p.stored)} but the entry says ${JSON.stringify(p.recorded)}: the column was changed`,
  'audit.checkpoint-unreadable': (p) => `a stored checkpoint is unreadable: ${p.text}`,
  'audit.checkpoint-forged': (p) =>
    `${checkpoint(p)} has no valid signature by a given public key in use at that time (key ${p.key}): it was forged or changed`,
  'audit.chain-cut': (p) =>
    `${p.first === p.seq ? `audit entry #${p.seq} is missing` : `audit entries #${p.first} to #${p.seq} are missing`}: the chain was cut back below ${checkpoint(p)} (deleted)`,
  'audit.checkpoint-mismatch': (p) =>
    `audit entry #${p.seq} does not match ${checkpoint(p)}: entries #${p.from} to #${p.seq} were changed and re-hashed`,
  'audit.entry-unsigned': (p) =>
    `audit entry ${entry(p.entry)} is not signed, though the entries before it are: it was written into the database directly`,
  'audit.signature-invalid': (p) =>
    `audit entry ${entry(p.entry)} has no valid signature by a given public key in use at its time (key ${p.key}): it was forged or changed`,
  'audit.instance': (p) => `instance ${p.instance}: ${p.problem}`,
  'audit.instance-not-json': () => 'its stored record is not valid JSON',
  'audit.instance-changed': (p) => `it differs from what audit entry #${p.seq} recorded: the row was changed after it`,
  'audit.instance-inserted': () => 'no audit entry records it: the row was inserted',
  'audit.instance-column-changed': (p) =>
    `column ${p.column} says ${JSON.stringify(p.stored)} but its record says ${JSON.stringify(p.recorded)}: the column was changed`,
  'audit.instance-missing': (p) =>
    `instance ${p.instance}, recorded by audit entry #${p.seq}, is missing: the row was deleted or moved`,
  'audit.event-unmatched': (p) =>
    `domain event #${p.id} (${p.type}, instance ${p.instance}) matches no audit entry: the row was changed or inserted`,
  'audit.event-not-json': (p) => `domain event #${p.id} is not valid JSON`,
  'audit.event-missing': (p) =>
    `a domain event emitted with audit entry #${p.seq} is missing: its row was deleted or changed`,
  'audit.checkpoint-refused': (p) => `the audit chain is broken, so no checkpoint is signed: ${p.problem}`,
};
