import { defineConfig } from 'tsup';
import { library } from '../../tsup.base.js';

export default defineConfig([
  { ...library, shims: true },
  {
    entry: { bin: 'src/bin.ts', 'batch-worker': 'src/batch/worker.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
