/**
 * `pnpm bench:data --villages N --households N --seed S [--dir DIR]`: write the benchmark's
 * data set (default: 1,000 villages, 1,000,000 households, seed 1, into bench/data).
 */
import { parseArgs } from 'node:util';
import { writeData } from './write.js';

function count(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} must be a whole number ≥ 0 (got "${value}")`);
  return n;
}

const { values } = parseArgs({
  options: {
    villages: { type: 'string' },
    households: { type: 'string' },
    seed: { type: 'string' },
    dir: { type: 'string' },
  },
  strict: true,
});
const options = {
  villages: count('villages', values.villages, 1000),
  households: count('households', values.households, 1_000_000),
  seed: count('seed', values.seed, 1),
  dir: values.dir ?? 'bench/data',
};
const files = await writeData(options);
process.stdout.write(
  `wrote ${options.villages} villages to ${files.villages}, ${options.households} households to ${files.households}, the district to ${files.district} (seed ${options.seed})\n`,
);
