// The report schemas (the source of the report's types): every report evaluate and the batch
// evaluator give parses, unchanged.
import { describe, expect, it } from 'vitest';
import { createBatchEvaluator, evaluate, getPlan, ReportSchema, VillageEvaluationSchema } from '@ruralkit/core';
import { example } from './example.js';

const plan = getPlan('changjiang-2021');

describe('ReportSchema', () => {
  it.each(['2021-06-30', '2023-07-01', '2025-12-31', '2027-01-01'])('takes the example report at %s whole', (asOf) => {
    const report = JSON.parse(JSON.stringify(evaluate(plan, example, { asOf })));
    // Parsing strips unknown keys: equality shows that no field the report has is missing.
    expect(ReportSchema.parse(report)).toEqual(report);
  });

  it('takes batch results, explained and not', () => {
    for (const explain of ['all', 'not-met', 'none'] as const) {
      const batch = createBatchEvaluator(plan, { asOf: '2025-12-31', explain, district: example.district });
      for (const village of example.villages ?? []) {
        const result = JSON.parse(JSON.stringify(batch.village(village)));
        expect(VillageEvaluationSchema.parse(result)).toEqual(result);
      }
    }
  });

  it('refuses a report with an unknown status', () => {
    const report = JSON.parse(JSON.stringify(evaluate(plan, example, { asOf: '2025-12-31' })));
    report.results[0].status = 'done';
    expect(ReportSchema.safeParse(report).success).toBe(false);
  });
});
