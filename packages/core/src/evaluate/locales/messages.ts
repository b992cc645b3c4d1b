/**
 * The evaluation's messages (评估消息): the sentences of a judgement and how values read, as codes
 * with their parameters. Their words are in `zh.ts` and `en.ts`; a rule's own met and not-met
 * templates are the plan's.
 */

export interface EvaluationMessages {
  /** A rule that cannot be judged: the keys missing and other reasons. */
  'judgement.missing-data': { subject: string; year: number; rule: string; missing: string[]; reasons: string[] };
  /** A rule whose applicability condition did not hold, with the facts it read. */
  'judgement.not-applicable': { subject: string; rule: string; facts: string[] };
  'judgement.not-done': { subject: string; asOf: string; rule: string };
  /** Appended to a pending judgement. */
  'judgement.pending': { due: string | undefined; progress: string };
  /** Appended to a headline: the earlier years that did not hold. */
  'judgement.lapses': { years: readonly number[] };
  /** A judgement with its clauses and lead unit. */
  'judgement.clause': {
    text: string;
    clauses: readonly { id: string; label: string }[];
    lead: string | undefined;
  };
  /** A missing key: its indicator's name and the key (with its year, if any). */
  'judgement.key': { name: string; key: string };
  /** A fact as read: its name and its value. */
  'judgement.fact': { name: string; value: string };
  'value.none': Record<string, never>;
  'value.boolean': { value: boolean };
  'value.cny': { money: string };
  'value.days': { value: number };
  'value.working-days': { value: number };
  'value.months': { value: number };
  /** A value's year, after the value. */
  'value.year': { year: number };
  /** Between the values of several keys. */
  'value.separator': Record<string, never>;
  /** An id seen before: where first (a line, or the subject's place in the input's list, from 1), when known. */
  'input.duplicate-id': { type: 'village' | 'household'; first: { line: number } | { position: number } | null };
  'derived.zero-denominator': { name: string };
  'derived.zero-base': { name: string; baseYear: number };
}
