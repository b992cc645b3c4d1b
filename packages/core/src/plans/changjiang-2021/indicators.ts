/**
 * Indicators (指标) of the Changjiang plan: the keys of the input data, with type, unit,
 * names and valid range (catalog §5).
 */
import type { Indicator } from '../../model/schema.js';

type Def = Omit<Indicator, 'name' | 'subject'>;

function defs(subject: Indicator['subject'], list: [Def, string, string][]): Indicator[] {
  return list.map(([def, zh, en]) => ({ ...def, subject, name: { zh, en } }));
}

const ratio: Def = { key: '', type: 'number', unit: 'ratio', min: 0, max: 1 };
const money: Def = { key: '', type: 'number', unit: 'CNY', min: 0 };
const count: Def = { key: '', type: 'integer', unit: 'count', min: 0 };
const flag: Def = { key: '', type: 'boolean', unit: 'none' };
const growth: Def = { key: '', type: 'number', unit: 'ratio', min: -1 };

const r = (key: string): Def => ({ ...ratio, key });
const m = (key: string): Def => ({ ...money, key });
const c = (key: string): Def => ({ ...count, key });
const b = (key: string): Def => ({ ...flag, key });

export const indicators: Indicator[] = [
  ...defs('village', [
    [c('specialtyIndustryCount'), '特色产业数量', 'Specialty industries'],
    [b('hasEcommerceExpressStation'), '建成电商快递综合站', 'E-commerce and express station built'],
    [m('collectiveIncomeCny'), '村集体经济收入', 'Village collective income'],
    [m('farmerPerCapitaIncomeCny'), '农民人均可支配收入', 'Farmers’ per-capita disposable income'],
    [b('hasRoadAccess'), '农村道路进村', 'Road access'],
    [b('hasPipedWaterSupply'), '城乡供水进村', 'Piped water supply'],
    [b('hasGasSupply'), '燃气供应进村', 'Gas supply'],
    [b('hasBroadband'), '数字宽带网络进村', 'Broadband network'],
    [b('hasLogisticsExpress'), '物流快递进村', 'Logistics and express delivery'],
    [r('tapWaterRate'), '自来水普及率', 'Tap water coverage'],
    [b('drinkingWaterQualityCompliant'), '饮水水质达到国家标准', 'Drinking water meets the national standard'],
    [b('hasExpressServicePoint'), '建有快递服务网点', 'Express service point'],
    [r('garbageCollectionRate'), '垃圾收运覆盖率', 'Garbage collection coverage'],
    [r('sanitaryToiletRate'), '卫生厕所普及率', 'Sanitary toilet coverage'],
    [r('fecesTreatmentRate'), '厕所粪污处理率', 'Toilet waste treatment rate'],
    [b('toiletSurveyCompleted'), '完成户厕问题摸排', 'Household toilet survey completed'],
    [
      c('qualityProblemToiletsOpen'),
      '未整改的施工及产品质量问题厕所',
      'Open construction/product-quality problem toilets',
    ],
    [c('technicalProblemToiletsOpen'), '技术模式不适宜问题厕所', 'Problem toilets from an unsuitable technical model'],
    [b('technicalToiletRoadmap'), '明确整改时间表和线路图', 'Timetable and roadmap set for technical problem toilets'],
    [b('villageRenovationDone'), '完成村庄整治建设', 'Village renovation done'],
    [b('courtyardRenovationDone'), '完成庭院整治', 'Courtyard renovation done'],
    [b('maintenanceFunds'), '长效管护有专项经费', 'Dedicated maintenance funds'],
    [b('maintenanceTeam'), '长效管护有专业队伍', 'Dedicated maintenance team'],
    [b('maintenanceRules'), '长效管护有专门制度', 'Dedicated maintenance rules'],
    [b('onMaintenancePlatform'), '纳入“万村码上通”平台监管', 'Supervised on the 万村码上通 maintenance platform'],
    [
      { key: 'villagePlanApprovedOn', type: 'date', unit: 'date', completionDate: true },
      '村庄规划批准日期',
      'Village plan approved on',
    ],
    [m('transitionFundsCny'), '衔接资金投入', 'Transition funds invested'],
    [r('industryFundShare'), '帮扶资金中产业发展资金占比', 'Share of assistance funds spent on industry'],
    [b('firstSecretaryStationed'), '选派驻村第一书记', 'First secretary stationed'],
    [b('workTeamStationed'), '选派驻村工作队', 'Village work team stationed'],
    [b('weakPartyOrganization'), '软弱涣散村党组织', 'Weak and lax party organisation'],
    [b('affairsDisclosed'), '党务村务财务公开', 'Party, village and financial affairs disclosed'],
    [b('povertyMonitoringActive'), '常态化开展防止返贫监测', 'Regular anti-relapse monitoring in place'],
  ]),
  ...defs('village-attribute', [
    [{ ...flag, key: 'needsExpressPoint', required: true }, '有快递网点需求', 'Needs an express service point'],
    [
      { ...flag, key: 'hasEcommerceConditions', required: true },
      '具备建设电商快递综合站条件',
      'Has conditions for an e-commerce station',
    ],
    [
      { ...flag, key: 'retainedVillage', default: true },
      '宜居不迁并村庄',
      'Retained village (not relocated or merged)',
    ],
  ]),
  ...defs('district', [
    [c('adminVillageCount'), '行政村数量', 'Administrative villages'],
    [c('gigabitVillageCount'), '“双千兆”网络覆盖行政村数量', 'Administrative villages with dual-gigabit networks'],
    [r('garbageSystemVillageShare'), '生活垃圾收运处置体系覆盖行政村比例', 'Share of villages in the garbage system'],
    [r('ruralPreschoolGrossEnrollmentRate'), '农村学前教育毛入园率', 'Rural preschool gross enrolment'],
  ]),
  ...defs('district-reference', [
    [
      { ...growth, key: 'localCollectiveIncomeGrowth' },
      '当地村集体经济收入平均增幅',
      'Local average collective income growth',
    ],
    [{ ...growth, key: 'districtFarmerIncomeGrowth' }, '全区农民收入平均增速', 'District average farmer income growth'],
  ]),
  ...defs('household', [
    [{ key: 'id', type: 'string', unit: 'none' }, '户编号', 'Household id'],
    [{ key: 'villageId', type: 'string', unit: 'none' }, '所在村', 'Village'],
    [{ key: 'size', type: 'integer', unit: 'persons', min: 1 }, '家庭人口', 'Household size'],
    [m('annualNetIncomeCny'), '家庭年纯收入', 'Annual net income'],
    [b('formerlyPoor'), '脱贫户', 'Formerly poor household'],
    [b('hasLaborCapacity'), '有劳动能力', 'Has labour capacity'],
    [b('foodClothingSecured'), '不愁吃、不愁穿', 'Food and clothing secured'],
    [b('compulsoryEducationSecured'), '义务教育有保障', 'Compulsory education secured'],
    [b('basicMedicalSecured'), '基本医疗有保障', 'Basic medical care secured'],
    [b('housingSafe'), '住房安全有保障', 'Housing safe'],
    [b('drinkingWaterSafe'), '饮水安全有保障', 'Drinking water safe'],
  ]),
];
