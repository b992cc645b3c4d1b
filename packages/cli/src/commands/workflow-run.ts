/**
 * `ruralkit workflow run STORE`: the deadline worker (到期处理进程) for deployments without the
 * HTTP service — a ticker that fires passed deadlines every `--tick-every` seconds (one ticker
 * per tenant across the processes sharing the store), printing each one fired, until SIGTERM or
 * SIGINT; `--once` beats once and stops; `--tenant ID` fires that tenant's only.
 */
import { createTicker, type Clock, type Maintenance, type WorkflowStore } from '@ruralkit/core';
import { overdueLine, tickEveryMs, tickFailure } from '../deadlines.js';
import type { Io } from '../io.js';
import { cliMessage, inBoth } from '../locales/index.js';

/** The worker's choices, checked before the store is opened. */
export interface WorkerOptions {
  everyMs: number;
  tenant?: string;
  once: boolean;
}

export function workerOptions(command: string, values: Record<string, unknown>): WorkerOptions {
  return {
    everyMs: tickEveryMs(command, values['tick-every']),
    ...(typeof values.tenant === 'string' ? { tenant: values.tenant } : {}),
    once: values.once === true,
  };
}

/** Fire deadlines until stopped (or once); exit 0, or 1 when a `--once` beat failed. */
export async function runWorker(
  options: WorkerOptions,
  maintenance: Maintenance,
  store: WorkflowStore,
  clock: Clock | undefined,
  io: Io,
): Promise<number> {
  const ticker = createTicker({
    maintenance,
    store,
    everyMs: options.everyMs,
    ...(clock ? { clock } : {}),
    ...(options.tenant ? { tenants: [options.tenant] } : {}),
    onFired: (_tenant, fired) => {
      for (const notice of fired) io.stdout(`${overdueLine(notice)}\n`);
    },
    onError: (error, tenant) => io.stderr(tickFailure(error, tenant)),
  });
  if (options.once) {
    await ticker.beat();
    await ticker.release();
  } else {
    const seconds = options.everyMs / 1000;
    io.stderr(`ruralkit: ${inBoth(cliMessage('run.every', { seconds, tenant: options.tenant }))}\n`);
    const controller = new AbortController();
    const stop = () => controller.abort();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      await ticker.run(controller.signal);
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    }
  }
  const fired = [...ticker.stats.fired.values()].reduce((sum, n) => sum + n, 0);
  io.stderr(`ruralkit: ${inBoth(cliMessage('deadlines.overdue-total', { total: fired }))}\n`);
  return options.once && ticker.stats.failures > 0 ? 1 : 0;
}
