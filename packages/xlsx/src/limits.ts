/**
 * Size limits of an import (导入上限), checked before anything is unpacked or converted: a
 * small xlsx file can unpack to gigabytes, and one cell can hold hundreds of megabytes.
 * Larger data belongs in `ruralkit screen` or `evaluate --batch` (NDJSON or CSV, streamed).
 */
import type { LocalizedText } from '@ruralkit/core';

/** The most a workbook may unpack to, or a CSV file may hold: 100 MB. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
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

/**
 * The bytes an xlsx (a ZIP archive) unpacks to, as its central directory declares them; `Infinity`
 * for a ZIP64 archive (sizes beyond 4 GB), undefined when the bytes are no ZIP archive.
 */
export function unpackedSize(data: Uint8Array): number | undefined {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  // The end-of-central-directory record: in the last 22 bytes plus a comment of up to 65,535.
  let end = -1;
  for (let i = data.byteLength - 22; i >= Math.max(0, data.byteLength - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  if (entries === 0xffff || at === 0xffffffff) return Infinity;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > data.byteLength || view.getUint32(at, true) !== 0x02014b50) return undefined;
    const size = view.getUint32(at + 24, true);
    if (size === 0xffffffff) return Infinity;
    total += size;
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return total;
}
