// Issue 25, point 6: the CLI's rough edges — bilingual option help, JSON errors by line and
// column, one value reader for every input form, hints for misnamed keys, unknown villages on
// stderr (--strict: exit 2), bilingual tick progress, a progress bar that ends at the total,
// and rule names in `plan diff` with their parameters filled.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { createManualClock, createRuntime, getPlan, type Principal } from '@ruralkit/core';
import { openSqliteStore } from '@ruralkit/store-sqlite';
import { createProgress } from '../src/batch/progress.js';
import { capture, root, tmp } from './helpers.js';

const example = parse(readFileSync(join(root, 'examples/changjiang-2021/data.yaml'), 'utf8'));
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

/** Write `data` as YAML (or `text` as it is) to a new file named `name`. */
function file(name: string, content: unknown): string {
  const path = join(tmp(), name);
  writeFileSync(path, typeof content === 'string' ? content : stringify(content));
  return path;
}

describe('--help', () => {
  it('describes every option of every command in Chinese and English', async () => {
    const commands = ['evaluate', 'keygen', 'plan', 'screen', 'serve', 'template', 'test', 'token', 'workflow'];
    for (const command of commands) {
      const { stdout } = await capture([command, '--help']);
      const options = stdout.split('\n').filter((line) => /^ {2}--/.test(line));
      expect(options.length, command).toBeGreaterThan(1);
      for (const line of options) {
        expect(hasChinese(line), `${command}: ${line}`).toBe(true);
        expect(line, `${command}: ${line}`).toMatch(/ \/ [a-zA-Z(]/);
      }
    }
  });
});

describe('input files', () => {
  it('names the line and column of bad JSON, not its position', async () => {
    const bad = file('bad.json', '{\n  "villages": [\n    { "id": "liuyang", }\n  ]\n}\n');
    const { code, stderr } = await capture(['evaluate', bad]);
    expect(code).toBe(2);
    expect(stderr).toContain('line 3, column 24');
    expect(stderr).toContain('第 3 行第 24 列');
    expect(stderr).not.toContain('position');
  });

  it('reads YAML and JSON values as the spreadsheet import does: 87%, 是/否, 1,200', async () => {
    const typed = structuredClone(example);
    const liuyang = typed.villages[0];
    liuyang.indicators['2025'].tapWaterRate = '87%';
    liuyang.attributes.needsExpressPoint = '是';
    liuyang.indicators['2025'].collectiveIncomeCny = String(liuyang.indicators['2025'].collectiveIncomeCny).replace(
      /(\d)(?=(\d{3})+$)/g,
      '$1,',
    );
    const expected = await capture(['evaluate', file('plain.yaml', example), '--format', 'json']);
    for (const input of [file('typed.yaml', typed), file('typed.json', JSON.stringify(typed))]) {
      const read = await capture(['evaluate', input, '--format', 'json']);
      expect(read.code, read.stderr).toBe(0);
      expect(JSON.parse(read.stdout).results).toEqual(JSON.parse(expected.stdout).results);
    }
  });

  it('still refuses values that are not numbers, yes/no or dates, naming them', async () => {
    const bad = structuredClone(example);
    bad.villages[0].indicators['2025'].tapWaterRate = 'most';
    bad.villages[0].attributes.needsExpressPoint = 'perhaps';
    const { code, stderr } = await capture(['evaluate', file('bad.yaml', bad)]);
    expect(code).toBe(2);
    expect(stderr).toContain('tapWaterRate');
    expect(stderr).toContain('needsExpressPoint');
  });

  it('suggests the key meant for a misnamed one: village → villages', async () => {
    const { village, ...rest } = { ...example, village: example.villages };
    void village;
    const { code, stderr } = await capture(['evaluate', file('misnamed.yaml', { ...rest, village: example.villages })]);
    expect(code).toBe(2);
    expect(stderr).toContain('did you mean villages?');
    expect(stderr).toContain('您是否要输入 villages');
    const indicator = structuredClone(example);
    indicator.villages[0].indicators['2025'].tapWatterRate = 0.9;
    expect((await capture(['evaluate', file('typo.yaml', indicator)])).stderr).toContain('did you mean tapWaterRate?');
  });
});

describe('evaluate --from-workflows with a village the input lacks', () => {
  it('says so on stderr, and --strict exits 2', async () => {
    const db = join(tmp(), 'workflows.db');
    const store = openSqliteStore(db);
    const clock = createManualClock('2022-06-01T02:00:00Z');
    const runtime = createRuntime({ plan: getPlan('changjiang-2021'), store, clock });
    const official: Principal = { id: 'o-1', roles: ['township-official'], tenant: 'changjiang', township: 'liyang' };
    const { instanceId } = await runtime.start('village-plan', {
      tenant: 'changjiang',
      subject: { village: 'jianglian' },
      event: { type: 'START', actor: official },
    });
    const approver: Principal = { id: 'a-1', roles: ['district-approver'], tenant: 'changjiang' };
    const committee: Principal = { ...official, id: 'c-1', roles: ['village-committee'], village: 'jianglian' };
    for (const [type, actor, payload, day] of [
      ['SUBMIT_DRAFT', official, { draft: 'v1' }, '2022-06-02'],
      ['CLOSE_CONSULTATION', official, undefined, '2022-07-05'],
      ['RECORD_VOTE', committee, { attendees: 100, inFavour: 80 }, '2022-07-10'],
      ['SUBMIT_FOR_APPROVAL', official, undefined, '2022-10-30'],
      ['APPROVE', approver, undefined, '2022-11-08'],
    ] as const) {
      clock.set(`${day}T02:00:00Z`);
      await runtime.send(instanceId, { type, actor, ...(payload === undefined ? {} : { payload }) });
    }
    await store.close();
    const onlyLiuyang = file('liuyang.yaml', { ...example, villages: [example.villages[0]] });
    const args = ['evaluate', onlyLiuyang, '--as-of', '2025-12-31', '--from-workflows', '--db', db];
    const lenient = await capture([...args, '--tenant', 'changjiang']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain('village jianglian is not in the input');
    expect(lenient.stderr).toContain('输入中没有村 jianglian');
    const strict = await capture([...args, '--tenant', 'changjiang', '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stderr).toContain('--strict');
  });
});

describe('progress', () => {
  it('workflow tick reports in Chinese and English', async () => {
    const { code, stderr } = await capture(['workflow', 'tick', '--db', join(tmp(), 'tick.db'), '--create']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/ruralkit: .*[\u4e00-\u9fff].* \/ 0 deadline\(s\) overdue/);
  });

  it("a batch's progress bar ends at the total, 100%, however soon after the last redraw", () => {
    let written = '';
    const progress = createProgress(true, 200_000, (text) => (written += text));
    progress.update(190_000, 189_900);
    progress.update(200_000, 200_000); // within 100 ms of the last: not redrawn
    progress.end(200_000, 200_000);
    const frames = written.split('\r').filter((frame) => frame.includes('条 records'));
    expect(frames.at(-1)).toContain('100%');
    expect(frames.at(-1)).toContain('200,000 条 records');
  });
});

describe('plan diff', () => {
  it('fills the parameters in a rule name instead of printing {p:…}', async () => {
    const plugin = file('named.plugin.yaml', {
      id: 'named-target',
      name: { zh: '命名示例', en: 'Named example' },
      version: '1.0.0',
      core: '^0.1.0',
      plan: 'changjiang-2021',
      parameters: [
        {
          id: 'industry.minColdChainNodes',
          name: { zh: '冷链节点最少个数', en: 'Fewest cold-chain nodes' },
          unit: 'count',
          stricter: 'higher',
          source: ['2.1'],
          values: [{ from: '2021-01-01', value: 2 }],
        },
      ],
      indicators: [
        {
          key: 'coldChainNodeCount',
          subject: 'village',
          type: 'integer',
          unit: 'count',
          min: 0,
          name: { zh: '冷链物流节点数量', en: 'Cold-chain logistics nodes' },
        },
      ],
      rules: {
        add: [
          {
            id: 'industry.cold-chain-node',
            name: {
              zh: '冷链节点不少于{p:industry.minColdChainNodes}个',
              en: 'At least {p:industry.minColdChainNodes} cold-chain nodes',
            },
            subject: 'village',
            kind: 'annual',
            strength: 'strive',
            clauses: ['2.1'],
            derived: {},
            condition: {
              all: [
                {
                  fact: 'coldChainNodeCount',
                  operator: 'greaterThanInclusive',
                  value: { fact: 'industry.minColdChainNodes' },
                },
              ],
            },
            units: ['agri-water'],
            messages: {
              zh: {
                met: '{subject}{year}年达到{p:industry.minColdChainNodes}',
                notMet: '{subject}{year}年未达到{p:industry.minColdChainNodes}',
              },
              en: { met: '{subject} met it in {year}', notMet: '{subject} did not meet it in {year}' },
            },
          },
        ],
      },
    });
    const { code, stdout, stderr } = await capture(['plan', 'diff', '--plugin', plugin]);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('冷链节点不少于2个 / At least 2 cold-chain nodes');
    expect(stdout).not.toContain('{p:');
  });
});
