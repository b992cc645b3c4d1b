// Canonical JSON and plan hashes: key order does not matter, any change does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, getPlan, planHash, type Plan } from '@ruralkit/core';

describe('content hashes', () => {
  it('writes canonical JSON with sorted keys at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { f: 1, e: null }], c: 'x' }, u: undefined })).toBe(
      '{"a":{"c":"x","d":[2,{"e":null,"f":1}]},"b":1}',
    );
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(/cannot hash/);
  });

  it('gives the same plan the same hash and a changed plan another', () => {
    const plan = getPlan('changjiang-2021');
    expect(planHash(plan)).toMatch(/^sha256:[0-9a-f]{64}$/);
    const copy = structuredClone(plan) as Plan;
    expect(planHash(copy)).toBe(planHash(plan));
    copy.parameters[1]!.values[0]!.value = 0.95;
    expect(planHash(copy)).not.toBe(planHash(plan));
  });
});

/** Canonical JSON as first written (entries sorted by a comparator, then joined): the oracle. */
function canonicalAsFirstWritten(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new Error(`cannot hash the number ${value}`);
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map(canonicalAsFirstWritten).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined && typeof v !== 'function')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalAsFirstWritten(v)}`).join(',')}}`;
}

describe('canonical JSON, byte for byte as the audit chain has always hashed it', () => {
  it('matches the first implementation on any JSON-like value, undefined members and odd keys included', () => {
    const leaf = fc.oneof(
      fc.constant(undefined),
      fc.constant(null),
      fc.boolean(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      fc.string(),
      fc.string({ unit: 'grapheme' }),
    );
    const key = fc.oneof(fc.string(), fc.constantFrom('10', '9', '-1', '', 'é', '\u2028', '__proto__x', 'a"b'));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 5 }),
      object: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        expect(canonicalJson(value)).toBe(canonicalAsFirstWritten(value));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves functions out of objects and writes them as null in arrays', () => {
    const fn = () => 1;
    expect(canonicalJson({ b: fn, a: [fn, undefined, 1] })).toBe('{"a":[null,null,1]}');
  });
});
