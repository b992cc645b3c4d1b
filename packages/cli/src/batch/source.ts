/**
 * Reading a batch input (批量输入) as jobs of consecutive lines, in bounded memory: NDJSON as
 * byte ranges of whole lines (read and parsed where the job runs), CSV as records read by
 * `csvRecords` of `@ruralkit/xlsx/csv`, the spreadsheet's rules.
 */
import { createReadStream, statSync } from 'node:fs';
import type { Plan } from '@ruralkit/core';
import { loadCsvRecords } from '../optional.js';
import type { JobInput } from './job.js';
import { forEachLine, lineRanges, RANGE_BYTES, readRange } from './ranges.js';

/** CSV records per job. */
const JOB_RECORDS = 2000;

export interface Source {
  /** The file's size in bytes, for the progress bar. */
  size: number;
  /** Bytes handed to jobs so far. */
  readonly bytesRead: number;
  jobs: AsyncIterable<JobInput>;
}

/** Open `file` (`.csv`: CSV with a header row; otherwise NDJSON) as jobs for `mode`. */
export function openSource(file: string, mode: 'screen' | 'evaluate', plan: Plan): Source {
  const size = statSync(file).size;
  if (isCsv(file)) {
    const stream = createReadStream(file, { highWaterMark: 1 << 16 });
    return {
      size,
      get bytesRead() {
        return stream.bytesRead;
      },
      jobs: csvJobs(plan, mode, stream),
    };
  }
  let bytesRead = 0;
  async function* ranges(): AsyncGenerator<JobInput> {
    for (const range of lineRanges(file, size, RANGE_BYTES[mode])) {
      yield range;
      bytesRead = range.end;
    }
  }
  return {
    size,
    get bytesRead() {
      return bytesRead;
    },
    jobs: ranges(),
  };
}

function isCsv(file: string): boolean {
  return file.toLowerCase().endsWith('.csv');
}

/**
 * The first line before `before` of `file` whose record has `id`, reading the file again from the
 * start (a duplicate is being confirmed); undefined when there is none.
 */
export async function earlierLineOf(
  file: string,
  mode: 'screen' | 'evaluate',
  plan: Plan,
  id: string,
  before: number,
): Promise<number | undefined> {
  if (isCsv(file)) {
    for await (const job of openSource(file, mode, plan).jobs) {
      if (!('records' in job)) continue;
      for (let i = 0; i < job.records.length; i++) {
        if (job.lines[i]! >= before) return undefined;
        if (idOf(job.records[i]) === id) return job.lines[i];
      }
    }
    return undefined;
  }
  let firstLine = 1;
  for (const range of lineRanges(file, statSync(file).size, RANGE_BYTES[mode])) {
    let found: number | undefined;
    firstLine = forEachLine(readRange(range), firstLine, (text, line) => {
      if (found === undefined && line < before && idOf(parseLine(text)) === id) found = line;
    });
    if (found !== undefined) return found;
    if (firstLine >= before) return undefined;
  }
  return undefined;
}

function parseLine(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function idOf(record: unknown): string | undefined {
  const id = (record as { id?: unknown } | null)?.id;
  return typeof id === 'string' ? id : undefined;
}

async function* csvJobs(
  plan: Plan,
  mode: 'screen' | 'evaluate',
  stream: NodeJS.ReadableStream,
): AsyncGenerator<JobInput> {
  const { csvRecords } = await loadCsvRecords();
  let lines: number[] = [];
  let records: unknown[] = [];
  for await (const { line, record } of csvRecords(plan, mode === 'screen' ? 'household' : 'village', stream)) {
    lines.push(line);
    records.push(record);
    if (records.length >= JOB_RECORDS) {
      yield { lines, records };
      lines = [];
      records = [];
    }
  }
  if (records.length > 0) yield { lines, records };
}
