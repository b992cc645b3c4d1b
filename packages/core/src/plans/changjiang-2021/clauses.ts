/**
 * The clauses (条款) of the Changjiang District plan 昌农办字〔2021〕26号, with their labels as
 * printed, short headings, the responsible units each lists and the full original text.
 *
 * Texts are copied character for character from the plan document, including its own
 * typos, spacing and punctuation; only the document's bookmark markers are left out.
 */
import type { Clause, LocalizedText } from '../../model/schema.js';

/** The opening paragraph of the plan, before section 一. */
export const preamble =
  '为深入贯彻党中央、国务院、省委、省政府和市委、市政府巩固拓展脱贫攻坚成果同乡村振兴有效衔接工作的决策部署，按照《中共中央、国务院关于实现巩固拓展脱贫攻坚成果同乡村振兴有效街接的意见》（中发〔2020〕30号）、《中共江西省委、江西省人民政府关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的实施意见》（赣发〔2021〕6号）要求，稳步推进全区“十四五”区定乡村振兴重点帮扶村工作，着力打造彰显产业兴旺之美、自然生态之美、文明淳朴之美、共建共享之美、和谐有序之美的新时代“五美”乡村，建设老区人民幸福生活的美好家园，实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接，制定本实施方案。';

/** Section 一: general requirements (总体要求). */
const generalRequirements: Clause[] = [
  {
    id: '1.1',
    label: '一（一）',
    heading: { zh: '指导思想', en: 'Guiding principles' },
    text: '（一）指导思想。坚持以习近平新时代中国特色社会主义思想为指导，深入贯彻习近平总书记关于“三农”工作的重要论述，全面落实中央、省和市委农村工作会议精神，按照产业兴旺、生态宜居、乡风文明、治理有效、生活富裕总要求，实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接，筛查确定一批经济发展基础薄弱、社会事业相对滞后的“十四五”区定乡村振兴重点帮扶村（以下统称重点村），着力补齐短板弱项，加快推进产业、人才、文化、生态、组织等全面振兴，以更高的标准打造美丽江西“魅力昌江”，为实现乡村振兴“作示范、勇争先”，努力打造与世界对话的国际瓷都贡献昌江力量。',
    units: [],
    parent: '1',
  },
  {
    id: '1.2',
    label: '一（二）',
    heading: { zh: '目标任务', en: 'Goals and tasks' },
    text: [
      '（二）目标任务。持续巩固拓展重点村脱贫攻坚成果，全面推动补短板、强弱项、夯基础、缩差距、促发展工作，着力解决农民群众“急难愁盼”问题，稳步推进乡村振兴。至2025年过渡期结束，重点村脱贫攻坚成果巩固拓展，乡村振兴全面推进，经济活力和发展后劲明显增强。',
      '村级产业提质增效,产业质量效益和竞争力进一步提高，推进 一二三产业融合发展，所有重点村均建立一个以上特色产业，年集体经济收入增幅高于当地平均水平，农民收入增速高于全区平均水平。',
      '基础设施提档升级,农村生产生活生态空间布局进一步优化，美丽宜居乡村建设扎实推进，努力实现农村道路、城乡供水、燃气供应、数字宽带网络、物流快递进乡入村。',
      '人居环境整洁宜居，力争重点村垃圾收运覆盖率达到100%、 农村卫生厕所基本普及，厕所粪污基本得到处理，因地制宜推进农村生活污水治理。',
      '城乡基本公共服务均等化水平明显提高，保留并办好必要的乡村小规模学校,继续改善办学条件。全面推进健康乡村建设，提升村卫生室设施设备条件和健康管理水平。完善农村养老服务体系，建立健全农村留守老人、儿童关爱服务制度。加强村级综合便民服务平台建设，全面提升村级整体服务水平。',
      '改进提升乡村治理水平，加快构建自治法治德治相结合的乡村治理体系，建设充满活力、和谐有序的善治乡村。',
    ].join('\n'),
    units: [],
    parent: '1',
  },
];

/** Section 二: support policies (支持政策). */
const supportPolicies: Clause[] = [
  {
    id: '2.1',
    label: '二（一）',
    heading: { zh: '产业发展', en: 'Industrial development' },
    text: '（一）加强产业发展支持。充分发挥各级财政衔接推进乡村振兴资金作用，持续加大重点村产业发展资金投入，逐年提高帮扶资金中产业发展资金占比。推动相关转移支付倾斜支持重点村用于产业发展。支持重点村依托资源条件，大力发展优势主导产业，因地制宜发展乡村旅游、林下经济等新产业、新业态，加快建设标准化生产基地,培育壮大农民合作社、家庭农场等新型经营主体，健全完善稳固持续的利益联结机制。鼓励和支持农业企业与重点村合作建设原料基地、加工基地，推进小农户与大市场有效对接。加大冷链物流节点向重点村倾斜布局。引导重点村群众积极参与产 业长期发展，有效壮大集体经济。（责任单位：区农业农村水利局、区乡村振兴局、区财政局、区发改委、区林业局、区供销合作社、各乡镇〔街道〕）',
    units: [
      'agri-water',
      'rural-revitalization',
      'finance',
      'development-reform',
      'forestry',
      'supply-marketing-coop',
      'townships',
    ],
    parent: '2',
  },
  {
    id: '2.2',
    label: '二（二）',
    heading: { zh: '资金投入', en: 'Funding' },
    text: '（二）加强资金投入支持。加大对重点村财政衔接推进乡村振兴补助资金的支持力度，统筹整合涉农资金，优先支持重点村巩固拓展脱贫攻坚成果和乡村振兴。“十四五”期间，确保每年投入重点村衔接资金达到30万元以上。加强各类项目资金绩效管理, 強化绩效目标执行监控和绩效评价结果运用，提高使用效率和效益。（责任单位:区乡村振兴局、区农业农村水利局、区财政局）',
    units: ['rural-revitalization', 'agri-water', 'finance'],
    parent: '2',
  },
  {
    id: '2.3',
    label: '二（三）',
    heading: { zh: '项目布局', en: 'Project layout' },
    text: '（三）加强项目布局支持。推进资金项目向重点村倾斜安排， 促进公益性基础设施项目、社会事业领域重大项目以及能源、交通、水利等重大投资向重点村延伸覆盖，集中行业部门政策，着力解决重点村产业发展、就业扶持、生活保障、卫生医疗、教育就学、住房饮水等实际困难，全面补齐基础设施、公共服务、发展环境、生态建设的短板弱项。（责任单位：区发改委、区交通运输局、区农业农村水利局、区教体局、区民政局、区人社局、区住建局、区林业局、区文旅局、区生态环境局、区医保局、区教体局、区财政局、各乡镇〔街道〕）',
    units: [
      'development-reform',
      'transport',
      'agri-water',
      'education-sports',
      'civil-affairs',
      'human-resources',
      'housing',
      'forestry',
      'culture-tourism',
      'ecology-environment',
      'medical-insurance',
      'finance',
      'townships',
    ],
    parent: '2',
  },
  {
    id: '2.4',
    label: '二（四）',
    heading: { zh: '金融保险', en: 'Finance and insurance' },
    text: '（四）加强金融保险支持。加大对重点村基础设施、公共服务、生态保护等领域信贷投放，创新金融帮扶产品和服务模式，发挥信贷政策助推作用，拓展贷款担保方式，在贷款准入、利率、期限等方面，对重点村给予更加优惠的政策支持。适当延长扶贫小额信贷贴息和风险补偿金等政策，允许新增贷款、续贷展期贷款在过渡期内继续给予贴息和纳入风险补偿。鼓励脱贫地区开发特色产业险种，推广发展价格保险、产量保险、“保险+期货”等新险种，扩大涉农保险保障范围，提升重点村保险服务质量，发挥“防贫保”、“农房保”等保险作用，推动保险资金支持重点村乡村振兴。（责任单位: 区工信局、各乡镇〔街道〕）',
    units: ['industry-it', 'townships'],
    parent: '2',
  },
  {
    id: '2.5',
    label: '二（五）',
    heading: { zh: '土地政策', en: 'Land policy' },
    text: '（五）加强土地政策支持。新增建设用地指标优先保障重点村乡村振兴需要，土地增减挂钩节余指标区域内调剂收益优先用重点村。调整优化重点村村庄用地布局，有效利用零星分散的存 量建设用地用于支持新产业新业态和返乡下村创业。（责任单位: 区自然资源局、区财政局、各乡镇〔街道〕）',
    units: ['natural-resources', 'finance', 'townships'],
    parent: '2',
  },
  {
    id: '2.6',
    label: '二（六）',
    heading: { zh: '各方力量', en: 'Support from all sectors' },
    text: '（六）加强各方力量支持。加强重点村定点帮扶，落实定点帮扶工作责任，向重点村选派驻村第一书记和工作队员，加大资金、项目、技术、人才等方面的帮扶。建立健全社会帮扶机制，组织民营企业开展“万企兴万村”行动。大力动员和引导社会力量、乡贤成功人士积极参与重点村乡村建设，为家乡建设“五美”乡村贡献力量。（责任单位：区委组织部、区乡村振兴局、区委统战部、区工商联、各乡镇〔街道〕）',
    units: ['org-dept', 'rural-revitalization', 'united-front', 'federation-commerce', 'townships'],
    parent: '2',
  },
];

/** Section 三: key tasks (重点工作). */
const keyTasks: Clause[] = [
  {
    id: '3.1',
    label: '三（一）',
    heading: { zh: '村庄规划', en: 'Village planning' },
    text: '（一）科学编制村庄规划。本着尊重群众意愿、立足现有基础、适当超前的原则，坚持人与环境和谐，贯穿生态理念，体现文化内涵，反映区域特色，在完成区级国土空间规划编制的基础上，明确村庄布局，衔接产业发展规划、生态环保规划，并根据村庄发展实际情况，科学分类，积极推进“多规合一”实用性村庄规划编制。力争2022年完成全区重点村村庄规划编制任务。保留乡村特色风貌，不搞千篇一律，不搞大拆大建，保护传统村落、历史文化名村、 红色名村，打造具有昌江区特色的秀美乡村。（责任单位:区自然资源局、区乡村振兴局、区农业农村水利局、区文旅局、各乡镇〔街道〕党委和政府）',
    units: ['natural-resources', 'rural-revitalization', 'agri-water', 'culture-tourism', 'township-party-gov'],
    parent: '3',
  },
  {
    id: '3.2',
    label: '三（二）',
    heading: { zh: '特色产业', en: 'Specialty industries' },
    text: '（二）发展壮大乡村特色产业。依托乡村特色优势资源，拓展乡村特色产业，培育知名特色品牌，尊重市场和产业发展规律，提髙产业市场竞争力和抗风险能力。强化产业发展后续帮扶及政策支持，着力实施特色种养业提升行动，大力培育“一村一品”，打造脱贫地区乡村产业发展新高地。推进一二三产业融合发展，畅通农产品流通产业链，围绕产业发展需求，深入推行科技特派员制度,选派科技人员开展科技服务，积极推动人才下沉、科技下乡、服务“三农”。持续实施消费帮扶，加快农村电商发展，推进电子商务进农村、信息进村入户和“互联网+农产品”出村进城，扩大特色农产品上行。至2025年，重点村有一个以上特色产业，有条件的村建成一个电商快递综合站。（责任单位：区农业农村水利局、区林业局、 区科技局、区发改委、区商务局、区文旅局、区供销合作社、区工商联、各乡镇〔街道〕）',
    units: [
      'agri-water',
      'forestry',
      'science-tech',
      'development-reform',
      'commerce',
      'culture-tourism',
      'supply-marketing-coop',
      'federation-commerce',
      'townships',
    ],
    parent: '3',
  },
  {
    id: '3.3',
    label: '三（三）',
    heading: { zh: '基础设施', en: 'Infrastructure' },
    text: '（三）加快推进基础设施建设。继续加大对基础设施建设的支持力度，大力实施乡村道路畅通工程、供水保障工程、乡村清洁能源建设工程、数字乡村建设发展工程。改造升级村庄道路，大力推进“四好农村路”高质量发展，加强资源路、产业路、旅游路和村内主干道建设，推进公路项目更多向进村入户倾斜。切实保障农村供水安全，推进城乡供水一体化建设，加快提高农村自来水普及率，到2025年，重点村自来水普及率达到90%,确保饮水水质达到国家规定标准。加强农村防洪、灌溉等中小型水利工程建设，有效改善河流生态和生产生活环境。实施乡村清洁能源建设工程，巩固提升农村电网保障服务水平，推进燃气下乡入村，有序推动农村能源消费向多元化、清洁化、低碳化转型。实施数字乡村建设发展工程，大力发展智慧农业和建设数字乡村，深化农村宽带网络覆盖，加快5G、千兆光网、移动物联网向有条件、有需求的农村及偏远地区延伸，实现“双千兆"网络覆盖80%以上行政村。加快建设乡村物流体系，完善流通骨干网络，健全乡村双向物流配送体系，改造提升农村寄递物流基础设施，到2025年，有需求的重点村建有一个快递服务网点。加强村级客运站点、文化体育、公共照明等服务设施建设。（责任单位：区乡村振兴局、区农业农村水利局、区交通运输局、区商务局、区文旅局、区供销合作社、区电力公司、各乡镇〔街道〕）',
    units: [
      'rural-revitalization',
      'agri-water',
      'transport',
      'commerce',
      'culture-tourism',
      'supply-marketing-coop',
      'power-company',
      'townships',
    ],
    parent: '3',
  },
  {
    id: '3.4',
    label: '三（四）',
    heading: { zh: '人居环境', en: 'Living environment' },
    text: '（四）扎实推进农村人居环境整治提升五年行动。分类有序推进农村厕所革命,2021年完成现有户厕问题摸排，因施工不到位、 产品质量不过关等导致的问题厕所，力争2021年底前全部完成整改；因技术模式不适宜等导致的问题厕所，明确时间表和线路图，逐步整改。加强无厕户、旱厕户改造提升，到2025年，重点村农村卫生厕所基本普及，厕所粪污基本得到处理。统筹农村改厕和污水、黑臭水体治理，因地制宜梯次推进农村生活污水治理。全面提升生活垃圾处理水平，巩固完善“户分类、村收集、乡转运、区域处理”生活垃圾收运处置体系，到2025年，农村生活垃圾收运处置体系基本实现全覆盖。全面提升村容村貌，按照精心规划、精致建设、精细管理、精美呈现“四精”要求，大力开展村庄整治建设，整治公共空间和庭院环境，完善村庄水电路等基础设施，加强环境日常管护，到2025年，基本完成宜居不迁并村庄整治建设和庭院整治，村容村貌全面提升，打造一批美丽宜居村庄、美丽庭院。深入推进村庄清洁和绿化行动，加快推动村庄从干净整洁向美丽宜居升级，为乡村全面振兴夯实环境基础。全面落实“五定包干”村庄环境长效管护机制罗确保每个重点村长效管护工作有专项经费、专业队伍、专门制度，建设并有效运行集“投诉、反馈、整改、监督、便捷”为 一体的“万村码上通”5G+长效管护平台，推动基层干部群众积极参与村庄环境管护监督，到2025年，所有重点村全部纳入平台监管。（责任单位：区农业农村水利局、区乡村振兴局、区生态环境局、区住建局、区卫健委、各乡镇〔街道〕）',
    units: ['agri-water', 'rural-revitalization', 'ecology-environment', 'housing', 'health', 'townships'],
    parent: '3',
  },
  {
    id: '3.5',
    label: '三（五）',
    heading: { zh: '公共服务', en: 'Public services' },
    text: '（五）着力提高公共服务质量。提高农村教育质量，优化农村义务教育学校网点布局，保留并办好必要的乡村小规模学校，实施学前教育质量提升计划，到2025年基本普及农村学前教育。实施定向培养乡村教师计划，培养“一专多能”农村小学教师。全面推进健康乡村建设,提升村卫生室标准化建设和健康管理水平，推动乡村医生向执业（助理）医师转变，采取派驻、巡诊等方式提高基层卫生服务水平。加强妇幼、老年人、残疾人等重点人群健康服务。完善统一的城乡居民基本医疗保险制度，推动社会救助制度城乡统筹。加强对农村留守儿童和妇女、老年人、残疾人以及困境儿童的关爱服务。深化“党建+农村养老服务”，建立健全区乡村衔接的三级农村养老服务网络，强化农村特困人员供养服务设施建设管理，推进农村互助养老服务可持续运营发展。提升改造农村公益性殡葬设施。提高村级综合服务能力，加强村级综合服务设施建设，建立集党务、村务、政务和社会服务于一体的村级综合服务平台，积极拓展和有效提升综合服务中心功能及信息化水平，大力开展便民服务、农业服务、医疗服务、党建服务等公共社会服务。（责任单位：区教体局、区民政局、区卫健委、区农业农村水利局、区文旅局、区医保局、区妇联、区残联、各乡镇〔街道〕）',
    units: [
      'education-sports',
      'civil-affairs',
      'health',
      'agri-water',
      'culture-tourism',
      'medical-insurance',
      'womens-federation',
      'disabled-federation',
      'townships',
    ],
    parent: '3',
  },
  {
    id: '3.6',
    label: '三（六）',
    heading: { zh: '乡村治理', en: 'Rural governance' },
    text: '（六）努力构建现代乡村治理体系。加快构建党组织领导的自治法治德治相结合的乡村治理体系。以基层党建标准化规范化信息化建设为主抓手，加强重点村党组织建设,持续整顿软弱涣散村党组织，提升基层党组织政治功能和组织力。提升乡村治理效能，构建党员示范引领，村民理事会、妇女小组长、志愿服务队等村民自治组织共同参与的多元共治体系，推进村委会规范化建设和党务、村务、财务公开“阳光工程”，发挥村民监督作用。开展农村法治宣传教育，巩固深化农村“法律明白人”培养工程。持续推进平安乡村建设，加快农村“雪亮工程”建设，进一步完善社会治安防控体系，加强乡村调解平台和调解队伍建设，推进农村网格化服务管理，做好对自然灾害、公共卫生、安全隐患等重大风险评估、监测预警、应急处置。（责任单位:区委农办、区农业农村水利局、区委宣传部、 区乡村振兴局、区委组织部、区委政法委、区公安局、区民政局、区司法局、区应急管理局、各乡镇〔街道〕）',
    units: [
      'rural-work-office',
      'agri-water',
      'publicity-dept',
      'rural-revitalization',
      'org-dept',
      'political-legal',
      'public-security',
      'civil-affairs',
      'justice',
      'emergency',
      'townships',
    ],
    parent: '3',
  },
  {
    id: '3.7',
    label: '三（七）',
    heading: { zh: '精神文明', en: 'Cultural and ethical progress' },
    text: '（七）切实强化新时代精神文明建设。以新时代文明实践中心（站、所）为阵地，弘扬和践行社会主义核心价值观。深入开展“听党话、感党恩、跟党走”宣讲活动，推行善行义举爱心积分制和志愿服务激励机制，开展文明村镇、文明家庭、身边好人评比选树活动，选树一批文明村镇和星级文明信用户。大力弘扬优良传统礼俗, 常态长效抓好殡葬改革，深入推进婚丧领域移风易俗，有效遏制高价彩礼、厚葬薄养、铺张浪费等不良风气。整治偷盗、赌博等不良风气，推动形成文明乡风、良好家风、淳朴民风。采取地方戏剧排演、送戏下乡、电影下乡、广场舞蹈队等多种方式丰富村民业余生活。（责任单位：区委宣传部、区文明办、区委农办、区农业农村水利局、 区乡村振兴局、区民政局、区文旅局、各乡镇〔街道〕党委和政府）',
    units: [
      'publicity-dept',
      'civilization-office',
      'rural-work-office',
      'agri-water',
      'rural-revitalization',
      'civil-affairs',
      'culture-tourism',
      'township-party-gov',
    ],
    parent: '3',
  },
];

/** Section 四: safeguards (保障措施). */
const safeguards: Clause[] = [
  {
    id: '4.1',
    label: '四（一）',
    heading: { zh: '组织领导', en: 'Organizational leadership' },
    text: '（一）加强组织领导。加强党对“三农”工作的全面领导，压实各级书记抓巩固拓展脱贫攻坚成果和乡村振兴工作责任。健全“省负总责、市县抓落实、乡镇推进实施”的工作体制，完善工作机制，明确责任分工，制定配套政策。加强部门统筹协调和沟通衔接，细化支持政策，形成工作合力。继续发挥民主党派参与乡村振兴工作的监督作用，确保乡村振兴各项工作取得实效。',
    units: [],
    parent: '4',
  },
  {
    id: '4.2',
    label: '四（二）',
    heading: { zh: '监测帮扶', en: 'Monitoring and assistance' },
    text: '（二）强化监测帮扶。重点村要常态化开展防止返贫动态监测和帮扶工作，通过农户自主申报、基层干部排查、部门筛查预警方式，严格落实公告公示和民主评议等要求，及早发现易返贫致贫人口，按照“缺什么补什么”的原则，及时开展针对性帮扶，对监测对象风险稳定消除的进行系统标注，坚决守住防止规模性返贫的底线。',
    units: [],
    parent: '4',
  },
  {
    id: '4.3',
    label: '四（三）',
    heading: { zh: '监督检查', en: 'Supervision and inspection' },
    text: '（三）严格监督检查。将重点村乡村振兴工作纳入巩固脱贫成果同乡村振兴衔接监督检查范围，对工作不严不实、弄虚作假的, 严格执行监督执纪问责，坚决克服工作中的形式主义、官僚主义, 严肃查处腐败和作风问题。',
    units: [],
    parent: '4',
  },
  {
    id: '4.4',
    label: '四（四）',
    heading: { zh: '内生动力', en: 'Endogenous motivation' },
    text: '（四）激发内生动力。坚持群众主体地位,广泛依靠农民、教育引导农民、组织带动农民，激发村级组织和群众建设美好家园的内生动力。加大以工代赈、以奖代补等实施力度，动员更多群众投工投劳。坚持扶智扶志结合，提升群众自我发展能力，激发乡贤及成功人士积极参与家乡乡村振兴大业。充分发挥各种宣传媒体作用，及时总结宣传推广重点村乡村振兴好经验好做法，发挥榜样力量和示范引领作用。',
    units: [],
    parent: '4',
  },
];

/**
 * A section clause (一、二、…) followed by its subclauses. The section's text is its heading
 * line as printed (label and heading, e.g. 一、总体要求) followed by the texts of its subclauses.
 */
function section(id: string, label: string, heading: LocalizedText, subclauses: Clause[]): Clause[] {
  const text = [`${label}${heading.zh}`, ...subclauses.map((clause) => clause.text)].join('\n');
  return [{ id, label, heading, text, units: [] }, ...subclauses];
}

/** The annex (附件): the list of key assistance villages (重点帮扶村名单). */
const annex: Clause = {
  id: 'annex',
  label: '附件',
  heading: { zh: '重点帮扶村名单', en: 'List of key assistance villages' },
  text: [
    '附件：',
    '昌江区“十四五”区定乡村振兴',
    '重点帮扶村名单',
    '经研究决定，昌江区鲇鱼山镇、丽阳镇共2个村为“十四五”区定乡村振兴重点帮扶村。其中：',
    '1.鲇鱼山镇1个',
    '留阳村',
    '2.丽阳镇1个',
    '江联村',
  ].join('\n'),
  units: [],
};

/** Every clause of the plan in document order: each section, then its subclauses; the annex last. */
export const clauses: Clause[] = [
  ...section('1', '一、', { zh: '总体要求', en: 'General requirements' }, generalRequirements),
  ...section('2', '二、', { zh: '支持政策', en: 'Support policies' }, supportPolicies),
  ...section('3', '三、', { zh: '重点工作', en: 'Key tasks' }, keyTasks),
  ...section('4', '四、', { zh: '保障措施', en: 'Safeguards' }, safeguards),
  annex,
];

/** The responsible units a clause lists, lead unit first. */
export function unitsOf(clauseId: string): string[] {
  const clause = clauses.find((candidate) => candidate.id === clauseId);
  if (!clause) throw new Error(`changjiang-2021: no clause ${clauseId}`);
  return [...clause.units];
}

/**
 * Some of a clause's units for one target, lead first: the library's reading of which of the
 * units the clause lists carry the target (the seed lists units per clause, not per target).
 */
export function unitsFrom(clauseId: string, ...ids: string[]): { units: string[]; unitsAssumption: true } {
  const listed = unitsOf(clauseId);
  const other = ids.find((id) => !listed.includes(id));
  if (other) throw new Error(`changjiang-2021: clause ${clauseId} does not list unit ${other}`);
  return { units: ids, unitsAssumption: true };
}
