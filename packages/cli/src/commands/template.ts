/** `ruralkit template`: write the fill-in workbook (指标填报模板) generated from a plan. */
import { parseInput, type EvaluationInput } from '@ruralkit/core';
import { readInputFiles, writeOutput } from '../input-files.js';
import { parseOptions, UsageError, type Command } from '../io.js';
import { cliMessage, inEnglish } from '../locales/index.js';
import { loadXlsx } from '../optional.js';
import { PLAN_OPTIONS_HELP, planFromOptions, planOptions } from '../plan-options.js';

const NAME = 'ruralkit template';

export const templateCommand: Command = {
  summary: "生成指标填报模板 / write the fill-in workbook of the plan's indicators",
  usage: `ruralkit template --out FILE.xlsx [--plan ID] [--plugin FILE]... [--data input.yaml|input.json]`,
  options: `${PLAN_OPTIONS_HELP}
  --data      用此 YAML 或 JSON 数据填写模板 / fill the template with this YAML or JSON input
  --out       要写出的工作簿（.xlsx） / the workbook to write (.xlsx)`,
  async run(args, io) {
    const { values, positionals } = parseOptions(NAME, args, {
      ...planOptions,
      data: { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals.length > 0) {
      throw new UsageError(NAME, cliMessage('template.unexpected-argument', { argument: positionals[0]! }));
    }
    const out = values.out as string | undefined;
    if (!out?.endsWith('.xlsx')) {
      throw new UsageError(NAME, cliMessage('template.out-required', {}));
    }
    const plan = await planFromOptions(values);
    const data = values.data as string | undefined;
    // Data is validated by the plan's schema before it is written, so the workbook imports cleanly.
    const input = data ? ((await readInputFiles(plan, [data])) as EvaluationInput) : undefined;
    if (input) parseInput(plan, input);
    const { buildTemplate } = await loadXlsx();
    writeOutput(out, await buildTemplate(plan, input ? { input } : {}));
    io.stderr(`ruralkit: ${inEnglish(cliMessage('output.wrote', { file: out }))}\n`);
    return 0;
  },
};
