/**
 * Summaries (汇总): counts by status per village and overall, the rules with lapses (未达标年份)
 * per subject, each responsible unit's to-do list (待办) and lapses, and the household screening counts.
 */
import type {
  HouseholdResult,
  Report,
  RuleResult,
  StatusCounts,
  SubjectRef,
  Summary,
  UnitRef,
  UnitTodo,
} from './types.js';

/** Zero results of every status. */
export function emptyCounts(): StatusCounts {
  return { met: 0, 'not-met': 0, pending: 0, 'not-applicable': 0, 'missing-data': 0 };
}

/** Whether a result belongs on a unit's to-do list: not-met, or pending and off track or worse. */
export function needsAction(result: RuleResult): boolean {
  return (
    result.status === 'not-met' ||
    (result.status === 'pending' && (result.progress === 'off-track' || result.progress === 'deteriorating'))
  );
}

export function summarize(results: RuleResult[], households: HouseholdResult[]): Summary {
  const overall = emptyCounts();
  const district = emptyCounts();
  let districtLapsed = 0;
  const villages = new Map<string, Summary['villages'][number]>();
  const units = new Map<string, UnitTodo>();
  // A per-township unit (各乡镇) has one list per township.
  const todoOf = (unit: UnitRef) => {
    const key = unit.township === undefined ? unit.id : `${unit.id}@${unit.township}`;
    let todo = units.get(key);
    if (!todo) units.set(key, (todo = { unit: { ...unit, lead: false }, items: [], lapses: [] }));
    return todo;
  };
  for (const result of results) {
    overall[result.status]++;
    const lapsed = result.lapses !== undefined && result.lapses.length > 0;
    if (result.subject.type === 'district') {
      district[result.status]++;
      if (lapsed) districtLapsed++;
    } else {
      let entry = villages.get(result.subject.id);
      if (!entry)
        villages.set(result.subject.id, (entry = { subject: result.subject, counts: emptyCounts(), lapsed: 0 }));
      entry.counts[result.status]++;
      if (lapsed) entry.lapsed++;
    }
    if (lapsed) {
      for (const unit of result.units) {
        todoOf(unit).lapses.push({
          subject: result.subject,
          ruleId: result.ruleId,
          years: result.lapses!,
          lead: unit.lead,
        });
      }
    }
    if (!needsAction(result)) continue;
    for (const unit of result.units) {
      todoOf(unit).items.push({
        subject: result.subject,
        ruleId: result.ruleId,
        status: result.status,
        ...(result.progress ? { progress: result.progress } : {}),
        lead: unit.lead,
        message: result.message,
      });
    }
  }
  const byRiskType: Record<string, number> = {};
  const byCategory: Record<string, number> = {};
  for (const household of households) {
    for (const risk of household.risks) byRiskType[risk] = (byRiskType[risk] ?? 0) + 1;
    if (household.category) byCategory[household.category] = (byCategory[household.category] ?? 0) + 1;
  }
  return {
    overall,
    villages: [...villages.values()],
    district,
    districtLapsed,
    nonKeyVillages: [...villages.values()].filter((v) => v.subject.keyVillage === false).map((v) => v.subject.id),
    // Units with the most lead items first, so the to-do list reads as who must act.
    units: [...units.values()].sort(
      (a, b) =>
        b.items.filter((i) => i.lead).length - a.items.filter((i) => i.lead).length ||
        b.items.length - a.items.length ||
        b.lapses.length - a.lapses.length,
    ),
    households: {
      screened: households.length,
      withRisk: households.filter((h) => h.risks.length > 0).length,
      byRiskType,
      byCategory,
    },
  };
}

/** A subject with its results, in report order, and its counts by status. */
export interface SubjectGroup {
  subject: SubjectRef;
  results: RuleResult[];
  counts: StatusCounts;
  /** How many of its rules have lapses (未达标年份). */
  lapsed: number;
}

/**
 * Results grouped by subject, in report order (villages as given, then the district), each with
 * its counts by status as the summary counted them.
 */
export function bySubject(report: Report): SubjectGroup[] {
  const counted = new Map(report.summary.villages.map((v) => [v.subject.id, v]));
  const groups = new Map<string, SubjectGroup>();
  for (const r of report.results) {
    const key = `${r.subject.type}:${r.subject.id}`;
    let group = groups.get(key);
    if (!group) {
      const { summary } = report;
      const village = counted.get(r.subject.id);
      const [counts, lapsed] =
        r.subject.type === 'district' ? [summary.district, summary.districtLapsed] : [village!.counts, village!.lapsed];
      groups.set(key, (group = { subject: r.subject, results: [], counts, lapsed }));
    }
    group.results.push(r);
  }
  return [...groups.values()];
}
