/** 服务消息的中文措辞 / the service's words in Chinese. */
import type { WordsOf } from '@ruralkit/core';
import type { HttpMessages } from './messages.js';

const MAKE_A_KEY = '请用 ruralkit keygen --jwt --out jwt.pem 生成密钥对，把公钥 jwt.pem.pub 交给服务';

export const zh: WordsOf<HttpMessages> = {
  'title.authentication-required': () => '需要身份认证',
  'title.token-expired': () => '令牌已过期',
  'title.internal': () => '服务内部错误',
  'title.invalid-path': () => '路径有误',
  'title.line-too-long': () => '行过长',
  'title.no-such-plan': () => '没有此方案',
  'title.plan-not-served': () => '实例的方案不在服务中',
  'title.base-plan-not-served': () => '基础方案不在服务中',
  'title.invalid-idempotency-key': () => 'Idempotency-Key 无效',
  'title.invalid-if-match': () => 'If-Match 无效',
  'title.not-allowed': () => '无权操作',
  'title.store-unavailable': () => '存储不可用',
  'auth.bearer-required': () => '请在 Authorization 头中提供 Bearer 令牌',
  'auth.no-key': () => '服务未配置令牌密钥或 JWKS，只开放健康检查与文档',
  'auth.header-format': () => 'Authorization 头须为 "Bearer <令牌>"',
  'auth.not-verified': () => '签名或声明未通过校验',
  'auth.no-expiry': () => '令牌缺少过期时间（exp 声明）',
  'auth.issued-in-future': ({ seconds }) => `令牌的签发时间（iat）晚于当前时间 ${seconds} 秒`,
  'auth.lifetime-too-long': ({ lifetime, max }) => `令牌有效期 ${lifetime} 秒，超过允许的最长 ${max} 秒`,
  'auth.invalid-claims': ({ fields }) => `令牌的声明有误：${fields.join(', ')}`,
  'token-key.file': ({ file, reason }) => `令牌密钥文件 ${file}：${reason}`,
  'token-key.unreadable': ({ code }) => `无法读取（${code}）`,
  'token-key.invalid-pem': () => '不是有效的 PEM 公钥',
  'token-key.not-a-key': () => `既不是 PEM 公钥，也不是 JWK 或 JWKS（JSON）；${MAKE_A_KEY}`,
  'token-key.private': () =>
    '是私钥：服务只接受公钥（如 ruralkit keygen --jwt 生成的 .pub 文件），私钥只留给签发令牌的一方',
  'token-key.shared-secret': () =>
    `是共享密钥（kty "oct"，HS256）：服务不接受文件中的共享密钥，因为能验证令牌的一方也能伪造令牌；${MAKE_A_KEY}`,
  'token-key.kty': ({ kty }) => `JWK 的 kty 应为 RSA、EC 或 OKP（得到 ${kty}）`,
  'token-key.invalid-jwk': ({ detail }) => `不是有效的 JWK：${detail}`,
  'token-key.lifetime': ({ lifetime, max }) => `令牌有效期应为 1–${max} 秒（得到 ${lifetime}）`,
  'token-key.cannot-sign': ({ type, curve }) =>
    `私钥类型 ${type}${curve ? `（${curve}）` : ''} 不能签发令牌：应为 Ed25519、P-256 或 RSA`,
  'request.invalid-part': ({ part, issue }) => `${part} 有误：${issue}`,
  'request.segment-too-long': ({ max }) => `路径中的一段超过 ${max} 个字符；编号最多 64 个字符`,
  'request.idempotency-key': () => '应为 1–200 个可见 ASCII 字符',
  'request.if-match': () => '应为实例的 ETag，如 "3"',
  'request.available-types': ({ types }) => `可用：${types.join('、')}`,
  'request.send-types': ({ types, got }) => `请以 ${types.join(' 或 ')} 发送（收到 ${got ?? '无'}）`,
  'request.rate-limited': ({ max, retryAfter }) => `每分钟最多 ${max} 次请求，请 ${retryAfter} 秒后再试`,
  'ndjson.line-too-long': ({ line, max }) => `第 ${line} 行超过 ${max} 字节`,
  'ndjson.line-not-json': ({ line }) => `第 ${line} 行不是有效的 JSON`,
  'plan.none': ({ key }) => `没有方案 "${key}"`,
  'plan.base': ({ id, hash }) => `基础方案 ${id}（${hash}）`,
  'plan.instance-not-served': ({ id, planHash }) => `实例 ${id} 按方案 ${planHash} 启动，本服务未提供该方案`,
  'instance.none': ({ id }) => `没有实例 ${id}`,
  'supervisor-only': ({ action }) => `${action} 须由 supervisor 角色执行`,
  // The operations by their English names, as the service has always said them.
  'action.tick': () => 'tick',
  'action.verify-audit-chain': () => 'verify the audit chain',
};
