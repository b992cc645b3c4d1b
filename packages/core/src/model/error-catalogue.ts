/**
 * The error catalogue (错误码目录): every code ruralkit raises or answers with, once, with its
 * HTTP status, the CLI's exit code and a short title in Chinese and English. The HTTP service's
 * problem statuses and titles and the CLI's exit codes are read from here; an error's own text
 * says what went wrong in its case, the title names the kind.
 */
import { deepFreeze } from './freeze.js';
import type { LocalizedText } from './schema.js';

/** One code's entry: the HTTP status it answers, the CLI's exit code, its title. */
export interface ErrorEntry {
  status: number;
  /** 2: bad usage, input or environment; 70: a fault of ruralkit (`internal`). */
  exit: 2 | 70;
  title: LocalizedText;
}

const entry = (status: number, zh: string, en: string, exit: 2 | 70 = 2): ErrorEntry => ({
  status,
  exit,
  title: { zh, en },
});

export const ERROR_CATALOGUE = deepFreeze({
  // requests and usage
  usage: entry(400, '用法有误', 'invalid usage'),
  'invalid-request': entry(400, '请求有误', 'invalid request'),
  'invalid-query': entry(400, '查询参数有误', 'invalid query parameter'),
  'invalid-json': entry(400, '请求体不是有效的 JSON', 'the body is not valid JSON'),
  'not-found': entry(404, '没有此路径', 'no such path'),
  'not-acceptable': entry(406, '无法提供所要求的格式', 'cannot answer in an accepted format'),
  'payload-too-large': entry(413, '请求体过大', 'request body too large'),
  'uri-too-long': entry(414, '路径过长', 'path too long'),
  'unsupported-media-type': entry(415, '不支持的内容类型', 'unsupported content type'),
  'rate-limited': entry(429, '请求过于频繁', 'too many requests'),
  // who asks
  unauthenticated: entry(401, '未认证', 'not authenticated'),
  'invalid-token': entry(401, '令牌无效', 'invalid token'),
  'token-expired': entry(401, '令牌已过期', 'token expired'),
  'invalid-principal': entry(422, '主体无效', 'invalid principal'),
  'out-of-scope': entry(403, '超出管辖范围', 'out of scope'),
  'other-tenant': entry(404, '没有此实例', 'no such instance'),
  forbidden: entry(403, '无权发送此事件', 'not allowed to send this event'),
  // plans, input and plugins
  'unknown-plan': entry(404, '未知方案', 'unknown plan'),
  'invalid-input': entry(422, '输入数据有误', 'invalid input'),
  'invalid-spreadsheet': entry(422, '表格数据有误', 'invalid spreadsheet'),
  'invalid-plugin': entry(400, '插件有误', 'invalid plugin'),
  'invalid-condition': entry(400, '条件有误', 'invalid condition'),
  UNDEFINED_FACT: entry(422, '缺少事实', 'undefined fact'),
  FACT_FUNCTION: entry(422, '事实函数出错', 'a fact function failed'),
  'invalid-scenario': entry(422, '场景文件有误', 'invalid scenario file'),
  // workflows
  'unknown-workflow': entry(404, '未知流程类型', 'unknown workflow type'),
  'unknown-instance': entry(404, '没有此实例', 'no such instance'),
  'invalid-subject': entry(422, '对象有误', 'invalid subject'),
  'unknown-event': entry(422, '未知事件', 'unknown event'),
  'not-allowed-in-state': entry(409, '当前状态不接受此事件', 'event not accepted in this state'),
  'invalid-payload': entry(422, '事件内容有误', 'invalid event payload'),
  guard: entry(409, '条件未满足', 'conditions not met'),
  'plan-mismatch': entry(409, '方案不一致', 'plan mismatch'),
  'machine-version': entry(409, '流程版本不一致', 'machine version mismatch'),
  conflict: entry(409, '实例已被他人更新', 'the instance was changed by another writer'),
  'precondition-failed': entry(412, '实例版本已变化', 'the instance version has changed'),
  'idempotency-key-reused': entry(409, '幂等键已用于另一请求', 'the idempotency key was used for another request'),
  'personal-data-changed': entry(409, '个人数据已变化', 'personal data changed'),
  // the audit, keys and the service's parts
  'audit-broken': entry(500, '审计链被破坏', 'the audit chain is broken'),
  'invalid-checkpoint': entry(400, '检查点有误', 'invalid checkpoint'),
  'invalid-key-file': entry(400, '密钥文件有误', 'invalid key file'),
  'invalid-token-key': entry(400, '令牌密钥有误', 'invalid token key'),
  'invalid-token-lifetime': entry(400, '令牌有效期有误', 'invalid token lifetime'),
  'invalid-ticker': entry(400, '定时器设置有误', 'invalid ticker settings'),
  'invalid-maintenance': entry(400, '维护设置有误', 'invalid maintenance settings'),
  'relay-destination': entry(400, '投递目标有误', 'invalid relay destination'),
  'relay-webhook-secret': entry(400, '回调密钥有误', 'invalid webhook secret'),
  unavailable: entry(503, '服务暂不可用', 'service unavailable'),
  internal: entry(500, '内部错误', 'internal error', 70),
}) satisfies Record<string, ErrorEntry>;

/** A code of the catalogue. */
export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/** The entry of `code`; undefined for a code the catalogue lacks (a test keeps there being none). */
export function errorEntry(code: string): ErrorEntry | undefined {
  return Object.hasOwn(ERROR_CATALOGUE, code) ? ERROR_CATALOGUE[code as ErrorCode] : undefined;
}
