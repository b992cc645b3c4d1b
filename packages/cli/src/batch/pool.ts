/**
 * Running jobs (任务调度) on worker threads, one or more: a thread reads, parses and judges its
 * job, so this thread only hands out byte ranges, checks ids and writes. Results come back in
 * the order the jobs were given, whatever thread finished first, so the output is the same for
 * any number of workers.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { JobInput, JobOutput, JobSettings } from './job.js';

export interface Pool {
  /** Queue a job; resolves once there is room for another (at most two jobs per worker in flight). */
  submit(input: JobInput): Promise<void>;
  /** The outputs of finished jobs, in submission order, as far as they are contiguous. */
  drain(): JobOutput[];
  /** Wait for every job submitted. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A worker's heap (堆内存), in MB: a job is a megabyte of input, so a small young generation
 * (collected often, as the records of a job are dropped soon) and a bounded old one keep a
 * million households within 200 MB for the whole process. A line is at most 4 MB.
 */
const WORKER_HEAP = { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 96 };

/** The built worker script: beside the bundle, or in `dist` when running from the sources. */
function workerScript(): string {
  const beside = fileURLToPath(new URL('./batch-worker.js', import.meta.url));
  if (existsSync(beside)) return beside;
  return fileURLToPath(new URL('../../dist/batch-worker.js', import.meta.url));
}

export function createPool(settings: JobSettings, workers: number): Pool {
  const done = new Map<number, JobOutput>();
  let submitted = 0;
  let delivered = 0;
  const drain = () => {
    const outputs: JobOutput[] = [];
    while (done.has(delivered)) {
      outputs.push(done.get(delivered)!);
      done.delete(delivered++);
    }
    return outputs;
  };
  const script = workerScript();
  const threads = Array.from(
    { length: workers },
    () => new Worker(script, { workerData: settings, resourceLimits: WORKER_HEAP }),
  );
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const inFlight = () => submitted - delivered - done.size;
  for (const thread of threads) {
    thread.on('message', ({ id, output }: { id: number; output: JobOutput }) => {
      done.set(id, output);
      wake?.();
    });
    thread.on('error', (error) => {
      failure = error;
      wake?.();
    });
  }
  const waitUntil = async (ready: () => boolean) => {
    while (!ready() && !failure) await new Promise<void>((resolve) => (wake = resolve));
    if (failure) throw failure;
  };
  return {
    async submit(input) {
      const id = submitted++;
      threads[id % workers]!.postMessage({ id, input });
      await waitUntil(() => inFlight() < workers * 2);
    },
    drain,
    async settle() {
      await waitUntil(() => inFlight() === 0);
    },
    async close() {
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}
