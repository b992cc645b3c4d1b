/**
 * `ruralkit serve`: the HTTP service (HTTP 服务) on its own — the plan (with `--plugin` files),
 * each county's plugin set (`--county TENANT=FILE[,FILE]`, served to that tenant only), the
 * workflow store (`--db FILE` or `--database-url URL`) and the token key (`--jwt-key` or
 * `--jwks`; without one, only health and the documentation are open; `--max-token-lifetime`), the
 * keyring of personal data (`--keys FILE`; without one, events carrying personal fields are
 * refused), the Redis its rate limits are shared through (`--redis-url`) and the audit key
 * (`--audit-key FILE`: every audit entry signed, checkpoints every `--checkpoint-every N`
 * entries and `--checkpoint-minutes T`); `--relay URL` delivers the domain events to another
 * system as they commit (see `relay`). The service fires passed deadlines itself every
 * `--tick-every` seconds (one ticker per tenant across the processes sharing the store), unless
 * `--no-tick`.
 */
import { resolvePlan, RuralkitError, type OverdueNotice, type Plan } from '@ruralkit/core';
import { overdueLine, tickEveryMs, tickFailure } from '../deadlines.js';
import { fileKeys } from '@ruralkit/core/node';
import { parseOptions, secondsOption, UsageError, type Command } from '../io.js';
import { cliMessage, englishWord, inEnglish } from '../locales/index.js';
import { loadHttp } from '../optional.js';
import { basePlan, PLAN_OPTIONS_HELP, planFromOptions, planOptions } from '../plan-options.js';
import { startRelay } from './relay.js';
import { readKey } from './workflow-audit.js';
import { checkKeyFile } from './workflow-guards.js';
import { checkStoreOptions, openWorkflowStore, storeOptions, type StoreUse } from '../workflow-store.js';

const NAME = 'ruralkit serve';
/** The service creates a missing store and serves requests from a pool of connections. */
const SERVING: StoreUse = { action: 'serve', create: true, poolSize: 10 };

export const serveCommand: Command = {
  summary: 'HTTP 服务（OpenAPI 文档见 /docs） / the HTTP service, documented at /docs',
  usage:
    'ruralkit serve (--db FILE | --database-url URL [--schema NAME]) [--port N] [--host H] [--plan ID] [--plugin FILE]... [--county TENANT=FILE[,FILE]]... [--jwt-key FILE | --jwks FILE] [--max-token-lifetime SECONDS] [--keys FILE] [--redis-url URL] [--audit-key FILE [--checkpoint-every N] [--checkpoint-minutes T]] [--relay URL] [--tick-every SECONDS | --no-tick]',
  options: `  --db        SQLite 流程数据库（不存在则新建） / the SQLite workflow database (created if missing)
  --database-url  改用 PostgreSQL / PostgreSQL instead (needs @ruralkit/store-postgres)
  --schema    PostgreSQL 的模式（默认 ruralkit） / the PostgreSQL schema (default ruralkit)
  --port      监听端口（默认 8080） / the port to listen on (default 8080)
  --host      监听地址 / the address to listen on (default 127.0.0.1; 0.0.0.0 in a container)
${PLAN_OPTIONS_HELP}
  --county    县级插件，只对该租户提供 / TENANT=FILE[,FILE]: a county's plugins, served to that tenant only; repeat for several
  --jwt-key   验证令牌的公钥（PEM 或 JWK，keygen --jwt 生成） / a public key (PEM) or JWK file that bearer tokens are checked with (keygen --jwt makes one)
  --jwks      改用 JWKS 文件 / a JSON Web Key Set file instead
  --issuer, --audience  令牌须带的声明 / claims the tokens must carry
  --max-token-lifetime  令牌最长有效期（秒） / the longest lifetime (exp less iat) a token may have, in seconds (default 86400: 24 h)
  --keys      个人信息密钥文件（0600，放在数据库之外） / the keyring file of personal data (created 0600), outside the database
  --redis-url 多进程共享限流计数 / redis://HOST:PORT: share the rate limits between the processes serving one API
  --audit-key 签署审计记录与检查点的 Ed25519 私钥 / the Ed25519 private key (PEM, workflow keygen) that signs
              every audit entry and the checkpoints, kept outside the database and its backups
  --checkpoint-every    每 N 条审计记录做一次检查点 / with --audit-key: checkpoint after every N audit entries (default 1000)
  --checkpoint-minutes  每 T 分钟做一次检查点 / with --audit-key: checkpoint every T minutes (default 60; 0: never)
  --relay     把领域事件投递到消息系统或 webhook / amqp://…, nats://… or https://…: deliver the domain
              events there as they commit (needs @ruralkit/relay; figures in /metrics; see ruralkit relay --help)
  --tick-every 每隔多少秒处理到期期限 / fire passed deadlines every SECONDS (default 60): each tenant's
              are fired by one process of those sharing the store (figures in /metrics)
  --no-tick   不自行处理到期期限 / do not fire deadlines (another process runs ruralkit workflow run)`,
  async run(args, io) {
    const { values, positionals } = parseOptions(NAME, args, {
      ...planOptions,
      port: { type: 'string' },
      host: { type: 'string' },
      county: { type: 'string', multiple: true },
      ...storeOptions,
      'jwt-key': { type: 'string' },
      jwks: { type: 'string' },
      issuer: { type: 'string' },
      audience: { type: 'string' },
      keys: { type: 'string' },
      'max-token-lifetime': { type: 'string' },
      'redis-url': { type: 'string' },
      'audit-key': { type: 'string' },
      'checkpoint-every': { type: 'string' },
      'checkpoint-minutes': { type: 'string' },
      relay: { type: 'string' },
      'tick-every': { type: 'string' },
      'no-tick': { type: 'boolean' },
    });
    if (positionals.length > 0) {
      throw new UsageError(NAME, cliMessage('usage.unexpected-argument', { argument: positionals[0]! }));
    }
    const port = Number(values.port ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(NAME, cliMessage('serve.port', { value: String(values.port) }));
    }
    const maxLifetime = secondsOption(NAME, 'max-token-lifetime', values['max-token-lifetime'], 9);
    if (values['no-tick'] && values['tick-every'] !== undefined) {
      throw new UsageError(NAME, cliMessage('serve.tick-or-no-tick', {}));
    }
    const tickEvery = values['no-tick'] ? undefined : tickEveryMs(NAME, values['tick-every']);
    const redisUrl = values['redis-url'] as string | undefined;
    if (redisUrl !== undefined && !/^rediss?:\/\/[^\s]+$/.test(redisUrl)) {
      throw new UsageError(NAME, cliMessage('serve.redis-url', { value: redisUrl }));
    }
    const { createServer, closeOnSignals, jwtAuthenticator, readKeyFile } = await loadHttp();
    const plan = await planFromOptions(values);
    const plans: { key: string; plan: Plan }[] = [{ key: plan.id, plan }];
    plans.push(...(await countyPlans(values.plan, (values.county as string[] | undefined) ?? [])));
    const keyFile = (values['jwt-key'] ?? values.jwks) as string | undefined;
    const personalKeys = values.keys as string | undefined;
    if (personalKeys !== undefined) checkKeyFile(NAME, personalKeys, values.db as string | undefined, true);
    const auditKeyFile = values['audit-key'] as string | undefined;
    const schedule = {
      entries: count('checkpoint-every', values['checkpoint-every'], 1000),
      minutes: count('checkpoint-minutes', values['checkpoint-minutes'], 60),
      onError: (error: unknown) =>
        io.stderr(
          `ruralkit: ${inEnglish(cliMessage('serve.checkpoint-failed', { problem: (error as Error).message }))}\n`,
        ),
    };
    if (!auditKeyFile && (values['checkpoint-every'] ?? values['checkpoint-minutes']) !== undefined) {
      throw new UsageError(NAME, cliMessage('serve.checkpoint-without-key', {}));
    }
    checkStoreOptions(NAME, values, SERVING);
    const store = await openWorkflowStore(NAME, values, SERVING, io);
    const relayUrl = values.relay as string | undefined;
    const relay = relayUrl ? await startRelay(NAME, relayUrl, store) : undefined;
    const app = await createServer({
      ...(relay ? { processMetrics: relay.metrics } : {}),
      plans,
      ...(personalKeys ? { keys: fileKeys(personalKeys) } : {}),
      ...(auditKeyFile
        ? { auditKey: readKey(NAME, 'audit-key', auditKeyFile, 'private'), autoCheckpoint: schedule }
        : {}),
      store,
      ...(tickEvery
        ? {
            ticker: {
              everyMs: tickEvery,
              onFired: (_tenant: string, fired: OverdueNotice[]) => {
                for (const notice of fired) io.stderr(`ruralkit: ${overdueLine(notice)}\n`);
              },
              onError: (error: unknown, tenant?: string) => io.stderr(tickFailure(error, tenant)),
            },
          }
        : {}),
      ...(redisUrl ? { redis: { url: redisUrl } } : {}),
      ...(keyFile
        ? {
            authenticate: jwtAuthenticator({
              ...tokenKey(() => readKeyFile(keyFile)),
              ...(values.issuer ? { issuer: values.issuer as string } : {}),
              ...(values.audience ? { audience: values.audience as string } : {}),
              ...(maxLifetime ? { maxLifetimeSeconds: maxLifetime } : {}),
            }),
          }
        : {}),
    });
    if (relay) io.stderr(`ruralkit: ${inEnglish(cliMessage('serve.relaying', { destination: relay.destination }))}\n`);
    const ticking = tickEvery
      ? inEnglish(cliMessage('serve.ticking', { seconds: tickEvery / 1000 }))
      : englishWord('serve.no-tick');
    io.stderr(`ruralkit: ${ticking}\n`);
    const closed = closeOnSignals(app);
    const address = await listen(app, port, (values.host as string | undefined) ?? '127.0.0.1');
    if (!keyFile) io.stderr(`ruralkit: ${englishWord('serve.no-token-key')}\n`);
    const serving = cliMessage('serve.serving', { plans: plans.map((p) => p.key), address });
    io.stderr(`ruralkit: ${inEnglish(serving)}\n`);
    await closed;
    await relay?.stop();
    return 0;
  },
};

/** The key file of `--jwt-key` or `--jwks`: a file that cannot verify tokens is a usage error naming it. */
function tokenKey<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof RuralkitError)) throw error;
    throw new UsageError(NAME, cliMessage('usage.passed-on', error.text));
  }
}

/** Listen on `host:port`; a port already in use or not allowed says so and suggests `--port`. */
async function listen(
  app: { listen: (o: { port: number; host: string }) => Promise<string>; close: () => Promise<unknown> },
  port: number,
  host: string,
): Promise<string> {
  try {
    return await app.listen({ port, host });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EADDRINUSE' && code !== 'EACCES' && code !== 'EADDRNOTAVAIL') throw error;
    await app.close();
    if (code === 'EADDRNOTAVAIL') {
      throw new UsageError(NAME, cliMessage('serve.no-such-address', { host }));
    }
    throw new UsageError(
      NAME,
      cliMessage('serve.port-unavailable', {
        port,
        host,
        inUse: code === 'EADDRINUSE',
        other: port === 8080 ? 8081 : 8080,
      }),
    );
  }
}

/** A whole number of entries or minutes given to `--option`, or `fallback`. */
function count(option: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new UsageError(NAME, cliMessage('serve.count', { option, value: String(value) }));
  }
  return n;
}

/** `--county TENANT=FILE[,FILE]`: the plugin files resolved on the base plan, for that tenant only. */
async function countyPlans(
  planId: unknown,
  specs: string[],
): Promise<{ key: string; plan: Plan; tenants: string[] }[]> {
  const { loadPlugins } = await import('@ruralkit/core/node');
  const counties = [];
  for (const spec of specs) {
    const match = /^([A-Za-z0-9._-]+)=(.+)$/.exec(spec);
    if (!match) {
      throw new UsageError(NAME, cliMessage('serve.county', { value: spec }));
    }
    const [, tenant, files] = match as unknown as [string, string, string];
    counties.push({
      key: tenant,
      plan: resolvePlan(basePlan(planId), await loadPlugins(files.split(','))),
      tenants: [tenant],
    });
  }
  return counties;
}
