/**
 * Prometheus metrics (监控指标), kept by prom-client in one registry per tenant: requests by
 * route, method and status and their durations as a histogram, resident memory, and the
 * deadline ticker's figures; each tenant reads its own principals' requests only. Routes are
 * their patterns, never concrete ids.
 */
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { TickerStats } from '@ruralkit/core';

const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** One tenant's registry and the metrics requests add to. */
interface TenantMetrics {
  registry: Registry;
  requests: Counter<'method' | 'route' | 'status'>;
  durations: Histogram<'method' | 'route'>;
}

export class Metrics {
  private readonly tenants = new Map<string | undefined, TenantMetrics>();

  /** `ticker`: the stats of the deadline ticker this process runs, if it runs one. */
  constructor(private readonly ticker?: TickerStats) {}

  /** Record one answered request of `tenant` (undefined: a request without a principal). */
  observe(tenant: string | undefined, method: string, route: string, status: number, seconds: number): void {
    const { requests, durations } = this.of(tenant);
    requests.inc({ method, route, status: String(status) });
    durations.observe({ method, route }, seconds);
  }

  /** The exposition text of `tenant`'s metrics. */
  text(tenant: string): Promise<string> {
    return this.of(tenant).registry.metrics();
  }

  private of(tenant: string | undefined): TenantMetrics {
    let metrics = this.tenants.get(tenant);
    if (metrics) return metrics;
    const registers = [new Registry()];
    metrics = {
      registry: registers[0]!,
      requests: new Counter({
        name: 'ruralkit_http_requests_total',
        help: 'HTTP requests answered.',
        labelNames: ['method', 'route', 'status'],
        registers,
      }),
      durations: new Histogram({
        name: 'ruralkit_http_request_duration_seconds',
        help: 'Time to answer a request.',
        labelNames: ['method', 'route'],
        buckets: BUCKETS,
        registers,
      }),
    };
    new Gauge({
      name: 'ruralkit_process_resident_memory_bytes',
      help: 'Resident memory.',
      registers,
      collect() {
        this.set(process.memoryUsage().rss);
      },
    });
    if (this.ticker && tenant !== undefined) tickerMetrics(this.ticker, tenant, registers);
    this.tenants.set(tenant, metrics);
    return metrics;
  }
}

/** The deadline ticker's figures for `tenant`, read from its stats when scraped. */
function tickerMetrics(stats: TickerStats, tenant: string, registers: Registry[]): void {
  const figures: [name: string, help: string, value: () => number][] = [
    ['ruralkit_ticker_beats_total', 'Beats of the deadline ticker.', () => stats.beats],
    [
      'ruralkit_ticker_last_beat_seconds',
      'When the last beat finished (Unix time).',
      () => (stats.lastBeatAt ? Date.parse(stats.lastBeatAt) / 1000 : 0),
    ],
    ['ruralkit_ticker_overdue_total', 'Deadlines this ticker marked overdue.', () => stats.fired.get(tenant) ?? 0],
    [
      'ruralkit_ticker_lease_held',
      "Whether this process holds the tenant's ticker lease.",
      () => (stats.holding.has(tenant) ? 1 : 0),
    ],
    ['ruralkit_ticker_failures_total', 'Beats (or one tenant’s part of one) that failed.', () => stats.failures],
  ];
  for (const [name, help, value] of figures) {
    if (name.endsWith('_total')) {
      // A count the ticker keeps: the counter shows it as it is when scraped.
      new Counter({
        name,
        help,
        registers,
        collect() {
          this.reset();
          this.inc(value());
        },
      });
    } else {
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(value());
        },
      });
    }
  }
}
