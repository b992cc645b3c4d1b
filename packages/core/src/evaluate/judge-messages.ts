/**
 * The words of a judgement (判定说明): the message an officer can paste, in Chinese and English,
 * written from a result that `judge.ts` has already decided.
 */
import type { LocalizedText } from '../model/schema.js';
import type { CompiledRule } from './compile-plan.js';
import type { EvalContext, SubjectData } from './context.js';
import { fillTemplate, type Lang } from './format.js';
import { PROGRESS_LABEL } from './labels.js';
import type { Judgement, Outcome } from './judge.js';
import type { RuleResult } from './types.js';

function pendingNote(result: RuleResult, lang: Lang): string {
  const progress = PROGRESS_LABEL[result.progress ?? 'unknown'][lang];
  return lang === 'zh' ? `，期限${result.due}，进展：${progress}` : `; due ${result.due}, progress: ${progress}`;
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
  const derived = cr.rule.derived ? Object.entries(cr.rule.derived) : [];
  for (const lang of ['zh', 'en'] as const) {
    const fill = (template: string) =>
      fillTemplate(template, lang, {
        subject: data.ref.name,
        year: result.observedYear ?? j.year,
        due: j.due,
        value: (key) => ctx.format(key, outcome.reading.facts[key], derived, lang),
        parameter: (id) => ctx.formatParameter(id, j.date, lang),
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
          ([k, o]) => `${ctx.indicatorName(k, lang)}${lang === 'zh' ? '：' : ': '}${ctx.format(k, o.value, [], lang)}`,
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
    message[lang] = withClause(ctx, result, lang, text + (j.status === 'pending' ? pendingNote(result, lang) : ''));
  }
  return message;
}

function describeKey(ctx: EvalContext, key: string, lang: Lang): string {
  const [base, year] = key.split(' ');
  const name = ctx.indicatorName(base!, lang);
  const shown = year ? `${base} ${year.slice(1, -1)}` : base;
  return lang === 'zh' ? `${name}（${shown}）` : `${name} (${shown})`;
}

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
  return `“${name.replace(/“/g, '‘').replace(/”/g, '’')}”`;
}
