/**
 * The words of a judgement (判定说明): the message an officer can paste, in Chinese and English,
 * written from a result that `judge.ts` has already decided.
 */
import { formatKey, formatParameterAt, indicatorName } from './wording.js';
import type { LocalizedText } from '../model/schema.js';
import type { CompiledRule } from './compile-plan.js';
import type { EvalContext, Reading, SubjectData } from './context.js';
import { fillTemplate, type Lang } from './format.js';
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
  return lang === 'zh' ? `，期限${result.due}，进展：${progress}` : `; due ${result.due}, progress: ${progress}`;
}

/** Earlier years that did not hold, on a headline: 「；2023年未达标」. */
function lapseNote(lapses: readonly number[] | undefined, lang: Lang): string {
  if (!lapses || lapses.length === 0) return '';
  return lang === 'zh' ? `；${lapses.join('、')}年未达标` : `; not met in ${lapses.join(', ')}`;
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
    const name = quoted(result.ruleName[lang]);
    let text: string;
    switch (outcome.status) {
      case 'missing-data': {
        const keys = (result.missing ?? []).map((k) => describeKey(ctx, k, lang));
        const reasons = outcome.reading.reasons.map((r) => r[lang]);
        text =
          lang === 'zh'
            ? `${data.ref.name.zh}${j.year}年数据不足，无法判断${name}：${[...(keys.length ? [`缺少${keys.join('、')}`] : []), ...reasons].join('；')}`
            : `${data.ref.name.en}: cannot judge ${name} for ${j.year}: ${[...(keys.length ? [`missing ${keys.join(', ')}`] : []), ...reasons].join('; ')}`;
        break;
      }
      case 'not-applicable': {
        const facts = Object.entries(outcome.inapplicable?.actual ?? {}).map(
          ([k, o]) =>
            `${indicatorName(ctx, k, lang)}${lang === 'zh' ? '：' : ': '}${formatKey(ctx, k, o.value, [], lang)}`,
        );
        text =
          lang === 'zh'
            ? `${data.ref.name.zh}不适用${name}（${facts.join('；')}）`
            : `${name} does not apply to ${data.ref.name.en} (${facts.join('; ')})`;
        break;
      }
      case 'not-done':
        text =
          lang === 'zh'
            ? `${data.ref.name.zh}截至${ctx.asOf}尚未完成${name}`
            : `${data.ref.name.en} had not completed ${name} as of ${ctx.asOf}`;
        break;
      default:
        text = fill(j.status === 'met' ? cr.rule.messages[lang].met : cr.rule.messages[lang].notMet);
    }
    const pending = j.status === 'pending' ? pendingNote(result, lang) : '';
    message[lang] = withClause(ctx, result, lang, text + pending + lapseNote(j.lapses, lang));
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
    const shown = year ? `${base} ${year.slice(1, -1)}` : base;
    text = lang === 'zh' ? `${name}（${shown}）` : `${name} (${shown})`;
    described.set(key, text);
  }
  return text;
}

/** Keys of the per-context memos of `describeKey`, one per language. */
const DESCRIBED: Record<Lang, object> = { zh: {}, en: {} };

/** Append the clause and lead unit: 「（依据三（三）；牵头单位：区乡村振兴局）」. */
function withClause(ctx: EvalContext, result: RuleResult, lang: Lang, text: string): string {
  const lead = result.units[0]?.name[lang];
  if (lang === 'zh') {
    const labels = result.clauses.map((c) => c.label).join('、');
    return `${text}（依据${labels}${lead ? `；牵头单位：${lead}` : ''}）`;
  }
  const ids = result.clauses.map((c) => c.id).join(', ');
  return `${text} (clause ${ids}${lead ? `; lead unit: ${lead}` : ''})`;
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
