// The build every package shares: ESM + CJS + .d.ts from src/index.ts, for Node 20.
import type { Options } from 'tsup';

export const library: Options = {
  entry: ['src/index.ts'],
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'node20',
  // CJS too: entries share their modules through chunks, so each module ships once per format.
  splitting: true,
};
