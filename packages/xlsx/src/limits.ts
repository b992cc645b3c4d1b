/**
 * Size limits of an import (导入上限), checked while a workbook is unpacked and before anything is converted: a
 * small xlsx file can unpack to gigabytes, and one cell can hold hundreds of megabytes.
 * Larger data belongs in `ruralkit screen` or `evaluate --batch` (NDJSON or CSV, streamed).
 */
import type { LocalizedText } from '@ruralkit/core';

/** The most a workbook may unpack to (the bytes really inflated, not those declared), or a CSV file may hold: 100 MB. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
/** The most entries (files inside the ZIP archive) a workbook may hold, whatever its directory declares. */
export const MAX_WORKBOOK_ENTRIES = 1_000;
/** The most characters in one cell: Excel's own limit. */
export const MAX_CELL_CHARS = 32_767;
/** The most rows on one sheet or in one CSV file. */
export const MAX_SHEET_ROWS = 100_000;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;

/** Why `bytes` of data are too many, or undefined. */
export function tooManyBytes(bytes: number, what: LocalizedText): LocalizedText | undefined {
  if (bytes <= MAX_IMPORT_BYTES) return undefined;
  return {
    zh: `${what.zh}有 ${mb(bytes)}，超过 ${mb(MAX_IMPORT_BYTES)} 上限；大量数据请用 ruralkit screen 或 evaluate --batch（NDJSON 或 CSV）`,
    en: `${what.en} holds ${mb(bytes)}, more than the ${mb(MAX_IMPORT_BYTES)} limit; for data this large use ruralkit screen or evaluate --batch (NDJSON or CSV)`,
  };
}

/** Why `rows` rows are too many for one sheet, or undefined. */
export function tooManyRows(rows: number): LocalizedText | undefined {
  if (rows <= MAX_SHEET_ROWS) return undefined;
  const n = rows.toLocaleString('en-US');
  const max = MAX_SHEET_ROWS.toLocaleString('en-US');
  return {
    zh: `有 ${n} 行，超过 ${max} 行上限；大量数据请用 ruralkit screen 或 evaluate --batch（NDJSON 或 CSV）`,
    en: `${n} rows, more than the ${max} limit; for data this large use ruralkit screen or evaluate --batch (NDJSON or CSV)`,
  };
}

/** Why a workbook unpacking to more than `limit` bytes is refused. */
export function tooLargeUnpacked(limit: number): LocalizedText {
  return {
    zh: `工作簿解压后超过 ${mb(limit)} 上限；大量数据请用 ruralkit screen 或 evaluate --batch（NDJSON 或 CSV）`,
    en: `the unpacked workbook holds more than the ${mb(limit)} limit; for data this large use ruralkit screen or evaluate --batch (NDJSON or CSV)`,
  };
}

/** Why a workbook holding more than `limit` entries (files inside its archive) is refused. */
export function tooManyEntries(limit: number): LocalizedText {
  const max = limit.toLocaleString('en-US');
  return {
    zh: `工作簿压缩包中的条目超过 ${max} 个上限`,
    en: `the workbook's archive holds more than ${max} entries, the limit`,
  };
}
