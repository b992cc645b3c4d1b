/**
 * Workflows as a source of facts (流程产生的指标): the indicators a procedure settles, derived
 * from a tenant's workflow history as of a date, each with the instances it came from.
 *
 * - `village-plan`: `villagePlanApprovedOn`, the local date of the first `APPROVE`.
 * - `rectification`: `qualityProblemToiletsOpen` and `technicalProblemToiletsOpen`, the cases of
 *   that category open at the end of each year (or at the as-of date), and
 *   `technicalToiletRoadmap`, whether every open technical case is past its roadmap; only for
 *   villages that have cases of the category (no cases is not evidence of no problem).
 * - `poverty-monitoring`: `povertyMonitoringActive` true in a year a village's cases moved; a
 *   year without movement gives nothing (no evidence either way).
 */
import type { FactSource, WorkflowFact } from '../evaluate/types.js';
import { localDate } from './calendar.js';
import type { WorkflowStore } from './store.js';
import type { AuditEntry } from './types.js';

/** One instance's history up to the as-of date: its village, workflow and accepted entries. */
interface History {
  id: string;
  village: string;
  workflow: string;
  entries: AuditEntry[];
}

/** States in which a rectification case is no longer open. */
const RECTIFICATION_SETTLED = new Set(['closed', 'dismissed']);
/** States of a rectification case past its roadmap (时间表和线路图). */
const PAST_ROADMAP = new Set(['rectifying', 'verifying', 'closed']);

/**
 * The facts `tenant`'s workflows settle as of `asOf` (a local date, China time), from its
 * audit log: only what was recorded on or before that day is read.
 */
export async function deriveWorkflowFacts(
  store: Pick<WorkflowStore, 'readAudit' | 'load'>,
  { tenant, asOf, firstYear }: { tenant: string; asOf: string; firstYear: number },
): Promise<WorkflowFact[]> {
  const histories = await historiesOf(store, tenant, asOf);
  const facts: WorkflowFact[] = [];
  const lastYear = Number(asOf.slice(0, 4));
  for (const h of histories.filter((x) => x.workflow === 'village-plan')) {
    const approval = h.entries.findIndex((e) => e.stateAfter === 'approved');
    if (approval < 0) continue;
    const date = localDate(h.entries[approval]!.at);
    facts.push(fact(h.village, Number(date.slice(0, 4)), 'villagePlanApprovedOn', date, h.workflow, [at(h, approval)]));
  }
  const byVillage = groupBy(histories, (h) => h.village);
  for (const [village, own] of byVillage) {
    const cases = own.filter((h) => h.workflow === 'rectification');
    for (const [category, key] of [
      ['toilet-quality', 'qualityProblemToiletsOpen'],
      ['toilet-technical', 'technicalProblemToiletsOpen'],
    ] as const) {
      const ofCategory = cases.filter((h) => (h.entries[0]!.payload as { category?: string })?.category === category);
      if (ofCategory.length === 0) continue;
      const from = Math.max(firstYear, Number(localDate(ofCategory[0]!.entries[0]!.at).slice(0, 4)));
      for (let year = from; year <= lastYear; year++) {
        const end = year === lastYear ? asOf : `${year}-12-31`;
        const read = ofCategory.map((h) => ({ h, index: lastIndexOn(h, end) })).filter((x) => x.index >= 0);
        const open = read.filter(({ h, index }) => !RECTIFICATION_SETTLED.has(h.entries[index]!.stateAfter ?? ''));
        const sources = read.map(({ h, index }) => at(h, index));
        facts.push(fact(village, year, key, open.length, 'rectification', sources));
        if (category === 'toilet-technical' && open.length > 0) {
          const planned = open.every(({ h, index }) => PAST_ROADMAP.has(h.entries[index]!.stateAfter ?? ''));
          const openSources = open.map(({ h, index }) => at(h, index));
          facts.push(fact(village, year, 'technicalToiletRoadmap', planned, 'rectification', openSources));
        }
      }
    }
    const monitoring = own.filter((h) => h.workflow === 'poverty-monitoring');
    for (let year = firstYear; year <= lastYear; year++) {
      const moved = monitoring
        .map((h) => ({ h, index: lastIndex(h.entries, (e) => localDate(e.at).startsWith(`${year}-`)) }))
        .filter((x) => x.index >= 0);
      if (moved.length === 0) continue;
      const sources = moved.map(({ h, index }) => at(h, index));
      facts.push(fact(village, year, 'povertyMonitoringActive', true, 'poverty-monitoring', sources));
    }
  }
  return facts;
}

/** The tenant's instances with their accepted entries recorded on or before `asOf`, oldest first. */
async function historiesOf(
  store: Pick<WorkflowStore, 'readAudit' | 'load'>,
  tenant: string,
  asOf: string,
): Promise<History[]> {
  const entries = (await store.readAudit({ tenant })).filter(
    (e) => e.instanceId !== null && e.outcome !== 'refused' && localDate(e.at) <= asOf,
  );
  const byInstance = groupBy(entries, (e) => e.instanceId!);
  const histories: History[] = [];
  for (const [id, own] of byInstance) {
    const record = await store.load(id);
    if (!record) continue;
    histories.push({ id, village: record.subject.village, workflow: record.type, entries: own });
  }
  return histories;
}

/** The index of an instance's last entry on or before `date`, or -1. */
function lastIndexOn(h: History, date: string): number {
  return lastIndex(h.entries, (e) => localDate(e.at) <= date);
}

/** The index of the last item that `matches`, or -1. */
function lastIndex<T>(items: readonly T[], matches: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (matches(items[i]!)) return i;
  return -1;
}

/** An instance as read at its `index`-th entry: each accepted entry is one version. */
function at(h: History, index: number): { id: string; version: number } {
  return { id: h.id, version: index + 1 };
}

function fact(
  village: string,
  year: number,
  key: string,
  value: WorkflowFact['value'],
  workflow: string,
  instances: FactSource['instances'],
): WorkflowFact {
  return { village, year, key, value, source: { workflow, instances } };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
