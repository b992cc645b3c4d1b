/** `ruralkit test`: run scenario files; ends with `N passed, M failed`, exit 1 if any failed. */
import { existsSync } from 'node:fs';
import { formatOutcomes, runScenarios } from '@ruralkit/testing';
import { parseOptions, UsageError, type Command } from '../io.js';
import { cliMessage } from '../locales/index.js';

const NAME = 'ruralkit test';

export const testCommand: Command = {
  summary: '运行场景文件 / run scenario files (YAML or JSON): N passed, M failed',
  usage: 'ruralkit test <scenario files or folders>... [--plugin-root FOLDER] [--allow-code-plugins]',
  options: `  --plugin-root FOLDER   场景插件所在文件夹 / the folder scenario plugins must lie in (default: the folder given)
  --allow-code-plugins   允许加载代码插件 / let scenarios load code plugins (.ts, .js), which run with your rights`,
  async run(args, io) {
    const { values, positionals } = parseOptions(NAME, args, {
      'plugin-root': { type: 'string' },
      'allow-code-plugins': { type: 'boolean' },
    });
    if (positionals.length === 0) {
      throw new UsageError(NAME, cliMessage('test.scenarios-required', {}));
    }
    const missing = positionals.filter((path) => !existsSync(path));
    if (missing.length > 0) {
      throw new UsageError(NAME, cliMessage('test.not-found', { paths: missing }));
    }
    const outcomes = await runScenarios(positionals, {
      pluginRoot: values['plugin-root'] as string | undefined,
      allowCodePlugins: values['allow-code-plugins'] === true,
    });
    io.stdout(`${formatOutcomes(outcomes)}\n`);
    return outcomes.length > 0 && outcomes.every((o) => o.passed) ? 0 : 1;
  },
};
