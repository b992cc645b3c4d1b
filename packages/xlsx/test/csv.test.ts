// One CSV reader for both layouts: a template sheet and the batch's records, every cell read by
// the spreadsheet's rules, every bad header named by line and column (issue 23, point 5).
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { InputError } from '@ruralkit/core';
import { readCsv, SpreadsheetError } from '@ruralkit/xlsx';
import { csvRecords, type RecordSubject } from '@ruralkit/xlsx/csv';
import { plan } from './helpers.js';

async function records(subject: RecordSubject, text: string) {
  const read = [];
  for await (const record of csvRecords(plan, subject, Readable.from([text]))) read.push(record);
  return read;
}

async function refusal(subject: RecordSubject, text: string): Promise<InputError> {
  const error = await records(subject, text).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InputError);
  return error as InputError;
}

describe('batch records', () => {
  it('reads a household a line: ids and text NFKC-normalised and trimmed, values by the spreadsheet rules', async () => {
    const text =
      '\uFEFFid,villageId,size,formerlyPoor,note\n ｈ１ ,ｌｉｕｙａｎｇ, 3 ,是, 全角ＡＢ \n\nh2,liuyang,,否,\n';
    expect(await records('household', text)).toEqual([
      { line: 2, record: { id: 'h1', villageId: 'liuyang', size: 3, formerlyPoor: true, note: '全角AB' } },
      { line: 4, record: { id: 'h2', villageId: 'liuyang', formerlyPoor: false } },
    ]);
  });

  it('reads a village a line with its attributes and YYYY.key values; a cell it cannot read stays text', async () => {
    const text =
      'id,name,needsExpressPoint,2025.tapWaterRate,2024.tapWaterRate,2025.hasBroadband\n' +
      ' liuyang ,\u3000留阳村\u3000,否,87%,８０,maybe\n';
    expect(await records('village', text)).toEqual([
      {
        line: 2,
        record: {
          id: 'liuyang',
          name: '留阳村',
          attributes: { needsExpressPoint: false },
          indicators: { '2025': { tapWaterRate: 0.87, hasBroadband: 'maybe' }, '2024': { tapWaterRate: 0.8 } },
        },
      },
    ]);
  });

  it('names the line and column of a column given twice or named __proto__, in Chinese and English', async () => {
    const error = await refusal('household', 'id,villageId,size,__proto__,size\nh1,liuyang,3,x,4\n');
    expect(error.issues).toEqual([
      {
        path: [],
        line: 1,
        key: '__proto__',
        message: {
          zh: '第4列：不允许使用列名 "__proto__"',
          en: 'column 4: the column name "__proto__" is not allowed',
        },
      },
      {
        path: [],
        line: 1,
        key: 'size',
        message: { zh: '第5列：列名重复（与前面的同名列冲突）', en: 'column 5: the column appears twice' },
      },
    ]);
  });

  it('refuses __proto__ as the key of a year', async () => {
    const error = await refusal('village', 'id,2025.__proto__\nv1,x\n');
    expect(error.issues.map((i) => i.message.en)).toEqual(['column 2: the column name "__proto__" is not allowed']);
  });

  it('counts a column twice when only NFKC tells the two names apart', async () => {
    const error = await refusal('village', 'id,name,ｎａｍｅ\nv1,a,b\n');
    expect(error.issues.map((i) => i.message.en)).toEqual(['column 3: the column appears twice']);
  });

  it('names the line of text that is not CSV', async () => {
    const error = await refusal('household', 'id,villageId\nh1,liuyang\nh2,"liuyang\n');
    expect(error.issues[0]!.line).toBe(3);
    expect(error.issues[0]!.message.zh).toMatch(/^CSV 格式有误：/);
    expect(error.issues[0]!.message.en).toMatch(/^not valid CSV: /);
  });
});

describe('the template layout read from CSV', () => {
  it('points a file of the batch layout to evaluate --batch', () => {
    const error = (() => {
      try {
        readCsv(plan, [{ name: 'v.csv', text: 'id,name,2025.tapWaterRate\nliuyang,留阳村,87%\n' }]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(SpreadsheetError);
    expect((error as SpreadsheetError).issues[0]!.message.en).toContain(
      'for a village a line with YYYY.key columns use evaluate --batch',
    );
  });

  it('refuses a __proto__ key column, naming its cell', () => {
    const text = 'villageId,name,__proto__\nliuyang,留阳村,x\n';
    const error = (() => {
      try {
        readCsv(plan, [{ name: 'a.csv', text }]);
      } catch (e) {
        return e;
      }
    })() as SpreadsheetError;
    expect(error.issues).toContainEqual(
      expect.objectContaining({
        sheet: 'a.csv',
        cell: 'C1',
        key: '__proto__',
        message: expect.objectContaining({ en: 'the column name "__proto__" is not allowed' }),
      }),
    );
  });
});
