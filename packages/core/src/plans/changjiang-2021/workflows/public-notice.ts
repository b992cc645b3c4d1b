/**
 * The public-notice view (公示信息) of a monitored household: the village, the household head's
 * name, the category and the risk types, and nothing else. It never shows an ID number, a
 * phone number, a bank account, income figures or health details, whatever the payloads hold.
 * The runtime hands it the instance with the head's name opened (absent once erased).
 */
import type { Plan } from '../../../model/schema.js';
import { maskName } from '../../../workflows/public-notice.js';
import type { InstanceRecord, PublicNoticeView } from '../../../workflows/types.js';
import type { PovertyMonitoringContext } from './monitoring-context.js';

/** Build the view from whitelisted fields only; ids are resolved against the plan. */
export function publicNoticeView(plan: Plan, instance: InstanceRecord): PublicNoticeView {
  const context = instance.envelope.snapshot.context as unknown as PovertyMonitoringContext;
  const village = plan.keyVillages.find((v) => v.id === instance.subject.village);
  const categoryId = context.category ?? context.suggestedCategory;
  const category = plan.categories.find((c) => c.id === categoryId);
  const risks = context.confirmedRisks?.length ? context.confirmedRisks : (context.flaggedRisks ?? []);
  return {
    village: { id: instance.subject.village, name: village?.name ?? null },
    householdHead: maskName(context.householdHead),
    category: category ? { id: category.id, name: category.name } : null,
    riskTypes: plan.riskTypes.filter((t) => risks.includes(t.id as never)).map((t) => ({ id: t.id, name: t.name })),
  };
}
