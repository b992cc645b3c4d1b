/**
 * `ruralkit keygen --jwt`: a key pair for bearer tokens (令牌密钥对): the private key signs
 * (`ruralkit token`, or the issuer's own system), the public key (`.pub`) is what
 * `ruralkit serve --jwt-key` verifies with.
 */
import { parseOptions, UsageError, type Command } from '../io.js';
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
      throw new UsageError(NAME, `多余的参数 "${positionals[0]}"`, `unexpected argument "${positionals[0]}"`);
    }
    if (!values.jwt) {
      throw new UsageError(
        NAME,
        '请说明密钥用途：--jwt（令牌）；审计签名密钥用 ruralkit workflow keygen',
        'say what the key is for: --jwt (bearer tokens); audit signing keys come from ruralkit workflow keygen',
      );
    }
    const { generateTokenKeys } = await loadHttp();
    writeKeyPair(NAME, values.out as string | undefined, generateTokenKeys(), io);
    io.stderr(
      'ruralkit: 公钥（.pub）交给 serve --jwt-key，私钥留给签发令牌的一方 / give the public key (.pub) to serve --jwt-key; keep the private key with whoever signs tokens\n',
    );
    return 0;
  },
};
