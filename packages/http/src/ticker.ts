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
