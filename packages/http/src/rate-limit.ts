/**
 * Rate limits per principal (限流): a fixed window of requests per minute for each tenant and
 * principal id. Windows of principals not seen for a minute are dropped.
 */
import { HttpProblem } from './problem.js';

export interface RateLimit {
  /** Count one request of `key`; throws 429 with the seconds to wait when over the limit. */
  take(key: string, now?: number): void;
}

export function createRateLimit(perMinute: number): RateLimit {
  let windowStart = 0;
  let counts = new Map<string, number>();
  return {
    take(key, now = Date.now()) {
      if (now - windowStart >= 60_000) {
        windowStart = now;
        counts = new Map();
      }
      const count = (counts.get(key) ?? 0) + 1;
      counts.set(key, count);
      if (count > perMinute) {
        const retryAfter = Math.max(1, Math.ceil((windowStart + 60_000 - now) / 1000));
        throw Object.assign(
          new HttpProblem(
            'rate-limited',
            { zh: '请求过于频繁', en: 'too many requests' },
            {
              detail: {
                zh: `每分钟最多 ${perMinute} 次请求，请 ${retryAfter} 秒后再试`,
                en: `at most ${perMinute} requests a minute: retry in ${retryAfter} s`,
              },
            },
          ),
          { retryAfter },
        );
      }
    },
  };
}
