// Canonical JSON and plan hashes: key order does not matter, any change does.
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
