/**
 * Deadlines fired by the service itself (服务内到期定时器): with the `ticker` option, a ticker
 * (`createTicker` of core) runs over the service's store until the app closes, and `/metrics`
 * shows its figures for the caller's tenant.
 */
import {
  createTicker,
  type Clock,
  type Maintenance,
  type TickerOptions,
  type TickerStats,
  type WorkflowStore,
} from '@ruralkit/core';
import type { FastifyInstance } from 'fastify';

/** How the service fires deadlines: every `everyMs` (default one minute), the other choices as `createTicker`'s. */
export type ServiceTicker = Omit<TickerOptions, 'maintenance' | 'store' | 'clock'>;

/** Run a ticker over the service's `maintenance` and `store` while `app` is ready, until it closes. */
export function runTicker(
  app: FastifyInstance,
  maintenance: Maintenance,
  store: WorkflowStore,
  clock: Clock | undefined,
  options: ServiceTicker,
): TickerStats {
  const ticker = createTicker({
    ...options,
    maintenance,
    store,
    ...(clock ? { clock } : {}),
    onError: options.onError ?? ((error, tenant) => app.log.error({ tenant, err: error }, 'deadline tick failed')),
  });
  const controller = new AbortController();
  let running: Promise<void> | undefined;
  // from when the app is ready, and until before the store closes (onClose): the beat in
  // progress still writes, the leases are given up
  app.addHook('onReady', async () => {
    running = ticker.run(controller.signal);
  });
  app.addHook('preClose', async () => {
    controller.abort();
    await running;
  });
  return ticker.stats;
}

/** The ticker's figures in the Prometheus text format: the deadlines it fired of `tenant`'s, its beats and failures. */
export function tickerMetrics(stats: TickerStats, tenant: string): string {
  const figures: [name: string, type: 'gauge' | 'counter', help: string, value: number][] = [
    ['ruralkit_ticker_beats_total', 'counter', 'Beats of the deadline ticker.', stats.beats],
    [
      'ruralkit_ticker_last_beat_seconds',
      'gauge',
      'When the last beat finished (Unix time).',
      stats.lastBeatAt ? Date.parse(stats.lastBeatAt) / 1000 : 0,
    ],
    ['ruralkit_ticker_overdue_total', 'counter', 'Deadlines this ticker marked overdue.', stats.fired.get(tenant) ?? 0],
    [
      'ruralkit_ticker_lease_held',
      'gauge',
      "Whether this process holds the tenant's ticker lease.",
      stats.holding.has(tenant) ? 1 : 0,
    ],
    ['ruralkit_ticker_failures_total', 'counter', 'Beats (or one tenant’s part of one) that failed.', stats.failures],
  ];
  return figures
    .map(([name, type, help, value]) => `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n${name} ${value}\n`)
    .join('');
}
