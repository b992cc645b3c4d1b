// The keyring of personal data in a file (`fileKeys`, `--keys FILE`): readable by its owner only,
// shared by processes, surviving restarts, and refused when others may read it or it is no keyring.
import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, createRuntime } from '@ruralkit/core';
import { fileKeys } from '../src/node.js';
import { harness, PERSONAL, PERSONAL_PATH, plan, principal, START_AT, walk } from './workflows/fixtures.js';

const dir = () => mkdtempSync(join(tmpdir(), 'ruralkit-keys-'));

describe('fileKeys', () => {
  it('keeps keys in a file readable by its owner only, shared by processes, forgetting for all', async () => {
    const file = join(dir(), 'personal.keys');
    const one = fileKeys(file);
    const key = await one.keyOf('changjiang/liuyang/lh-003');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const two = fileKeys(file); // another process
    expect((await two.keyOf('changjiang/liuyang/lh-003')).id).toBe(key.id);
    expect(Buffer.from((await two.find(key.id))!.key)).toEqual(Buffer.from(key.key));
    expect(await two.forget('changjiang/liuyang/lh-003')).toBe(1);
    expect(await one.find(key.id)).toBeUndefined(); // the first sees the erasure
    expect(readFileSync(file, 'utf8')).not.toContain(key.id);
  });

  it('loses no key when several keyrings on one file add keys at once', async () => {
    const file = join(dir(), 'personal.keys');
    const rings = [fileKeys(file), fileKeys(file), fileKeys(file)];
    const owners = Array.from({ length: 30 }, (_, i) => `changjiang/liuyang/h-${i}`);
    const made = await Promise.all(owners.map((owner, i) => rings[i % 3]!.keyOf(owner)));
    const reader = fileKeys(file);
    for (const key of made) expect((await reader.find(key.id))?.owner).toBe(key.owner);
  });

  it('serves a runtime across restarts, so a reader still sees the values', async () => {
    const file = join(dir(), 'personal.keys');
    const store = createMemoryStore();
    const first = harness(START_AT['poverty-monitoring'], store, fileKeys(file));
    const id = await walk(first, PERSONAL_PATH);
    const restarted = createRuntime({ plan, store, keys: fileKeys(file) });
    const household = principal('household', 'liuyang'); // lh-003 itself
    expect((await restarted.get(id, { principal: household })).context.householdHead).toBe(PERSONAL.name);
  });

  it('refuses a key file others may read, and one that is not a keyring, naming the file', async () => {
    const file = join(dir(), 'personal.keys');
    await fileKeys(file).keyOf('o');
    chmodSync(file, 0o644);
    await expect(fileKeys(file).keyOf('o')).rejects.toMatchObject({
      code: 'invalid-key-file',
      message: expect.stringContaining('chmod 600'),
    });
    const other = join(dir(), 'other.keys');
    writeFileSync(other, '{"keys": 1}', { mode: 0o600 });
    await expect(fileKeys(other).find('x')).rejects.toThrow(new RegExp(`${other}.*not in the`));
  });
});
