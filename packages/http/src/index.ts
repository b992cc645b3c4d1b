/**
 * @ruralkit/http — ruralkit over HTTP (HTTP 服务): a Fastify 5 plugin any Fastify service
 * registers, and a standalone server. It serves the plans in force, evaluation (JSON, xlsx,
 * NDJSON streams) and audited workflows, documented by an OpenAPI 3.1 document written from
 * the same zod schemas that validate requests and responses.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { getPlan } from '@ruralkit/core';
 * import { openSqliteStore } from '@ruralkit/store-sqlite';
 * import { ruralkit, jwtAuthenticator, readKeyFile } from '@ruralkit/http';
 *
 * const app = Fastify({ logger: true });
 * await app.register(ruralkit, {
 *   plans: [getPlan('changjiang-2021')],
 *   store: openSqliteStore('workflows.db'),
 *   authenticate: jwtAuthenticator(readKeyFile('jwks.json')),
 *   prefix: '/ruralkit',
 * });
 * await app.listen({ port: 8080 });
 * ```
 * @packageDocumentation
 */
export { ruralkit, DEFAULT_LIMITS, type RuralkitOptions, type Limits } from './plugin.js';
export { createServer, closeOnSignals, type ServerOptions } from './server.js';
export { jwtAuthenticator, noAuthentication, type Authenticate, type JwtOptions, type Jwk } from './auth.js';
export {
  generateTokenKeys,
  MAX_DEVELOPMENT_TOKEN_SECONDS,
  readKeyFile,
  signToken,
  TokenKeyError,
  type TokenOptions,
} from './token-keys.js';
export { defaultPlanKey, type PlanEntry } from './service.js';
export type { ServiceTicker } from './ticker.js';
export type { RateLimitRedis } from './rate-limits.js';
export { HttpProblem, ProblemSchema, PROBLEM_STATUS, type ProblemCode, type ProblemBody } from './problem.js';
export { openApiDocument } from './openapi.js';
