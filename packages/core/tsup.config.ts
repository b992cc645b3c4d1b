import { defineConfig } from 'tsup';
import { library } from '../../tsup.base.js';

// Two entries: the main one reads no files; `@ruralkit/core/node` holds what does.
export default defineConfig({
  ...library,
  entry: ['src/index.ts', 'src/node.ts'],
  // The plugin loader resolves from import.meta.url; the CJS build gets it from its own file.
  shims: true,
});
