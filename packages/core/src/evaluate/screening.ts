/**
 * Household screening (部门筛查预警): each screening rule that fires adds a risk type, and a
 * household with a risk gets a suggested monitoring category (监测对象类别).
 */
import { formatKey, formatParameterAt } from './wording.js';
import type { CompiledPlan } from './compile-plan.js';
import { setBy, type EvalContext, type SubjectData } from './context.js';
import { fillTemplate } from './format.js';
import type { ParsedHousehold } from './input.js';
import type { HouseholdResult, HouseholdRisk } from './types.js';
import { said } from './locales/index.js';

const EMPTY_SERIES = { years: [], rows: [] };

/** Screen one household at the context's as-of date. */
export function screenHousehold(ctx: EvalContext, compiled: CompiledPlan, household: ParsedHousehold): HouseholdResult {
  const data: SubjectData = {
    ref: { type: 'household', id: household.id, name: said('subject.household', { id: household.id }) },
    attributes: household.values,
    own: EMPTY_SERIES,
    district: EMPTY_SERIES,
  };
  const point = { year: ctx.asOfYear, exact: false, date: ctx.asOf };
  const details: HouseholdRisk[] = [];
  const missing: { ruleId: string; keys: string[] }[] = [];
  for (const { rule, check } of compiled.screeningRules) {
    // Most rules do not fire: decide first, and read what explains a risk only when it fires.
    const decision = ctx.readCheck(check, data, point, undefined, false);
    if (decision.missing.length > 0 || decision.reasons.length > 0) {
      const { missing: keys } = ctx.readCheck(check, data, point);
      missing.push({ ruleId: rule.id, keys: keys.length ? keys : check.keys });
      continue;
    }
    if (!check.condition(decision.facts)) continue;
    const reading = ctx.readCheck(check, data, point);
    const derived = Object.entries(rule.derived);
    const message = { zh: '', en: '' };
    for (const lang of ['zh', 'en'] as const) {
      message[lang] = fillTemplate(rule.messages[lang], lang, {
        subject: data.ref.name,
        value: (key) => formatKey(ctx, key, reading.facts[key], derived, lang),
        parameter: (id) => formatParameterAt(ctx, id, ctx.asOf, lang),
      });
    }
    details.push({
      ruleId: rule.id,
      setBy: setBy(compiled.plan, 'screeningRules', rule.id),
      riskType: rule.riskType,
      riskName: compiled.plan.riskTypes.find((t) => t.id === rule.riskType)?.name ?? {
        zh: rule.riskType,
        en: rule.riskType,
      },
      clause: ctx.clauseRef(rule.clauses[0]!),
      actual: reading.actual,
      parameters: reading.parameters.map((id) => ctx.parameter(id, ctx.asOf)),
      units: ctx.units(rule.units, ctx.townshipOf(household.villageId)),
      message,
    });
  }
  const risks = details.length === 0 ? [] : [...new Set(details.map((d) => d.riskType))];
  const result: HouseholdResult = { subject: data.ref, villageId: household.villageId, risks, details };
  if (missing.length > 0) result.missing = missing;
  if (risks.length > 0) {
    // Object.assign: several times faster here than spreading; the keys are validated indicator keys.
    const facts = Object.assign({}, household.values, { risks });
    const category = compiled.categories.find((c) => !c.condition || c.condition(facts));
    if (category) {
      result.category = category.id;
      result.categoryName = compiled.plan.categories.find((c) => c.id === category.id)!.name;
    }
  }
  return result;
}
