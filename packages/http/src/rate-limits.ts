/**
 * Rate limits (限流) with `@fastify/rate-limit`: a window of a minute per principal (tenant and
 * id), and per address for requests without a valid token. The counts live in the process, or in
 * Redis when one is given, so that every process behind a load balancer shares them.
 */
import rateLimit from '@fastify/rate-limit';
import type { Principal } from '@ruralkit/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Redis } from 'ioredis';
import { httpMessage, httpText } from './locales/index.js';
import { HttpProblem } from './problem.js';

/** Where the counts are shared between processes. */
export interface RateLimitRedis {
  /** `redis://host:port[/db]` */
  url: string;
  /** The prefix of the counters' keys (default `ruralkit-rate-limit:`). */
  prefix?: string;
}

export interface RateLimitOptions {
  /** Requests a minute per principal. */
  requestsPerMinute: number;
  /** Requests a minute per address without a valid token. */
  unauthenticatedPerMinute: number;
  redis?: RateLimitRedis;
  /** The principal of a request, or a rejection when it has none (asked once per request). */
  principalOf: (request: FastifyRequest) => Promise<Principal> | undefined;
}

const PRINCIPAL = 'principal:';

/** Register the limits on `app`: every route registered after this is limited. */
export async function registerRateLimits(app: FastifyInstance, options: RateLimitOptions): Promise<void> {
  const redis = options.redis
    ? new Redis(options.redis.url, { connectTimeout: 1000, maxRetriesPerRequest: 1 })
    : undefined;
  if (redis) {
    // Redis not answering lets requests through (`skipOnError`); each failed connection is logged.
    redis.on('error', (error: Error) => app.log.warn({ err: error.message }, 'rate limits: Redis does not answer'));
    app.addHook('onClose', async () => void (await redis.quit()));
  }
  await app.register(rateLimit, {
    timeWindow: 60_000,
    keyGenerator: async (request) => {
      const principal = await options.principalOf(request)?.catch(() => undefined);
      return principal ? `${PRINCIPAL}${principal.tenant}\u0000${principal.id}` : `address:${request.ip}`;
    },
    max: (_request, key) => (key.startsWith(PRINCIPAL) ? options.requestsPerMinute : options.unauthenticatedPerMinute),
    ...(redis ? { redis, nameSpace: options.redis!.prefix ?? 'ruralkit-rate-limit:' } : {}),
    skipOnError: true,
    errorResponseBuilder: (_request, context) => {
      const retryAfter = Math.max(1, Math.ceil(context.ttl / 1000));
      return Object.assign(
        HttpProblem.of('rate-limited', {
          detail: httpText(httpMessage('request.rate-limited', { max: context.max, retryAfter })),
        }),
        { retryAfter },
      );
    },
  });
}
