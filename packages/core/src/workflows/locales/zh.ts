/** 流程消息的中文措辞 / the workflows' words in Chinese. */
import type { WordsOf } from '../../model/message.js';
import type { IssueFacts, Place, WorkflowMessages } from './messages.js';

const place = (where: Place) => ('instance' in where ? `实例 ${where.instance}` : `新的 ${where.newOf} 实例`);
const state = (value: string | null) => value ?? '（未开始）';
const IDENTIFIER = { 'id-number': '身份证号', phone: '手机号', 'bank-card': '银行卡号' } as const;
const LEVEL = { township: '乡镇', village: '村', household: '农户' } as const;

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
};
