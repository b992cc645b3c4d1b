/**
 * The runtime's privacy (隐私保护): payloads protected before they are stored, and views that
 * open personal values only for principals that need them — a reader of the workflow
 * (`personalReaders`) within the instance's tenant and scope, such as the household itself.
 * Everyone else, and a view asked for without a principal, gets them masked; once the owner's
 * key is destroyed, everyone gets them as erased.
 */
import type { z } from 'zod';
import { holdsGrant, relationFactsOf } from '../authorize.js';
import type { InstanceRecord, Principal, Subject, WorkflowDefinition } from '../types.js';
import { personalDataOwner, type PersonalDataKeys } from './keys.js';
import { protectPayload, type Protected } from './protect.js';
import { mapSealed, openValue, PERSONAL_ERASED, PERSONAL_MASK } from './seal.js';

export interface Privacy {
  /** Refuse identifiers in free text; seal personal fields (machine) and hash them (audit). */
  protect(schema: z.ZodType, payload: unknown, tenant: string, subject: Subject): Promise<Protected>;
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
    protect: (schema, payload, tenant, subject) =>
      protectPayload(schema, payload, keys, personalDataOwner(tenant, subject)),
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
