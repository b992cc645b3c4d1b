/**
 * Dates of the workflows (日期与工作日): local dates in China Standard Time (UTC+8, no daylight
 * saving), calendar-day arithmetic, and working days (工作日) behind a calendar interface.
 */
import chineseDays from 'chinese-days';

/** A working-day calendar (工作日历): weekends, official holidays and make-up working days (调休). */
export interface WorkingDayCalendar {
  /** True when `date` (`YYYY-MM-DD`) is a working day. */
  isWorkingDay(date: string): boolean;
}

/**
 * The official Chinese calendar of holidays and make-up working days, from the maintained
 * `chinese-days` data (2004 onward, updated when the State Council publishes a new year).
 */
export const chineseWorkingDayCalendar: WorkingDayCalendar = Object.freeze({
  isWorkingDay: (date: string) => chineseDays.isWorkday(date),
});

const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/** The local date (China Standard Time) of an instant given as an ISO timestamp. */
export function localDate(instant: string): string {
  return new Date(Date.parse(instant) + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Today's date in China (China Standard Time) by `clock`: the default as-of date everywhere. */
export function today(clock: Clock = systemClock): string {
  return localDate(clock.now().toISOString());
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The `count`-th working day after `date` (the day itself is not counted). */
export function addWorkingDays(calendar: WorkingDayCalendar, date: string, count: number): string {
  let day = date;
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    if (calendar.isWorkingDay(day)) left -= 1;
  }
  return day;
}

/** The instant a deadline on `date` has passed: the start of the next local day. */
export function endOfLocalDay(date: string): string {
  return new Date(Date.parse(`${addDays(date, 1)}T00:00:00Z`) - CST_OFFSET_MS).toISOString();
}

/** A clock (时钟) the runtime reads; tests and simulations pass their own. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = Object.freeze({ now: () => new Date() });

/** A clock that only moves when told to: for tests and simulated dates. */
export interface ManualClock extends Clock {
  set(instant: string | Date): void;
  advanceDays(days: number): void;
}

export function createManualClock(start: string | Date): ManualClock {
  let current = new Date(start);
  return {
    now: () => new Date(current),
    set: (instant) => {
      current = new Date(instant);
    },
    advanceDays: (days) => {
      current = new Date(current.getTime() + days * DAY_MS);
    },
  };
}
