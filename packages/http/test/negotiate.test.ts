// Accept negotiation: what a client ranks highest among what a route offers, else 406.
import { describe, expect, it } from 'vitest';
import { negotiate } from '../src/negotiate.js';
import { HttpProblem } from '../src/problem.js';

const offered = ['application/json', 'text/html', 'application/x-ndjson'] as const;

describe('negotiate', () => {
  it('takes the first offered without Accept, and the highest q, the most specific range winning a tie', () => {
    expect(negotiate(undefined, offered)).toBe('application/json');
    expect(negotiate('text/html;q=0.9, application/json;q=0.5', offered)).toBe('text/html');
    expect(negotiate('*/*;q=0.8, text/html', offered)).toBe('text/html');
    expect(negotiate('text/*, application/x-ndjson', offered)).toBe('application/x-ndjson');
    expect(negotiate('TEXT/HTML', offered)).toBe('text/html');
  });

  it('never offers what the client refuses with q=0, and answers 406 when nothing fits', () => {
    expect(negotiate('application/json;q=0, */*', offered)).toBe('text/html');
    const refused = (() => {
      try {
        return negotiate('text/csv', offered);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(HttpProblem);
    expect((refused as HttpProblem).code).toBe('not-acceptable');
  });
});
