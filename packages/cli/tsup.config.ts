import { defineConfig } from 'tsup';
import { library } from '../../tsup.base.js';

export default defineConfig([
  // ESM: the library, the command and the batch worker in one build, so they share their chunks
  // and every module ships once.
  {
    ...library,
    entry: { index: 'src/index.ts', bin: 'src/bin.ts', 'batch-worker': 'src/batch/worker.ts' },
    format: ['esm'],
    dts: { entry: { index: 'src/index.ts' } },
  },
  // CJS: the library alone, for require().
  { ...library, format: ['cjs'], clean: false, shims: true },
]);
