/** 流程消息的中文措辞 / the workflows' words in Chinese. */
import type { WordsOf } from '../../model/message.js';
import type { EntryRef, IssueFacts, Place, WorkflowMessages } from './messages.js';

const place = (where: Place) => ('instance' in where ? `实例 ${where.instance}` : `新的 ${where.newOf} 实例`);
const state = (value: string | null) => value ?? '（未开始）';
const IDENTIFIER = { 'id-number': '身份证号', phone: '手机号', 'bank-card': '银行卡号' } as const;
const LEVEL = { township: '乡镇', village: '村', household: '农户' } as const;

const entry = (e: EntryRef) => `#${e.seq} (${e.instance ?? '-'} ${e.event})`;
const checkpoint = (c: { seq: number; at: string }) => `${c.at} 的检查点 #${c.seq}`;

/** What a zod issue says, in Chinese. */
function issue(facts: IssueFacts): string {
  const bound = (value: number | string | undefined) => String(value ?? '');
  switch (facts.code) {
    case 'invalid_type':
      return facts.expected === 'undefined' ? '不应出现' : `应为 ${facts.expected}`;
    case 'too_small':
      if (facts.origin === 'string') return `至少 ${bound(facts.minimum)} 个字符`;
      if (facts.origin === 'array' || facts.origin === 'set') return `至少 ${bound(facts.minimum)} 项`;
      return `应${facts.inclusive === false ? '大于' : '不小于'} ${bound(facts.minimum)}`;
    case 'too_big':
      if (facts.origin === 'string') return `至多 ${bound(facts.maximum)} 个字符`;
      if (facts.origin === 'array' || facts.origin === 'set') return `至多 ${bound(facts.maximum)} 项`;
      return `应${facts.inclusive === false ? '小于' : '不大于'} ${bound(facts.maximum)}`;
    case 'invalid_value':
      return `应为 ${(facts.values ?? []).map((v) => JSON.stringify(v)).join('、')} 之一`;
    case 'unrecognized_keys':
      return `不认识的键 ${(facts.keys ?? []).join('、')}`;
    case 'invalid_format':
      return `格式应为 ${facts.format}`;
    case 'not_multiple_of':
      return `应为 ${facts.divisor} 的倍数`;
    default:
      return facts.code === 'custom' && facts.text ? facts.text : `值无效（${facts.code}）`;
  }
}

export const zh: WordsOf<WorkflowMessages> = {
  'refusal.scope': (p) => `${place(p.place)}：不允许 ${p.actor} 发送 ${p.event}`,
  'refusal.unknown-event': (p) => `${place(p.place)}：${p.workflow} 没有事件 ${p.event}`,
  'refusal.not-allowed-in-state': (p) => `${place(p.place)} 在状态 ${state(p.state)} 不接受事件 ${p.event}`,
  'refusal.forbidden': (p) =>
    `${place(p.place)}：${p.actor}（角色 ${p.roles.join('、') || '无'}）无权在状态 ${state(p.state)} 发送 ${p.event}`,
  'refusal.forbidden-payload': (p) => `${place(p.place)}：${p.actor} 不能以此 payload 发送 ${p.event}`,
  'refusal.key-name-identifier': (p) => `${place(p.place)}：事件 ${p.event} 的 payload 键名含有个人标识`,
  'refusal.invalid-payload': (p) => `${place(p.place)}：事件 ${p.event} 的 payload 有误`,
  'refusal.personal-data': (p) => `${place(p.place)}：事件 ${p.event} 的 payload 含有不能如此保存的个人信息`,
  'refusal.guard': (p) => `${place(p.place)} 在状态 ${state(p.state)} 现在不能接受 ${p.event}`,
  'scope.other-tenant': (p) => `主体 ${p.principal} 属于租户 ${p.principalTenant}，该实例属于 ${p.tenant}`,
  'scope.out-of-scope': (p) => `主体 ${p.principal} 的${LEVEL[p.level]}为 ${p.theirs}，该实例的对象为 ${p.ours}`,
  'identifier.in-id': (p) =>
    `含有${IDENTIFIER[p.kind]}（不予回显）：标识与键名会被保存和审计，不得使用身份证号、手机号或银行卡号`,
  'identifier.in-key-name': (p) =>
    `${p.field}（键名）含有${IDENTIFIER[p.kind]}（不予回显）：标识与键名会被保存和审计，不得使用身份证号、手机号或银行卡号`,
  'identifier.in-text': (p) =>
    `${p.field} 含有${IDENTIFIER[p.kind]}（不予回显）：自由文本中不得填写身份证号、手机号或银行卡号`,
  'payload.issue': (p) => `${p.field}：${issue(p.issue)}`,
  'payload.check': (p) => `${p.field}：${p.check}`,
  'privacy.no-keyring': (p) =>
    `${p.field} 是个人信息，本运行时未配置个人信息密钥库：请以 createRuntime({ keys }) 或命令行 --keys FILE 配置`,
  'privacy.identifier-in': (p) => `${p.event} 的 ${p.field} 含有不应出现的个人标识`,
  'privacy.sealed-changed': (p) => `个人信息密文（${p.sealed}，密钥 ${p.key}）无法解密：存储中的数据被改动`,
  'erasure.refused': (p) => `不能删除 ${p.owner} 的个人信息`,
  'erasure.supervisor-only': () => '删除个人信息须由 supervisor 角色执行',
  'erasure.no-keyring': () => '本运行时未配置个人信息密钥库：请以 createRuntime({ keys }) 或命令行 --keys FILE 配置',
  'principal.invalid': (p) => `${p.where}：actor 不是有效的主体`,
  'where.instance': (p) => `实例 ${p.instance}`,
  'where.new-instance': (p) => `新的 ${p.workflow} 实例`,
  'where.search': () => '实例检索',
  'where.tasks': () => '待办',
  'where.erasure': () => '删除个人信息',
  'subject.invalid': (p) => `对象有误：${p.problem}`,
  'subject.village-missing': () => '缺少 village',
  'subject.identifier': () => '标识含有个人标识',
  'subject.township-missing': (p) => `村 ${p.village} 不在方案的重点村中，须给出 township`,
  'subject.household-required': (p) => `${p.workflow} 的对象须为农户（household）`,
  'subject.village-only': (p) => `${p.workflow} 的对象是村，不是农户`,
  'migration.refused': (p) => `实例 ${p.instance} 不能迁移`,
  'migration.supervisor-only': () => '迁移须由 supervisor 角色执行',
  'migration.hint': () => '请先以 migrate 显式迁移该实例',
  'migration.machine-version': (p) => `实例 ${p.instance} 的流程版本为 ${p.version}，本运行时为 ${p.runtime}`,
  'migration.plan': (p) => `实例 ${p.instance} 按方案 ${p.pinned} 启动，本运行时的方案为 ${p.runtime}`,
  'migration.missing-step': (p) => `没有 ${p.workflow} 从版本 ${p.from} 到 ${p.to} 的迁移`,
  'instance.unknown': (p) => `没有实例 ${p.instance}`,
  'instance.conflict': (p) => `实例 ${p.instance} 已被他人更新（预期版本 ${p.expected}），请重新读取后重试`,
  'instance.stale': (p) => `实例 ${p.instance} 当前为版本 ${p.current}，不是指定的版本 ${p.expected}，请重新读取`,
  'error.allowed-now': () => '现在可以发送',
  'error.none': () => '无',
  'idempotency.key-invalid': (p) => `事件 ${p.event} 的 idempotencyKey 须为 1 至 200 个字符的字符串，不含控制字符`,
  'idempotency.key-reused': () => '该幂等键已用于另一请求（事件类型、payload 或对象不同），不能重复使用',
  'runtime.other-store': () => 'createRuntime 的 maintenance 属于另一个存储：请用同一存储创建',
  'runtime.no-public-notice': (p) => `实例 ${p.instance} 是 ${p.workflow}，只有 ${p.noticed.join('、')} 有公示信息`,
  'maintenance.foreign': () => 'maintenance 不是 createMaintenance 创建的',
  'maintenance.other-tenant': (p) => `此运维限于租户 ${p.scope}，不能处理租户 ${p.tenant}`,
  'maintenance.no-private-key': () =>
    '没有签检查点的私钥：请给出私钥，或以 createMaintenance({ auditKey }) 配置审计密钥',
  'ticker.invalid-ms': (p) => `定时器的 ${p.name} 应为正整数毫秒（得到 ${p.value}）`,
  'registry.plugin-workflows-missing': (p) =>
    `方案 ${p.plan} 的插件流程 ${p.missing.join('、')} 的定义不在此对象上：请使用 resolvePlan 返回的方案本身`,
  'registry.type-twice': (p) => `流程类型 "${p.type}" 登记了两次`,
  'registry.unknown-workflow': (p) => `未知流程类型 "${p.type}"，可用：${p.known.join('、')}`,
  'definition.not-object': () => '流程定义须为对象',
  'definition.type': (p) => `type ${p.problem}`,
  'definition.name': () => 'name 须有 zh 和 en',
  'definition.version': () => 'version 须为正整数',
  'definition.machine': () => '缺少 machine（XState 状态机）',
  'definition.start-event': () => 'startEvent 须为 events 中的事件',
  'definition.not-list': (p) => `${p.key} 须为列表`,
  'definition.blockers': () => '缺少 blockers 或 effects',
  'definition.household-subject': () => 'householdSubject 须为 required、optional 或 none',
  'value.not-string': () => '应为字符串',
  'query.invalid': (p) => `查询参数 ${p.name} 有误：${p.problem}`,
  'query.reason': (p) => `${p.name}：${p.problem}`,
  'query.boolean': () => '应为 true 或 false',
  'query.not-object': () => '查询须为对象',
  'query.unknown-types': (p) => `未知流程类型 ${p.named.join('、')}；可用：${p.known.join('、')}`,
  'query.cursor': () => '游标无效：请使用上一页返回的 next',
  'query.limit': (p) => `应为 1 到 ${p.max} 的整数`,
  'query.list': () => '应为至多 50 个字符串的列表',
  'query.date': () => '应为日期 YYYY-MM-DD',
  'query.instant': () => '应为日期 YYYY-MM-DD 或带时区的 ISO 8601 时间',
  'checkpoint.not-ed25519': (p) => `${p.kind === 'private' ? '私钥' : '公钥'}不是 Ed25519 密钥（得到 ${p.got}）`,
  'checkpoint.bad-line': (p) => `${p.file} 第 ${p.line} 行不是审计检查点 {tenant, seq, headHash, at, keyId, signature}`,
  'audit.broken': (p) => `${p.problem}：请运行 \`ruralkit workflow verify\` 核验审计链`,
  'audit.head-behind': (p) =>
    `租户 ${p.tenant} 的审计链头${p.head > 0 ? `（#${p.head}）落后于` : '缺失，而已有'}审计记录 #${p.last}，未写入任何内容`,
  'audit.row-not-json': (p) => `租户 ${p.tenant} 的审计记录 #${p.seq} 不是有效的 JSON`,
  'audit.in-tenant': (p) => `租户 ${p.tenant}：${p.problem}`,
  'audit.entry-missing': (p) => `审计记录 #${p.seq} 缺失（已被删除）`,
  'audit.entries-missing': (p) => `审计记录 #${p.from} 至 #${p.to} 缺失（已被删除）`,
  'audit.entry-reordered': (p) => `审计记录 ${entry(p.entry)} 顺序错乱`,
  'audit.entry-unchained': (p) => `审计记录 ${entry(p.entry)} 的前一哈希不符：前一条记录被改动`,
  'audit.entry-changed': (p) => `审计记录 ${entry(p.entry)} 的内容被改动`,
  'audit.head-mismatch': (p) =>
    `审计记录 #${p.seq} 与记录的链头（#${p.head}）不符：链头被改写，或记录被改动后重新计算了哈希`,
  'audit.head-row-missing': (p) => `审计链头记录缺失（最后一条记录为 #${p.last}）：最新的记录可能已连同链头一起被删除`,
  'audit.checkpoints-table-gone': () =>
    '检查点表 audit_checkpoints 不存在：它被删除了（签名检查点随之丢失，请以导出的检查点文件核验）',
  'audit.entry-not-json': (p) => `审计记录 #${p.seq} 不是有效的 JSON`,
  'audit.entry-not-as-written': (p) =>
    `审计记录 #${p.seq} 不是写入时的格式（键重复、顺序或空白被改动）：数据库查询与核验读到的内容可能不同`,
  'audit.entries-swapped': (p) => `审计记录 #${p.a} 与 #${p.b} 被互换`,
  'audit.entry-moved': (p) => `第 #${p.row} 行存放的是审计记录 #${p.seq}：记录被移动`,
  'audit.column-changed': (p) =>
    `审计记录 #${p.seq} 的列 ${p.column} 为 ${JSON.stringify(p.stored)}，记录本身为 ${JSON.stringify(p.recorded)}：该列被改动`,
  'audit.checkpoint-unreadable': (p) => `存储的检查点不可读：${p.text}`,
  'audit.checkpoint-forged': (p) =>
    `${checkpoint(p)} 的签名无效（密钥 ${p.key}，或该密钥在签名时不在使用期内）：检查点是伪造或被改动的`,
  'audit.chain-cut': (p) =>
    `${p.first === p.seq ? `审计记录 #${p.seq} 缺失` : `审计记录 #${p.first} 至 #${p.seq} 缺失`}：链被截短到已签名的${checkpoint(p)}之前（已删除）`,
  'audit.checkpoint-mismatch': (p) =>
    `审计记录 #${p.seq} 与已签名的${checkpoint(p)}不符：#${p.from} 至 #${p.seq} 之间的记录被改动后重新计算了哈希`,
  'audit.entry-unsigned': (p) => `审计记录 ${entry(p.entry)} 没有签名，而此前的记录已签名：它是被直接写入数据库的`,
  'audit.signature-invalid': (p) => `审计记录 ${entry(p.entry)} 的签名无效（密钥 ${p.key}）：记录被伪造或改动`,
  'audit.instance': (p) => `实例 ${p.instance}：${p.problem}`,
  'audit.instance-not-json': () => '存储的记录不是有效的 JSON',
  'audit.instance-changed': (p) => `与审计记录 #${p.seq} 记下的状态不符：记录在此之后被改动`,
  'audit.instance-inserted': () => '没有任何审计记录记下它：该行是被插入的',
  'audit.instance-column-changed': (p) =>
    `列 ${p.column} 为 ${JSON.stringify(p.stored)}，记录本身为 ${JSON.stringify(p.recorded)}：该列被改动`,
  'audit.instance-missing': (p) => `实例 ${p.instance}（审计记录 #${p.seq} 记下的）缺失：该行被删除或移走`,
  'audit.event-unmatched': (p) =>
    `领域事件 #${p.id}（${p.type}，实例 ${p.instance}）与任何审计记录都不符：该行被改动或插入`,
  'audit.event-not-json': (p) => `领域事件 #${p.id} 不是有效的 JSON`,
  'audit.event-missing': (p) => `审计记录 #${p.seq} 发出的一个领域事件缺失：该行被删除或改动`,
  'audit.checkpoint-refused': (p) => `审计链已被破坏，不签检查点：${p.problem}`,
};
