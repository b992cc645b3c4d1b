/**
 * The audit actions of `ruralkit workflow` (审计核验): `keygen` makes an Ed25519 key pair,
 * `checkpoint` signs each tenant's verified chain head with the private key (kept outside the
 * database) and can export the checkpoints, `verify` checks the chains, the rows they cover and
 * every checkpoint — signatures too, given the public key.
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import {
  checkpointKeyId,
  checkpointPrivateKey,
  checkpointPublicKey,
  checkpointText,
  generateCheckpointKeys,
  readCheckpoints,
  RuralkitError,
  type AuditVerifyOptions,
  type PublicKeyWindow,
  type Maintenance,
} from '@ruralkit/core';
import { fileError, readBytes, UsageError, type Io } from '../io.js';
import { cliMessage, englishWord, inEnglish, label } from '../locales/index.js';
import { stripControls } from '../safe-text.js';

/** Write a new key pair: the private key to `out` (owner-only), the public key to `out.pub`. */
export function keygen(command: string, out: string | undefined, io: Io): number {
  const { publicKey } = writeKeyPair(command, out, generateCheckpointKeys(), io);
  io.stderr(`ruralkit: ${label('audit.key', ' ')} ${checkpointKeyId(publicKey)}: ${label('audit.keep-key-apart')}\n`);
  return 0;
}

/**
 * Write `pair`: the private key to `out` (created 0600), the public key to `out.pub`; an existing
 * file is never overwritten. Prints both paths.
 */
export function writeKeyPair<Pair extends { privateKey: string; publicKey: string }>(
  command: string,
  out: string | undefined,
  pair: Pair,
  io: Io,
): Pair {
  if (!out) {
    throw new UsageError(command, cliMessage('audit.out-required', {}));
  }
  const pub = `${out}.pub`;
  for (const file of [out, pub]) {
    if (existsSync(file)) {
      throw new UsageError(command, cliMessage('audit.key-exists', { file }));
    }
  }
  try {
    writeFileSync(out, pair.privateKey, { mode: 0o600, flag: 'wx' });
    writeFileSync(pub, pair.publicKey, { flag: 'wx' });
  } catch (error) {
    throw fileError(out, error);
  }
  io.stdout(`${out}\n${pub}\n`);
  return pair;
}

/** A key file (PEM), checked to be an Ed25519 key of the kind the option needs. */
export function readKey(command: string, option: string, file: string, kind: 'private' | 'public') {
  const text = readBytes(file).toString('utf8');
  try {
    return kind === 'private' ? checkpointPrivateKey(text) : checkpointPublicKey(text);
  } catch (error) {
    const problem =
      error instanceof RuralkitError
        ? cliMessage('usage.passed-on', error.text)
        : cliMessage('file.parser-says', { text: (error as Error).message });
    throw new UsageError(command, cliMessage('audit.not-a-key', { option, file, kind, problem }));
  }
}

/**
 * The public keys of `--public-key FILE[@FROM..UNTIL]` (repeatable): each key with the time it
 * was in use (ISO 8601; either end may be left open), so rotated keys verify what each signed.
 */
export function publicKeys(command: string, specs: unknown): PublicKeyWindow[] | undefined {
  const given = (Array.isArray(specs) ? specs : specs === undefined ? [] : [specs]) as string[];
  if (given.length === 0) return undefined;
  return given.map((spec) => {
    const [file, window] = /^(.*?)(?:@([^@/\\]*\.\.[^@/\\]*))?$/.exec(spec)!.slice(1) as [string, string | undefined];
    const [from, until] = window?.split('..') ?? [];
    for (const time of [from, until]) {
      if (time && Number.isNaN(Date.parse(time))) {
        throw new UsageError(command, cliMessage('audit.key-window', { spec }));
      }
    }
    return {
      key: readKey(command, 'public-key', file, 'public'),
      ...(from ? { from } : {}),
      ...(until ? { until } : {}),
    };
  });
}

/** The verification options of `verify`: tenant, public keys, exported checkpoints. */
export function verifyOptions(
  command: string,
  values: { tenant?: unknown; 'public-key'?: unknown; checkpoints?: unknown },
): AuditVerifyOptions {
  const options: AuditVerifyOptions = {};
  if (typeof values.tenant === 'string') options.tenant = values.tenant;
  const keys = publicKeys(command, values['public-key']);
  if (keys) options.publicKey = keys;
  if (typeof values.checkpoints === 'string') {
    const file = values.checkpoints;
    const text = readBytes(file).toString('utf8');
    try {
      options.checkpoints = readCheckpoints(text, file);
    } catch (error) {
      if (!(error instanceof RuralkitError)) throw error;
      throw new UsageError(command, cliMessage('usage.passed-on', error.text));
    }
  }
  return options;
}

/** `workflow checkpoint`: sign and store each tenant's head; append to `--export` if given. */
export async function checkpoint(
  command: string,
  maintenance: Maintenance,
  values: { key?: unknown; 'audit-key'?: unknown; export?: unknown; tenant?: unknown; 'public-key'?: unknown },
  io: Io,
): Promise<number> {
  const file = values.key ?? values['audit-key'];
  if (typeof file !== 'string') {
    throw new UsageError(command, cliMessage('audit.key-required', {}));
  }
  const key = readKey(command, values.key === undefined ? 'audit-key' : 'key', file, 'private');
  const older = publicKeys(command, values['public-key']);
  const signed = await maintenance.checkpoint(key, {
    ...(typeof values.tenant === 'string' ? { tenant: values.tenant } : {}),
    ...(older ? { publicKey: [{ key }, ...older] } : {}),
  });
  for (const c of signed) {
    io.stdout(stripControls(`${c.tenant || '-'} #${c.seq} ${c.headHash.slice(0, 16)}… ${c.at} key ${c.keyId}`) + '\n');
  }
  if (typeof values.export === 'string' && signed.length) {
    try {
      appendFileSync(values.export, signed.map((c) => `${checkpointText(c)}\n`).join(''));
    } catch (error) {
      throw fileError(values.export, error);
    }
  }
  io.stderr(`ruralkit: ${inEnglish(cliMessage('audit.checkpoints-signed', { count: signed.length }))}\n`);
  return 0;
}

/** `workflow verify`: print the verification; exit 1 when anything is broken. */
export async function verify(maintenance: Maintenance, options: AuditVerifyOptions, io: Io): Promise<number> {
  const verification = await maintenance.verify(options);
  const say = (text: string) => io.stdout(`${stripControls(text)}\n`);
  const notChecked = `，${label('audit.signatures-not-checked', '/ ')}`;
  const verified = `, ${englishWord('audit.signatures-verified')}`;
  if (!verification.ok) {
    say(`${label('audit.broken')}: ${verification.message.zh} / ${verification.message.en}`);
    return 1;
  }
  const chain = (entries: number, head: string) =>
    inEnglish(cliMessage('audit.chain', { entries, head: head.slice(0, 16) }));
  say(`${label('audit.intact')}: ${chain(verification.entries, verification.headHash)}`);
  for (const [tenant, { entries, headHash }] of Object.entries(verification.tenants ?? {})) {
    say(`  ${label('audit.tenant', ' ')} ${tenant || '-'}: ${chain(entries, headHash)}`);
  }
  say(
    `  ${label('audit.instances', ' ')}: ${verification.instances ?? 0}, ${label('audit.domain-events', ' ')}: ${verification.events ?? 0} ${englishWord('audit.checked')}`,
  );
  if (verification.signedEntries) {
    const checked = verification.checkpoints?.signatures === 'verified';
    say(`  ${label('audit.signed-entries', ' ')}: ${verification.signedEntries}${checked ? verified : notChecked}`);
  }
  const checkpoints = verification.checkpoints ?? { count: 0, signatures: 'not-checked' };
  if (checkpoints.count === 0) {
    say(`  ${label('audit.no-checkpoint')}`);
  } else if (checkpoints.signatures === 'verified') {
    say(`  ${label('audit.signed-checkpoints', ' ')}: ${checkpoints.count}${verified}`);
  } else {
    say(`  ${label('audit.signed-checkpoints', ' ')}: ${checkpoints.count}${notChecked}`);
  }
  return 0;
}
