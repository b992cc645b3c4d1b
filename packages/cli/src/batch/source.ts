/**
 * Reading a batch input (批量输入) as jobs of consecutive lines, in bounded memory: NDJSON in
 * chunks of whole lines (parsed where the job runs), CSV (csv-parse) as typed records.
 */
import { createReadStream, statSync } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { parse } from 'csv-parse';
import type { Plan } from '@ruralkit/core';
import { csvColumns, csvRecords } from './csv.js';
import type { JobInput } from './job.js';

/** About this many characters of NDJSON, or this many CSV records / 100, per job. */
const JOB_CHARS = 1 << 18;
const JOB_RECORDS = 2000;

export interface Source {
  /** The file's size in bytes, for the progress bar. */
  size: number;
  /** Bytes read so far. */
  readonly bytesRead: number;
  jobs: AsyncIterable<JobInput>;
}

/** Open `file` (`.csv`: CSV with a header row; otherwise NDJSON) as jobs for `mode`. */
export function openSource(file: string, mode: 'screen' | 'evaluate', plan: Plan): Source {
  const size = statSync(file).size;
  const stream = createReadStream(file, { highWaterMark: 1 << 16 });
  const jobs = file.toLowerCase().endsWith('.csv') ? csvJobs(stream, csvRecords(plan, mode)) : ndjsonJobs(stream);
  return {
    size,
    get bytesRead() {
      return stream.bytesRead;
    },
    jobs,
  };
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
  for await (const job of openSource(file, mode, plan).jobs) {
    const texts = 'records' in job ? [] : job.text.split('\n');
    const count = 'records' in job ? job.records.length : texts.length;
    for (let i = 0; i < count; i++) {
      const line = 'records' in job ? job.lines[i]! : job.firstLine + i;
      if (line >= before) return undefined;
      const record = 'records' in job ? job.records[i] : parseLine(texts[i]!);
      if (idOf(record) === id) return line;
    }
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

async function* ndjsonJobs(stream: AsyncIterable<Buffer>): AsyncGenerator<JobInput> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let firstLine = 1;
  const take = (text: string): JobInput => {
    const job = { firstLine, text };
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) firstLine++;
    return job;
  };
  for await (const chunk of stream) {
    pending += decoder.write(chunk);
    while (pending.length >= JOB_CHARS) {
      const end = pending.lastIndexOf('\n', JOB_CHARS * 2);
      if (end < 0) break;
      yield take(pending.slice(0, end + 1));
      pending = pending.slice(end + 1);
    }
  }
  pending += decoder.end();
  if (pending !== '') yield take(pending);
}

async function* csvJobs(
  stream: NodeJS.ReadableStream,
  toRecord: (row: Record<string, string>) => unknown,
): AsyncGenerator<JobInput> {
  const parser = stream.pipe(parse({ columns: csvColumns, bom: true, info: true, skip_empty_lines: true }));
  let lines: number[] = [];
  let records: unknown[] = [];
  for await (const { record, info } of parser as AsyncIterable<{
    record: Record<string, string>;
    info: { lines: number };
  }>) {
    lines.push(info.lines);
    records.push(toRecord(record));
    if (records.length >= JOB_RECORDS) {
      yield { lines, records };
      lines = [];
      records = [];
    }
  }
  if (records.length > 0) yield { lines, records };
}
