// Shared by the evaluation tests: the Changjiang example data (examples/changjiang-2021/data.yaml).
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { EvaluationInput } from '@ruralkit/core';

export const example = parse(
  readFileSync(new URL('../../../examples/changjiang-2021/data.yaml', import.meta.url), 'utf8'),
) as EvaluationInput;
