import { defineConfig } from 'tsup';
import { library } from '../../tsup.base.js';

// Three entries: the main one reads no files; `@ruralkit/core/node` holds what does;
// `@ruralkit/core/store` is for store authors.
export default defineConfig({
  ...library,
  entry: ['src/index.ts', 'src/node.ts', 'src/store.ts'],
  // The plugin loader resolves from import.meta.url; the CJS build gets it from its own file.
  shims: true,
});
