/** `ruralkit template`: write the fill-in workbook (指标填报模板) generated from a plan. */
import { parseInput, type EvaluationInput } from '@ruralkit/core';
import { readInputFiles, writeOutput } from '../input-files.js';
import { parseOptions, UsageError, type Command } from '../io.js';
import { loadXlsx } from '../optional.js';
import { planFromOptions, planOptions } from '../plan-options.js';

export const templateCommand: Command = {
  usage: `ruralkit template --out FILE.xlsx [--plan ID] [--plugin FILE]... [--data input.yaml|input.json]`,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      ...planOptions,
      data: { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`ruralkit template: unexpected "${positionals[0]}"`);
    const out = values.out as string | undefined;
    if (!out?.endsWith('.xlsx')) throw new UsageError('ruralkit template: give --out FILE.xlsx');
    const plan = await planFromOptions(values);
    const data = values.data as string | undefined;
    // Data is validated by the plan's schema before it is written, so the workbook imports cleanly.
    const input = data ? ((await readInputFiles(plan, [data])) as EvaluationInput) : undefined;
    if (input) parseInput(plan, input);
    const { buildTemplate } = await loadXlsx();
    writeOutput(out, await buildTemplate(plan, input ? { input } : {}));
    io.stderr(`ruralkit: wrote ${out}\n`);
    return 0;
  },
};
