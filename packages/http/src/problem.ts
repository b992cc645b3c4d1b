/**
 * Problem details (问题详情, RFC 9457): every error the service answers, with a stable `code`,
 * a title and detail in Chinese or English by `Accept-Language`, and what the library said
 * (every bad cell, every refused reason, the events allowed now).
 */
import {
  InputError,
  PluginError,
  StaleVersionError,
  WorkflowError,
  type InputIssue,
  type Lang,
  type LocalizedText,
} from '@ruralkit/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';

/** The stable problem codes, with their HTTP status. */
export const PROBLEM_STATUS = {
  'invalid-request': 400,
  'invalid-query': 400,
  'invalid-json': 400,
  unauthenticated: 401,
  'invalid-token': 401,
  'token-expired': 401,
  forbidden: 403,
  'out-of-scope': 403,
  'not-found': 404,
  'unknown-plan': 404,
  'unknown-instance': 404,
  'unknown-workflow': 404,
  'not-acceptable': 406,
  conflict: 409,
  'not-allowed-in-state': 409,
  guard: 409,
  'plan-mismatch': 409,
  'machine-version': 409,
  'idempotency-key-reused': 409,
  'precondition-failed': 412,
  'payload-too-large': 413,
  'uri-too-long': 414,
  'unsupported-media-type': 415,
  'invalid-input': 422,
  'invalid-spreadsheet': 422,
  'invalid-payload': 422,
  'invalid-subject': 422,
  'invalid-principal': 422,
  'unknown-event': 422,
  'rate-limited': 429,
  internal: 500,
  'audit-broken': 500,
  unavailable: 503,
} as const;
export type ProblemCode = keyof typeof PROBLEM_STATUS;

/** One located problem of an input, as the library reports it (a cell, a line, a key…). */
export const ProblemIssueSchema = z
  .object({
    path: z.array(z.union([z.string(), z.number()])),
    message: z.string(),
    subject: z.object({ type: z.string(), id: z.string() }).optional(),
    line: z.number().int().optional(),
    year: z.number().int().optional(),
    key: z.string().optional(),
    value: z.unknown().optional(),
    sheet: z.string().optional(),
    cell: z.string().optional(),
    header: z.string().optional(),
    text: z.string().optional(),
  })
  .meta({ id: 'ProblemIssue' });

/** The problem+json body. */
export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    issues: z.array(ProblemIssueSchema).optional(),
    reasons: z.array(z.string()).optional(),
    allowedNow: z.array(z.string()).optional(),
    state: z.string().nullable().optional(),
    currentVersion: z.number().int().optional(),
  })
  .meta({ id: 'Problem' });
export type ProblemBody = z.infer<typeof ProblemSchema>;

interface ProblemDetails {
  detail?: LocalizedText;
  issues?: InputIssue[];
  reasons?: LocalizedText[];
  allowedNow?: string[];
  state?: string | null;
  currentVersion?: number;
}

/** An error the service answers as problem+json. */
export class HttpProblem extends Error {
  override readonly name = 'HttpProblem';
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly title: LocalizedText,
    readonly details: ProblemDetails = {},
  ) {
    super(`${title.en}${details.detail ? `: ${details.detail.en}` : ''}`);
    this.status = PROBLEM_STATUS[code];
  }
}

/** Short titles of the workflow refusals; the library's own text is the detail. */
const WORKFLOW_TITLE: Record<string, LocalizedText> = {
  'unknown-workflow': { zh: '未知流程类型', en: 'unknown workflow type' },
  'unknown-instance': { zh: '没有此实例', en: 'no such instance' },
  'invalid-principal': { zh: '主体无效', en: 'invalid principal' },
  'invalid-subject': { zh: '对象有误', en: 'invalid subject' },
  'invalid-query': { zh: '查询参数有误', en: 'invalid query parameter' },
  'out-of-scope': { zh: '超出管辖范围', en: 'out of scope' },
  'unknown-event': { zh: '未知事件', en: 'unknown event' },
  'not-allowed-in-state': { zh: '当前状态不接受此事件', en: 'event not accepted in this state' },
  forbidden: { zh: '无权发送此事件', en: 'not allowed to send this event' },
  'invalid-payload': { zh: '事件内容有误', en: 'invalid event payload' },
  guard: { zh: '条件未满足', en: 'conditions not met' },
  'plan-mismatch': { zh: '方案不一致', en: 'plan mismatch' },
  'machine-version': { zh: '流程版本不一致', en: 'machine version mismatch' },
  conflict: { zh: '实例已被他人更新', en: 'the instance was changed by another writer' },
  'precondition-failed': { zh: '实例版本已变化', en: 'the instance version has changed' },
  'idempotency-key-reused': { zh: '幂等键已用于另一请求', en: 'the idempotency key was used for another request' },
  'audit-broken': { zh: '审计链被破坏', en: 'the audit chain is broken' },
};

/** Any error as a problem: the library's errors keep their codes and details. */
export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof WorkflowError) {
    // Another tenant's instance is not shown to exist (404, never 403).
    const code: ProblemCode = error.code === 'other-tenant' ? 'unknown-instance' : error.code;
    const title = WORKFLOW_TITLE[error.code] ?? error.text;
    return new HttpProblem(code, title, {
      detail: error.text,
      reasons: error.reasons,
      ...(error.event !== undefined || error.allowedNow.length ? { allowedNow: error.allowedNow } : {}),
      ...(error.state !== null ? { state: error.state } : {}),
      ...(error instanceof StaleVersionError ? { currentVersion: error.currentVersion } : {}),
    });
  }
  if (error instanceof InputError) {
    const spreadsheet = error.issues.some((i) => 'sheet' in i);
    return new HttpProblem(
      spreadsheet ? 'invalid-spreadsheet' : 'invalid-input',
      spreadsheet ? { zh: '表格数据有误', en: 'invalid spreadsheet' } : { zh: '输入数据有误', en: 'invalid input' },
      { issues: error.issues },
    );
  }
  if (error instanceof PluginError) {
    return new HttpProblem('invalid-request', { zh: '插件有误', en: 'invalid plugin' }, { detail: error.text });
  }
  const fastify = fastifyProblem(error);
  if (fastify) return fastify;
  return new HttpProblem('internal', { zh: '服务内部错误', en: 'internal error' });
}

/** The longest path segment (an id) the router reads: longer ones answer 414. */
export const MAX_PATH_SEGMENT = 100;

/** Errors Fastify raises while reading a request. */
function fastifyProblem(error: unknown): HttpProblem | undefined {
  const code = (error as { code?: unknown })?.code;
  switch (code) {
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new HttpProblem(
        'uri-too-long',
        { zh: '路径过长', en: 'path too long' },
        {
          detail: {
            zh: `路径中的一段超过 ${MAX_PATH_SEGMENT} 个字符；编号最多 64 个字符`,
            en: `a segment of the path is longer than ${MAX_PATH_SEGMENT} characters; ids have at most 64`,
          },
        },
      );
    case 'FST_ERR_BAD_URL':
      return new HttpProblem('invalid-request', { zh: '路径有误', en: 'invalid path' });
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new HttpProblem('payload-too-large', { zh: '请求体过大', en: 'request body too large' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new HttpProblem('unsupported-media-type', { zh: '不支持的内容类型', en: 'unsupported content type' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new HttpProblem('invalid-json', { zh: '请求体不是有效的 JSON', en: 'the body is not valid JSON' });
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (status === 400 && error instanceof SyntaxError) {
    return new HttpProblem(
      'invalid-json',
      { zh: '请求体不是有效的 JSON', en: 'the body is not valid JSON' },
      {
        detail: { zh: error.message, en: error.message },
      },
    );
  }
  return undefined;
}

/** The language a request asks for: `en` when English comes before Chinese in Accept-Language. */
export function requestLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'zh';
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { tag, q: q ? Number(q.slice(2)) || 0 : 1, index };
    })
    .filter((l) => l.q > 0 && (l.tag.startsWith('zh') || l.tag.startsWith('en')))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.tag.startsWith('en') ? 'en' : 'zh';
}

/** The problem+json body of `problem` in `lang`. */
export function problemBody(
  problem: HttpProblem,
  lang: Lang,
  instance: string | undefined,
  requestId: string,
): ProblemBody {
  const { details } = problem;
  const body: ProblemBody = {
    type: `urn:ruralkit:problem:${problem.code}`,
    title: problem.title[lang],
    status: problem.status,
    code: problem.code,
    ...(instance === undefined ? {} : { instance }),
    requestId,
  };
  if (details.detail && details.detail[lang] !== body.title) body.detail = details.detail[lang];
  if (details.issues) body.issues = details.issues.map((issue) => ({ ...issue, message: issue.message[lang] }));
  if (details.reasons) body.reasons = details.reasons.map((r) => r[lang]);
  if (details.allowedNow) body.allowedNow = details.allowedNow;
  if (details.state !== undefined) body.state = details.state;
  if (details.currentVersion !== undefined) body.currentVersion = details.currentVersion;
  return body;
}

/** The longest request path a problem names as its `instance`: a longer one is not echoed. */
const MAX_INSTANCE_CHARS = 200;

/** Answer `error` as problem+json: logged when it is the service's fault (5xx). */
export function sendProblem(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const problem = toProblem(error);
  if (problem.status >= 500) request.log.error({ err: error }, 'request failed');
  if (problem.status === 401) reply.header('www-authenticate', 'Bearer');
  const retryAfter = (error as { retryAfter?: number }).retryAfter;
  if (retryAfter) reply.header('retry-after', String(retryAfter));
  const lang = requestLang(request.headers['accept-language']);
  const path = request.url.split('?')[0]!;
  return reply
    .code(problem.status)
    .header('content-language', lang)
    .type('application/problem+json')
    .send(problemBody(problem, lang, path.length <= MAX_INSTANCE_CHARS ? request.url : undefined, request.id));
}
