/** Writes generated data as NDJSON files, one subject per line, in bounded memory. */
import { once } from 'node:events';
import { createWriteStream, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getPlan } from '@ruralkit/core';
import { generateDistrict, generateHouseholds, generateVillages } from './generate.js';

export interface DataOptions {
  villages: number;
  households: number;
  seed: number;
  /** The folder to write `villages.ndjson`, `households.ndjson` and `district.json` to. */
  dir: string;
}

/** The files written. */
export interface DataFiles {
  villages: string;
  households: string;
  district: string;
}

async function writeLines(file: string, records: Iterable<unknown>): Promise<void> {
  const out = createWriteStream(file);
  let buffer = '';
  for (const record of records) {
    buffer += `${JSON.stringify(record)}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

/** Generate and write the data set; the same options always write the same bytes. */
export async function writeData(options: DataOptions): Promise<DataFiles> {
  mkdirSync(options.dir, { recursive: true });
  const files: DataFiles = {
    villages: join(options.dir, 'villages.ndjson'),
    households: join(options.dir, 'households.ndjson'),
    district: join(options.dir, 'district.json'),
  };
  const plan = getPlan('changjiang-2021');
  await writeLines(files.villages, generateVillages(plan, options.villages, options.seed));
  await writeLines(files.households, generateHouseholds(options.households, options.seed, options.villages));
  writeFileSync(files.district, `${JSON.stringify(generateDistrict(options.seed), null, 2)}\n`);
  return files;
}
