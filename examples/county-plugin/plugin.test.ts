// The county's scenario suite as vitest tests: one test per scenario file.
import { fileURLToPath } from 'node:url';
import { scenarioSuite } from '@ruralkit/testing/vitest';

scenarioSuite('Example County (示例县) plugin', [fileURLToPath(new URL('./scenarios', import.meta.url))]);
