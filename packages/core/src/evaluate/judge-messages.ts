/**
 * The words of a judgement (判定说明): the message an officer can paste, in Chinese and English,
 * written from a result that `judge.ts` has already decided.
 */
import { formatKey, formatParameterAt, indicatorName } from './wording.js';
import type { LocalizedText } from '../model/schema.js';
import type { CompiledRule } from './compile-plan.js';
import type { EvalContext, Reading, SubjectData } from './context.js';
import { fillTemplate, type Lang } from './format.js';
import { EVALUATION_WORDS } from './locales/index.js';
import { PROGRESS_LABEL } from './labels.js';
import type { ExpectedValue, Progress, ProgressDetail, RuleResult, Status } from './types.js';

/** The outcome of a rule at one point in time. */
export interface Outcome {
  status: 'holds' | 'fails' | 'not-done' | 'missing-data' | 'not-applicable';
  reading: Reading;
  expected: Record<string, ExpectedValue>;
  /** Facts the applicability condition read, when it did not hold. */
  inapplicable?: Reading;
}

/** What was decided for a rule at one point: the year, the date read, the status and its deadline. */
export interface Judgement {
  year: number;
  date: string;
  status: Status;
  due?: string;
  progress?: Progress;
  progressDetail?: ProgressDetail;
  /** The headline year of an annual or ongoing rule: the earlier years that did not hold. */
  lapses?: readonly number[];
}

function pendingNote(result: RuleResult, lang: Lang): string {
  const progress = PROGRESS_LABEL[result.progress ?? 'unknown'][lang];
  return EVALUATION_WORDS[lang]['judgement.pending']({ due: result.due, progress });
}

/** Earlier years that did not hold, on a headline: 「；2023年未达标」. */
function lapseNote(lapses: readonly number[] | undefined, lang: Lang): string {
  if (!lapses || lapses.length === 0) return '';
  return EVALUATION_WORDS[lang]['judgement.lapses']({ years: lapses });
}

export function messageOf(
  ctx: EvalContext,
  cr: CompiledRule,
  data: SubjectData,
  outcome: Outcome,
  result: RuleResult,
  j: Judgement,
): LocalizedText {
  const message = { zh: '', en: '' };
  // The rule's derived facts, as its check lists them.
  const { derived } = cr.check;
  const facts = outcome.reading.facts;
  const against = comparands(outcome);
  for (const lang of ['zh', 'en'] as const) {
    const fill = (template: string) =>
      fillTemplate(template, lang, {
        subject: data.ref.name,
        year: result.observedYear ?? j.year,
        due: j.due,
        value: (key) => formatKey(ctx, key, facts[key], derived, lang, against.get(key)),
        parameter: (id) => formatParameterAt(ctx, id, j.date, lang),
      });
    const words = EVALUATION_WORDS[lang];
    const rule = quoted(result.ruleName[lang]);
    const subject = data.ref.name[lang];
    let text: string;
    switch (outcome.status) {
      case 'missing-data': {
        const missing = (result.missing ?? []).map((k) => describeKey(ctx, k, lang));
        const reasons = outcome.reading.reasons.map((r) => r[lang]);
        text = words['judgement.missing-data']({ subject, year: j.year, rule, missing, reasons });
        break;
      }
      case 'not-applicable': {
        const facts = Object.entries(outcome.inapplicable?.actual ?? {}).map(([k, o]) =>
          words['judgement.fact']({ name: indicatorName(ctx, k, lang), value: formatKey(ctx, k, o.value, [], lang) }),
        );
        text = words['judgement.not-applicable']({ subject, rule, facts });
        break;
      }
      case 'not-done':
        text = words['judgement.not-done']({ subject, asOf: ctx.asOf, rule });
        break;
      default:
        text = fill(j.status === 'met' ? cr.rule.messages[lang].met : cr.rule.messages[lang].notMet);
    }
    const pending = j.status === 'pending' ? pendingNote(result, lang) : '';
    message[lang] = withClause(result, lang, text + pending + lapseNote(j.lapses, lang));
  }
  return message;
}

/**
 * What each value was compared with, so that its figure is written apart from it: a key and
 * its expected value, and a fact it was compared with (last year's share) and that key's value.
 */
function comparands(outcome: Outcome): Map<string, unknown> {
  const against = new Map<string, unknown>();
  const { facts } = outcome.reading;
  for (const [key, expected] of Object.entries(outcome.expected)) {
    if (typeof expected.value !== 'number') continue;
    against.set(key, expected.value);
    for (const other in facts) if (other !== key && facts[other] === expected.value) against.set(other, facts[key]);
  }
  return against;
}

/** A missing key as a person reads it: 「自来水普及率（tapWaterRate）」; written once per key, language and context. */
function describeKey(ctx: EvalContext, key: string, lang: Lang): string {
  const described = ctx.memo(DESCRIBED[lang], () => new Map<string, string>());
  let text = described.get(key);
  if (text === undefined) {
    const [base, year] = key.split(' ');
    const name = indicatorName(ctx, base!, lang);
    const shown = year ? `${base} ${year.slice(1, -1)}` : base!;
    text = EVALUATION_WORDS[lang]['judgement.key']({ name, key: shown });
    described.set(key, text);
  }
  return text;
}

/** Keys of the per-context memos of `describeKey`, one per language. */
const DESCRIBED: Record<Lang, object> = { zh: {}, en: {} };

/** Append the clause and lead unit: 「（依据三（三）；牵头单位：区乡村振兴局）」. */
function withClause(result: RuleResult, lang: Lang, text: string): string {
  return EVALUATION_WORDS[lang]['judgement.clause']({
    text,
    clauses: result.clauses,
    lead: result.units[0]?.name[lang],
  });
}

/** A name in quotes, “…”; quotes inside it become ‘…’, as nested quotes are written. */
function quoted(name: string): string {
  let text = quotedNames.get(name);
  if (text === undefined) {
    text = `“${name.replace(/“/g, '‘').replace(/”/g, '’')}”`;
    // Names are the plan's (and their filled parameters): few; the bound keeps odd plans in check.
    if (quotedNames.size < 10_000) quotedNames.set(name, text);
  }
  return text;
}

/** Rule names already quoted. */
const quotedNames = new Map<string, string>();
