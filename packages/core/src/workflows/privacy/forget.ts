/**
 * Erasure (删除个人信息) of a household's personal data on request: its data keys are destroyed
 * (crypto-shredding), then each of its instances gets an audit entry and a
 * `personal-data-erased` domain event, so systems that copied the data can erase theirs. Only a
 * `supervisor` of the tenant may do it. Erasing again destroys nothing more and is audited again.
 */
import { auditRecord, auditWhere } from '../audit.js';
import { scopeRefusal } from '../authorize.js';
import { WorkflowError } from '../errors.js';
import { workflowText } from '../locales/index.js';
import type { WorkflowStore } from '../store.js';
import type { AuditRecord, DomainEvent, Principal, Subject, WorkflowType } from '../types.js';
import { personalDataOwner, type PersonalDataKeys } from './keys.js';
import { refuseIdentifiers } from './protect.js';
import { workflowMessage } from '../locales/messages.js';

/** What an erasure did: how many keys it destroyed and which instances it audited. */
export interface ForgetResult {
  keys: number;
  instances: string[];
}

export interface ForgetInput {
  tenant: string;
  subject: Subject;
  actor: Principal;
  /** Why, for the audit (the request's reference, not the requester's details). */
  reason: string;
}

/** Destroy the keys of `subject`'s personal data and audit it on each of its instances of `types`. */
export async function forgetPersonalData(
  {
    store,
    keys,
    at,
    types,
  }: { store: WorkflowStore; keys: PersonalDataKeys | undefined; at: string; types: readonly WorkflowType[] },
  { tenant, subject, actor, reason }: ForgetInput,
  subjectKey: string,
): Promise<ForgetResult> {
  const owner = personalDataOwner(tenant, subject);
  const scope = scopeRefusal(actor, tenant, subject);
  const refusal =
    (scope && workflowText(scope.reason)) ??
    (actor.roles.includes('supervisor') ? undefined : workflowText(workflowMessage('erasure.supervisor-only', {})));
  const cannot = workflowText(workflowMessage('erasure.refused', { owner }));
  if (refusal) throw new WorkflowError('forbidden', cannot, { event: 'FORGET', reasons: [refusal] });
  refuseIdentifiers({ event: 'FORGET' }, 'reason', reason);
  if (!keys) {
    throw new WorkflowError('invalid-payload', cannot, {
      event: 'FORGET',
      reasons: [workflowText(workflowMessage('erasure.no-keyring', {}))],
    });
  }
  const destroyed = await keys.forget(owner);
  const instances = (await Promise.all(types.map((type) => store.findBySubject({ type, tenant, subjectKey })))).flat();
  const data = { keys: destroyed, reason };
  const audit: AuditRecord[] = instances.map((record) =>
    auditRecord(auditWhere(record), {
      event: 'FORGET',
      outcome: 'erased',
      actor,
      at,
      stateBefore: record.state,
      stateAfter: record.state,
      payload: data,
    }),
  );
  const outbox: DomainEvent[] = instances.map((record) => ({
    type: 'personal-data-erased',
    instanceId: record.id,
    workflow: record.type,
    tenant,
    subject: record.subject,
    at,
    data: {},
  }));
  if (audit.length) await store.record({ audit, outbox });
  return { keys: destroyed, instances: instances.map((i) => i.id) };
}
