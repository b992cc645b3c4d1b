/**
 * The progress bar (进度条) of a batch run, on a terminal only: share done, records per second,
 * time elapsed and time left, redrawn at most ten times a second.
 */
import { label } from '../locales/index.js';

export interface Progress {
  update(bytesRead: number, records: number): void;
  /**
   * Stop: with the final counts, draw them (never skipped, however soon after the last redraw)
   * and keep the line; without them (the run failed), clear the bar. Later calls do nothing.
   */
  end(bytesRead?: number, records?: number): void;
}

const QUIET: Progress = { update() {}, end() {} };

/** `h:mm:ss` or `m:ss`. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const clock = `${Math.floor((s % 3600) / 60)}:${String(s % 60).padStart(2, '0')}`;
  return s >= 3600 ? `${Math.floor(s / 3600)}:${clock.padStart(5, '0')}` : clock;
}

/** The bar's text for a point in the run. */
export function progressLine(bytesRead: number, total: number, records: number, seconds: number): string {
  const share = total > 0 ? Math.min(1, bytesRead / total) : 0;
  const width = 24;
  const filled = Math.round(share * width);
  const rate = seconds > 0 ? records / seconds : 0;
  const left = share > 0 ? (seconds / share) * (1 - share) : Number.NaN;
  return (
    `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(share * 100)}%  ` +
    `${records.toLocaleString('en-US')} ${label('progress.records', ' ')} · ${Math.round(rate).toLocaleString('en-US')}/s · ` +
    `${label('progress.elapsed', ' ')} ${formatDuration(seconds)} · ${label('progress.left', ' ')} ${Number.isNaN(left) ? '?' : formatDuration(left)}`
  );
}

/** A bar writing to `write` (standard error) when `show` is true; otherwise nothing at all. */
export function createProgress(show: boolean, total: number, write: (text: string) => void): Progress {
  if (!show) return QUIET;
  const start = performance.now();
  let last = 0;
  let ended = false;
  const draw = (bytesRead: number, records: number, now: number) =>
    write(`\r${progressLine(bytesRead, total, records, (now - start) / 1000)}\u001b[K`);
  return {
    update(bytesRead, records) {
      const now = performance.now();
      if (ended || now - last < 100) return;
      last = now;
      draw(bytesRead, records, now);
    },
    end(bytesRead, records) {
      if (ended) return;
      ended = true;
      if (bytesRead === undefined || records === undefined) write('\r\u001b[K');
      else {
        draw(bytesRead, records, performance.now());
        write('\n');
      }
    },
  };
}
