/**
 * The error catalogue (错误码目录): every code ruralkit raises or answers with, once, with its
 * HTTP status, the CLI's exit code and a short title in Chinese and English. The HTTP service's
 * problem statuses and titles and the CLI's exit codes are read from here; an error's own text
 * says what went wrong in its case, the title names the kind. The codes and statuses are in
 * `error-codes.ts`, the titles in each language's file.
 */
import { ERROR_CODES, type ErrorCode, type ErrorStatus } from './error-codes.js';
import { deepFreeze } from './freeze.js';
import { en } from './locales/error-titles-en.js';
import { zh } from './locales/error-titles-zh.js';
import type { LocalizedText } from './schema.js';

export type { ErrorCode } from './error-codes.js';

/** One code's entry: the HTTP status it answers, the CLI's exit code, its title. */
export interface ErrorEntry extends ErrorStatus {
  title: LocalizedText;
}

export const ERROR_CATALOGUE: { readonly [C in ErrorCode]: Readonly<ErrorEntry> } = deepFreeze(
  Object.fromEntries(
    (Object.keys(ERROR_CODES) as ErrorCode[]).map((code) => [
      code,
      { ...ERROR_CODES[code], title: { zh: zh[code], en: en[code] } },
    ]),
  ) as Record<ErrorCode, ErrorEntry>,
);

/** The entry of `code`; undefined for a code the catalogue lacks (a test keeps there being none). */
export function errorEntry(code: string): ErrorEntry | undefined {
  return Object.hasOwn(ERROR_CATALOGUE, code) ? ERROR_CATALOGUE[code as ErrorCode] : undefined;
}
