/**
 * What was knowable at the as-of date (当时可知): dated facts after it have not happened yet.
 * The evaluation context reads them as absent; this lists them as input notes, so a report
 * re-issued for a past date says what it set aside and why.
 */
import type { EvalContext } from './context.js';
import type { ParsedInput, YearSeries } from './input.js';
import type { InputNote, SubjectRef } from './types.js';
import { said } from './locales/index.js';

/** The input's dates the context reads as after its as-of date, one note each, villages first. */
export function setAsideAfter(ctx: EvalContext, parsed: ParsedInput): InputNote[] {
  const { asOf } = ctx;
  const dateKeys = [...ctx.compiled.indicators.values()].filter((d) => d.unit === 'date').map((d) => d.key);
  if (dateKeys.length === 0) return [];
  const notes: InputNote[] = [];
  const scan = (subject: Pick<SubjectRef, 'type' | 'id'>, series: YearSeries, attributes?: Record<string, unknown>) => {
    const note = (key: string, value: unknown, year?: number) => {
      if (!ctx.afterAsOf(key, value)) return;
      notes.push({
        subject,
        ...(year === undefined ? {} : { year }),
        key,
        value: String(value),
        code: 'dated-after-as-of',
        message: said('input.dated-after-as-of', { key, value: String(value), asOf }),
      });
    };
    for (const key of dateKeys) note(key, attributes?.[key]);
    series.years.forEach((year, i) => {
      for (const key of dateKeys) note(key, series.rows[i]![key], year);
    });
  };
  for (const village of parsed.villages) scan({ type: 'village', id: village.id }, village.series, village.attributes);
  scan({ type: 'district', id: 'district' }, parsed.district);
  return notes;
}
