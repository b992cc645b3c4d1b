/** A batch worker thread (工作线程): runs the jobs it is sent with the settings it started with. */
import { parentPort, workerData } from 'node:worker_threads';
import { planFromOptions } from '../plan-options.js';
import { createJobRunner, type JobInput, type JobSettings } from './job.js';

const settings = workerData as JobSettings;
const runJob = createJobRunner(await planFromOptions({ plan: settings.planId, plugin: settings.plugins }), settings);
parentPort!.on('message', ({ id, input }: { id: number; input: JobInput }) => {
  parentPort!.postMessage({ id, output: runJob(input) });
});
