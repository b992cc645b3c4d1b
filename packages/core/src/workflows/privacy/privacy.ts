/**
 * The runtime's privacy (隐私保护): payloads protected before they are stored, and views that
 * open personal values only for principals that need them — a reader of the workflow
 * (`personalReaders`) within the instance's tenant and scope, such as the household itself.
 * Everyone else, and a view asked for without a principal, gets them masked; once the owner's
 * key is destroyed, everyone gets them as erased.
 */
import { placeOf, type Attempt, type Setting } from '../attempt.js';
import { holdsGrant, refuse } from '../authorize.js';
import { workflowMessage } from '../locales/messages.js';
import type { Refusal } from '../refusal.js';
import { relationFactsOf } from '../relations.js';
import type { InstanceRecord, Principal, WorkflowDefinition } from '../types.js';
import { personalDataOwner, type PersonalDataKeys } from './keys.js';
import { protectPayload } from './protect.js';
import { mapSealed, openValue, PERSONAL_ERASED, PERSONAL_MASK } from './seal.js';

export interface Privacy {
  /**
   * The protect step (保护) of an attempt's authorized payload: a refusal of free text holding an
   * identifier, or of a personal value without a keyring; else the payload sealed for the machine
   * and hashed for the audit.
   */
  protect(
    setting: Setting,
    attempt: Attempt,
    payload: unknown,
  ): Promise<{ sealed: unknown; hashed: unknown } | Refusal>;
  /** An instance's context as `principal` may see it. */
  context(
    definition: WorkflowDefinition,
    record: InstanceRecord,
    principal?: Principal,
  ): Promise<Record<string, unknown>>;
  /** The instance with personal values opened (erased ones left out), for views that mask them themselves. */
  opened(record: InstanceRecord): Promise<InstanceRecord>;
}

/** The privacy of a runtime with `keys` (or none: then personal values are refused). */
export function createPrivacy(keys: PersonalDataKeys | undefined): Privacy {
  const isReader = (definition: WorkflowDefinition, record: InstanceRecord, principal: Principal | undefined) =>
    Boolean(
      principal &&
      holdsGrant(
        definition.personalReaders ?? [],
        principal,
        record.tenant,
        record.subject,
        relationFactsOf(record.envelope.snapshot.context),
      ),
    );

  return {
    async protect(setting, attempt, payload) {
      const { definition, input, tenant, subject } = attempt;
      const schema = definition.events[input.type]!.payload;
      const result = await protectPayload(schema, payload, keys, personalDataOwner(tenant, subject));
      if ('refused' in result) {
        return refuse(
          setting,
          attempt,
          'invalid-payload',
          workflowMessage('refusal.personal-data', { place: placeOf(attempt), event: input.type }),
          result.refused,
        );
      }
      return { sealed: result.machine, hashed: result.audit };
    },
    async context(definition, record, principal) {
      const reader = isReader(definition, record, principal);
      return (await mapSealed(record.envelope.snapshot.context, async (sealed) => {
        if (!keys) return PERSONAL_MASK;
        if (!reader) return (await keys.find(sealed.key)) ? PERSONAL_MASK : PERSONAL_ERASED;
        return (await openValue(keys, sealed)) ?? PERSONAL_ERASED;
      })) as Record<string, unknown>;
    },
    async opened(record) {
      const context = (await mapSealed(record.envelope.snapshot.context, async (sealed) =>
        keys ? openValue(keys, sealed) : undefined,
      )) as Record<string, unknown>;
      return { ...record, envelope: { ...record.envelope, snapshot: { ...record.envelope.snapshot, context } } };
    },
  };
}
