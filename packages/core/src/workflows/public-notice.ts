/**
 * The public-notice view (公示信息) of a monitored household: the village, the household head's
 * name, the category and the risk types, and nothing else. It never shows an ID number, a
 * phone number, a bank account, income figures or health details, whatever the payloads hold.
 * The runtime hands it the instance with the head's name opened (absent once erased).
 */
import type { LocalizedText, Plan } from '../model/schema.js';
import type { PovertyMonitoringContext } from './poverty-monitoring.js';
import type { InstanceRecord } from './types.js';

export interface PublicNoticeView {
  village: { id: string; name: LocalizedText | null };
  /** The household head's name, masked to its first character (张**). */
  householdHead: string | null;
  category: { id: string; name: LocalizedText } | null;
  riskTypes: { id: string; name: LocalizedText }[];
}

/**
 * A name as shown on a notice: letters only, masked after the first character, so neither
 * digits (an ID or phone number put in the wrong field) nor a full name are shown. Anything but
 * a string (a name still sealed, or erased) shows nothing.
 */
export function maskName(name: unknown): string | null {
  const letters = [...(typeof name === 'string' ? name : '').normalize('NFC')].filter((c) => /\p{L}/u.test(c));
  if (letters.length === 0) return null;
  return letters[0]! + '*'.repeat(Math.min(letters.length - 1, 2) || 1);
}

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
