/**
 * NDJSON in byte ranges (按字节分段): the file cut at line ends into pieces of about a
 * megabyte, found by reading a few bytes at each cut, so that the thread judging a piece reads
 * and decodes it itself and nothing of the file passes through the main thread.
 */
import { closeSync, openSync, readSync } from 'node:fs';

/**
 * Bytes `start` to `end` (exclusive) of `file`, whole lines: the last ends with `\n` unless the
 * file ends there, or unless it is longer than `MAX_LINE_BYTES` (the range stops inside it).
 */
export interface LineRange {
  file: string;
  start: number;
  end: number;
}

/**
 * About this many bytes a range: a megabyte of households (about 4,000), a quarter of one of
 * villages (about 120), as a village's explained results are ten times its record.
 */
export const RANGE_BYTES = { screen: 1 << 20, evaluate: 1 << 18 } as const;
/**
 * The longest line read (4 MB; a household is about 250 bytes, a village a few kB): a longer one
 * is refused, so that a file of one endless line cannot take the memory of the machine.
 */
export const MAX_LINE_BYTES = 4 << 20;
/** Bytes read at a time while looking for a cut's line end. */
const PROBE_BYTES = 1 << 14;
const NEWLINE = 0x0a;

/** The ranges of `file` (of `size` bytes), in order. */
export function* lineRanges(file: string, size: number, bytes: number): Generator<LineRange> {
  const fd = openSync(file, 'r');
  try {
    const probe = Buffer.allocUnsafe(PROBE_BYTES);
    let start = 0;
    while (start < size) {
      const end =
        start + bytes >= size
          ? size
          : lineEndFrom(fd, probe, start + bytes - 1, Math.min(size, start + bytes + MAX_LINE_BYTES));
      yield { file, start, end };
      start = end;
    }
  } finally {
    closeSync(fd);
  }
}

/** Just past the first `\n` at or after `from` and before `limit`, or `limit`. */
function lineEndFrom(fd: number, probe: Buffer, from: number, limit: number): number {
  for (let at = from; at < limit; at += PROBE_BYTES) {
    const read = readSync(fd, probe, 0, Math.min(PROBE_BYTES, limit - at), at);
    const newline = probe.subarray(0, read).indexOf(NEWLINE);
    if (newline >= 0) return at + newline + 1;
    if (read === 0) break;
  }
  return limit;
}

/** The text of `range` (a cut never falls inside a UTF-8 character: none holds the byte of `\n`). */
export function readRange(range: LineRange): string {
  const bytes = Buffer.allocUnsafe(range.end - range.start);
  const fd = openSync(range.file, 'r');
  try {
    let done = 0;
    while (done < bytes.length) {
      const read = readSync(fd, bytes, done, bytes.length - done, range.start + done);
      if (read === 0) break;
      done += read;
    }
    return bytes.toString('utf8', 0, done);
  } finally {
    closeSync(fd);
  }
}

/** Each line of `text` (without its `\n`) with its number, counting from `firstLine`; the number after the last. */
export function forEachLine(text: string, firstLine: number, visit: (source: string, line: number) => void): number {
  let line = firstLine;
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    visit(text.slice(start, end), line);
    start = end + 1;
    line++;
  }
  return line;
}
