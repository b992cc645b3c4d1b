// The one value reader of every input form (值读取): what a person may type, and what is refused.
import { describe, expect, it } from 'vitest';
import { readValue } from '../src/index.js';

const count = { type: 'number', unit: 'count' } as const;
const ratio = { type: 'number', unit: 'ratio' } as const;

describe('readValue', () => {
  it('reads blanks around a number and before its percent sign', () => {
    expect(readValue(count, ' 3 ')).toEqual({ value: 3 });
    expect(readValue(ratio, '76.5 %')).toEqual({ value: 0.765 });
    expect(readValue(ratio, ' 87% ')).toEqual({ value: 0.87 });
    expect(readValue(count, '168,000')).toEqual({ value: 168000 });
  });

  it('refuses blanks inside a number rather than running its digits together', () => {
    for (const text of ['3 4', '1 234', '12\t5', '- 3', '8 7%']) {
      const reading = readValue(text.endsWith('%') ? ratio : count, text);
      expect(reading, text).toEqual({ error: { zh: '不是数字', en: 'not a number' } });
    }
  });
});
