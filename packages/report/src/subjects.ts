/** A report's results grouped by subject (按对象分组), as every report format lists them. */
import { emptyCounts, type Report, type RuleResult, type StatusCounts, type SubjectRef } from '@ruralkit/core';

export interface SubjectGroup {
  subject: SubjectRef;
  results: RuleResult[];
  counts: StatusCounts;
}

/** Results grouped by subject, in report order (villages as given, then the district), with counts by status. */
export function bySubject(report: Report): SubjectGroup[] {
  const groups = new Map<string, SubjectGroup>();
  for (const r of report.results) {
    const key = `${r.subject.type}:${r.subject.id}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { subject: r.subject, results: [], counts: emptyCounts() }));
    group.results.push(r);
    group.counts[r.status]++;
  }
  return [...groups.values()];
}
