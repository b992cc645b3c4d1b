/**
 * The tick step (到期检查): claims the instances whose deadline has passed, with the
 * maintenance's lease, marks each passed deadline overdue, audits it and emits `overdue` naming
 * the units to escalate to — one commit per instance. An instance another writer saved first is
 * left to it, so a deadline fires once however many processes tick.
 */
import { z } from 'zod';
import { auditRecord, auditWhere } from './audit.js';
import { nextDeadlineAt } from './deadlines.js';
import { domainEvent } from './deliver.js';
import { WorkflowError } from './errors.js';
import type { InstanceStore, Lease } from './store.js';
import { DeadlineSchema, type Commit, type InstanceRecord } from './types.js';

/** A deadline the runtime marked overdue (逾期通知). */
export const OverdueNoticeSchema = z.object({ instanceId: z.string(), deadline: DeadlineSchema });
/** A deadline the runtime marked overdue during `tick`. */
export interface OverdueNotice extends z.infer<typeof OverdueNoticeSchema> {}

/** Fire the deadlines passed at `instant` (an ISO timestamp): every tenant's, or only `tenant`'s. */
export async function fireDeadlines(
  store: InstanceStore,
  lease: Lease,
  instant: string,
  tenant?: string,
): Promise<OverdueNotice[]> {
  const fired: OverdueNotice[] = [];
  for (const due of await store.claimDue(instant, lease, undefined, tenant)) {
    const passed = due.deadlines.filter((d) => !d.overdueAt && d.firesAt <= instant);
    const deadlines = due.deadlines.map((d) => (passed.includes(d) ? { ...d, overdueAt: instant } : d));
    const record: InstanceRecord = {
      ...due,
      deadlines,
      nextDeadlineAt: nextDeadlineAt(deadlines),
      version: due.version + 1,
      updatedAt: instant,
    };
    const commit: Commit = {
      audit: passed.map((d) =>
        auditRecord(auditWhere(due), {
          event: 'DEADLINE_PASSED',
          outcome: 'overdue',
          actor: { id: 'system' },
          at: instant,
          stateBefore: due.state,
          stateAfter: due.state,
          payload: { deadline: d.id, due: d.due, escalateTo: d.escalateTo },
        }),
      ),
      outbox: passed.map((d) =>
        domainEvent(record, 'overdue', instant, {
          deadline: d.id,
          name: d.name,
          due: d.due,
          state: due.state,
          escalateTo: d.escalateTo,
        }),
      ),
    };
    try {
      await store.save(record, due.version, commit);
    } catch (error) {
      if (error instanceof WorkflowError && error.code === 'conflict') continue; // another runtime got it first
      throw error;
    }
    fired.push(
      ...deadlines
        .filter((d) => passed.some((p) => p.id === d.id))
        .map((deadline) => ({ instanceId: due.id, deadline })),
    );
  }
  return fired;
}
