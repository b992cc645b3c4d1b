/**
 * The standalone service (独立服务): a Fastify app with request ids and structured logs that
 * carry no personal data (method, route, status, time — never bodies, tokens or query values),
 * the ruralkit plugin, and a graceful shutdown that drains requests in flight.
 */
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { ruralkit, type RuralkitOptions } from './plugin.js';

export interface ServerOptions extends RuralkitOptions {
  /** Fastify's logger option: `true`, a pino level object, or `false` (default: info level). */
  logger?: FastifyServerOptions['logger'];
  /** Close the store when the server closes (default true). */
  closeStore?: boolean;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,100}$/;

/** A Fastify app serving ruralkit at `/`. */
export async function createServer(options: ServerOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? {
      level: 'info',
      serializers: {
        req: (request: { method: string; routeOptions?: { url?: string }; url: string }) => ({
          method: request.method,
          route: request.routeOptions?.url ?? request.url.split('?')[0],
        }),
        res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
      },
    },
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
