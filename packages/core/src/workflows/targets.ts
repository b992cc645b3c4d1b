/**
 * Rectification opened from evaluation (未达标整改): every binding village target that is not
 * met gets a `rectification` case, idempotently per village, rule and year, so an evaluation run
 * again opens nothing twice. The case names the rule, its clause and the year (opt-in: the
 * runtime's `openRectifications`).
 */
import type { Report as EvaluationReport } from '../evaluate/types.js';
import type { StartInput } from './attempt.js';
import type { TransitionResult } from './commit.js';
import type { Principal } from './types.js';

/** The outcome for one not-met target of opening rectification from an evaluation. */
export interface RectificationStart {
  village: string;
  ruleId: string;
  year: number;
  instanceId: string;
  outcome: 'started' | 'duplicate';
}

/** Open (or find, when already opened) a case for every not-met binding village target, one after another. */
export async function openRectifications(
  report: EvaluationReport,
  { tenant, actor }: { tenant: string; actor: Principal },
  start: (input: StartInput) => Promise<TransitionResult>,
): Promise<RectificationStart[]> {
  const opened: RectificationStart[] = [];
  const failing = report.results.filter(
    (r) => r.subject.type === 'village' && r.strength === 'binding' && r.status === 'not-met',
  );
  for (const result of failing) {
    const { subject, ruleId, year, clause } = result;
    const started = await start({
      tenant,
      subject: { village: subject.id },
      event: {
        type: 'REPORT',
        actor,
        payload: {
          source: 'inspection',
          category: 'other',
          description: result.message.zh,
          target: { ruleId, clause: clause.id, year },
        },
        idempotencyKey: `target:${subject.id}:${ruleId}:${year}`,
      },
    });
    opened.push({
      village: subject.id,
      ruleId,
      year,
      instanceId: started.instanceId,
      outcome: started.duplicate ? 'duplicate' : 'started',
    });
  }
  return opened;
}
