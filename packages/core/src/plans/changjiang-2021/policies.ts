/**
 * The support policies (支持政策, section 二) and safeguards (保障措施, section 四) of the
 * Changjiang District plan, each with the units that carry it, the lead unit first.
 */
import type { Policy } from '../../model/schema.js';
import { unitsOf } from './clauses.js';

export const policies: Policy[] = [
  {
    id: 'policy.industry-development',
    clause: '2.1',
    kind: 'support-policy',
    name: { zh: '加强产业发展支持', en: 'Strengthen support for industrial development' },
    summary: {
      zh: '持续加大重点村产业发展资金投入，逐年提高帮扶资金中产业发展资金占比；支持重点村发展优势主导产业和乡村旅游、林下经济等新产业新业态，培育新型经营主体，健全利益联结机制，壮大集体经济。',
      en: 'Keeps increasing industrial development funding for key villages and raises the share of assistance funds spent on industry year by year; supports leading industries and new ones such as rural tourism and the under-forest economy, new business entities and benefit-linkage mechanisms, to grow the collective economy.',
    },
    units: unitsOf('2.1'),
  },
  {
    id: 'policy.funding',
    clause: '2.2',
    kind: 'support-policy',
    name: { zh: '加强资金投入支持', en: 'Strengthen funding support' },
    summary: {
      zh: '加大对重点村财政衔接推进乡村振兴补助资金的支持，统筹整合涉农资金优先支持重点村；“十四五”期间确保每年投入重点村衔接资金达到30万元以上，并加强资金绩效管理。',
      en: 'Increases fiscal transition funds for rural revitalization in key villages and gives them priority in integrated agriculture-related funds; during the 14th Five-Year Plan period, transition funds for key villages reach at least CNY 300,000 every year, under performance management.',
    },
    units: unitsOf('2.2'),
  },
  {
    id: 'policy.project-layout',
    clause: '2.3',
    kind: 'support-policy',
    name: { zh: '加强项目布局支持', en: 'Strengthen support through project layout' },
    summary: {
      zh: '推进资金项目向重点村倾斜，促进公益性基础设施、社会事业和能源、交通、水利等重大投资向重点村延伸覆盖，集中行业部门政策解决产业、就业、医疗、教育、住房饮水等实际困难，补齐短板弱项。',
      en: 'Steers funded projects to key villages and extends public-interest infrastructure, social-sector projects and major energy, transport and water investments to them, pooling sector policies to solve practical difficulties in industry, jobs, health care, schooling, housing and drinking water.',
    },
    units: unitsOf('2.3'),
  },
  {
    id: 'policy.finance-insurance',
    clause: '2.4',
    kind: 'support-policy',
    name: { zh: '加强金融保险支持', en: 'Strengthen financial and insurance support' },
    summary: {
      zh: '加大对重点村的信贷投放，在贷款准入、利率、期限等方面给予更优惠政策，过渡期内延续扶贫小额信贷贴息和风险补偿；发展特色产业险种和“保险+期货”等新险种，扩大涉农保险保障范围。',
      en: 'Expands credit to key villages on more favourable terms of access, interest rate and maturity, and continues microcredit interest subsidies and risk compensation through the transition period; develops specialty-industry, price, yield and "insurance + futures" products and widens agricultural insurance cover.',
    },
    units: unitsOf('2.4'),
  },
  {
    id: 'policy.land',
    clause: '2.5',
    kind: 'support-policy',
    name: { zh: '加强土地政策支持', en: 'Strengthen land policy support' },
    summary: {
      zh: '新增建设用地指标优先保障重点村乡村振兴需要，增减挂钩节余指标调剂收益优先用于重点村；优化村庄用地布局，利用零星分散的存量建设用地支持新产业新业态和返乡下村创业。',
      en: 'Gives key villages priority in new construction-land quotas and in the proceeds of transferring surplus land quotas; optimises village land layout and uses scattered existing construction land for new industries and for people returning to start businesses.',
    },
    units: unitsOf('2.5'),
  },
  {
    id: 'policy.social-forces',
    clause: '2.6',
    kind: 'support-policy',
    name: { zh: '加强各方力量支持', en: 'Strengthen support from all sectors of society' },
    summary: {
      zh: '落实定点帮扶责任，向重点村选派驻村第一书记和工作队员，加大资金、项目、技术、人才帮扶；健全社会帮扶机制，组织民营企业开展“万企兴万村”行动，动员社会力量和乡贤参与重点村建设。',
      en: 'Fixes paired-assistance responsibilities and sends resident first secretaries and work teams to key villages, with more funds, projects, technology and talent; builds a social assistance mechanism, runs the "10,000 Enterprises Revitalize 10,000 Villages" campaign and mobilises social forces and successful natives.',
    },
    units: unitsOf('2.6'),
  },
  {
    id: 'safeguard.leadership',
    clause: '4.1',
    kind: 'safeguard',
    name: { zh: '加强组织领导', en: 'Strengthen organizational leadership' },
    summary: {
      zh: '加强党对“三农”工作的全面领导，压实各级书记责任，健全“省负总责、市县抓落实、乡镇推进实施”的工作体制，明确分工、制定配套政策，加强部门统筹协调，发挥民主党派监督作用。',
      en: "Strengthens the Party's overall leadership of rural work and the responsibility of Party secretaries at every level, with the province in overall charge, cities and counties implementing and townships carrying out; clarifies duties, adds supporting policies, coordinates departments and keeps democratic parties supervising.",
    },
    /** The library's reading: the plan names no units for 四（一）. */
    units: ['rural-work-office', 'org-dept', 'township-party-gov'],
  },
  {
    id: 'safeguard.monitoring-assistance',
    clause: '4.2',
    kind: 'safeguard',
    name: { zh: '强化监测帮扶', en: 'Strengthen monitoring and assistance' },
    summary: {
      zh: '重点村常态化开展防止返贫动态监测和帮扶，通过农户自主申报、基层干部排查、部门筛查预警及早发现易返贫致贫人口，落实公告公示和民主评议，按“缺什么补什么”及时帮扶，风险稳定消除后系统标注，守住防止规模性返贫的底线。',
      en: 'Key villages routinely monitor and assist households at risk of falling back into poverty: self-declaration, checks by local officials and departmental screening find them early, with public notice and democratic appraisal; targeted help supplies whatever is lacking, and cases are marked in the system once the risk is stably eliminated.',
    },
    /** The library's reading: the plan names no units for 四（二）. */
    units: ['rural-revitalization', 'townships'],
  },
  {
    id: 'safeguard.supervision',
    clause: '4.3',
    kind: 'safeguard',
    name: { zh: '严格监督检查', en: 'Enforce strict supervision and inspection' },
    summary: {
      zh: '将重点村乡村振兴工作纳入巩固脱贫成果同乡村振兴衔接监督检查范围，对工作不严不实、弄虚作假的严格监督执纪问责，克服形式主义、官僚主义，严肃查处腐败和作风问题。',
      en: 'Brings key-village revitalization work within the supervision and inspection of the linkage between consolidating poverty-alleviation gains and rural revitalization; lax work and falsification are held to account, formalism and bureaucratism are combated and corruption and misconduct are investigated.',
    },
    /** The library's reading: the plan names no units for 四（三）. */
    units: ['rural-work-office', 'rural-revitalization'],
  },
  {
    id: 'safeguard.endogenous-motivation',
    clause: '4.4',
    kind: 'safeguard',
    name: { zh: '激发内生动力', en: 'Stimulate endogenous motivation' },
    summary: {
      zh: '坚持群众主体地位，以工代赈、以奖代补动员群众投工投劳，扶智扶志结合提升自我发展能力，激发乡贤参与家乡乡村振兴，并发挥宣传媒体作用总结推广重点村好经验好做法。',
      en: 'Puts villagers at the centre, mobilising their labour through work-for-relief and awards in place of subsidies, building self-development capacity by supporting both skills and aspirations, engaging successful natives, and using the media to spread good practice from the key villages.',
    },
    /** The library's reading: the plan names no units for 四（四）. */
    units: ['rural-revitalization', 'publicity-dept', 'townships'],
  },
];
