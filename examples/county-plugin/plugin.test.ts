// The county's scenario suite as vitest tests: one test per scenario file. The scenarios name
// the county's plugins, which sit beside the scenarios folder; one of them is code.
import { scenarioSuite } from '@ruralkit/testing/vitest';

scenarioSuite('Example County (示例县) plugin', ['./scenarios'], { pluginRoot: '.', allowCodePlugins: true });
