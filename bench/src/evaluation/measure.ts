/** Timing and reporting: each measurement prints one line `BENCH {json}`. */

/** One measurement: what, which implementation, microseconds per subject, and ratios to peers. */
export interface BenchLine {
  name: string;
  impl: string;
  usPerSubject: number;
  [field: string]: unknown;
}

/** Print `BENCH {json}` (numbers rounded to 3 significant digits) and return the line. */
export function report(line: BenchLine, write: (text: string) => void = (t) => process.stdout.write(t)): BenchLine {
  const rounded = Object.fromEntries(
    Object.entries(line).map(([k, v]) => [k, typeof v === 'number' ? Number(v.toPrecision(3)) : v]),
  );
  write(`BENCH ${JSON.stringify(rounded)}\n`);
  return line;
}

/**
 * Microseconds per subject of `run` over `subjects`: the best of `rounds` passes after one
 * warm-up pass (the best pass is the one least disturbed by other work on the machine).
 */
export async function usPerSubject<T>(
  subjects: readonly T[],
  run: (subject: T) => unknown,
  rounds: number,
): Promise<number> {
  let best = Infinity;
  for (let round = 0; round <= rounds; round++) {
    const start = performance.now();
    for (const subject of subjects) {
      const result = run(subject);
      if (result instanceof Promise) await result;
    }
    const us = ((performance.now() - start) * 1000) / subjects.length;
    if (round > 0) best = Math.min(best, us);
  }
  return best;
}
