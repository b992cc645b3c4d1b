// The condition compiler benchmark on tiny data, so that it cannot rot: agreement check, BENCH lines.
import { describe, expect, it } from 'vitest';
import { benchCompiler } from '../src/evaluation/compiler.js';

describe('the condition compiler benchmark', () => {
  it('runs every implementation, notes a missing fast-json-rules-engine, and prints the target line', async () => {
    let printed = '';
    const write = (text: string) => (printed += text);
    const lines = await benchCompiler({ facts: 50, repeat: 1, rounds: 1, fastJsonRulesEnginePath: undefined, write });
    expect(lines.map((l) => l.impl)).toEqual([
      'ruralkit',
      'hand-written',
      'json-logic-engine',
      'json-rules-engine',
      'ruralkit',
    ]);
    expect(printed).toContain('note: fast-json-rules-engine left out: FAST_JSON_RULES_ENGINE_PATH is not set');
    const target = lines.at(-1)!;
    expect(target).toMatchObject({ name: 'compiler-target', target: 1.5 });
    expect(typeof target.met).toBe('boolean');
    expect(target).toHaveProperty('aheadOf_json-logic-engine');
    expect(
      printed
        .trim()
        .split('\n')
        .filter((l) => l.startsWith('BENCH ')),
    ).toHaveLength(lines.length);
  });
});
