// Workbooks whose ZIP directory lies (issue 22, point 1): hidden entries behind a patched entry
// count, and entries declaring far smaller sizes than their data inflates to. The limits hold on
// what is really inflated, whatever the archive declares.
import { describe, expect, it } from 'vitest';
import { buildTemplate, MAX_IMPORT_BYTES, readWorkbook } from '@ruralkit/xlsx';
import { plan, refusal, workbookWith } from './helpers.js';
import { withEntries } from './zip-archive.js';

const template = async () => new Uint8Array(await buildTemplate(plan));

describe('unpacking a workbook counts what it really holds', () => {
  it('refuses 2,000 entries hidden behind a patched entry count', async () => {
    const bomb = withEntries(await template(), { count: 2_000, bytes: 150 * 1024, hideCount: true });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const error = await refusal(() => readWorkbook(plan, bomb));
    expect(error.message).toContain('more than 1,000 entries');
    expect(error.issues[0]).toMatchObject({ sheet: '(xlsx)' });
  });

  it('refuses hidden entries under the entry limit whose data passes the byte limit', async () => {
    const bomb = withEntries(await template(), { count: 700, bytes: 150 * 1024, hideCount: true });
    const error = await refusal(() => readWorkbook(plan, bomb));
    expect(error.message).toMatch(/not a valid xlsx file|more than the 100 MB limit/);
  });

  it('refuses entries that inflate beyond the byte limit while declaring 1 KB each', async () => {
    const bomb = withEntries(await template(), { count: 3, bytes: 50 * 1024 * 1024, declaredBytes: 1024 });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const start = performance.now();
    const error = await refusal(() => readWorkbook(plan, bomb));
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(error.message).toContain('the unpacked workbook holds more than the 100 MB limit');
    expect(error.message).toContain('evaluate --batch');
  });

  it('takes smaller limits from the caller', async () => {
    const workbook = withEntries(await workbookWith(() => {}), { count: 3, bytes: 1024 * 1024 });
    const error = await refusal(() => readWorkbook(plan, workbook, { limits: { maxBytes: 2 * 1024 * 1024 } }));
    expect(error.message).toContain('more than the 2.0 MB limit');
    const entries = await refusal(() => readWorkbook(plan, workbook, { limits: { maxEntries: 5 } }));
    expect(entries.message).toContain('more than 5 entries');
  });

  it('still reads an honest workbook, extra entries and all, under the default limit', async () => {
    const workbook = withEntries(await workbookWith(() => {}), { count: 3, bytes: 1024 * 1024 });
    const input = await readWorkbook(plan, workbook);
    expect(input.villages?.map((v) => v.id)).toEqual(['liuyang', 'jianglian']);
    expect(MAX_IMPORT_BYTES).toBe(100 * 1024 * 1024);
  });
});
