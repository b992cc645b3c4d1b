/**
 * `ruralkit serve`: the HTTP service (HTTP 服务) on its own — the plan (with `--plugin` files),
 * each county's plugin set (`--county TENANT=FILE[,FILE]`, served to that tenant only), the
 * workflow store (`--db FILE` or `--database-url URL`) and the token key (`--jwt-key` or
 * `--jwks`; without one, only health and the documentation are open) and the keyring of personal
 * data (`--keys FILE`; without one, events carrying personal fields are refused).
 */
import { resolvePlan, type Plan, type WorkflowStore } from '@ruralkit/core';
import { fileKeys } from '../key-file.js';
import { openPostgres } from '../database-url.js';
import { parseOptions, UsageError, type Command, type Io } from '../io.js';
import { loadHttp, loadSqliteStore } from '../optional.js';
import { basePlan, PLAN_OPTIONS_HELP, planFromOptions, planOptions } from '../plan-options.js';
import { checkKeyFile } from './workflow-guards.js';

const NAME = 'ruralkit serve';

export const serveCommand: Command = {
  summary: 'HTTP 服务（OpenAPI 文档见 /docs） / the HTTP service, documented at /docs',
  usage:
    'ruralkit serve (--db FILE | --database-url URL) [--port N] [--host H] [--plan ID] [--plugin FILE]... [--county TENANT=FILE[,FILE]]... [--jwt-key FILE | --jwks FILE] [--keys FILE]',
  options: `  --db        the SQLite workflow database (created if missing)
  --database-url  PostgreSQL instead (needs @ruralkit/store-postgres)
  --port      the port to listen on (default 8080)
  --host      the address to listen on (default 127.0.0.1; 0.0.0.0 in a container)
${PLAN_OPTIONS_HELP}
  --county    TENANT=FILE[,FILE]: a county's plugins, served to that tenant only; repeat for several
  --jwt-key   a public key (PEM) or JWK file that bearer tokens are checked with
  --jwks      a JSON Web Key Set file instead
  --issuer, --audience  claims the tokens must carry
  --keys      the keyring file of personal data (个人信息密钥, created 0600), outside the database`,
  async run(args, io) {
    const { values, positionals } = parseOptions(NAME, args, {
      ...planOptions,
      port: { type: 'string' },
      host: { type: 'string' },
      county: { type: 'string', multiple: true },
      db: { type: 'string' },
      'database-url': { type: 'string' },
      'jwt-key': { type: 'string' },
      jwks: { type: 'string' },
      issuer: { type: 'string' },
      audience: { type: 'string' },
      keys: { type: 'string' },
    });
    if (positionals.length > 0) {
      throw new UsageError(NAME, `多余的参数 "${positionals[0]}"`, `unexpected argument "${positionals[0]}"`);
    }
    const port = Number(values.port ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      throw new UsageError(
        NAME,
        `--port 应为 0–65535 的端口号（得到 "${values.port}"）`,
        `--port must be a port number 0–65535 (got "${values.port}")`,
      );
    }
    const { createServer, closeOnSignals, jwtAuthenticator, readKeyFile } = await loadHttp();
    const plan = await planFromOptions(values);
    const plans: { key: string; plan: Plan }[] = [{ key: plan.id, plan }];
    plans.push(...(await countyPlans(values.plan, (values.county as string[] | undefined) ?? [])));
    const keyFile = (values['jwt-key'] ?? values.jwks) as string | undefined;
    const personalKeys = values.keys as string | undefined;
    if (personalKeys !== undefined) checkKeyFile(NAME, personalKeys, values.db as string | undefined, true);
    const app = await createServer({
      plans,
      ...(personalKeys ? { keys: fileKeys(personalKeys) } : {}),
      store: await openStore(values.db as string | undefined, values['database-url'] as string | undefined, io),
      ...(keyFile
        ? {
            authenticate: jwtAuthenticator({
              ...readKeyFile(keyFile),
              ...(values.issuer ? { issuer: values.issuer as string } : {}),
              ...(values.audience ? { audience: values.audience as string } : {}),
            }),
          }
        : {}),
    });
    const closed = closeOnSignals(app);
    const address = await app.listen({ port, host: (values.host as string | undefined) ?? '127.0.0.1' });
    if (!keyFile) io.stderr('ruralkit: no --jwt-key or --jwks: only health checks and the documentation are open\n');
    io.stderr(`ruralkit: serving ${plans.map((p) => p.key).join(', ')} at ${address} — docs at ${address}/docs\n`);
    await closed;
    return 0;
  },
};

/** `--county TENANT=FILE[,FILE]`: the plugin files resolved on the base plan, for that tenant only. */
async function countyPlans(
  planId: unknown,
  specs: string[],
): Promise<{ key: string; plan: Plan; tenants: string[] }[]> {
  const { loadPlugins } = await import('@ruralkit/testing');
  const counties = [];
  for (const spec of specs) {
    const match = /^([A-Za-z0-9._-]+)=(.+)$/.exec(spec);
    if (!match) {
      throw new UsageError(
        NAME,
        `--county 应写作 TENANT=FILE[,FILE]（得到 "${spec}"）`,
        `--county must be TENANT=FILE[,FILE] (got "${spec}")`,
      );
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

/** The SQLite store of `--db`, or the PostgreSQL store of `--database-url` when its package is installed. */
async function openStore(db: string | undefined, databaseUrl: string | undefined, io: Io): Promise<WorkflowStore> {
  if (db && databaseUrl) {
    throw new UsageError(NAME, '--db 与 --database-url 只能给一个', 'give --db or --database-url, not both');
  }
  if (db) return (await loadSqliteStore()).openSqliteStore(db);
  if (!databaseUrl) {
    throw new UsageError(
      NAME,
      '请给出流程存储：--db FILE 或 --database-url URL',
      'give the workflow store: --db FILE or --database-url URL',
    );
  }
  return openPostgres(NAME, databaseUrl, io);
}
