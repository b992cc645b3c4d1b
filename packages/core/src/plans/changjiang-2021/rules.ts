/**
 * Rules (规则) of the Changjiang plan (catalog §6): village and district targets, household
 * screening rules (部门筛查预警) and the suggested monitoring categories.
 */
import type { Category, Condition, RiskType, Rule, RuleMessages, ScreeningRule } from '../../model/schema.js';
import { unitsFrom, unitsOf } from './clauses.js';
import { policies } from './policies.js';

/** Clause 4.2 names no units: monitoring rules take the units of its safeguard (保障措施). */
const MONITORING_UNITS = policies.find((p) => p.clause === '4.2')?.units ?? [];

const is = (fact: string, value: unknown): Condition => ({ fact, operator: 'equal', value });
const atLeast = (fact: string, parameter: string): Condition => ({
  all: [{ fact, operator: 'greaterThanInclusive', value: { fact: parameter } }],
});
const allTrue = (...facts: string[]): Condition => ({ all: facts.map((f) => is(f, true)) });

const DUE_END = 'deadline.transitionEnd';

type RuleInput = Omit<Rule, 'derived' | 'messages'> & { derived?: Rule['derived']; messages: RuleMessages };

function rule(r: RuleInput): Rule {
  return { derived: {}, ...r };
}

/** Messages for a yes/no target: "has done X" / "has not yet done X". */
function done(zh: string, en: string): RuleMessages {
  return {
    zh: { met: `{subject}已${zh}`, notMet: `{subject}截至{year}年尚未${zh}` },
    en: { met: `{subject} has ${en}`, notMet: `{subject} had not ${en} as of {year}` },
  };
}

/** Messages for a numeric target `key ≥ parameter`. */
function threshold(key: string, parameter: string, zh: string, en: string): RuleMessages {
  return {
    zh: {
      met: `{subject}{year}年${zh}为{v:${key}}，达到目标{p:${parameter}}`,
      notMet: `{subject}{year}年${zh}为{v:${key}}，低于目标{p:${parameter}}`,
    },
    en: {
      met: `{subject}: ${en} was {v:${key}} in {year}, meeting the target of {p:${parameter}}`,
      notMet: `{subject}: ${en} was {v:${key}} in {year}, below the target of {p:${parameter}}`,
    },
  };
}

const access = (
  id: string,
  key: string,
  zh: string,
  en: string,
  enDone: string,
  units: { units: string[]; unitsAssumption: true },
): Rule =>
  rule({
    id: `infrastructure.${id}`,
    name: { zh: `${zh}进乡入村`, en: `${en} reaches the village` },
    subject: 'village',
    kind: 'deadline',
    strength: 'strive',
    clauses: ['1.2'],
    due: DUE_END,
    condition: allTrue(key),
    ...units,
    messages: done(`实现${zh}进村`, enDone),
  });

export const villageRules: Rule[] = [
  rule({
    id: 'industry.specialty',
    name: { zh: '建立一个以上特色产业', en: 'At least one specialty industry' },
    subject: 'village',
    kind: 'deadline',
    strength: 'binding',
    clauses: ['1.2', '3.2'],
    due: DUE_END,
    condition: atLeast('specialtyIndustryCount', 'industry.minSpecialtyIndustries'),
    ...unitsFrom('2.1', 'agri-water', 'forestry', 'supply-marketing-coop', 'townships'),
    messages: threshold(
      'specialtyIndustryCount',
      'industry.minSpecialtyIndustries',
      '特色产业数量',
      'the number of specialty industries',
    ),
  }),
  rule({
    id: 'industry.ecommerce-station',
    name: { zh: '有条件的村建成电商快递综合站', en: 'E-commerce and express station where conditions allow' },
    subject: 'village',
    kind: 'deadline',
    strength: 'binding',
    clauses: ['3.2'],
    due: DUE_END,
    applicability: allTrue('hasEcommerceConditions'),
    condition: allTrue('hasEcommerceExpressStation'),
    ...unitsFrom('3.2', 'commerce', 'supply-marketing-coop', 'townships'),
    messages: done('建成电商快递综合站', 'built an e-commerce and express station'),
  }),
  rule({
    id: 'economy.collective-income-growth',
    name: { zh: '年集体经济收入增幅高于当地平均水平', en: 'Collective income grows faster than the local average' },
    subject: 'village',
    kind: 'annual',
    strength: 'binding',
    clauses: ['1.2'],
    derived: { collectiveIncomeGrowth: { op: 'growth', of: 'collectiveIncomeCny' } },
    condition: {
      all: [
        { fact: 'collectiveIncomeGrowth', operator: 'greaterThan', value: { fact: 'localCollectiveIncomeGrowth' } },
      ],
    },
    ...unitsFrom('2.1', 'agri-water', 'finance', 'townships'),
    messages: {
      zh: {
        met: '{subject}{year}年集体经济收入增幅为{v:collectiveIncomeGrowth}，高于当地平均水平{v:localCollectiveIncomeGrowth}',
        notMet:
          '{subject}{year}年集体经济收入增幅为{v:collectiveIncomeGrowth}，未高于当地平均水平{v:localCollectiveIncomeGrowth}',
      },
      en: {
        met: '{subject}: collective income grew {v:collectiveIncomeGrowth} in {year}, above the local average of {v:localCollectiveIncomeGrowth}',
        notMet:
          '{subject}: collective income grew {v:collectiveIncomeGrowth} in {year}, not above the local average of {v:localCollectiveIncomeGrowth}',
      },
    },
  }),
  rule({
    id: 'economy.farmer-income-growth',
    name: { zh: '农民收入增速高于全区平均水平', en: 'Farmer income grows faster than the district average' },
    subject: 'village',
    kind: 'annual',
    strength: 'binding',
    clauses: ['1.2'],
    derived: { farmerIncomeGrowth: { op: 'growth', of: 'farmerPerCapitaIncomeCny' } },
    condition: {
      all: [{ fact: 'farmerIncomeGrowth', operator: 'greaterThan', value: { fact: 'districtFarmerIncomeGrowth' } }],
    },
    ...unitsFrom('2.1', 'agri-water', 'rural-revitalization', 'townships'),
    messages: {
      zh: {
        met: '{subject}{year}年农民人均可支配收入增速为{v:farmerIncomeGrowth}，高于全区平均水平{v:districtFarmerIncomeGrowth}',
        notMet:
          '{subject}{year}年农民人均可支配收入增速为{v:farmerIncomeGrowth}，未高于全区平均水平{v:districtFarmerIncomeGrowth}',
      },
      en: {
        met: '{subject}: farmers’ per-capita income grew {v:farmerIncomeGrowth} in {year}, above the district average of {v:districtFarmerIncomeGrowth}',
        notMet:
          '{subject}: farmers’ per-capita income grew {v:farmerIncomeGrowth} in {year}, not above the district average of {v:districtFarmerIncomeGrowth}',
      },
    },
  }),
  access(
    'road-access',
    'hasRoadAccess',
    '农村道路',
    'Rural roads',
    'rural road access',
    unitsFrom('3.3', 'transport', 'townships'),
  ),
  access(
    'water-supply-access',
    'hasPipedWaterSupply',
    '城乡供水',
    'Piped water supply',
    'piped water supply',
    unitsFrom('3.3', 'agri-water', 'townships'),
  ),
  access(
    'gas-access',
    'hasGasSupply',
    '燃气供应',
    'Gas supply',
    'gas supply',
    unitsFrom('3.3', 'rural-revitalization', 'townships'),
  ),
  access(
    'broadband-access',
    'hasBroadband',
    '数字宽带网络',
    'Broadband',
    'broadband',
    unitsFrom('3.3', 'rural-revitalization', 'townships'),
  ),
  access(
    'logistics-access',
    'hasLogisticsExpress',
    '物流快递',
    'Logistics and express delivery',
    'logistics and express delivery',
    unitsFrom('3.3', 'commerce', 'supply-marketing-coop', 'transport', 'townships'),
  ),
  rule({
    id: 'infrastructure.tap-water',
    name: {
      zh: '自来水普及率达到{p:infrastructure.tapWaterMinRate}',
      en: 'Tap water coverage reaches {p:infrastructure.tapWaterMinRate}',
    },
    subject: 'village',
    kind: 'deadline',
    strength: 'binding',
    clauses: ['3.3'],
    due: DUE_END,
    condition: atLeast('tapWaterRate', 'infrastructure.tapWaterMinRate'),
    ...unitsFrom('3.3', 'agri-water', 'rural-revitalization', 'townships'),
    messages: threshold('tapWaterRate', 'infrastructure.tapWaterMinRate', '自来水普及率', 'tap water coverage'),
  }),
  rule({
    id: 'infrastructure.water-quality',
    name: { zh: '饮水水质达到国家规定标准', en: 'Drinking water meets the national standard' },
    subject: 'village',
    kind: 'ongoing',
    strength: 'binding',
    clauses: ['3.3'],
    condition: allTrue('drinkingWaterQualityCompliant'),
    ...unitsFrom('3.3', 'agri-water', 'townships'),
    messages: {
      zh: { met: '{subject}{year}年饮水水质达到国家规定标准', notMet: '{subject}{year}年饮水水质未达到国家规定标准' },
      en: {
        met: '{subject}: drinking water met the national standard in {year}',
        notMet: '{subject}: drinking water did not meet the national standard in {year}',
      },
    },
  }),
  rule({
    id: 'infrastructure.express-point',
    name: { zh: '有需求的村建有一个快递服务网点', en: 'An express service point where needed' },
    subject: 'village',
    kind: 'deadline',
    strength: 'binding',
    clauses: ['3.3'],
    due: DUE_END,
    applicability: allTrue('needsExpressPoint'),
    condition: allTrue('hasExpressServicePoint'),
    ...unitsFrom('3.3', 'commerce', 'supply-marketing-coop', 'transport', 'townships'),
    messages: done('建有快递服务网点', 'set up an express service point'),
  }),
  rule({
    id: 'environment.garbage-collection',
    name: {
      zh: '垃圾收运覆盖率达到{p:environment.garbageCollectionMinRate}',
      en: 'Garbage collection covers {p:environment.garbageCollectionMinRate}',
    },
    subject: 'village',
    kind: 'deadline',
    strength: 'strive',
    clauses: ['1.2'],
    due: DUE_END,
    condition: atLeast('garbageCollectionRate', 'environment.garbageCollectionMinRate'),
    ...unitsFrom('3.4', 'housing', 'agri-water', 'townships'),
    messages: threshold(
      'garbageCollectionRate',
      'environment.garbageCollectionMinRate',
      '垃圾收运覆盖率',
      'garbage collection coverage',
    ),
  }),
  rule({
    id: 'environment.sanitary-toilets',
    name: { zh: '农村卫生厕所基本普及', en: 'Sanitary toilets basically universal' },
    subject: 'village',
    kind: 'deadline',
    strength: 'basic',
    clauses: ['1.2', '3.4'],
    due: DUE_END,
    condition: atLeast('sanitaryToiletRate', 'basic.universalRate'),
    ...unitsFrom('3.4', 'agri-water', 'health', 'townships'),
    messages: threshold('sanitaryToiletRate', 'basic.universalRate', '卫生厕所普及率', 'sanitary toilet coverage'),
  }),
  rule({
    id: 'environment.feces-treatment',
    name: { zh: '厕所粪污基本得到处理', en: 'Toilet waste basically treated' },
    subject: 'village',
    kind: 'deadline',
    strength: 'basic',
    clauses: ['1.2', '3.4'],
    due: DUE_END,
    condition: atLeast('fecesTreatmentRate', 'basic.universalRate'),
    ...unitsFrom('3.4', 'agri-water', 'ecology-environment', 'townships'),
    messages: threshold(
      'fecesTreatmentRate',
      'basic.universalRate',
      '厕所粪污处理率',
      'the toilet waste treatment rate',
    ),
  }),
  rule({
    id: 'environment.toilet-survey',
    name: { zh: '2021年完成户厕问题摸排', en: 'Household toilet survey completed in 2021' },
    subject: 'village',
    kind: 'deadline',
    strength: 'binding',
    clauses: ['3.4'],
    due: 'deadline.toiletSurvey',
    condition: allTrue('toiletSurveyCompleted'),
    ...unitsFrom('3.4', 'agri-water', 'townships'),
    messages: done('完成户厕问题摸排', 'completed the household toilet survey'),
  }),
  rule({
    id: 'environment.quality-problem-toilets',
    name: {
      zh: '施工及产品质量问题厕所2021年底前全部整改',
      en: 'Quality problem toilets rectified by the end of 2021',
    },
    subject: 'village',
    kind: 'deadline',
    strength: 'strive',
    clauses: ['3.4'],
    due: 'deadline.qualityToiletRectification',
    condition: { all: [{ fact: 'qualityProblemToiletsOpen', operator: 'equal', value: 0 }] },
    ...unitsFrom('3.4', 'agri-water', 'townships'),
    messages: {
      zh: {
        met: '{subject}{year}年施工及产品质量问题厕所已全部整改',
        notMet: '{subject}{year}年仍有{v:qualityProblemToiletsOpen}个施工及产品质量问题厕所未整改',
      },
      en: {
        met: '{subject}: all construction and product-quality problem toilets were rectified by {year}',
        notMet:
          '{subject}: {v:qualityProblemToiletsOpen} construction or product-quality problem toilets were still open in {year}',
      },
    },
  }),
  rule({
    id: 'environment.technical-problem-toilets',
    name: { zh: '技术模式问题厕所明确时间表和线路图', en: 'Roadmap for technical problem toilets' },
    subject: 'village',
    kind: 'ongoing',
    strength: 'binding',
    clauses: ['3.4'],
    applicability: { all: [{ fact: 'technicalProblemToiletsOpen', operator: 'greaterThan', value: 0 }] },
    condition: allTrue('technicalToiletRoadmap'),
    ...unitsFrom('3.4', 'agri-water', 'townships'),
    messages: {
      zh: {
        met: '{subject}{year}年有{v:technicalProblemToiletsOpen}个技术模式问题厕所，已明确整改时间表和线路图',
        notMet: '{subject}{year}年有{v:technicalProblemToiletsOpen}个技术模式问题厕所，尚未明确整改时间表和线路图',
      },
      en: {
        met: '{subject}: {v:technicalProblemToiletsOpen} technical problem toilets in {year}, with a timetable and roadmap',
        notMet:
          '{subject}: {v:technicalProblemToiletsOpen} technical problem toilets in {year}, with no timetable and roadmap',
      },
    },
  }),
  rule({
    id: 'environment.village-renovation',
    name: { zh: '基本完成宜居不迁并村庄整治建设和庭院整治', en: 'Village and courtyard renovation basically done' },
    subject: 'village',
    kind: 'deadline',
    strength: 'basic',
    clauses: ['3.4'],
    due: DUE_END,
    applicability: allTrue('retainedVillage'),
    condition: allTrue('villageRenovationDone', 'courtyardRenovationDone'),
    ...unitsFrom('3.4', 'agri-water', 'housing', 'townships'),
    messages: {
      zh: {
        met: '{subject}已完成村庄整治建设和庭院整治',
        notMet:
          '{subject}截至{year}年尚未完成村庄整治建设和庭院整治（村庄整治：{v:villageRenovationDone}；庭院整治：{v:courtyardRenovationDone}）',
      },
      en: {
        met: '{subject} has completed village and courtyard renovation',
        notMet:
          '{subject} had not completed village and courtyard renovation as of {year} (village: {v:villageRenovationDone}; courtyards: {v:courtyardRenovationDone})',
      },
    },
  }),
  rule({
    id: 'environment.five-fixed-maintenance',
    name: { zh: '长效管护有专项经费、专业队伍、专门制度', en: 'Maintenance with funds, team and rules (五定包干)' },
    subject: 'village',
    kind: 'ongoing',
    strength: 'binding',
    clauses: ['3.4'],
    condition: allTrue('maintenanceFunds', 'maintenanceTeam', 'maintenanceRules'),
    ...unitsFrom('3.4', 'agri-water', 'townships'),
    messages: {
      zh: {
        met: '{subject}{year}年长效管护有专项经费、专业队伍、专门制度',
        notMet:
          '{subject}{year}年长效管护机制不完整（专项经费：{v:maintenanceFunds}；专业队伍：{v:maintenanceTeam}；专门制度：{v:maintenanceRules}）',
      },
      en: {
        met: '{subject}: maintenance had dedicated funds, a team and rules in {year}',
        notMet:
          '{subject}: maintenance was incomplete in {year} (funds: {v:maintenanceFunds}; team: {v:maintenanceTeam}; rules: {v:maintenanceRules})',
      },
    },
  }),
  rule({
    id: 'environment.platform-supervision',
    name: { zh: '纳入“万村码上通”平台监管', en: 'Supervised on the 万村码上通 platform' },
    subject: 'village',
    kind: 'deadline',
    strength: 'binding',
    clauses: ['3.4'],
    due: DUE_END,
    condition: allTrue('onMaintenancePlatform'),
    ...unitsFrom('3.4', 'agri-water', 'townships'),
    messages: done('纳入“万村码上通”平台监管', 'joined the 万村码上通 maintenance platform'),
  }),
  rule({
    id: 'planning.village-plan',
    name: { zh: '2022年完成村庄规划编制', en: 'Village plan completed in 2022' },
    subject: 'village',
    kind: 'deadline',
    strength: 'strive',
    clauses: ['3.1'],
    due: 'deadline.villagePlan',
    condition: {
      all: [{ fact: 'villagePlanApprovedOn', operator: 'dateOnOrBefore', value: { fact: 'deadline.villagePlan' } }],
    },
    units: unitsOf('3.1'),
    messages: {
      zh: {
        met: '{subject}村庄规划已于{v:villagePlanApprovedOn}批准',
        notMet: '{subject}村庄规划于{v:villagePlanApprovedOn}批准，晚于期限{due}（逾期完成）',
      },
      en: {
        met: '{subject}: the village plan was approved on {v:villagePlanApprovedOn}',
        notMet: '{subject}: the village plan was approved late, on {v:villagePlanApprovedOn}, after the deadline {due}',
      },
    },
  }),
  rule({
    id: 'funding.transition-funds',
    name: {
      zh: '每年投入衔接资金{p:funding.minAnnualTransitionFundsCny}以上',
      en: 'At least {p:funding.minAnnualTransitionFundsCny} of transition funds a year',
    },
    subject: 'village',
    kind: 'annual',
    strength: 'binding',
    clauses: ['2.2'],
    condition: atLeast('transitionFundsCny', 'funding.minAnnualTransitionFundsCny'),
    units: unitsOf('2.2'),
    messages: threshold(
      'transitionFundsCny',
      'funding.minAnnualTransitionFundsCny',
      '投入衔接资金',
      'transition funds invested',
    ),
  }),
  rule({
    id: 'funding.industry-share-rising',
    name: { zh: '逐年提高帮扶资金中产业发展资金占比', en: 'Industry share of assistance funds rises every year' },
    subject: 'village',
    kind: 'annual',
    strength: 'binding',
    clauses: ['2.1'],
    derived: { industryFundSharePreviousYear: { op: 'previous-year', of: 'industryFundShare' } },
    condition: {
      all: [{ fact: 'industryFundShare', operator: 'greaterThan', value: { fact: 'industryFundSharePreviousYear' } }],
    },
    ...unitsFrom('2.1', 'rural-revitalization', 'finance', 'agri-water'),
    messages: {
      zh: {
        met: '{subject}{year}年产业发展资金占比为{v:industryFundShare}，高于上年的{v:industryFundSharePreviousYear}',
        notMet:
          '{subject}{year}年产业发展资金占比为{v:industryFundShare}，未高于上年的{v:industryFundSharePreviousYear}',
      },
      en: {
        met: '{subject}: industry took {v:industryFundShare} of assistance funds in {year}, up from {v:industryFundSharePreviousYear}',
        notMet:
          '{subject}: industry took {v:industryFundShare} of assistance funds in {year}, not above the previous year’s {v:industryFundSharePreviousYear}',
      },
    },
  }),
  rule({
    id: 'support.resident-team',
    name: { zh: '选派驻村第一书记和工作队员', en: 'First secretary and work team stationed' },
    subject: 'village',
    kind: 'ongoing',
    strength: 'binding',
    clauses: ['2.6'],
    condition: allTrue('firstSecretaryStationed', 'workTeamStationed'),
    units: unitsOf('2.6'),
    messages: {
      zh: {
        met: '{subject}{year}年已选派驻村第一书记和工作队员',
        notMet:
          '{subject}{year}年驻村力量不完整（第一书记：{v:firstSecretaryStationed}；工作队：{v:workTeamStationed}）',
      },
      en: {
        met: '{subject}: a first secretary and a work team were stationed in {year}',
        notMet:
          '{subject}: resident support was incomplete in {year} (first secretary: {v:firstSecretaryStationed}; work team: {v:workTeamStationed})',
      },
    },
  }),
  rule({
    id: 'governance.party-organization',
    name: { zh: '整顿软弱涣散村党组织', en: 'No weak and lax party organisation' },
    subject: 'village',
    kind: 'ongoing',
    strength: 'binding',
    clauses: ['3.6'],
    condition: { all: [is('weakPartyOrganization', false)] },
    ...unitsFrom('3.6', 'org-dept', 'townships'),
    messages: {
      zh: { met: '{subject}{year}年村党组织不属于软弱涣散', notMet: '{subject}{year}年村党组织软弱涣散，需持续整顿' },
      en: {
        met: '{subject}: the village party organisation was not weak or lax in {year}',
        notMet: '{subject}: the village party organisation was weak and lax in {year} and needs rectification',
      },
    },
  }),
  rule({
    id: 'governance.affairs-disclosure',
    name: { zh: '党务、村务、财务公开', en: 'Party, village and financial affairs disclosed' },
    subject: 'village',
    kind: 'ongoing',
    strength: 'binding',
    clauses: ['3.6'],
    condition: allTrue('affairsDisclosed'),
    ...unitsFrom('3.6', 'civil-affairs', 'agri-water', 'townships'),
    messages: {
      zh: { met: '{subject}{year}年已落实党务、村务、财务公开', notMet: '{subject}{year}年未落实党务、村务、财务公开' },
      en: {
        met: '{subject}: party, village and financial affairs were disclosed in {year}',
        notMet: '{subject}: party, village and financial affairs were not disclosed in {year}',
      },
    },
  }),
  rule({
    id: 'monitoring.regular-monitoring',
    name: { zh: '常态化开展防止返贫动态监测', en: 'Regular anti-relapse monitoring' },
    subject: 'village',
    kind: 'ongoing',
    strength: 'binding',
    clauses: ['4.2'],
    condition: allTrue('povertyMonitoringActive'),
    units: MONITORING_UNITS,
    unitsAssumption: true,
    messages: {
      zh: {
        met: '{subject}{year}年常态化开展防止返贫动态监测',
        notMet: '{subject}{year}年未常态化开展防止返贫动态监测',
      },
      en: {
        met: '{subject}: anti-relapse monitoring ran regularly in {year}',
        notMet: '{subject}: anti-relapse monitoring did not run regularly in {year}',
      },
    },
  }),
];

export const districtRules: Rule[] = [
  rule({
    id: 'infrastructure.gigabit-coverage',
    name: {
      zh: '“双千兆”网络覆盖{p:infrastructure.gigabitMinVillageShare}以上行政村',
      en: 'Dual-gigabit networks in {p:infrastructure.gigabitMinVillageShare} of villages',
    },
    subject: 'district',
    kind: 'deadline',
    strength: 'binding',
    clauses: ['3.3'],
    due: DUE_END,
    derived: {
      gigabitVillageShare: { op: 'ratio', numerator: 'gigabitVillageCount', denominator: 'adminVillageCount' },
    },
    condition: atLeast('gigabitVillageShare', 'infrastructure.gigabitMinVillageShare'),
    ...unitsFrom('3.3', 'rural-revitalization', 'townships'),
    messages: threshold(
      'gigabitVillageShare',
      'infrastructure.gigabitMinVillageShare',
      '“双千兆”网络覆盖行政村比例',
      'the share of villages with dual-gigabit networks',
    ),
  }),
  rule({
    id: 'environment.garbage-system-coverage',
    name: { zh: '生活垃圾收运处置体系基本实现全覆盖', en: 'Garbage system basically covers every village' },
    subject: 'district',
    kind: 'deadline',
    strength: 'basic',
    clauses: ['3.4'],
    due: DUE_END,
    condition: atLeast('garbageSystemVillageShare', 'basic.fullCoverageRate'),
    ...unitsFrom('3.4', 'housing', 'agri-water', 'townships'),
    messages: threshold(
      'garbageSystemVillageShare',
      'basic.fullCoverageRate',
      '生活垃圾收运处置体系覆盖率',
      'garbage system coverage',
    ),
  }),
  rule({
    id: 'public-services.preschool',
    name: { zh: '基本普及农村学前教育', en: 'Rural preschool education basically universal' },
    subject: 'district',
    kind: 'deadline',
    strength: 'basic',
    clauses: ['3.5'],
    due: DUE_END,
    condition: atLeast('ruralPreschoolGrossEnrollmentRate', 'basic.preschoolEnrollmentRate'),
    ...unitsFrom('3.5', 'education-sports', 'townships'),
    messages: threshold(
      'ruralPreschoolGrossEnrollmentRate',
      'basic.preschoolEnrollmentRate',
      '农村学前教育毛入园率',
      'rural preschool gross enrolment',
    ),
  }),
];

export const riskTypes: RiskType[] = [
  { id: 'income', name: { zh: '收入不足', en: 'Low income' } },
  { id: 'food-clothing', name: { zh: '吃穿无保障', en: 'Food and clothing not secured' } },
  { id: 'education', name: { zh: '义务教育无保障', en: 'Compulsory education not secured' } },
  { id: 'medical', name: { zh: '基本医疗无保障', en: 'Basic medical care not secured' } },
  { id: 'housing', name: { zh: '住房不安全', en: 'Unsafe housing' } },
  { id: 'drinking-water', name: { zh: '饮水不安全', en: 'Unsafe drinking water' } },
];

function unsecured(id: string, key: string, riskType: string, zh: string, en: string): ScreeningRule {
  return {
    id: `monitoring.${id}`,
    name: { zh: `${zh}风险`, en: `${en} risk` },
    clauses: ['4.2'],
    riskType,
    derived: {},
    condition: { all: [is(key, false)] },
    units: MONITORING_UNITS,
    messages: { zh: `{subject}${zh}`, en: `{subject}: ${en.toLowerCase()}` },
  };
}

export const screeningRules: ScreeningRule[] = [
  {
    id: 'monitoring.income-risk',
    name: { zh: '人均纯收入低于监测标准', en: 'Per-capita income below the monitoring line' },
    clauses: ['4.2'],
    riskType: 'income',
    derived: { perCapitaIncomeCny: { op: 'ratio', numerator: 'annualNetIncomeCny', denominator: 'size' } },
    condition: {
      all: [{ fact: 'perCapitaIncomeCny', operator: 'lessThan', value: { fact: 'monitoring.incomeThreshold' } }],
    },
    units: MONITORING_UNITS,
    messages: {
      zh: '{subject}人均纯收入{v:perCapitaIncomeCny}，低于监测标准{p:monitoring.incomeThreshold}',
      en: '{subject}: per-capita income {v:perCapitaIncomeCny} is below the monitoring line of {p:monitoring.incomeThreshold}',
    },
  },
  unsecured(
    'food-clothing-risk',
    'foodClothingSecured',
    'food-clothing',
    '吃穿无保障',
    'Food and clothing not secured',
  ),
  unsecured(
    'education-risk',
    'compulsoryEducationSecured',
    'education',
    '义务教育无保障',
    'Compulsory education not secured',
  ),
  unsecured('medical-risk', 'basicMedicalSecured', 'medical', '基本医疗无保障', 'Basic medical care not secured'),
  unsecured('housing-risk', 'housingSafe', 'housing', '住房安全无保障', 'Housing not safe'),
  unsecured('drinking-water-risk', 'drinkingWaterSafe', 'drinking-water', '饮水安全无保障', 'Drinking water not safe'),
];

/** Suggested categories, first match wins (catalog §6). */
export const categories: Category[] = [
  {
    id: 'unstable-formerly-poor',
    name: { zh: '脱贫不稳定户', en: 'Unstable formerly poor household' },
    condition: { all: [is('formerlyPoor', true)] },
  },
  {
    id: 'marginal',
    name: { zh: '边缘易致贫户', en: 'Marginal household at risk of poverty' },
    condition: { all: [{ fact: 'risks', operator: 'contains', value: 'income' }] },
  },
  { id: 'sudden-hardship', name: { zh: '突发严重困难户', en: 'Household in sudden severe hardship' } },
];
