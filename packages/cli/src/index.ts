/**
 * @ruralkit/cli — the `ruralkit` command, and for reuse its report formatters.
 * @packageDocumentation
 */
export { run } from './cli.js';
export { processIo, readDataFile, UsageError, type Io, type Command } from './io.js';
export { formatTable, formatMarkdown, displayWidth } from './report-text.js';
