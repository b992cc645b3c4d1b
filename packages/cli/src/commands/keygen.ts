/**
 * `ruralkit keygen --jwt`: a key pair for bearer tokens (令牌密钥对): the private key signs
 * (`ruralkit token`, or the issuer's own system), the public key (`.pub`) is what
 * `ruralkit serve --jwt-key` verifies with.
 */
import { parseOptions, UsageError, type Command } from '../io.js';
import { cliMessage, label } from '../locales/index.js';
import { loadHttp } from '../optional.js';
import { writeKeyPair } from './workflow-audit.js';

const NAME = 'ruralkit keygen';

export const keygenCommand: Command = {
  summary: '生成令牌密钥对（Ed25519） / make a key pair for bearer tokens (Ed25519)',
  usage: 'ruralkit keygen --jwt --out FILE',
  options: `  --jwt       令牌签名密钥对 / a key pair that signs and verifies bearer tokens (EdDSA)
  --out       私钥文件（0600），公钥写到 FILE.pub / the private key file (0600); the public key goes to FILE.pub`,
  async run(args, io) {
    const { values, positionals } = parseOptions(NAME, args, {
      jwt: { type: 'boolean' },
      out: { type: 'string' },
    });
    if (positionals.length > 0) {
      throw new UsageError(NAME, cliMessage('usage.unexpected-argument', { argument: positionals[0]! }));
    }
    if (!values.jwt) {
      throw new UsageError(NAME, cliMessage('keygen.what-for', {}));
    }
    const { generateTokenKeys } = await loadHttp();
    writeKeyPair(NAME, values.out as string | undefined, generateTokenKeys(), io);
    io.stderr(`ruralkit: ${label('keygen.where-keys-go')}\n`);
    return 0;
  },
};
