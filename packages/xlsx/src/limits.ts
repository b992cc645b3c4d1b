/**
 * Size limits of an import (导入上限), checked while a workbook is unpacked and before anything is converted: a
 * small xlsx file can unpack to gigabytes, and one cell can hold hundreds of megabytes.
 * Larger data belongs in `ruralkit screen` or `evaluate --batch` (NDJSON or CSV, streamed).
 */
import type { LocalizedText } from '@ruralkit/core';
import { xlsxMessage, xlsxText } from './locales/index.js';

/** The most a workbook may unpack to (the bytes really inflated, not those declared), or a CSV file may hold: 100 MB. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** The most entries (files inside the ZIP archive) a workbook may hold, whatever its directory declares. */
export const MAX_WORKBOOK_ENTRIES = 1_000;
/** The most characters in one cell: Excel's own limit. */
export const MAX_CELL_CHARS = 32_767;
/** The most rows on one sheet or in one CSV file. */
export const MAX_SHEET_ROWS = 100_000;

/** Why a file of `bytes` is too large, or undefined. */
export function tooManyBytes(bytes: number): LocalizedText | undefined {
  if (bytes <= MAX_IMPORT_BYTES) return undefined;
  return xlsxText(xlsxMessage('limit.file-too-large', { bytes, max: MAX_IMPORT_BYTES }));
}

/** Why `rows` rows are too many for one sheet, or undefined. */
export function tooManyRows(rows: number): LocalizedText | undefined {
  if (rows <= MAX_SHEET_ROWS) return undefined;
  return xlsxText(xlsxMessage('limit.too-many-rows', { rows, max: MAX_SHEET_ROWS }));
}

/** Why a workbook unpacking to more than `limit` bytes is refused. */
export function tooLargeUnpacked(limit: number): LocalizedText {
  return xlsxText(xlsxMessage('limit.unpacked-too-large', { max: limit }));
}

/** Why a workbook holding more than `limit` entries (files inside its archive) is refused. */
export function tooManyEntries(limit: number): LocalizedText {
  return xlsxText(xlsxMessage('limit.too-many-entries', { max: limit }));
}
