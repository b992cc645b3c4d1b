// The reference plan matches the catalog: same ids, units, parameters and target figures.
import { describe, expect, it } from 'vitest';
import { getPlan, listPlans, PlanSchema } from '@ruralkit/core';

const plan = getPlan('changjiang-2021');

const CLAUSES = [
  '1', '1.1', '1.2', '2', '2.1', '2.2', '2.3', '2.4', '2.5', '2.6',
  '3', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7', '4', '4.1', '4.2', '4.3', '4.4', 'annex',
]; // prettier-ignore

const UNITS = [
  'agri-water', 'rural-revitalization', 'finance', 'development-reform', 'forestry', 'supply-marketing-coop',
  'townships', 'township-party-gov', 'transport', 'education-sports', 'civil-affairs', 'human-resources', 'housing',
  'culture-tourism', 'ecology-environment', 'medical-insurance', 'industry-it', 'natural-resources', 'org-dept',
  'united-front', 'federation-commerce', 'science-tech', 'commerce', 'power-company', 'health', 'womens-federation',
  'disabled-federation', 'rural-work-office', 'publicity-dept', 'political-legal', 'public-security', 'justice',
  'emergency', 'civilization-office',
]; // prettier-ignore

/** catalog §4: id → [value, unit, assumption]. */
const PARAMETERS: Record<string, [number | string, string, boolean]> = {
  'industry.minSpecialtyIndustries': [1, 'count', false],
  'infrastructure.tapWaterMinRate': [0.9, 'ratio', false],
  'infrastructure.gigabitMinVillageShare': [0.8, 'ratio', false],
  'environment.garbageCollectionMinRate': [1, 'ratio', false],
  'basic.universalRate': [0.85, 'ratio', true],
  'basic.fullCoverageRate': [0.95, 'ratio', true],
  'basic.preschoolEnrollmentRate': [0.85, 'ratio', true],
  'funding.minAnnualTransitionFundsCny': [300000, 'CNY', false],
  'monitoring.incomeThreshold': [6000, 'CNY per person per year', false],
  'deadline.transitionEnd': ['2025-12-31', 'date', false],
  'deadline.villagePlan': ['2022-12-31', 'date', false],
  'deadline.toiletSurvey': ['2021-12-31', 'date', false],
  'deadline.qualityToiletRectification': ['2021-12-31', 'date', false],
  'monitoring.noticeMinDays': [5, 'days', false],
  'monitoring.identificationMaxDays': [15, 'days', false],
  'monitoring.eliminationStableMonths': [6, 'months', false],
  'planning.consultationMinDays': [30, 'days', true],
  'planning.reviewMaxDays': [30, 'days', true],
  'planning.publishMaxWorkingDays': [20, 'working days', false],
  'rectification.acceptMaxDays': [2, 'days', true],
  'rectification.immediateMaxDays': [30, 'days', true],
  'rectification.verifyMaxDays': [7, 'days', true],
};

/** catalog §6: rule id → [clauses, kind, strength, due parameter, the clause whose units serve it]. */
const RULES: Record<string, [string[], string, string, string | undefined, string]> = {
  'industry.specialty': [['1.2', '3.2'], 'deadline', 'binding', 'deadline.transitionEnd', '2.1'],
  'industry.ecommerce-station': [['3.2'], 'deadline', 'binding', 'deadline.transitionEnd', '3.2'],
  'economy.collective-income-growth': [['1.2'], 'annual', 'binding', undefined, '2.1'],
  'economy.farmer-income-growth': [['1.2'], 'annual', 'binding', undefined, '2.1'],
  'infrastructure.road-access': [['1.2'], 'deadline', 'strive', 'deadline.transitionEnd', '3.3'],
  'infrastructure.water-supply-access': [['1.2'], 'deadline', 'strive', 'deadline.transitionEnd', '3.3'],
  'infrastructure.gas-access': [['1.2'], 'deadline', 'strive', 'deadline.transitionEnd', '3.3'],
  'infrastructure.broadband-access': [['1.2'], 'deadline', 'strive', 'deadline.transitionEnd', '3.3'],
  'infrastructure.logistics-access': [['1.2'], 'deadline', 'strive', 'deadline.transitionEnd', '3.3'],
  'infrastructure.tap-water': [['3.3'], 'deadline', 'binding', 'deadline.transitionEnd', '3.3'],
  'infrastructure.water-quality': [['3.3'], 'ongoing', 'binding', undefined, '3.3'],
  'infrastructure.express-point': [['3.3'], 'deadline', 'binding', 'deadline.transitionEnd', '3.3'],
  'environment.garbage-collection': [['1.2'], 'deadline', 'strive', 'deadline.transitionEnd', '3.4'],
  'environment.sanitary-toilets': [['1.2', '3.4'], 'deadline', 'basic', 'deadline.transitionEnd', '3.4'],
  'environment.feces-treatment': [['1.2', '3.4'], 'deadline', 'basic', 'deadline.transitionEnd', '3.4'],
  'environment.toilet-survey': [['3.4'], 'deadline', 'binding', 'deadline.toiletSurvey', '3.4'],
  'environment.quality-problem-toilets': [['3.4'], 'deadline', 'strive', 'deadline.qualityToiletRectification', '3.4'],
  'environment.technical-problem-toilets': [['3.4'], 'ongoing', 'binding', undefined, '3.4'],
  'environment.village-renovation': [['3.4'], 'deadline', 'basic', 'deadline.transitionEnd', '3.4'],
  'environment.five-fixed-maintenance': [['3.4'], 'ongoing', 'binding', undefined, '3.4'],
  'environment.platform-supervision': [['3.4'], 'deadline', 'binding', 'deadline.transitionEnd', '3.4'],
  'planning.village-plan': [['3.1'], 'deadline', 'strive', 'deadline.villagePlan', '3.1'],
  'funding.transition-funds': [['2.2'], 'annual', 'binding', undefined, '2.2'],
  'funding.industry-share-rising': [['2.1'], 'annual', 'binding', undefined, '2.1'],
  'support.resident-team': [['2.6'], 'ongoing', 'binding', undefined, '2.6'],
  'governance.party-organization': [['3.6'], 'ongoing', 'binding', undefined, '3.6'],
  'governance.affairs-disclosure': [['3.6'], 'ongoing', 'binding', undefined, '3.6'],
  'monitoring.regular-monitoring': [['4.2'], 'ongoing', 'binding', undefined, '4.2'],
  'infrastructure.gigabit-coverage': [['3.3'], 'deadline', 'binding', 'deadline.transitionEnd', '3.3'],
  'environment.garbage-system-coverage': [['3.4'], 'deadline', 'basic', 'deadline.transitionEnd', '3.4'],
  'public-services.preschool': [['3.5'], 'deadline', 'basic', 'deadline.transitionEnd', '3.5'],
};

const SCREENING: Record<string, string> = {
  'monitoring.income-risk': 'income',
  'monitoring.food-clothing-risk': 'food-clothing',
  'monitoring.education-risk': 'education',
  'monitoring.medical-risk': 'medical',
  'monitoring.housing-risk': 'housing',
  'monitoring.drinking-water-risk': 'drinking-water',
};

const INDICATORS = {
  village: [
    'specialtyIndustryCount', 'hasEcommerceExpressStation', 'collectiveIncomeCny', 'farmerPerCapitaIncomeCny',
    'hasRoadAccess', 'hasPipedWaterSupply', 'hasGasSupply', 'hasBroadband', 'hasLogisticsExpress', 'tapWaterRate',
    'drinkingWaterQualityCompliant', 'hasExpressServicePoint', 'garbageCollectionRate', 'sanitaryToiletRate',
    'fecesTreatmentRate', 'toiletSurveyCompleted', 'qualityProblemToiletsOpen', 'technicalProblemToiletsOpen',
    'technicalToiletRoadmap', 'villageRenovationDone', 'courtyardRenovationDone', 'maintenanceFunds', 'maintenanceTeam',
    'maintenanceRules', 'onMaintenancePlatform', 'villagePlanApprovedOn', 'transitionFundsCny', 'industryFundShare',
    'firstSecretaryStationed', 'workTeamStationed', 'weakPartyOrganization', 'affairsDisclosed', 'povertyMonitoringActive',
  ],
  'village-attribute': ['needsExpressPoint', 'hasEcommerceConditions', 'retainedVillage'],
  district: ['adminVillageCount', 'gigabitVillageCount', 'garbageSystemVillageShare', 'ruralPreschoolGrossEnrollmentRate'],
  'district-reference': ['localCollectiveIncomeGrowth', 'districtFarmerIncomeGrowth'],
  household: [
    'id', 'villageId', 'size', 'annualNetIncomeCny', 'formerlyPoor', 'hasLaborCapacity', 'foodClothingSecured',
    'compulsoryEducationSecured', 'basicMedicalSecured', 'housingSafe', 'drinkingWaterSafe',
  ],
}; // prettier-ignore

const clause = (id: string) => plan.clauses.find((c) => c.id === id)!;
const policyUnits = (clauseId: string) => plan.policies.find((p) => p.clause === clauseId)!.units;

describe('changjiang-2021 matches the catalog', () => {
  it('is a valid plan and the only built-in one', () => {
    expect(listPlans()).toEqual(['changjiang-2021']);
    expect(PlanSchema.safeParse(plan).success).toBe(true);
    expect(plan.docNo).toBe('昌农办字〔2021〕26号');
    expect(plan.period).toEqual({ start: '2021-01-01', end: '2025-12-31' });
    expect(plan.keyVillages.map((v) => [v.id, v.name.zh, v.township.id, v.township.name.zh])).toEqual([
      ['liuyang', '留阳村', 'nianyushan', '鲇鱼山镇'],
      ['jianglian', '江联村', 'liyang', '丽阳镇'],
    ]);
  });

  it('has every clause, with its original text', () => {
    expect(plan.clauses.map((c) => c.id)).toEqual(CLAUSES);
    for (const c of plan.clauses) expect(c.text.trim().length, c.id).toBeGreaterThan(10);
    expect(clause('3.3').text).toContain('到2025年，重点村自来水普及率达到90%');
    expect(clause('2.2').text).toContain('确保每年投入重点村衔接资金达到30万元以上');
    expect(clause('3.1').text).toContain('力争2022年完成全区重点村村庄规划编制任务');
    expect(clause('1.2').text.split('\n')).toHaveLength(6);
    expect(clause('annex').text).toContain('留阳村');
    expect(clause('3').text).toContain(clause('3.4').text);
  });

  it('lists each clause’s units, lead first, with 区教体局 once in 2.3', () => {
    expect(plan.units.map((u) => u.id)).toEqual(UNITS);
    expect(clause('3.3').units[0]).toBe('rural-revitalization');
    expect(clause('2.3').units.filter((u) => u === 'education-sports')).toHaveLength(1);
    for (const c of plan.clauses) for (const u of c.units) expect(UNITS, `${c.id} → ${u}`).toContain(u);
    for (const id of ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6', '3.1', '3.2', '3.3', '3.4', '3.5', '3.6', '3.7']) {
      expect(clause(id).units.length, id).toBeGreaterThan(0);
    }
  });

  it('has a policy per clause 2.1–2.6 and a safeguard per clause 4.1–4.4', () => {
    expect(plan.policies.map((p) => p.clause)).toEqual([
      '2.1',
      '2.2',
      '2.3',
      '2.4',
      '2.5',
      '2.6',
      '4.1',
      '4.2',
      '4.3',
      '4.4',
    ]);
    for (const p of plan.policies.filter((x) => x.kind === 'support-policy'))
      expect(p.units).toEqual(clause(p.clause).units);
  });

  it('has every parameter with its value, unit, source clause and assumption flag', () => {
    expect(plan.parameters.map((p) => p.id).sort()).toEqual(Object.keys(PARAMETERS).sort());
    for (const p of plan.parameters) {
      const [value, unit, assumption] = PARAMETERS[p.id]!;
      expect([p.values[0]!.value, p.unit, p.assumption], p.id).toEqual([value, unit, assumption]);
      expect(p.values[0]!.from).toBe('2021-01-01');
      for (const source of p.source) expect(CLAUSES, p.id).toContain(source);
    }
  });

  it('makes every target figure of the plan a parameter with its source clause', () => {
    const sourced = (value: number | string, clauseId: string) =>
      plan.parameters.some((p) => p.values.some((v) => v.value === value) && p.source.includes(clauseId));
    expect(sourced(0.9, '3.3')).toBe(true); // 90%
    expect(sourced(0.8, '3.3')).toBe(true); // 80%
    expect(sourced(1, '1.2')).toBe(true); // 100%
    expect(sourced(300000, '2.2')).toBe(true); // 30万元
    expect(sourced('2021-12-31', '3.4')).toBe(true); // 2021
    expect(sourced('2022-12-31', '3.1')).toBe(true); // 2022
    expect(sourced('2025-12-31', '1.2')).toBe(true); // 2025
  });

  it('has every indicator key of §5', () => {
    for (const [subject, keys] of Object.entries(INDICATORS)) {
      expect(
        plan.indicators.filter((d) => d.subject === subject).map((d) => d.key),
        subject,
      ).toEqual(keys);
    }
    for (const d of plan.indicators.filter((x) => x.unit === 'ratio' && x.subject !== 'district-reference')) {
      expect([d.min, d.max], d.key).toEqual([0, 1]);
    }
  });

  it('has every rule with its clauses, kind, strength, due date and units among those of its clause', () => {
    expect(plan.rules.map((r) => r.id).sort()).toEqual(Object.keys(RULES).sort());
    for (const r of plan.rules) {
      const [clauses, kind, strength, due, unitsClause] = RULES[r.id]!;
      expect([r.clauses, r.kind, r.strength, r.due], r.id).toEqual([clauses, kind, strength, due]);
      const units = clause(unitsClause).units.length ? clause(unitsClause).units : policyUnits(unitsClause);
      // Lead and co-units among the clause's; all of them, in the seed's order, unless marked as the library's reading.
      expect(units, r.id).toEqual(expect.arrayContaining(r.units));
      if (!r.unitsAssumption) expect(r.units, r.id).toEqual(units);
      expect(r.subject, r.id).toBe(
        r.id.endsWith('gigabit-coverage') || r.id.startsWith('public-services') || r.id.endsWith('system-coverage')
          ? 'district'
          : 'village',
      );
    }
  });

  it('has the household screening rules, risk types and categories', () => {
    expect(Object.fromEntries(plan.screeningRules.map((r) => [r.id, r.riskType]))).toEqual(SCREENING);
    expect(plan.riskTypes.map((t) => t.id)).toEqual(Object.values(SCREENING));
    expect(plan.categories.map((c) => c.id)).toEqual(['unstable-formerly-poor', 'marginal', 'sudden-hardship']);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(plan)).toBe(true);
    expect(Object.isFrozen(plan.rules[0]!.condition)).toBe(true);
  });
});
