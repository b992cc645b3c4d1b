#!/usr/bin/env node
import { run } from './cli.js';

// A reader that stops early (`ruralkit workflow verify | head`) closes the pipe: what is left to
// print is dropped and the command still finishes its work, without a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
