import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const file = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const src = (pkg: string) => file(`./packages/${pkg}/src/index.ts`);

export default defineConfig({
  resolve: {
    // Subpath aliases come before their package's, which would otherwise match them first.
    alias: {
      '@ruralkit/testing/vitest': file('./packages/testing/src/vitest.ts'),
      '@ruralkit/testing/store-contract': file('./packages/testing/src/store-contract.ts'),
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
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts', 'bench/test/**/*.test.ts'],
    testTimeout: 30000,
    // every temporary file is made in the run's folder and removed with it (test/support/temp-run.ts)
    globalSetup: ['./test/support/temp-run.ts'],
    setupFiles: ['./test/support/temp-file.ts'],
  },
});
