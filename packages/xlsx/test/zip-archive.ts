// Hostile workbooks built by hand for the tests of the unpacking limits (here, in the CLI's and
// the HTTP service's tests): a real workbook with entries added whose directory lies about them.
import { deflateRawSync } from 'node:zlib';

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;

export interface HiddenEntries {
  /** How many entries to add, each `bytes` zero bytes, deflated. */
  count: number;
  bytes: number;
  /** The uncompressed size the headers declare for each (default: the true one). */
  declaredBytes?: number;
  /** Leave the end record's entry count as the workbook had it, hiding the added entries. */
  hideCount?: boolean;
}

/** `workbook` (a ZIP archive) with entries added after its own, as {@link HiddenEntries} says. */
export function withEntries(workbook: Uint8Array, added: HiddenEntries): Buffer {
  const bytes = Buffer.from(workbook);
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  const directorySize = bytes.readUInt32LE(end + 12);
  const directoryAt = bytes.readUInt32LE(end + 16);
  const data = deflateRawSync(Buffer.alloc(added.bytes));
  const declared = added.declaredBytes ?? added.bytes;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = directoryAt;
  for (let n = 0; n < added.count; n++) {
    const name = Buffer.from(`xl/media/hidden${n}.bin`);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const directory = Buffer.concat([bytes.subarray(directoryAt, directoryAt + directorySize), ...centrals]);
  const record = Buffer.alloc(22);
  record.writeUInt32LE(END, 0);
  const entries = added.hideCount ? count : count + added.count;
  record.writeUInt16LE(entries, 8);
  record.writeUInt16LE(entries, 10);
  record.writeUInt32LE(directory.length, 12);
  record.writeUInt32LE(offset, 16);
  return Buffer.concat([bytes.subarray(0, directoryAt), ...locals, directory, record]);
}
