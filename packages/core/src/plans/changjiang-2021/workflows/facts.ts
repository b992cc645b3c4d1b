/**
 * The facts the Changjiang procedures settle (流程产生的指标):
 *
 * - `village-plan`: `villagePlanApprovedOn`, the local date of the first `APPROVE`.
 * - `rectification`: `qualityProblemToiletsOpen` and `technicalProblemToiletsOpen`, the cases of
 *   that category open at the end of each year (or at the as-of date), and
 *   `technicalToiletRoadmap`, whether every open technical case is past its roadmap; only for
 *   villages that have cases of the category (no cases is not evidence of no problem).
 * - `poverty-monitoring`: `povertyMonitoringActive` true in a year a village's cases moved; a
 *   year without movement gives nothing (no evidence either way).
 */
import type { WorkflowFact } from '../../../evaluate/types.js';
import { localDate } from '../../../workflows/calendar.js';
import { at, fact, groupBy, lastIndex, lastIndexOn } from '../../../workflows/histories.js';
import type { FactPeriod, WorkflowHistory } from '../../../workflows/types.js';

/** States in which a rectification case is no longer open. */
const RECTIFICATION_SETTLED = new Set(['closed', 'dismissed']);
/** States of a rectification case past its roadmap (时间表和线路图). */
const PAST_ROADMAP = new Set(['rectifying', 'verifying', 'closed']);

/** `villagePlanApprovedOn`, per village plan approved. */
export function villagePlanFacts(histories: readonly WorkflowHistory[]): WorkflowFact[] {
  const facts: WorkflowFact[] = [];
  for (const h of histories) {
    const approval = h.entries.findIndex((e) => e.stateAfter === 'approved');
    if (approval < 0) continue;
    const date = localDate(h.entries[approval]!.at);
    facts.push(fact(h.village, Number(date.slice(0, 4)), 'villagePlanApprovedOn', date, h.workflow, [at(h, approval)]));
  }
  return facts;
}

/** The open problem-toilet cases of each village at each year end, and whether the technical ones have their roadmap. */
export function rectificationFacts(
  histories: readonly WorkflowHistory[],
  { firstYear, lastYear, asOf }: FactPeriod,
): WorkflowFact[] {
  const facts: WorkflowFact[] = [];
  for (const [village, cases] of groupBy(histories, (h) => h.village)) {
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
        facts.push(fact(village, year, key, open.length, cases[0]!.workflow, sources));
        if (category === 'toilet-technical' && open.length > 0) {
          const planned = open.every(({ h, index }) => PAST_ROADMAP.has(h.entries[index]!.stateAfter ?? ''));
          const openSources = open.map(({ h, index }) => at(h, index));
          facts.push(fact(village, year, 'technicalToiletRoadmap', planned, cases[0]!.workflow, openSources));
        }
      }
    }
  }
  return facts;
}

/** `povertyMonitoringActive` for each village in each year its cases moved. */
export function monitoringFacts(
  histories: readonly WorkflowHistory[],
  { firstYear, lastYear }: FactPeriod,
): WorkflowFact[] {
  const facts: WorkflowFact[] = [];
  for (const [village, monitoring] of groupBy(histories, (h) => h.village)) {
    for (let year = firstYear; year <= lastYear; year++) {
      const moved = monitoring
        .map((h) => ({ h, index: lastIndex(h.entries, (e) => localDate(e.at).startsWith(`${year}-`)) }))
        .filter((x) => x.index >= 0);
      if (moved.length === 0) continue;
      const sources = moved.map(({ h, index }) => at(h, index));
      facts.push(fact(village, year, 'povertyMonitoringActive', true, monitoring[0]!.workflow, sources));
    }
  }
  return facts;
}
