/**
 * Checks an uploaded workbook before it is opened (上传表格检查): an xlsx file is a zip archive,
 * and a hostile one declares entries that expand to far more than it holds (a zip bomb) or
 * holds thousands of entries. The central directory is read and such files are refused.
 */
import { HttpProblem } from './problem.js';

export interface WorkbookLimits {
  /** The most the entries may expand to, in bytes. */
  maxExpandedBytes: number;
  maxEntries: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

const refuse = (zh: string, en: string) =>
  new HttpProblem(
    'invalid-spreadsheet',
    { zh: '表格数据有误', en: 'invalid spreadsheet' },
    {
      issues: [{ path: [], message: { zh, en } }],
    },
  );

/** Refuse `data` unless it is a zip archive within `limits`. */
export function checkWorkbook(data: Buffer, limits: WorkbookLimits): void {
  const end = findEndOfCentralDirectory(data);
  if (end < 0) throw refuse('不是有效的 xlsx 文件（不是 zip 压缩包）', 'not a valid xlsx file (not a zip archive)');
  const entries = data.readUInt16LE(end + 10);
  const offset = data.readUInt32LE(end + 16);
  if (entries > limits.maxEntries) {
    throw refuse(
      `xlsx 文件包含 ${entries} 个条目，超过上限 ${limits.maxEntries}`,
      `the xlsx file has ${entries} entries, more than ${limits.maxEntries}`,
    );
  }
  let expanded = 0;
  let at = offset;
  for (let i = 0; i < entries; i += 1) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) {
      throw refuse('不是有效的 xlsx 文件（压缩包目录损坏）', 'not a valid xlsx file (damaged zip directory)');
    }
    const size = data.readUInt32LE(at + 24);
    // 0xFFFFFFFF marks a ZIP64 size: larger than any workbook this service reads.
    expanded += size === 0xffffffff ? Number.MAX_SAFE_INTEGER : size;
    at += 46 + data.readUInt16LE(at + 28) + data.readUInt16LE(at + 30) + data.readUInt16LE(at + 32);
  }
  if (expanded > limits.maxExpandedBytes) {
    throw refuse(
      `xlsx 文件解压后超过 ${limits.maxExpandedBytes} 字节，拒绝读取`,
      `the xlsx file expands to more than ${limits.maxExpandedBytes} bytes: refused`,
    );
  }
}

function findEndOfCentralDirectory(data: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65,535 bytes, at the end of the file.
  for (let at = data.length - 22; at >= Math.max(0, data.length - 22 - 0xffff); at -= 1) {
    if (data.readUInt32LE(at) === EOCD) return at;
  }
  return -1;
}
