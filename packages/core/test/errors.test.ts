// Every error ruralkit raises on purpose is a RuralkitError: a stable code to map, and what is
// wrong in Chinese and in English.
import { describe, expect, it } from 'vitest';
import {
  compileCondition,
  ConditionCompileError,
  createMemoryStore,
  createRuntime,
  evaluate,
  FactFunctionError,
  getPlan,
  InputError,
  PluginError,
  resolvePlan,
  RuralkitError,
  UndefinedFactError,
  WorkflowError,
  type EvaluationInput,
} from '@ruralkit/core';
import { county } from './county-plugin.js';

const plan = getPlan('changjiang-2021');

function caught(run: () => unknown): RuralkitError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RuralkitError);
    return error as RuralkitError;
  }
  throw new Error('expected an error');
}

const bilingual = (error: RuralkitError) => {
  expect(error.text.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(error.text.en).toMatch(/[a-z]/);
};

describe('RuralkitError', () => {
  it('is what invalid input, plugins and conditions throw, each with its code', () => {
    const input = caught(() =>
      evaluate(plan, { villages: [{ id: 5 }] } as unknown as EvaluationInput, { asOf: '2025-12-31' }),
    );
    expect(input).toBeInstanceOf(InputError);
    expect(input.code).toBe('invalid-input');
    bilingual(input);

    const plugin = caught(() => resolvePlan(plan, [county({ rules: { disable: ['no.such-rule'] } })]));
    expect(plugin).toBeInstanceOf(PluginError);
    expect(plugin.code).toBe('invalid-plugin');
    expect(plugin.text.en).toMatch(/^plugin county-a at rules\.disable/);
    expect(plugin.text.zh).toMatch(/^插件 county-a 的 rules\.disable/);

    const condition = caught(() => compileCondition({ all: [{ fact: 'x', operator: 'noSuchOperator', value: 1 }] }));
    expect(condition).toBeInstanceOf(ConditionCompileError);
    expect(condition.code).toBe('invalid-condition');
    bilingual(condition);
  });

  it('keeps json-rules-engine’s codes for facts', () => {
    const undefinedFact = caught(() => compileCondition({ all: [{ fact: 'x', operator: 'equal', value: 1 }] })({}));
    expect(undefinedFact).toBeInstanceOf(UndefinedFactError);
    expect(undefinedFact).toMatchObject({ code: 'UNDEFINED_FACT', message: 'Undefined fact: x' });
    bilingual(undefinedFact);
    const throwing = caught(() =>
      compileCondition({ all: [{ fact: 'x', operator: 'equal', value: 1 }] })({
        x: () => {
          throw new Error('boom');
        },
      }),
    );
    expect(throwing).toBeInstanceOf(FactFunctionError);
    expect(throwing.code).toBe('FACT_FUNCTION');
    bilingual(throwing);
  });

  it('is what the workflow runtime refuses with', async () => {
    const runtime = createRuntime({ plan, store: createMemoryStore() });
    const refusal = await runtime.get('no-such-instance').catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(WorkflowError);
    expect(refusal).toBeInstanceOf(RuralkitError);
    expect((refusal as WorkflowError).code).toBe('unknown-instance');
    bilingual(refusal as RuralkitError);
  });
});
