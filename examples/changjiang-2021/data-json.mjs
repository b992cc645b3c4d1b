// Write data.json from data.yaml: the same data for programs that read
// JSON without a YAML package (a test keeps the two the same).
import { readFileSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

const folder = new URL('./', import.meta.url);
const data = parse(readFileSync(new URL('data.yaml', folder), 'utf8'));
writeFileSync(new URL('data.json', folder), `${JSON.stringify(data, null, 2)}\n`);
