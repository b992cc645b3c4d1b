// The county's scenario suite as vitest tests: one test per scenario file. The scenarios name
// the county's plugins, which sit beside the scenarios folder; one of them is code.
import { fileURLToPath } from 'node:url';
import { scenarioSuite } from '@ruralkit/testing/vitest';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

scenarioSuite('Example County (示例县) plugin', [here('./scenarios')], {
  pluginRoot: here('.'),
  allowCodePlugins: true,
});
