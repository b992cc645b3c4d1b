// Ids seen in a batch run: a fingerprint met again reads the input back, so fingerprints of
// distinct ids must almost never meet (issue 24: a third of screening's time went to reading back).
import { describe, expect, it } from 'vitest';
import { InputError } from '@ruralkit/core';
import { createIdRegistry } from '../src/batch/unique.js';

describe('batch id registry', () => {
  it('reads the input back for none of 300,000 distinct ids', async () => {
    const asked: string[] = [];
    const ids = createIdRegistry('household', async (id) => {
      asked.push(id);
      return undefined;
    });
    for (let i = 0; i < 300_000; i++) await ids.check(`h-${String(i).padStart(7, '0')}`, i + 1);
    for (let i = 0; i < 300_000; i++) await ids.check(`110101${i}X`, 300_001 + i);
    expect(asked).toEqual([]);
  });

  it('asks for the earlier line when fingerprints meet, goes on for distinct ids and refuses a duplicate', async () => {
    const lines = new Map<string, number>();
    const asked: [string, number][] = [];
    const ids = createIdRegistry(
      'household',
      async (id, line) => {
        asked.push([id, line]);
        const first = lines.get(id);
        return first !== undefined && first < line ? first : undefined;
      },
      () => [7, 7],
    );
    for (const [line, id] of ['h1', 'h2', 'h3'].entries()) {
      lines.set(id, line + 1);
      await ids.check(id, line + 1);
    }
    expect(asked).toEqual([
      ['h2', 2],
      ['h3', 3],
    ]);
    const refused = await ids.check('h2', 9)?.catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).message).toMatch(/h2/);
    expect((refused as InputError).issues.map((issue) => issue.line)).toContain(9);
  });
});
