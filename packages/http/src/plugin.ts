/**
 * The Fastify plugin (Fastify 插件) `ruralkit`: registers every route of the service on an
 * existing Fastify app — `app.register(ruralkit, { plans, store, authenticate })` — with its
 * content types, authentication, rate limits, problem+json errors and metrics.
 */
import type {
  AutoCheckpoint,
  CheckpointKey,
  Clock,
  PersonalDataKeys,
  Plan,
  Principal,
  WorkflowStore,
  WorkingDayCalendar,
} from '@ruralkit/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { z } from 'zod';
import { noAuthentication, type Authenticate } from './auth.js';
import { Metrics } from './metrics.js';
import { isDocsRoute, registerDocsPage } from './docs-page.js';
import { openApiDocument } from './openapi.js';
import { httpMessage, httpText } from './locales/index.js';
import { HttpProblem, requestLang, sendProblem } from './problem.js';
import { registerRateLimits, type RateLimitRedis } from './rate-limits.js';
import type { RouteSpec } from './route.js';
import { responseWriters } from './serialize.js';
import { evaluationRoutes, NDJSON, XLSX } from './routes/evaluation.js';
import { operationRoutes } from './routes/operations.js';
import { planRoutes } from './routes/plans.js';
import { workflowRoutes } from './routes/workflows.js';
import { Service, type PlanEntry } from './service.js';
import { runTicker, type ServiceTicker } from './ticker.js';
import { HTTP_VERSION } from './version.js';

/** Size and rate limits (限额). */
export interface Limits {
  /** Largest JSON body, in bytes (default 5 MiB). */
  jsonBytes: number;
  /** Largest xlsx upload, in bytes (default 10 MiB). */
  xlsxBytes: number;
  /** The most bytes an uploaded workbook may really inflate to, whatever it declares (default 100 MiB), and its most entries (default 1,000). */
  maxExpandedBytes: number;
  maxEntries: number;
  /** The longest NDJSON line (default 1 MiB). */
  maxLineBytes: number;
  /** Requests a minute per principal (default 1,200). */
  requestsPerMinute: number;
  /** Requests a minute per address without a valid token (default 120). */
  unauthenticatedPerMinute: number;
}

export const DEFAULT_LIMITS: Limits = {
  jsonBytes: 5 * 1024 * 1024,
  xlsxBytes: 10 * 1024 * 1024,
  maxExpandedBytes: 100 * 1024 * 1024,
  maxEntries: 1000,
  maxLineBytes: 1024 * 1024,
  requestsPerMinute: 1200,
  unauthenticatedPerMinute: 120,
};

export interface RuralkitOptions {
  /** The plans to serve: a plan (served under its id, or its last plugin's id) or `{ key, plan, tenants }`. */
  plans: readonly (Plan | PlanEntry)[];
  /** The workflow store every plan's runtime shares. */
  store: WorkflowStore;
  /** Who a request comes from; default: every protected route answers 401. */
  authenticate?: Authenticate;
  clock?: Clock;
  calendar?: WorkingDayCalendar;
  /** The keyring of personal data (kept outside the store); without one, personal fields are refused. */
  keys?: PersonalDataKeys;
  /**
   * The audit key (Ed25519 private key, kept outside the store): every audit entry is signed
   * with it and idempotency keys are stored as an HMAC under a key derived from it.
   */
  auditKey?: CheckpointKey;
  /** Checkpoint the audit chains with the audit key on their own: every N entries, every T minutes. */
  autoCheckpoint?: AutoCheckpoint;
  limits?: Partial<Limits>;
  /** Share the rate limits' counts between processes through Redis (default: each process counts alone). */
  redis?: RateLimitRedis;
  /**
   * Check each JSON response against its schema before sending it: a self-check of the service
   * (default: on unless `NODE_ENV` is `production`). Either way a response carries only what its
   * schema declares; checked, it is written from the check's result instead of by the compiled
   * serializer, at about the same cost.
   */
  validateResponses?: boolean;
  /**
   * More Prometheus text for `/metrics`, for the caller's tenant: figures of other parts of the
   * process, such as its outbox relay's, that count that tenant's work only.
   */
  processMetrics?: (tenant: string) => Promise<string>;
  /**
   * Fire passed deadlines on a schedule (到期定时器), one ticker per tenant across the processes
   * sharing the store (default: off; `POST /workflows/tick` and `runtime.tick` still fire them).
   */
  ticker?: ServiceTicker;
}

async function plugin(app: FastifyInstance, options: RuralkitOptions): Promise<void> {
  const runtimeOptions = {
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.calendar ? { calendar: options.calendar } : {}),
    ...(options.keys ? { keys: options.keys } : {}),
    ...(options.auditKey ? { auditKey: options.auditKey } : {}),
    ...(options.autoCheckpoint ? { autoCheckpoint: options.autoCheckpoint } : {}),
  };
  const service = new Service(options.plans, options.store, runtimeOptions);
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const authenticate = options.authenticate ?? noAuthentication;
  const principals = new WeakMap<FastifyRequest, Promise<Principal>>();
  /** The principal of a request to a protected route, authenticated once however often asked. */
  const principalOf = (request: FastifyRequest): Promise<Principal> | undefined => {
    const open = (request.routeOptions.config as { open?: boolean } | undefined)?.open;
    if (open || isDocsRoute(request.routeOptions.url, app.prefix)) return undefined;
    let principal = principals.get(request);
    if (!principal) {
      principal = (async () => authenticate(request))();
      principals.set(request, principal);
    }
    return principal;
  };
  const ticker = options.ticker && runTicker(app, service.maintenance, options.store, options.clock, options.ticker);
  const metrics = new Metrics(ticker);
  const validateResponses = options.validateResponses ?? process.env.NODE_ENV !== 'production';
  const routes: RouteSpec[] = [
    ...operationRoutes(service, metrics, () => document, options.processMetrics),
    ...planRoutes(service),
    ...evaluationRoutes(service, limits),
    ...workflowRoutes(service),
  ];
  const document = openApiDocument(routes, {
    title: 'ruralkit',
    version: HTTP_VERSION,
    description:
      'Rural revitalization plans (乡村振兴方案) as a service: plans in force, evaluation with explanations in Chinese and English, and audited workflows. Errors are RFC 9457 problem+json with a stable `code`, in Chinese or English by Accept-Language.',
    prefix: app.prefix,
  });

  // Each media type has its own size limit: JSON bodies, workbooks; NDJSON streams are read line by line.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit: limits.jsonBytes },
    app.getDefaultJsonParser('error', 'error'),
  );
  app.addContentTypeParser(XLSX, { parseAs: 'buffer', bodyLimit: limits.xlsxBytes }, (_request, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser(NDJSON, (_request, payload, done) => done(null, payload));

  app.addHook('onClose', async () => service.close());
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    metrics.observe(
      await principals.get(request)?.then(
        (principal) => principal.tenant,
        () => undefined,
      ),
      request.method,
      request.routeOptions.url ?? 'unmatched',
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
  });
  app.setErrorHandler((error, request, reply) => sendProblem(request, reply, error));
  app.setNotFoundHandler((request, reply) => sendProblem(request, reply, HttpProblem.of('not-found')));

  await registerRateLimits(app, {
    requestsPerMinute: limits.requestsPerMinute,
    unauthenticatedPerMinute: limits.unauthenticatedPerMinute,
    ...(options.redis ? { redis: options.redis } : {}),
    principalOf,
  });
  await registerDocsPage(app);
  for (const spec of routes) {
    const writers = responseWriters(spec.operationId, spec.responses, validateResponses);
    app.route({
      method: spec.method,
      url: spec.url,
      config: { open: Boolean(spec.open) },
      handler: async (request, reply) => {
        const lang = requestLang(request.headers['accept-language']);
        const principal = await principalOf(request);
        const result = await spec.handler({
          request,
          reply,
          principal: principal!,
          params: parsePart(spec.params, request.params, 'path'),
          query: parsePart(spec.query, request.query, 'query'),
          body: spec.body ? parsePart(spec.body, request.body, 'body') : request.body,
          lang,
        });
        // A handler that sent its own answer (HTML, xlsx, a stream) returns the reply, which is
        // thenable: awaited, it is undefined, so whether it was sent is what tells.
        if (reply.sent || result === reply) return reply;
        const write = writers.get(reply.statusCode);
        if (!write) return result;
        return reply.type(JSON_TYPE).send(write(result));
      },
    });
  }
}

/** The JSON responses' media type, as Fastify writes it for a serialized object. */
const JSON_TYPE = 'application/json; charset=utf-8';

/** Validate one part of a request with its zod schema; every problem is listed (400). */
function parsePart(schema: z.ZodType | undefined, value: unknown, where: 'path' | 'query' | 'body'): unknown {
  if (!schema) return value;
  const parsed = schema.safeParse(value ?? (where === 'body' ? undefined : {}));
  if (parsed.success) return parsed.data;
  throw HttpProblem.of('invalid-request', {
    issues: parsed.error.issues.map((issue) => ({
      path: [where, ...issue.path.map((p) => (typeof p === 'number' ? p : String(p)))],
      message: httpText(httpMessage('request.invalid-part', { part: where, issue: issue.message })),
    })),
  });
}

/**
 * The ruralkit Fastify plugin. Routes are encapsulated: register it with a `prefix` to mount
 * them under a path.
 *
 * @example
 * ```ts
 * await app.register(ruralkit, { plans: [getPlan('changjiang-2021')], store, authenticate });
 * ```
 */
export const ruralkit = fp(plugin, { name: '@ruralkit/http', fastify: '5.x', encapsulate: true });
