/**
 * @ruralkit/cli — the `ruralkit` command, and its report formatters for reuse.
 * @packageDocumentation
 */
export { run, processIo, readDataFile, UsageError, type Io } from './cli.js';
export { formatTable, formatMarkdown, displayWidth } from './report-text.js';
