// "Today" is China's date (issue 23, point 5): before 08:00 Beijing time the UTC date is still
// yesterday's, and a default as-of date must not be.
import { describe, expect, it } from 'vitest';
import { createManualClock, today } from '@ruralkit/core';

describe('today', () => {
  it('is the date in China, not in UTC', () => {
    expect(today(createManualClock('2025-12-31T23:30:00Z'))).toBe('2026-01-01');
    expect(today(createManualClock('2026-01-01T15:59:59Z'))).toBe('2026-01-01');
    expect(today(createManualClock('2026-01-01T16:00:00Z'))).toBe('2026-01-02');
  });
});
