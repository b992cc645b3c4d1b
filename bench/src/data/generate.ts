/**
 * Deterministic test data (测试数据) for the benchmark: villages, households and a district,
 * the same for the same seed on every machine. Values are drawn so that every status and every
 * risk type occurs; they describe no real place.
 */
import {
  parameterValue,
  type HouseholdInput,
  type Indicator,
  type Plan,
  type VillageInput,
  type YearlyValues,
} from '@ruralkit/core';

/** The years each generated village reports: the as-of year and the year before (for growth rules). */
export const DATA_YEARS = [2024, 2025] as const;

/** A seeded pseudo-random number generator (mulberry32): numbers in [0, 1). */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** A value for a village indicator, by its type and unit. */
function indicatorValue(def: Indicator, next: () => number): unknown {
  switch (def.type) {
    case 'boolean':
      // Most villages have done most things; `weakPartyOrganization` is rare the same way.
      return def.key === 'weakPartyOrganization' ? next() < 0.1 : next() < 0.85;
    case 'integer':
      return Math.floor(next() * (def.key === 'specialtyIndustryCount' ? 4 : 2));
    case 'date':
      return `202${1 + Math.floor(next() * 3)}-0${1 + Math.floor(next() * 9)}-1${Math.floor(next() * 9)}`;
    default:
      if (def.unit === 'ratio') return round(0.7 + next() * 0.3, 3);
      return Math.round(def.key === 'farmerPerCapitaIncomeCny' ? 12000 + next() * 20000 : 150000 + next() * 400000);
  }
}

/**
 * The keys of deadline rules due before the data years, by the year they are due (the toilet
 * survey of 2021): a village reports them for that year too.
 */
function earlyKeys(plan: Plan): Map<string, string[]> {
  const early = new Map<string, string[]>();
  for (const rule of plan.rules) {
    if (rule.subject !== 'village' || rule.kind !== 'deadline') continue;
    const due = String(parameterValue(plan, rule.due!, plan.period.end)).slice(0, 4);
    if (Number(due) >= DATA_YEARS[0]) continue;
    const keys = JSON.stringify(rule.condition).match(/"fact":"[A-Za-z]+"/g) ?? [];
    early.set(due, [...(early.get(due) ?? []), ...keys.map((k) => k.slice(8, -1))]);
  }
  return early;
}

/**
 * `count` villages, `v-00001` on, with every indicator of the plan for both data years; keys
 * due earlier are reported for their year too, with the same value as in the last year.
 */
export function* generateVillages(plan: Plan, count: number, seed: number): Generator<VillageInput> {
  const next = random(seed);
  const yearly = plan.indicators.filter((d) => d.subject === 'village');
  const early = earlyKeys(plan);
  const last = String(DATA_YEARS[DATA_YEARS.length - 1]);
  for (let i = 1; i <= count; i++) {
    const indicators: YearlyValues = {};
    for (const year of DATA_YEARS) {
      indicators[String(year)] = Object.fromEntries(yearly.map((def) => [def.key, indicatorValue(def, next)]));
    }
    for (const [year, keys] of early) {
      indicators[year] = Object.fromEntries(keys.map((key) => [key, indicators[last]![key]]));
    }
    yield {
      id: `v-${String(i).padStart(5, '0')}`,
      attributes: {
        needsExpressPoint: next() < 0.7,
        hasEcommerceConditions: next() < 0.6,
        retainedVillage: next() < 0.9,
      },
      indicators,
    };
  }
}

/**
 * `count` households, `h-0000001` on, spread over `villageCount` villages. About one in eight
 * has a risk: low per-capita income (under 6,000 CNY a year) or an unsecured need.
 */
export function* generateHouseholds(count: number, seed: number, villageCount: number): Generator<HouseholdInput> {
  const next = random(seed ^ 0x5bd1e995);
  const secured = () => next() > 0.012;
  for (let i = 1; i <= count; i++) {
    const size = 1 + Math.floor(next() * 6);
    const perCapita = next() < 0.07 ? 2000 + next() * 4000 : 6000 + next() * 40000;
    yield {
      id: `h-${String(i).padStart(7, '0')}`,
      villageId: `v-${String(1 + Math.floor(next() * villageCount)).padStart(5, '0')}`,
      size,
      annualNetIncomeCny: Math.round(perCapita * size),
      formerlyPoor: next() < 0.2,
      hasLaborCapacity: next() < 0.8,
      foodClothingSecured: secured(),
      compulsoryEducationSecured: secured(),
      basicMedicalSecured: secured(),
      housingSafe: secured(),
      drinkingWaterSafe: secured(),
    };
  }
}

/** The district's data for the data years: reference growth rates the villages are compared with. */
export function generateDistrict(seed: number): { indicators: YearlyValues; reference: YearlyValues } {
  const next = random(seed ^ 0x27d4eb2f);
  const indicators: YearlyValues = {};
  const reference: YearlyValues = {};
  for (const year of DATA_YEARS) {
    indicators[String(year)] = {
      adminVillageCount: 52,
      gigabitVillageCount: 38 + Math.floor(next() * 10),
      garbageSystemVillageShare: round(0.9 + next() * 0.1, 3),
      ruralPreschoolGrossEnrollmentRate: round(0.8 + next() * 0.1, 3),
    };
    reference[String(year)] = {
      localCollectiveIncomeGrowth: round(0.05 + next() * 0.03, 3),
      districtFarmerIncomeGrowth: round(0.05 + next() * 0.03, 3),
    };
  }
  return { indicators, reference };
}
