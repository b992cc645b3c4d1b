import { defineConfig } from 'tsup';
import { library } from '../../tsup.base.js';

export default defineConfig({
  ...library,
  entry: ['src/index.ts', 'src/vitest.ts', 'src/store-contract.ts'],
  external: ['vitest'],
  // The plugin loader resolves from import.meta.url; the CJS build gets it from its own file.
  shims: true,
});
