/**
 * Rule names (规则名称) that state a figure take it from the parameter in force: a name is a
 * template whose `{p:parameterId}` placeholders are filled on a date, so a county plugin's 95%
 * tap water target reads "自来水普及率达到95%" everywhere the name is shown.
 */
import { parameterEntryAt } from '../model/parameters.js';
import type { LocalizedText, Parameter, Plan } from '../model/schema.js';
import { fillTemplate, formatValue, type Lang, type ValueUnit } from './format.js';

/** A parameter value written in its unit: `95%`, `300,000元`, `30天`. */
export function formatParameterValue(value: unknown, unit: Parameter['unit'], lang: Lang): string {
  return formatValue(value, (unit === 'CNY per person per year' ? 'CNY' : unit) as ValueUnit, lang);
}

const NO_SUBJECT: LocalizedText = { zh: '', en: '' };

/**
 * The name of a rule or screening rule on `date`, its `{p:…}` placeholders filled with the
 * parameters in force then; a parameter the plan lacks (or that has no value yet) stays visible
 * as `{p:id}`.
 */
export function ruleNameAt(plan: Plan, rule: { name: LocalizedText }, date: string): LocalizedText {
  return fillName(rule.name, (id, lang) => {
    const parameter = plan.parameters.find((p) => p.id === id);
    const entry = parameter && parameterEntryAt(parameter, date);
    return entry ? formatParameterValue(entry.value, parameter.unit, lang) : `{p:${id}}`;
  });
}

/** A name with its `{p:…}` placeholders filled by `parameter`; a name without any is returned as it is. */
export function fillName(name: LocalizedText, parameter: (id: string, lang: Lang) => string): LocalizedText {
  if (!name.zh.includes('{') && !name.en.includes('{')) return name;
  const fill = (lang: Lang) =>
    fillTemplate(name[lang], lang, { subject: NO_SUBJECT, value: (key) => `{v:${key}}`, parameter });
  return { zh: fill('zh'), en: fill('en') };
}
