import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { configDefaults, defineConfig } from 'vitest/config';

const file = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const src = (pkg: string) => file(`./packages/${pkg}/src/index.ts`);

const TESTS = ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts', 'bench/test/**/*.test.ts'];
/** Fault and fuzz tests: minutes of broker restarts, killed processes and mutations; CI runs them (`pnpm test:slow`). */
const SLOW = [
  'packages/relay/test/faults.test.ts',
  'test/workflows-postgres-faults.test.ts',
  'packages/core/test/input.fuzz.test.ts',
];

/** Test files left out of every project: globs separated by spaces, e.g. for a Node version that cannot run them. */
const LEFT_OUT = (process.env.RURALKIT_TEST_EXCLUDE ?? '').split(/\s+/).filter(Boolean);

export default defineConfig({
  resolve: {
    // Subpath aliases come before their package's, which would otherwise match them first.
    alias: {
      '@ruralkit/testing/vitest': file('./packages/testing/src/vitest.ts'),
      '@ruralkit/testing/store-contract': file('./packages/testing/src/store-contract.ts'),
      '@ruralkit/core/node': file('./packages/core/src/node.ts'),
      '@ruralkit/core/store': file('./packages/core/src/store.ts'),
      '@ruralkit/xlsx/csv': file('./packages/xlsx/src/csv.ts'),
      '@ruralkit/core': src('core'),
      '@ruralkit/testing': src('testing'),
      '@ruralkit/xlsx': src('xlsx'),
      '@ruralkit/store-sqlite': src('store-sqlite'),
      '@ruralkit/store-postgres': src('store-postgres'),
      '@ruralkit/http': src('http'),
      '@ruralkit/report': src('report'),
      '@ruralkit/relay': src('relay'),
    },
  },
  test: {
    testTimeout: 30000,
    // Most test files wait on processes, sockets and databases: two at a time even on two cores.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // every temporary file is made in the run's folder and removed with it (test/support/temp-run.ts)
    globalSetup: ['./test/support/temp-run.ts'],
    setupFiles: ['./test/support/temp-file.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: TESTS,
          exclude: [...configDefaults.exclude, ...SLOW, ...LEFT_OUT],
          // Test files share a worker's loaded modules instead of loading them again per file: the
          // tests keep no state in modules (environment changes are put back), and it halves the run.
          isolate: false,
        },
      },
      { extends: true, test: { name: 'slow', include: SLOW, exclude: [...configDefaults.exclude, ...LEFT_OUT] } },
    ],
  },
});
