import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

export default defineConfig({
  resolve: {
    alias: {
      '@ruralkit/testing/store-contract': fileURLToPath(
        new URL('./packages/testing/src/store-contract.ts', import.meta.url),
      ),
      '@ruralkit/core': src('core'),
      '@ruralkit/testing': src('testing'),
      '@ruralkit/store-sqlite': src('store-sqlite'),
    },
  },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'test/**/*.test.ts', 'examples/**/*.test.ts'],
    testTimeout: 30000,
  },
});
