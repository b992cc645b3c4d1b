/**
 * The peers ruralkit is measured against on the plan's village rules: json-rules-engine (the
 * reference semantics, one Engine reused), json-logic-js (the same conditions translated) and
 * hand-written closures. Each peer gets the same facts, prepared from a village record by
 * `villageFacts`; that preparation is part of every peer's measured time.
 */
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { Engine, type RuleResult as EngineRuleResult } from 'json-rules-engine';
import {
  customOperators,
  parameterValue,
  type Condition,
  type Plan,
  type Rule,
  type VillageInput,
  type YearlyValues,
} from '@ruralkit/core';

/** What a peer decides for a rule: the statuses that do not depend on time. */
export type Outcome = 'met' | 'not-met' | 'not-applicable';

/** A rule that was not met, explained: the values read, what they were compared with, and a message. */
export interface Explanation {
  ruleId: string;
  facts: unknown;
  message?: { zh: string; en: string };
}

/** One village's outcomes, by rule, in the plan's order; explanations when asked for. */
export interface PeerResult {
  outcomes: Outcome[];
  explanations?: Explanation[];
}

export interface Peer {
  impl: string;
  /** Judge one village record; explain each not-met rule when `explain` is true. */
  village(record: VillageInput, explain: boolean): PeerResult | Promise<PeerResult>;
}

/** The setting every peer is built for: plan, as-of date, the district's reference values. */
export interface Setting {
  plan: Plan;
  asOf: string;
  year: string;
  reference: YearlyValues;
}

const villageRules = (plan: Plan) => plan.rules.filter((r) => r.subject === 'village');

/** Parameter values in force at the as-of date, by id. */
function parameters(setting: Setting): Record<string, unknown> {
  return Object.fromEntries(
    setting.plan.parameters.map((p) => [p.id, parameterValue(setting.plan, p.id, setting.asOf)]),
  );
}

/**
 * The facts of a village for the as-of year: attributes, that year's indicators, the district's
 * reference values, the parameters and the derived facts (growth on the year before).
 */
export function villageFacts(setting: Setting, params: Record<string, unknown>) {
  const derived = villageRules(setting.plan).flatMap((r) => Object.entries(r.derived));
  const previousYear = String(Number(setting.year) - 1);
  const reference = setting.reference[setting.year] ?? {};
  return (record: VillageInput): Record<string, unknown> => {
    const now = record.indicators?.[setting.year] ?? {};
    const before = record.indicators?.[previousYear] ?? {};
    const facts: Record<string, unknown> = {
      retainedVillage: true,
      ...record.attributes,
      ...now,
      ...reference,
      ...params,
    };
    for (const [name, d] of derived) {
      if (d.op === 'growth') facts[name] = (now[d.of] as number) / (before[d.of] as number) - 1;
      else if (d.op === 'previous-year') facts[name] = before[d.of];
    }
    return facts;
  };
}

/** The message of a not-met rule, its `{v:key}`, `{p:id}`, `{subject}`, `{year}` and `{due}` filled plainly. */
function message(rule: Rule, facts: Record<string, unknown>, subject: string, year: string) {
  const fill = (template: string) =>
    template.replace(/\{(subject|year|due|[vp]:[^}]+)\}/g, (_, name: string) => {
      if (name === 'subject') return subject;
      if (name === 'year') return year;
      if (name === 'due') return String(facts[rule.due!]);
      return String(facts[name.slice(2)]);
    });
  return { zh: fill(rule.messages.zh.notMet), en: fill(rule.messages.en.notMet) };
}

/** json-rules-engine: one Engine, two rules per plan rule (applicability, condition), run per village. */
export function engine(setting: Setting): Peer {
  const rules = villageRules(setting.plan);
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const [name, operator] of Object.entries(customOperators)) engine.addOperator(name, operator);
  for (const rule of rules) {
    engine.addRule({ name: rule.id, conditions: structuredClone(rule.condition) as never, event: { type: rule.id } });
    if (rule.applicability) {
      engine.addRule({
        name: `${rule.id}?`,
        conditions: structuredClone(rule.applicability) as never,
        event: { type: `${rule.id}?` },
      });
    }
  }
  const facts = villageFacts(setting, parameters(setting));
  return {
    impl: 'json-rules-engine',
    async village(record, explain) {
      const { events, failureResults } = await engine.run(facts(record));
      const fired = new Set(events.map((e) => e.type));
      const outcomes = rules.map((r): Outcome => {
        if (r.applicability && !fired.has(`${r.id}?`)) return 'not-applicable';
        return fired.has(r.id) ? 'met' : 'not-met';
      });
      if (!explain) return { outcomes };
      const failed = new Map<string, EngineRuleResult>(failureResults.map((f) => [f.name as string, f]));
      const explanations = rules.flatMap((r, i) =>
        outcomes[i] === 'not-met' ? [{ ruleId: r.id, facts: failed.get(r.id)!.toJSON(false) }] : [],
      );
      return { outcomes, explanations };
    },
  };
}

/** A json-rules-engine condition as json-logic: the same facts, the same comparisons. */
export function toJsonLogic(condition: Condition): RulesLogic {
  if ('all' in condition) return { and: condition.all.map(toJsonLogic) } as RulesLogic;
  if ('any' in condition) return { or: condition.any.map(toJsonLogic) } as RulesLogic;
  if ('not' in condition) return { '!': toJsonLogic(condition.not) } as RulesLogic;
  if (!('fact' in condition)) throw new Error('shared conditions are not used by the plan');
  const value = condition.value as { fact?: string } | unknown;
  const compare =
    typeof value === 'object' && value !== null && 'fact' in value
      ? { var: [(value as { fact: string }).fact] }
      : value;
  const fact = { var: [condition.fact] };
  const list = LOGIC_LISTS[condition.operator];
  if (list) return list(fact, compare) as RulesLogic;
  const operator = LOGIC_OPERATORS[condition.operator];
  if (!operator) throw new Error(`no json-logic operator for "${condition.operator}"`);
  return { [operator]: [fact, compare] } as unknown as RulesLogic;
}

/** The list operators as json-logic's `in`: the fact in the compare value, or the compare value in the fact. */
const LOGIC_LISTS: Record<string, (fact: unknown, compare: unknown) => unknown> = {
  in: (fact, compare) => ({ in: [fact, compare] }),
  notIn: (fact, compare) => ({ '!': { in: [fact, compare] } }),
  contains: (fact, compare) => ({ in: [compare, fact] }),
  doesNotContain: (fact, compare) => ({ '!': { in: [compare, fact] } }),
};

const LOGIC_OPERATORS: Record<string, string> = {
  equal: '===',
  notEqual: '!==',
  greaterThan: '>',
  greaterThanInclusive: '>=',
  lessThan: '<',
  lessThanInclusive: '<=',
  dateOnOrBefore: 'dateOnOrBefore',
  dateAfter: 'dateAfter',
};

/**
 * json-logic-js reads `a.b` as a path, and parameter ids contain dots: its facts hold the
 * parameters nested (`{ industry: { minSpecialtyIndustries: 1 } }`).
 */
function nested(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [id, value] of Object.entries(flat)) {
    const [head, ...rest] = id.split('.');
    (out[head!] ??= {})[rest.join('.')] = value;
  }
  return out;
}

/** json-logic-js: the conditions translated once, applied per village. */
export function jsonLogicPeer(setting: Setting): Peer {
  for (const [name, operator] of Object.entries(customOperators)) jsonLogic.add_operation(name, operator);
  const rules = villageRules(setting.plan).map((r) => ({
    rule: r,
    condition: toJsonLogic(r.condition),
    applicability: r.applicability && toJsonLogic(r.applicability),
  }));
  const facts = villageFacts(setting, nested(parameters(setting)));
  const flatParams = parameters(setting);
  return {
    impl: 'json-logic-js',
    village(record, explain) {
      const f = facts(record);
      const outcomes = rules.map(({ condition, applicability }): Outcome => {
        if (applicability && !jsonLogic.apply(applicability, f)) return 'not-applicable';
        return jsonLogic.apply(condition, f) ? 'met' : 'not-met';
      });
      if (!explain) return { outcomes };
      const explanations = rules.flatMap(({ rule }, i) => {
        if (outcomes[i] !== 'not-met') return [];
        const leaves = leavesOf(rule.condition).map((leaf) => ({
          fact: leaf.fact,
          operator: leaf.operator,
          factValue: f[leaf.fact],
          result: Boolean(jsonLogic.apply(toJsonLogic({ all: [leaf] }), f)),
        }));
        return [
          {
            ruleId: rule.id,
            facts: leaves,
            message: message(rule, { ...f, ...flatParams }, record.id, setting.year),
          },
        ];
      });
      return { outcomes, explanations };
    },
  };
}

type Leaf = Extract<Condition, { fact: string }>;

function leavesOf(condition: Condition): Leaf[] {
  if ('all' in condition) return condition.all.flatMap(leavesOf);
  if ('any' in condition) return condition.any.flatMap(leavesOf);
  if ('not' in condition) return leavesOf(condition.not);
  return 'fact' in condition ? [condition] : [];
}

type Facts = Record<string, unknown>;
type Check = (f: Facts, p: Facts) => boolean;

/** Hand-written checks of the plan's village rules: `[applies, holds, facts read]`. */
const HAND_WRITTEN: Record<string, [Check | undefined, Check, string[]]> = {
  'industry.specialty': [
    undefined,
    (f, p) => (f.specialtyIndustryCount as number) >= (p['industry.minSpecialtyIndustries'] as number),
    ['specialtyIndustryCount'],
  ],
  'industry.ecommerce-station': [
    (f) => f.hasEcommerceConditions === true,
    (f) => f.hasEcommerceExpressStation === true,
    ['hasEcommerceExpressStation'],
  ],
  'economy.collective-income-growth': [
    undefined,
    (f) => (f.collectiveIncomeGrowth as number) > (f.localCollectiveIncomeGrowth as number),
    ['collectiveIncomeGrowth', 'localCollectiveIncomeGrowth'],
  ],
  'economy.farmer-income-growth': [
    undefined,
    (f) => (f.farmerIncomeGrowth as number) > (f.districtFarmerIncomeGrowth as number),
    ['farmerIncomeGrowth', 'districtFarmerIncomeGrowth'],
  ],
  'infrastructure.road-access': [undefined, (f) => f.hasRoadAccess === true, ['hasRoadAccess']],
  'infrastructure.water-supply-access': [undefined, (f) => f.hasPipedWaterSupply === true, ['hasPipedWaterSupply']],
  'infrastructure.gas-access': [undefined, (f) => f.hasGasSupply === true, ['hasGasSupply']],
  'infrastructure.broadband-access': [undefined, (f) => f.hasBroadband === true, ['hasBroadband']],
  'infrastructure.logistics-access': [undefined, (f) => f.hasLogisticsExpress === true, ['hasLogisticsExpress']],
  'infrastructure.tap-water': [
    undefined,
    (f, p) => (f.tapWaterRate as number) >= (p['infrastructure.tapWaterMinRate'] as number),
    ['tapWaterRate'],
  ],
  'infrastructure.water-quality': [
    undefined,
    (f) => f.drinkingWaterQualityCompliant === true,
    ['drinkingWaterQualityCompliant'],
  ],
  'infrastructure.express-point': [
    (f) => f.needsExpressPoint === true,
    (f) => f.hasExpressServicePoint === true,
    ['hasExpressServicePoint'],
  ],
  'environment.garbage-collection': [
    undefined,
    (f, p) => (f.garbageCollectionRate as number) >= (p['environment.garbageCollectionMinRate'] as number),
    ['garbageCollectionRate'],
  ],
  'environment.sanitary-toilets': [
    undefined,
    (f, p) => (f.sanitaryToiletRate as number) >= (p['basic.universalRate'] as number),
    ['sanitaryToiletRate'],
  ],
  'environment.feces-treatment': [
    undefined,
    (f, p) => (f.fecesTreatmentRate as number) >= (p['basic.universalRate'] as number),
    ['fecesTreatmentRate'],
  ],
  'environment.toilet-survey': [undefined, (f) => f.toiletSurveyCompleted === true, ['toiletSurveyCompleted']],
  'environment.quality-problem-toilets': [
    undefined,
    (f) => f.qualityProblemToiletsOpen === 0,
    ['qualityProblemToiletsOpen'],
  ],
  'environment.technical-problem-toilets': [
    (f) => (f.technicalProblemToiletsOpen as number) > 0,
    (f) => f.technicalToiletRoadmap === true,
    ['technicalToiletRoadmap'],
  ],
  'environment.village-renovation': [
    (f) => f.retainedVillage === true,
    (f) => f.villageRenovationDone === true && f.courtyardRenovationDone === true,
    ['villageRenovationDone', 'courtyardRenovationDone'],
  ],
  'environment.five-fixed-maintenance': [
    undefined,
    (f) => f.maintenanceFunds === true && f.maintenanceTeam === true && f.maintenanceRules === true,
    ['maintenanceFunds', 'maintenanceTeam', 'maintenanceRules'],
  ],
  'environment.platform-supervision': [undefined, (f) => f.onMaintenancePlatform === true, ['onMaintenancePlatform']],
  'planning.village-plan': [
    undefined,
    (f, p) =>
      typeof f.villagePlanApprovedOn === 'string' && f.villagePlanApprovedOn <= (p['deadline.villagePlan'] as string),
    ['villagePlanApprovedOn'],
  ],
  'funding.transition-funds': [
    undefined,
    (f, p) => (f.transitionFundsCny as number) >= (p['funding.minAnnualTransitionFundsCny'] as number),
    ['transitionFundsCny'],
  ],
  'funding.industry-share-rising': [
    undefined,
    (f) => (f.industryFundShare as number) > (f.industryFundSharePreviousYear as number),
    ['industryFundShare', 'industryFundSharePreviousYear'],
  ],
  'support.resident-team': [
    undefined,
    (f) => f.firstSecretaryStationed === true && f.workTeamStationed === true,
    ['firstSecretaryStationed', 'workTeamStationed'],
  ],
  'governance.party-organization': [undefined, (f) => f.weakPartyOrganization === false, ['weakPartyOrganization']],
  'governance.affairs-disclosure': [undefined, (f) => f.affairsDisclosed === true, ['affairsDisclosed']],
  'monitoring.regular-monitoring': [undefined, (f) => f.povertyMonitoringActive === true, ['povertyMonitoringActive']],
};

/** Hand-written closures, one per rule, on the same facts. */
export function closures(setting: Setting): Peer {
  const params = parameters(setting);
  const rules = villageRules(setting.plan).map((rule) => {
    const written = HAND_WRITTEN[rule.id];
    if (!written) throw new Error(`no hand-written closure for ${rule.id}`);
    return { rule, applies: written[0], holds: written[1], keys: written[2] };
  });
  const facts = villageFacts(setting, params);
  return {
    impl: 'closures',
    village(record, explain) {
      const f = facts(record);
      const outcomes = rules.map(({ applies, holds }): Outcome => {
        if (applies && !applies(f, params)) return 'not-applicable';
        return holds(f, params) ? 'met' : 'not-met';
      });
      if (!explain) return { outcomes };
      const explanations = rules.flatMap(({ rule, keys }, i) =>
        outcomes[i] === 'not-met'
          ? [
              {
                ruleId: rule.id,
                facts: Object.fromEntries(keys.map((k) => [k, f[k]])),
                message: message(rule, f, record.id, setting.year),
              },
            ]
          : [],
      );
      return { outcomes, explanations };
    },
  };
}
