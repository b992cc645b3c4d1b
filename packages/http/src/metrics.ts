/**
 * Prometheus metrics (监控指标) in the text exposition format: requests by route, method and
 * status, and their durations as a histogram, counted per tenant: each tenant reads its own
 * principals' requests only. Routes are their patterns, never concrete ids.
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The counts of one tenant. */
interface Counts {
  requests: Map<string, number>;
  durations: Map<string, { buckets: number[]; sum: number; count: number }>;
}

export class Metrics {
  private readonly tenants = new Map<string | undefined, Counts>();

  /** Record one answered request of `tenant` (undefined: a request without a principal). */
  observe(tenant: string | undefined, method: string, route: string, status: number, seconds: number): void {
    let counts = this.tenants.get(tenant);
    if (!counts) {
      counts = { requests: new Map(), durations: new Map() };
      this.tenants.set(tenant, counts);
    }
    const { requests, durations } = counts;
    const labels = `method="${method}",route="${escape(route)}",status="${status}"`;
    requests.set(labels, (requests.get(labels) ?? 0) + 1);
    const key = `method="${method}",route="${escape(route)}"`;
    let histogram = durations.get(key);
    if (!histogram) {
      histogram = { buckets: BUCKETS.map(() => 0), sum: 0, count: 0 };
      durations.set(key, histogram);
    }
    BUCKETS.forEach((le, i) => {
      if (seconds <= le) histogram.buckets[i]! += 1;
    });
    histogram.sum += seconds;
    histogram.count += 1;
  }

  /** The exposition text of `tenant`'s requests. */
  text(tenant: string): string {
    const { requests, durations } = this.tenants.get(tenant) ?? { requests: new Map(), durations: new Map() };
    const lines = [
      '# HELP ruralkit_http_requests_total HTTP requests answered.',
      '# TYPE ruralkit_http_requests_total counter',
      ...[...requests].map(([labels, n]) => `ruralkit_http_requests_total{${labels}} ${n}`),
      '# HELP ruralkit_http_request_duration_seconds Time to answer a request.',
      '# TYPE ruralkit_http_request_duration_seconds histogram',
    ];
    for (const [labels, h] of durations) {
      BUCKETS.forEach((le, i) =>
        lines.push(`ruralkit_http_request_duration_seconds_bucket{${labels},le="${le}"} ${h.buckets[i]}`),
      );
      lines.push(`ruralkit_http_request_duration_seconds_bucket{${labels},le="+Inf"} ${h.count}`);
      lines.push(`ruralkit_http_request_duration_seconds_sum{${labels}} ${h.sum}`);
      lines.push(`ruralkit_http_request_duration_seconds_count{${labels}} ${h.count}`);
    }
    const memory = process.memoryUsage();
    lines.push(
      '# HELP ruralkit_process_resident_memory_bytes Resident memory.',
      '# TYPE ruralkit_process_resident_memory_bytes gauge',
      `ruralkit_process_resident_memory_bytes ${memory.rss}`,
    );
    return `${lines.join('\n')}\n`;
  }
}

const escape = (value: string) => value.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
