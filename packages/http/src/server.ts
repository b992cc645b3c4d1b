/**
 * The standalone service (独立服务): a Fastify app with request ids and structured logs that
 * carry no personal data (method, route, status, time — never bodies, tokens or query values),
 * the ruralkit plugin, and a graceful shutdown that drains requests in flight.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ruralkit, type RuralkitOptions } from './plugin.js';
import { MAX_PATH_SEGMENT, sendProblem } from './problem.js';

export interface ServerOptions extends RuralkitOptions {
  /**
   * Fastify's logger option: `true`, pino options (a level, a destination stream: the route-only
   * serializers are kept unless replaced), or `false` (default: info level).
   */
  logger?: FastifyServerOptions['logger'];
  /** Close the store when the server closes (default true). */
  closeStore?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;
const MAX_LOGGED_PATH = 100;

/**
 * A path no route matched, as a log shows it: its first 100 characters, each outside printable
 * ASCII shown as `?`, runs of 7 or more digits (a phone or ID number) as `#`, and its length when
 * longer. (A matched one is logged as its route pattern.)
 */
function unmatchedPath(url: string): string {
  const path = url.split('?')[0]!;
  const shown = path
    .slice(0, MAX_LOGGED_PATH)
    .replace(/[^\x21-\x7e]/g, '?')
    .replace(/\d{7,}/g, (digits) => '#'.repeat(digits.length));
  return path.length > MAX_LOGGED_PATH ? `${shown}… (${path.length} characters)` : shown;
}

/** A Fastify app serving ruralkit at `/`. */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const logger = {
    level: 'info',
    serializers: {
      req: (request: { method: string; routeOptions?: { url?: string }; url: string }) => ({
        method: request.method,
        route: request.routeOptions?.url ?? unmatchedPath(request.url),
      }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
  };
  const app = Fastify({
    // Options given as an object (a level, a destination) keep the serializers above.
    logger:
      typeof options.logger === 'object' && options.logger !== null
        ? { ...logger, ...options.logger }
        : (options.logger ?? logger),
    routerOptions: { maxParamLength: MAX_PATH_SEGMENT },
    // A path segment too long (414) or not decodable (400) is answered as problem+json too.
    frameworkErrors: (error, request, reply) => sendProblem(request, reply, error),
    // A caller's X-Request-Id is kept when it is a plain token; otherwise a new one is made.
    genReqId: (request) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    return503OnClosing: true,
    forceCloseConnections: 'idle',
  });
  await app.register(ruralkit, options);
  if (options.closeStore ?? true) app.addHook('onClose', async () => options.store.close());
  return app;
}

/**
 * Close `app` on SIGINT or SIGTERM: new requests are refused (503), those in flight finish,
 * then the store closes. Resolves once the app is closed.
 */
export function closeOnSignals(app: FastifyInstance, signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM']): Promise<void> {
  return new Promise((resolve, reject) => {
    const close = (signal: NodeJS.Signals) => {
      for (const other of signals) process.off(other, close);
      app.log.info({ signal }, 'closing: draining requests in flight');
      app.close().then(resolve, reject);
    };
    for (const signal of signals) process.once(signal, close);
  });
}
