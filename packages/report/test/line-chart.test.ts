// lineChart: the report's chart code drawing measured figures (docs/performance.md's growth charts).
import { describe, expect, it } from 'vitest';
import { lineChart } from '../src/index.js';

describe('lineChart', () => {
  it('draws each line with its name, its values and the named axes, on a log axis when asked', () => {
    const svg = lineChart({
      xName: 'records (记录数)',
      yName: 'µs per record',
      xLog: true,
      lines: [
        {
          name: 'screen',
          points: [
            [10_000, 12.5],
            [1_000_000, 3.25],
          ],
        },
        {
          name: 'evaluate',
          points: [
            [10_000, 81],
            [1_000_000, 64.5],
          ],
        },
      ],
    });
    expect(svg.startsWith('<svg')).toBe(true);
    // Every attribute ends where its value does: the font stack's names are quoted with ' inside
    // the style attribute's ", or the chart is not well-formed XML (and HTML cuts the style short).
    expect(svg.match(/="[^"]*"[^\s/>]/g) ?? []).toEqual([]);
    expect(svg).toContain("font-family:'PingFang SC'");
    for (const text of ['screen', 'evaluate', '记录数', 'µs per record', '12.5', '3.25', '64.5', '1,000,000'])
      expect(svg).toContain(text);
  });
});
