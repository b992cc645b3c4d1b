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
  /** A field of the input's structure not among `fields`; the nearest of them, when one is near. */
  'input.unknown-field': { fields: string[]; suggestion: string | undefined };
  /** An indicator key neither the plan nor a plugin defines. */
  'input.unknown-key': { suggestion: string | undefined };
  /** A value outside its indicator's range. */
  'input.not-between': { min: number; max: number };
  'input.required': Record<string, never>;
  'input.not-finite': Record<string, never>;
  /** A value of another type than `expected` (zod's name of the type). */
  'input.expected-type': { expected: string };
  'input.negative': Record<string, never>;
  'input.at-least': { minimum: string };
  'input.at-most': { maximum: string };
  /** A year key outside the plan's years. */
  'input.year-key': { first: number; last: number };
  'input.date-outside-years': { first: number; last: number };
  'input.not-a-date': Record<string, never>;
  /** Any other problem, with zod's own message. */
  'input.invalid': { detail: string };
  'input.proto-key': Record<string, never>;
  'input.circular': Record<string, never>;
  'input.too-deep': { maxDepth: number };
  'input.before-plan-start': { start: string };
  /** A date indicator after the as-of date: not yet happened. */
  'input.dated-after-as-of': { key: string; value: string; asOf: string };
  /** A text that should be a yes or a no. */
  'text.expected-yes-no': Record<string, never>;
  'text.not-a-date': Record<string, never>;
  'text.not-a-number': Record<string, never>;
  /** A value a workflow settles for a village the input lacks. */
  'workflow.village-not-in-input': { key: string; value: string; village: string };
  /** A typed value that differs from the one a workflow settles. */
  'workflow.typed-differs': { key: string; given: string; settled: string; workflow: string; instances: string };
  /** A rule's period assessment (期末考核): the years not met, and those without data. */
  'assessment.lapsed': { subject: string; rule: string; lapses: number[]; unjudged: number[] };
  'assessment.unjudged': { subject: string; rule: string; unjudged: number[] };
  'assessment.held': { subject: string; rule: string; first: string; last: string };
  /** The operator of a date compared, as the expected value reads it (`≤` for numbers). */
  'value.on-or-before': Record<string, never>;
  /** A household as a subject. */
  'subject.household': { id: string };
}
