/**
 * Guards of `ruralkit workflow` against operator mistakes (操作失误): a mistyped `--db` that
 * would create an empty database, a keyring file put inside the data, and an `--at` that is no real time, goes back before what an
 * instance already recorded, or jumps far ahead (past a 30-day consultation) by accident.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { isRealDate } from '@ruralkit/core';
import { UsageError } from '../io.js';
import { cliMessage } from '../locales/index.js';

/** `--db FILE` must exist, except for `start` or with `--create`: a typo must not create an empty database. */
export function checkDatabase(command: string, db: string, action: string, create: boolean): void {
  if (existsSync(db) || action === 'start' || create) return;
  throw new UsageError(command, cliMessage('workflow.no-database', { db }));
}

/**
 * `--keys FILE` is the keyring of personal data: it must not be the database itself (erasure
 * destroys keys there, so it must live apart from the data and its backups), its folder must
 * exist, and unless `create` it must exist: a mistyped path would show every sealed value as
 * erased.
 */
export function checkKeyFile(command: string, keys: string, db: string | undefined, create: boolean): void {
  if (db !== undefined && resolve(keys) === resolve(db)) {
    throw new UsageError(command, cliMessage('workflow.keys-are-database', { db }));
  }
  if (!existsSync(dirname(resolve(keys)))) {
    throw new UsageError(command, cliMessage('workflow.keys-folder-missing', { keys }));
  }
  if (!create && !existsSync(keys)) {
    throw new UsageError(command, cliMessage('workflow.no-key-file', { keys }));
  }
}

/** An ISO 8601 date or date-time: `2021-03-01`, `2021-03-01T09:00`, `…:00+08:00`, `…Z`. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/** How far ahead of the real clock `--at` may be without `--force`. */
const AHEAD_MS = 24 * 60 * 60 * 1000;

/**
 * `--at` as an instant: a real ISO 8601 date or date-time (`1` is no time, not 2001), and at most
 * a day ahead of `now` unless `force` (a simulation may then jump ahead on purpose).
 */
export function parseAt(command: string, value: string, force: boolean, now: Date): Date {
  const match = DATE_TIME.exec(value);
  const instant = match && isRealDate(match[1]!) ? new Date(value) : undefined;
  if (!instant || Number.isNaN(instant.getTime())) {
    throw new UsageError(command, cliMessage('workflow.at-not-a-time', { value }));
  }
  if (!force && instant.getTime() - now.getTime() > AHEAD_MS) {
    throw new UsageError(command, cliMessage('workflow.at-too-far-ahead', { value, now: now.toISOString() }));
  }
  return instant;
}

/** Refuse an `--at` before the last time an instance recorded: its history would go backwards. */
export function checkNotBefore(command: string, at: Date, instanceId: string, updatedAt: string): void {
  if (at.getTime() >= Date.parse(updatedAt)) return;
  throw new UsageError(
    command,
    cliMessage('workflow.at-before-last', { at: at.toISOString(), instance: instanceId, updatedAt }),
  );
}
