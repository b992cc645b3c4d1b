// The report in pages (分册报告), from code: the example's data judged once, then written a page
// at a time — index.html (the summary) and a page per township — so that a caller never holds the
// whole report as one string. What `ruralkit evaluate --format html --out DIR/` does.
// Run after `pnpm build`: `pnpm --filter @ruralkit/example-changjiang-2021 report:pages [folder]`.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, getPlan } from '@ruralkit/core';
import { renderHtmlReportPages } from '@ruralkit/report';
import { parse } from 'yaml';

const plan = getPlan('changjiang-2021');
const input = parse(readFileSync(new URL('data.yaml', import.meta.url), 'utf8'));
const report = evaluate(plan, input, { asOf: '2025-12-31' });
const folder = process.argv[2] ?? 'reports/changjiang-2025-pages';
mkdirSync(folder, { recursive: true });
for (const page of renderHtmlReportPages(report, { plan, lang: 'zh' })) {
  writeFileSync(join(folder, page.file), page.html);
  console.log(`${page.file}  ${(page.html.length / 1024).toFixed(0)} KB`);
}
