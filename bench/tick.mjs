// Benchmark (基准测试): the maintenance's `tick` with 100,000 deadlines passed at once, on SQLite:
// it fires them in claimed batches (`claimDue`, 100 an instance batch), one commit per
// instance, while the process's memory stays bounded. Prints one `BENCH {json}` line with the
// time per deadline, the batches, and the peak resident memory against the memory before.
// Run after `pnpm build`: `node tick.mjs [deadlines]` (part of `pnpm bench:workflow`).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMaintenance, createManualClock, verifyAuditChains } from '@ruralkit/core';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { fillSqlite, instance } from './search.mjs';

/** Issue 24's bound: the peak memory while ticking, above the memory before it. */
const TARGET_GROWTH_MB = 100;

/** How many instances to fill so that `deadlines` of them have one passed by 2030. */
function instancesFor(deadlines) {
  let due = 0;
  let size = 0;
  while (due < deadlines) {
    const { record } = instance(size);
    if (record.deadlines.some((d) => !d.overdueAt)) due += 1;
    size += 1;
  }
  return size;
}

export async function tickBench(deadlines = 100_000) {
  const dir = mkdtempSync(join(tmpdir(), 'ruralkit-bench-tick-'));
  const store = openSqliteStore(join(dir, 'tick.db'));
  try {
    fillSqlite(store, instancesFor(deadlines));
    const clock = createManualClock('2030-01-01T00:00:00Z');
    const maintenance = createMaintenance({ store, clock });
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    let fired = 0;
    let batches = 0;
    const start = process.hrtime.bigint();
    for (;;) {
      const batch = await maintenance.tick();
      if (batch.length === 0) break;
      fired += batch.length;
      batches += 1;
      peak = Math.max(peak, process.memoryUsage().rss);
      if (batches % 200 === 0) console.log(`NOTE: tick: batch ${batches}, ${fired} deadlines fired`);
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    const growthMb = Math.round((peak - before) / 1e5) / 10;
    if (fired !== deadlines) throw new Error(`tick fired ${fired} deadlines, expected ${deadlines}`);
    // the chain of what tick wrote (the rows filled for the benchmark have no audit of their own)
    const chained = verifyAuditChains(await store.readAudit(), await store.auditHeads());
    if (!chained.ok || chained.entries !== fired) throw new Error(`tick's audit chain: ${JSON.stringify(chained)}`);
    console.log(
      `BENCH ${JSON.stringify({
        name: 'workflow-tick',
        store: 'sqlite',
        deadlines: fired,
        batches,
        seconds: Math.round(ms / 100) / 10,
        usPerDeadline: Math.round((ms * 1000) / fired),
        rssBeforeMb: Math.round(before / 1e6),
        rssGrowthMb: growthMb,
        target: `in batches, rssGrowthMb <= ${TARGET_GROWTH_MB}`,
        met: batches > 1 && growthMb <= TARGET_GROWTH_MB,
      })}`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  await tickBench(Number(process.argv[2] ?? 100_000));
}
