/**
 * Unpacking a workbook within limits (限量解压): an xlsx file is a ZIP archive, and what its
 * directory declares (how many entries, how large each) is only the sender's word. Every entry
 * the directory holds is counted and inflated once, counting the bytes it really yields and
 * stopping at the limit, so a hostile archive is refused in little memory. Only then is it
 * unpacked, into a plain (stored) archive of exactly the entries counted, for the reader.
 */
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { LocalizedText, Message } from '@ruralkit/core';
import { SpreadsheetError } from './errors.js';
import { MAX_IMPORT_BYTES, MAX_WORKBOOK_ENTRIES, tooLargeUnpacked, tooManyEntries } from './limits.js';
import { xlsxMessage, xlsxText } from './locales/index.js';

/** How much a workbook may unpack to. */
export interface UnpackLimits {
  /** The most bytes its entries may inflate to, all together (default 100 MB). */
  maxBytes?: number;
  /** The most entries it may hold (default 1,000). */
  maxEntries?: number;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;

/** One entry as the central directory places it; `data` is its compressed bytes. */
interface Entry {
  name: Uint8Array;
  /** The general-purpose flags: only the UTF-8 name flag is kept. */
  flags: number;
  method: number;
  crc: number;
  data: Uint8Array;
}

const refuse = (message: LocalizedText) => new SpreadsheetError([{ path: [], sheet: '(xlsx)', message }]);
const invalid = (why: Message) => refuse(xlsxText(why));

/**
 * The workbook `data` as a plain archive of its entries, inflated: refused (`SpreadsheetError`)
 * when it is no ZIP archive, is damaged, or holds more entries or bytes than `limits`.
 */
export async function unpackWorkbook(data: Uint8Array, limits: UnpackLimits = {}): Promise<Buffer> {
  const maxBytes = limits.maxBytes ?? MAX_IMPORT_BYTES;
  const entries = directory(data, limits.maxEntries ?? MAX_WORKBOOK_ENTRIES);
  const sizes: number[] = [];
  let total = 0;
  for (const entry of entries) {
    const size = entry.method === STORED ? entry.data.length : await inflatedSize(entry.data, maxBytes - total);
    total += size;
    if (total > maxBytes) throw refuse(tooLargeUnpacked(maxBytes));
    sizes.push(size);
  }
  return storedArchive(entries, sizes);
}

/** The entries of the central directory, walked record by record: its declared count must match. */
function directory(data: Uint8Array, maxEntries: number): Entry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const end = endRecord(view);
  if (end < 0) throw invalid(xlsxMessage('workbook.not-zip', {}));
  const declared = u16(end + 10);
  let at = u32(end + 16);
  if (declared === 0xffff || at === 0xffffffff) throw invalid(xlsxMessage('workbook.zip64', {}));
  const entries: Entry[] = [];
  while (at + 46 <= end && u32(at) === CENTRAL) {
    if (entries.length === maxEntries) throw refuse(tooManyEntries(maxEntries));
    const [flags, method, crc, compressed, size] = [
      u16(at + 8),
      u16(at + 10),
      u32(at + 16),
      u32(at + 20),
      u32(at + 24),
    ];
    const nameLength = u16(at + 28);
    const local = u32(at + 42);
    if (compressed === 0xffffffff || size === 0xffffffff || local === 0xffffffff) {
      throw invalid(xlsxMessage('workbook.zip64', {}));
    }
    if (flags & 1) throw invalid(xlsxMessage('workbook.encrypted-entry', {}));
    if (method !== STORED && method !== DEFLATED) {
      throw invalid(xlsxMessage('workbook.compression-method', { method }));
    }
    if (local + 30 > data.byteLength || u32(local) !== LOCAL) {
      throw invalid(xlsxMessage('workbook.damaged-entry', {}));
    }
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > data.byteLength) throw invalid(xlsxMessage('workbook.truncated', {}));
    entries.push({
      name: data.subarray(at + 46, at + 46 + nameLength),
      flags: flags & 0x800,
      method,
      crc,
      data: data.subarray(start, start + compressed),
    });
    at += 46 + nameLength + u16(at + 30) + u16(at + 32);
  }
  if (entries.length !== declared) {
    throw invalid(xlsxMessage('workbook.entry-count', { declared, found: entries.length }));
  }
  return entries;
}

/** Where the end-of-central-directory record starts (after it, a comment of up to 65,535 bytes), or -1. */
function endRecord(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === END) return at;
  }
  return -1;
}

/** The bytes `data` (raw deflate) inflates to; past `budget`, inflating stops and more is answered. */
function inflatedSize(data: Uint8Array, budget: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > budget) {
        inflate.destroy();
        resolve(size);
      }
    });
    inflate.on('end', () => resolve(size));
    inflate.on('error', (error) => reject(invalid(xlsxMessage('workbook.damaged-data', { detail: error.message }))));
    inflate.end(data);
  });
}

/** A ZIP archive of `entries` stored uncompressed, `sizes` being what each was counted to inflate to. */
function storedArchive(entries: Entry[], sizes: number[]): Buffer {
  const names = entries.reduce((sum, e) => sum + e.name.length, 0);
  const total = sizes.reduce((sum, s) => sum + s, 0);
  const archive = Buffer.alloc(entries.length * (30 + 46) + 2 * names + total + 22);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((entry, n) => {
    offsets.push(at);
    const size = sizes[n]!;
    at = header(archive, at, LOCAL, entry, size);
    const content = entry.method === STORED ? entry.data : inflateRawSync(entry.data, { maxOutputLength: size || 1 });
    if (content.length !== size) throw invalid(xlsxMessage('workbook.damaged-data', { detail: undefined }));
    archive.set(content, at);
    at += size;
  });
  const directoryAt = at;
  entries.forEach((entry, n) => {
    at = header(archive, at, CENTRAL, entry, sizes[n]!, offsets[n]!);
  });
  archive.writeUInt32LE(END, at);
  archive.writeUInt16LE(entries.length, at + 8);
  archive.writeUInt16LE(entries.length, at + 10);
  archive.writeUInt32LE(at - directoryAt, at + 12);
  archive.writeUInt32LE(directoryAt, at + 16);
  return archive;
}

/** Write a local (`offset` undefined) or central header of a stored entry at `at`; where its name ends. */
function header(archive: Buffer, at: number, signature: number, entry: Entry, size: number, offset?: number): number {
  const central = signature === CENTRAL ? 1 : 0;
  archive.writeUInt32LE(signature, at);
  if (central) archive.writeUInt16LE(20, at + 4);
  const p = at + 2 * central; // a central header has "version made by" before the fields both share
  archive.writeUInt16LE(20, p + 4);
  archive.writeUInt16LE(entry.flags, p + 6);
  archive.writeUInt16LE(STORED, p + 8);
  archive.writeUInt32LE(entry.crc, p + 14);
  archive.writeUInt32LE(size, p + 18);
  archive.writeUInt32LE(size, p + 22);
  archive.writeUInt16LE(entry.name.length, p + 26);
  if (central) archive.writeUInt32LE(offset!, at + 42);
  const nameAt = at + (central ? 46 : 30);
  archive.set(entry.name, nameAt);
  return nameAt + entry.name.length;
}
