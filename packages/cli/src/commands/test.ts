/** `ruralkit test`: run scenario files; ends with `N passed, M failed`, exit 1 if any failed. */
import { formatOutcomes, runScenarios } from '@ruralkit/testing';
import { parseOptions, UsageError, type Command } from '../io.js';

export const testCommand: Command = {
  usage: 'ruralkit test <scenario files or folders>... [--plugin-root FOLDER] [--allow-code-plugins]',
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      'plugin-root': { type: 'string' },
      'allow-code-plugins': { type: 'boolean' },
    });
    if (positionals.length === 0) throw new UsageError('ruralkit test: give scenario files or folders');
    let outcomes;
    try {
      outcomes = await runScenarios(positionals, {
        pluginRoot: values['plugin-root'] as string | undefined,
        allowCodePlugins: values['allow-code-plugins'] === true,
      });
    } catch (error) {
      throw new UsageError(`ruralkit test: ${(error as Error).message}`);
    }
    io.stdout(`${formatOutcomes(outcomes)}\n`);
    return outcomes.length > 0 && outcomes.every((o) => o.passed) ? 0 : 1;
  },
};
