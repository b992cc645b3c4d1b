/**
 * Part of a report (报告分册): the results, households and notes of some subjects, with the
 * summary and the period assessment counted again over them, so that a province's report can be
 * read (and drawn) a township at a time. Nothing is judged again.
 */
import { summarize } from './summary.js';
import type { Report, SubjectRef } from './types.js';

/** `report` narrowed to the subjects `keep` accepts (households and notes go with their subject). */
export function reportPart(report: Report, keep: (subject: SubjectRef) => boolean): Report {
  const results = report.results.filter((r) => keep(r.subject));
  const kept = new Set(results.map((r) => `${r.subject.type}:${r.subject.id}`));
  const households = report.households.filter((h) => kept.has(`village:${h.villageId}`));
  const part: Report = {
    plan: report.plan,
    asOf: report.asOf,
    results,
    households,
    summary: summarize(results, households),
    notes: report.notes.filter((n) => kept.has(`${n.subject.type}:${n.subject.id}`)),
  };
  if (report.assessment) {
    const rules = report.assessment.rules.filter((r) => keep(r.subject));
    const counts = { held: 0, lapsed: 0, unjudged: 0 };
    for (const rule of rules) counts[rule.outcome]++;
    part.assessment = { period: report.assessment.period, counts, rules };
  }
  return part;
}
