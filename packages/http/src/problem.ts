/**
 * Problem details (问题详情, RFC 9457): every error the service answers, with a stable `code`,
 * a title and detail in Chinese or English by `Accept-Language`, and what the library said
 * (every bad cell, every refused reason, the events allowed now).
 */
import {
  ERROR_CATALOGUE,
  InputError,
  PluginError,
  RuralkitError,
  StaleVersionError,
  WorkflowError,
  type InputIssue,
  type Lang,
  type ErrorCode,
  type LocalizedText,
} from '@ruralkit/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { httpMessage, httpText } from './locales/index.js';
import { compileSerializer, type Serialize } from './serialize.js';

/** The stable problem codes the service answers with; statuses and titles are the error catalogue's. */
const PROBLEM_CODES = [
  'invalid-request',
  'invalid-query',
  'invalid-json',
  'unauthenticated',
  'invalid-token',
  'token-expired',
  'forbidden',
  'out-of-scope',
  'not-found',
  'unknown-plan',
  'unknown-instance',
  'unknown-workflow',
  'not-acceptable',
  'conflict',
  'not-allowed-in-state',
  'guard',
  'plan-mismatch',
  'machine-version',
  'idempotency-key-reused',
  'precondition-failed',
  'payload-too-large',
  'uri-too-long',
  'unsupported-media-type',
  'invalid-input',
  'invalid-spreadsheet',
  'invalid-payload',
  'invalid-subject',
  'invalid-principal',
  'unknown-event',
  'rate-limited',
  'internal',
  'audit-broken',
  'unavailable',
] as const satisfies readonly ErrorCode[];
export type ProblemCode = (typeof PROBLEM_CODES)[number];

/** The problem codes with their HTTP status. */
export const PROBLEM_STATUS = Object.freeze(
  Object.fromEntries(PROBLEM_CODES.map((code) => [code, ERROR_CATALOGUE[code].status])) as Record<ProblemCode, number>,
);

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

/** An error the service answers as problem+json: a `RuralkitError` whose status is its code's in the catalogue. */
export class HttpProblem extends RuralkitError {
  override readonly name = 'HttpProblem';
  declare readonly code: ProblemCode;
  readonly status: number;
  constructor(
    code: ProblemCode,
    readonly title: LocalizedText,
    readonly details: ProblemDetails = {},
  ) {
    super(code, title, `${title.en}${details.detail ? `: ${details.detail.en}` : ''}`);
    this.status = PROBLEM_STATUS[code];
  }

  /** A problem titled as the error catalogue titles its code. */
  static of(code: ProblemCode, details: ProblemDetails = {}): HttpProblem {
    return new HttpProblem(code, ERROR_CATALOGUE[code].title, details);
  }
}

/** The answer for an instance that is not there, or that the caller may not see: the same for both. */
export const unknownInstance = (id: string): HttpProblem =>
  HttpProblem.of('unknown-instance', { detail: httpText(httpMessage('instance.none', { id })) });

/** Any error as a problem: the library's errors keep their codes and details. */
export function toProblem(error: unknown): HttpProblem {
  if (error instanceof HttpProblem) return error;
  if (error instanceof WorkflowError) {
    // Another tenant's instance is not shown to exist: answered as a missing one, word for word
    // (its text and reasons name the other tenant, its state what it may take).
    if (error.code === 'other-tenant' && error.instanceId) return unknownInstance(error.instanceId);
    const code: ProblemCode = error.code === 'other-tenant' ? 'unknown-instance' : error.code;
    return new HttpProblem(code, ERROR_CATALOGUE[code].title, {
      detail: error.text,
      reasons: error.reasons,
      ...(error.event !== undefined || error.allowedNow.length ? { allowedNow: error.allowedNow } : {}),
      ...(error.state !== null ? { state: error.state } : {}),
      ...(error instanceof StaleVersionError ? { currentVersion: error.currentVersion } : {}),
    });
  }
  if (error instanceof InputError) {
    const code = error.issues.some((i) => 'sheet' in i) ? 'invalid-spreadsheet' : 'invalid-input';
    return new HttpProblem(code, ERROR_CATALOGUE[code].title, { issues: error.issues });
  }
  if (error instanceof PluginError) {
    return new HttpProblem('invalid-request', ERROR_CATALOGUE['invalid-plugin'].title, { detail: error.text });
  }
  const fastify = fastifyProblem(error);
  if (fastify) return fastify;
  return new HttpProblem('internal', httpText(httpMessage('title.internal', {})));
}

/** The longest path segment (an id) the router reads: longer ones answer 414. */
export const MAX_PATH_SEGMENT = 100;

/** Errors Fastify raises while reading a request. */
function fastifyProblem(error: unknown): HttpProblem | undefined {
  const code = (error as { code?: unknown })?.code;
  switch (code) {
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return HttpProblem.of('uri-too-long', {
        detail: httpText(httpMessage('request.segment-too-long', { max: MAX_PATH_SEGMENT })),
      });
    case 'FST_ERR_BAD_URL':
      return new HttpProblem('invalid-request', httpText(httpMessage('title.invalid-path', {})));
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return HttpProblem.of('payload-too-large');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return HttpProblem.of('unsupported-media-type');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return HttpProblem.of('invalid-json');
  }
  const status = (error as { statusCode?: unknown })?.statusCode;
  if (status === 400 && error instanceof SyntaxError) {
    return HttpProblem.of('invalid-json', {
      detail: { zh: error.message, en: error.message },
    });
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
  const body = problemBody(problem, lang, path.length <= MAX_INSTANCE_CHARS ? request.url : undefined, request.id);
  return reply
    .code(problem.status)
    .header('content-language', lang)
    .type('application/problem+json; charset=utf-8')
    .send(writeProblem(body));
}

let problemSerializer: Serialize | undefined;

/** A problem's JSON text, by the serializer compiled from `ProblemSchema` (once, when first needed). */
function writeProblem(body: ProblemBody): string {
  problemSerializer ??= compileSerializer(ProblemSchema) ?? JSON.stringify;
  return problemSerializer(body);
}
