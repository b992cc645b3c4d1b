/**
 * `ruralkit token`: a signed development token (开发用令牌) for one principal — tenant, roles,
 * scope — that `ruralkit serve` accepts: `iat` and `exp` set, 1 h by default, never over 24 h.
 */
import { PrincipalSchema, RuralkitError } from '@ruralkit/core';
import { parseOptions, readBytes, UsageError, type Command } from '../io.js';
import { cliMessage } from '../locales/index.js';
import { loadHttp } from '../optional.js';

const NAME = 'ruralkit token';

const SCOPE = ['unit', 'township', 'village', 'household'] as const;

export const tokenCommand: Command = {
  summary: '签发开发用令牌 / sign a development token for a principal',
  usage:
    'ruralkit token --key PRIVATE.pem --tenant T --roles a,b [--township X] [--village Y] [--household Z] [--unit U] [--sub ID] [--expires 1h] [--issuer I] [--audience A]',
  options: `  --key       签名私钥（keygen --jwt 生成） / the private key that signs (from keygen --jwt)
  --tenant    租户（县区） / the principal's tenant (county or district)
  --roles     角色，逗号分隔 / roles, comma-separated (department, supervisor, township-official…)
  --township, --village, --household, --unit  范围 / the principal's scope where its role needs one
  --sub       主体 id（默认 developer） / the principal's id (default developer)
  --expires   有效期，如 30m、1h、24h（默认 1h，最长 24h） / lifetime: 30m, 1h, 24h (default 1h, at most 24h)
  --issuer, --audience  令牌的 iss 与 aud 声明 / the token's iss and aud claims`,
  async run(args, io) {
    const { values, positionals } = parseOptions(NAME, args, {
      key: { type: 'string' },
      tenant: { type: 'string' },
      roles: { type: 'string' },
      sub: { type: 'string' },
      expires: { type: 'string' },
      issuer: { type: 'string' },
      audience: { type: 'string' },
      ...Object.fromEntries(SCOPE.map((field) => [field, { type: 'string' } as const])),
    });
    if (positionals.length > 0) {
      throw new UsageError(NAME, cliMessage('usage.unexpected-argument', { argument: positionals[0]! }));
    }
    for (const option of ['key', 'tenant', 'roles'] as const) {
      if (values[option] === undefined) {
        throw new UsageError(NAME, cliMessage('usage.option-required', { option }));
      }
    }
    const principal: Record<string, unknown> = {
      id: (values.sub as string | undefined) ?? 'developer',
      tenant: values.tenant,
      roles: (values.roles as string).split(',').filter(Boolean),
    };
    for (const field of SCOPE) if (values[field] !== undefined) principal[field] = values[field];
    const { signToken, MAX_DEVELOPMENT_TOKEN_SECONDS } = await loadHttp();
    const lifetime = seconds((values.expires as string | undefined) ?? '1h', MAX_DEVELOPMENT_TOKEN_SECONDS);
    const keyFile = values.key as string;
    const parsed = PrincipalSchema.safeParse(principal);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
      throw new UsageError(NAME, cliMessage('token.invalid-principal', { problems }));
    }
    const privateKey = readBytes(keyFile).toString('utf8');
    try {
      const token = await signToken(privateKey, parsed.data, {
        expiresInSeconds: lifetime,
        ...(values.issuer ? { issuer: values.issuer as string } : {}),
        ...(values.audience ? { audience: values.audience as string } : {}),
      });
      io.stdout(`${token}\n`);
    } catch (error) {
      if (error instanceof RuralkitError) {
        const problem = cliMessage('usage.passed-on', error.text);
        throw new UsageError(NAME, cliMessage('token.key-refused', { file: keyFile, problem }));
      }
      throw new UsageError(NAME, cliMessage('token.not-a-key', { file: keyFile }));
    }
    return 0;
  },
};

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600 };

/** `--expires 90s | 30m | 1h` in seconds, refused above `max`. */
function seconds(text: string, max: number): number {
  const match = /^([1-9]\d{0,5})([smh])$/.exec(text);
  const value = match ? Number(match[1]) * UNITS[match[2]!]! : NaN;
  if (!(value <= max)) {
    throw new UsageError(NAME, cliMessage('token.expires', { value: text, maxHours: max / 3600 }));
  }
  return value;
}
