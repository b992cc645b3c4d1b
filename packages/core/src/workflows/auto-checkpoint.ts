/**
 * Checkpoints on their own (自动检查点): a runtime with an audit key signs its chains' heads
 * after every N entries it writes and every T minutes, so entries newer than the last checkpoint
 * stay few. One checkpoint runs at a time; a failure (a broken chain is not signed) goes to
 * `onError` and the next one is tried on schedule.
 */

/** When to checkpoint: after `entries` entries written, every `minutes` minutes (either or both). */
export interface AutoCheckpoint {
  entries?: number;
  minutes?: number;
  /** Hears a checkpoint that failed (default: written to standard error). */
  onError?: (error: unknown) => void;
}

/** A schedule of checkpoints: told how many entries were written, stopped on close. */
export interface CheckpointSchedule {
  wrote(entries: number): void;
  stop(): void;
}

/** Run `checkpoint` as `when` says. */
export function scheduleCheckpoints(checkpoint: () => Promise<unknown>, when: AutoCheckpoint): CheckpointSchedule {
  const onError = when.onError ?? ((error: unknown) => console.error(error));
  let written = 0;
  let running: Promise<void> | undefined;
  const run = () => {
    written = 0;
    running ??= checkpoint()
      .then(() => undefined, onError)
      .finally(() => (running = undefined));
  };
  const timer = when.minutes && when.minutes > 0 ? setInterval(run, when.minutes * 60_000).unref() : undefined;
  return {
    wrote(entries) {
      written += entries;
      if (when.entries && when.entries > 0 && written >= when.entries) run();
    },
    stop() {
      if (timer) clearInterval(timer);
    },
  };
}
