/**
 * Optional packages (可选依赖): what only some commands need is an optional peer dependency of
 * the CLI, loaded here when first used, so `ruralkit test`, `evaluate` and `plan` install and
 * run without a native build. A missing one stops the command with a message naming the package
 * to install.
 */
import type { Message } from '@ruralkit/core';
import { UsageError } from './io.js';
import { cliMessage } from './locales/index.js';

/** An optional package that is not installed: names it and the command that installs it. */
export class MissingPackageError extends UsageError {
  constructor(
    readonly packageName: string,
    /** What the package is needed for, a `needed-for.*` message. */
    neededFor: Message,
  ) {
    super('ruralkit', cliMessage('optional.missing', { packageName, neededFor }));
  }
}

/** Whether `error` says that the package `name` itself cannot be found (not a file inside it, not its dependency). */
function isMissing(error: unknown, name: string): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code !== 'ERR_MODULE_NOT_FOUND' && code !== 'MODULE_NOT_FOUND') return false;
  return typeof message === 'string' && new RegExp(`['"]${name.replace(/[/.]/g, '\\$&')}(['"/]|$)`).test(message);
}

/** Load the optional package `name` through `load`; when it is not installed, a `MissingPackageError`. */
export async function loadOptional<T>(name: string, neededFor: Message, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isMissing(error, name)) throw new MissingPackageError(name, neededFor);
    throw error;
  }
}

/** The spreadsheet package: xlsx and CSV input, `--format xlsx`, `template`. */
export const loadXlsx = () =>
  loadOptional('@ruralkit/xlsx', cliMessage('needed-for.xlsx', {}), () => import('@ruralkit/xlsx'));

/** The spreadsheet package's CSV records alone (no exceljs): `screen` and `evaluate --batch` over CSV. */
export const loadCsvRecords = () =>
  loadOptional('@ruralkit/xlsx', cliMessage('needed-for.csv', {}), () => import('@ruralkit/xlsx/csv'));

/** The SQLite workflow store: `workflow`. */
export const loadSqliteStore = () =>
  loadOptional('@ruralkit/store-sqlite', cliMessage('needed-for.sqlite', {}), () => import('@ruralkit/store-sqlite'));

/** The PostgreSQL workflow store: `workflow --database-url`. */
export const loadPostgresStore = () =>
  loadOptional(
    '@ruralkit/store-postgres',
    cliMessage('needed-for.postgres', {}),
    () => import('@ruralkit/store-postgres'),
  );

/** The HTML report: `evaluate --format html`. */
export const loadHtmlReport = () =>
  loadOptional('@ruralkit/report', cliMessage('needed-for.html-report', {}), () => import('@ruralkit/report'));

/** The HTTP service: `serve`. */
export const loadHttp = () =>
  loadOptional('@ruralkit/http', cliMessage('needed-for.http', {}), () => import('@ruralkit/http'));
