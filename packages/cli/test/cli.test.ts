// The ruralkit command, run in-process and as a real process (exit codes, output, errors).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../src/cli.js';
import { capture, root, tmp } from './helpers.js';

const data = join(root, 'examples/changjiang-2021/data.yaml');
const bin = join(root, 'packages/cli/bin/ruralkit.js');

describe('ruralkit evaluate', async () => {
  it('prints a table for each village, the district, households and to-do lists', async () => {
    const { code, stdout } = await capture(['evaluate', data, '--as-of', '2025-12-31']);
    expect(code).toBe(0);
    expect(stdout).toContain('留阳村 (liuyang) · 鲇鱼山镇');
    expect(stdout).toContain('江联村 (jianglian) · 丽阳镇');
    expect(stdout).toMatch(/infrastructure\.tap-water\s+未达标\s+2025\s+留阳村2025年自来水普及率为87%，低于目标90%/);
    expect(stdout).toContain('防止返贫监测筛查');
    expect(stdout).toContain('责任单位待办');
    expect(stdout).not.toContain('\u001b['); // no colour when not a terminal
  });

  it('colours statuses on a terminal', async () => {
    let stdout = '';
    await run(['evaluate', data, '--as-of', '2025-12-31'], {
      stdout: (t) => (stdout += t),
      stderr: () => {},
      colour: true,
      today: () => '2025-12-31',
    });
    expect(stdout).toContain('\u001b[31m未达标');
  });

  it('writes JSON for programs, Markdown for documents, in English on request', async () => {
    const json = JSON.parse((await capture(['evaluate', data, '--as-of', '2024-06-30', '--format', 'json'])).stdout);
    expect(json.asOf).toBe('2024-06-30');
    expect(json.results.length).toBeGreaterThan(50);
    const md = (await capture(['evaluate', data, '--as-of', '2025-12-31', '--format', 'md', '--lang', 'en'])).stdout;
    expect(md).toContain('## Liuyang Village (liuyang)');
    expect(md).toContain('| Rule | Status | Year | Clause | Lead unit | Explanation |');
    expect(md).toContain('below the target of 90%');
  });

  it('writes to --out', async () => {
    const out = join(tmp(), 'report.md');
    const { code, stdout, stderr } = await capture([
      'evaluate',
      data,
      '--as-of',
      '2025-12-31',
      '--format',
      'md',
      '--out',
      out,
    ]);
    expect([code, stdout]).toEqual([0, '']);
    expect(stderr).toContain(out);
    expect(readFileSync(out, 'utf8')).toContain('# 昌江区“十四五”区定乡村振兴重点帮扶村工作实施方案');
  });

  it('exits 2 with every input problem and no stack trace', async () => {
    const file = join(tmp(), 'bad.yaml');
    writeFileSync(
      file,
      "villages:\n  - id: liuyang\n    attributes: { needsExpressPoint: true, hasEcommerceConditions: true }\n    indicators:\n      '2025': { tapWaterRate: 1.2, colour: red }\n",
    );
    const { code, stderr } = await capture(['evaluate', file, '--as-of', '2025-12-31']);
    expect(code).toBe(2);
    expect(stderr).toContain('tapWaterRate = 1.2: 不在 0–1 之间 / not between 0 and 1');
    expect(stderr).toContain('colour = "red": 未知指标');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 on usage errors, files it cannot read and YAML it cannot parse', async () => {
    expect((await capture(['evaluate'])).code).toBe(2);
    expect((await capture(['evaluate', data, '--format', 'pdf'])).stderr).toContain(
      '--format must be one of table, json, md',
    );
    expect((await capture(['evaluate', data, '--as-of', '2025-02-30'])).stderr).toContain(
      '--as-of must be a real date',
    );
    expect((await capture(['evaluate', data, '--plan', 'nowhere'])).stderr).toContain('unknown plan "nowhere"');
    expect((await capture(['evaluate', data, '--colour'])).code).toBe(2);
    expect((await capture(['evaluate', '/nonexistent.yaml'])).stderr).toContain('file not found: "/nonexistent.yaml"');
    const broken = join(tmp(), 'broken.yaml');
    writeFileSync(broken, 'villages: [\n');
    expect((await capture(['evaluate', broken])).stderr).toContain('is not valid YAML');
    expect((await capture(['frobnicate'])).stderr).toContain('unknown command "frobnicate"');
  });

  it('shows a stack trace with --debug', async () => {
    expect((await capture(['evaluate', '/nonexistent.yaml', '--debug'])).stderr).toMatch(/\n\s+at /);
  });
});

describe('the built command', async () => {
  it('runs as a process: exit 0 after an evaluation, 2 on bad input', async () => {
    const out = execFileSync('node', [bin, 'evaluate', data, '--as-of', '2025-12-31', '--lang', 'en'], {
      encoding: 'utf8',
    });
    expect(out).toContain('Liuyang Village (liuyang)');
    const bad = spawnSync('node', [bin, 'evaluate', data, '--as-of', 'yesterday'], { encoding: 'utf8' });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--as-of must be a real date');
  });

  it('runs scenarios and ends with the count line', async () => {
    const dir = tmp();
    writeFileSync(
      join(dir, 'ok.yaml'),
      "name: ok\nasOf: 2025-12-31\ninput:\n  villages:\n    - id: liuyang\n      attributes: { needsExpressPoint: true, hasEcommerceConditions: true }\n      indicators: { '2025': { tapWaterRate: 0.9 } }\nexpect:\n  villages:\n    liuyang:\n      infrastructure.tap-water: met\n",
    );
    writeFileSync(
      join(dir, 'wrong.yaml'),
      "name: wrong on purpose\nasOf: 2025-12-31\ninput:\n  villages:\n    - id: liuyang\n      attributes: { needsExpressPoint: true, hasEcommerceConditions: true }\n      indicators: { '2025': { tapWaterRate: 0.9 } }\nexpect:\n  villages:\n    liuyang:\n      infrastructure.tap-water: not-met\n",
    );
    const result = spawnSync('node', [bin, 'test', dir], { encoding: 'utf8' });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('wrong.yaml — wrong on purpose');
    expect(result.stdout).toContain('village liuyang · infrastructure.tap-water · status: expected not-met, got met');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('1 passed, 1 failed');
  });
});

describe('ruralkit test and the plugins scenarios name', () => {
  const county = join(root, 'examples/county-plugin');

  it('loads the county’s plugins beside its scenarios with --plugin-root and --allow-code-plugins', async () => {
    const { code, stdout } = await capture([
      'test',
      join(county, 'scenarios'),
      '--plugin-root',
      county,
      '--allow-code-plugins',
    ]);
    expect(stdout.trim().split('\n').at(-1)).toBe('12 passed, 0 failed');
    expect(code).toBe(0);
  });

  it('refuses plugins outside the scenario folder, and code plugins without the flag', async () => {
    const outside = await capture(['test', join(county, 'scenarios')]);
    expect(outside.code).toBe(1);
    expect(outside.stdout).toContain('at plugins[0]: 场景的插件须位于目录');
    const code = await capture(['test', join(county, 'scenarios'), '--plugin-root', county]);
    expect(code.code).toBe(1);
    expect(code.stdout).toContain('example-county.plugin.ts: 这是代码插件');
    expect(code.stdout).toContain('allow it explicitly (ruralkit test --allow-code-plugins');
    expect(code.stdout.trim().split('\n').at(-1)).toBe('4 passed, 8 failed');
  });
});

describe('ruralkit plan and plugins', () => {
  const lines = join(root, 'examples/county-plugin/income-lines.plugin.yaml');
  const county = join(root, 'examples/county-plugin/example-county.plugin.ts');

  it('prints what plugins change against the base plan', async () => {
    const { code, stdout } = await capture(['plan', 'diff', '--plugin', lines, '--plugin', county]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '| 参数 parameter | `infrastructure.tapWaterMinRate` | changed | plugin:example-county@1.0.0 |',
    );
    expect(stdout).toContain('`deadline.villagePlan` (plugin:example-county@1.0.0): 示例县县级国土空间规划批复延后');
    const json = JSON.parse((await capture(['plan', 'diff', '--plugin', lines, '--format', 'json'])).stdout);
    expect(json.changes[0]).toMatchObject({ kind: 'parameter', id: 'monitoring.incomeThreshold' });
  });

  it('lists the targets plugins relaxed, with reasons, in every report format', async () => {
    const data = join(root, 'examples/changjiang-2021/data.yaml');
    const report = async (format: string, plugins = ['--plugin', lines, '--plugin', county]) =>
      (await capture(['evaluate', data, '--as-of', '2025-12-31', '--format', format, ...plugins])).stdout;
    const reason = '示例县县级国土空间规划批复延后';
    expect(await report('table')).toContain(
      `插件放宽的目标:\n  deadline.villagePlan (plugin:example-county@1.0.0): ${reason}`,
    );
    expect(await report('md')).toContain(
      `## 插件放宽的目标:\n\n- deadline.villagePlan (plugin:example-county@1.0.0): ${reason}`,
    );
    const html = await report('html');
    expect(html.slice(html.indexOf('<section id="relaxed">'))).toContain(
      `<code>deadline.villagePlan</code></td><td>${reason}`,
    );
    expect(JSON.parse(await report('json')).plan.relaxed).toEqual([
      { id: 'deadline.villagePlan', reason: expect.stringContaining(reason), by: 'plugin:example-county@1.0.0' },
    ]);
    expect(await report('table', [])).toContain('插件放宽的目标: 无');
  });

  it('shows the rules and parameters in force on a date, with who set them', async () => {
    const before = (
      await capture(['plan', 'show', '--plugin', lines, '--plugin', county, '--at', '2023-06-30', '--format', 'json'])
    ).stdout;
    const after = (
      await capture(['plan', 'show', '--plugin', lines, '--plugin', county, '--at', '2024-06-30', '--format', 'json'])
    ).stdout;
    const tap = (text: string) =>
      JSON.parse(text).parameters.find((p: { id: string }) => p.id === 'infrastructure.tapWaterMinRate');
    expect(tap(before)).toMatchObject({ value: 0.9, setBy: 'plan' });
    expect(tap(after)).toMatchObject({ value: 0.95, stricter: 'higher', setBy: 'plugin:example-county@1.0.0' });
    const md = (await capture(['plan', 'show', '--at', '2025-01-01', '--lang', 'en'])).stdout;
    expect(md).toContain('| `deadline.transitionEnd` | End of the transition period | 2025-12-31 | date | lower |');
    expect(md).toContain(
      "| `infrastructure.tap-water` | Tap water coverage reaches 90% | deadline | binding | 三（三） | 2025-12-31 | agri-water, rural-revitalization, townships (the library's reading) | plan |",
    );
  });

  it('lists what a rule refers to: units, clauses with their text, indicators with unit, type and range, risk types', async () => {
    const md = (await capture(['plan', 'show', '--at', '2025-01-01'])).stdout;
    expect(md).toContain('## 责任单位');
    expect(md).toMatch(/\| `rural-revitalization` \| 区乡村振兴局 \| plan \|/);
    expect(md).toContain('## 条款');
    expect(md).toContain('到2025年，重点村自来水普及率达到90%');
    expect(md).toContain('## 指标');
    expect(md).toMatch(/\| `tapWaterRate` \| 自来水普及率 \| village \| number \| ratio \| 0%–100% \| plan \|/);
    expect(md).toContain('## 风险类型');
    expect(md).toMatch(/\| `drinking-water` \| 饮水不安全 \| plan \|/);
    const json = JSON.parse(
      (await capture(['plan', 'show', '--plugin', county, '--plugin', lines, '--format', 'json'])).stdout,
    );
    expect(json.indicators.find((i: { key: string }) => i.key === 'coldChainNodeCount')).toMatchObject({
      type: 'integer',
      unit: 'count',
      min: 0,
      setBy: 'plugin:example-county@1.0.0',
    });
    expect(json.clauses.find((c: { id: string }) => c.id === '3.3')).toMatchObject({ label: '三（三）' });
    expect(json.units.length).toBeGreaterThan(10);
    expect(json.riskTypes.map((t: { id: string }) => t.id)).toContain('income');
  });

  it('states the target in force in rule names: 95% under the county plugin from 2024', async () => {
    const show = async (at: string) =>
      (await capture(['plan', 'show', '--plugin', lines, '--plugin', county, '--at', at])).stdout;
    expect(await show('2024-06-30')).toContain('| `infrastructure.tap-water` | 自来水普及率达到95% |');
    expect(await show('2023-06-30')).toContain('| `infrastructure.tap-water` | 自来水普及率达到90% |');
  });

  it('evaluates with plugins, and refuses a bad plugin with exit 2', async () => {
    const file = join(tmp(), 'in.yaml');
    writeFileSync(
      file,
      "villages:\n  - id: liuyang\n    attributes: { needsExpressPoint: true, hasEcommerceConditions: true }\n    indicators: { '2025': { tapWaterRate: 0.93 } }\n",
    );
    const json = JSON.parse(
      (
        await capture([
          'evaluate',
          file,
          '--as-of',
          '2025-12-31',
          '--format',
          'json',
          '--plugin',
          lines,
          '--plugin',
          county,
        ])
      ).stdout,
    );
    expect(json.results.find((r: { ruleId: string }) => r.ruleId === 'infrastructure.tap-water').status).toBe(
      'not-met',
    );
    expect(json.plan.plugins).toEqual(['example-county-income-lines@1.0.0', 'example-county@1.0.0']);
    const refused = await capture(['evaluate', file, '--plugin', county]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('plugin example-county at dependsOn[0]');
    expect((await capture(['plan', 'diff'])).stderr).toContain('give at least one --plugin FILE');
    expect((await capture(['plan', 'frob'])).code).toBe(2);
  });
});

describe('ruralkit screen with plugins', () => {
  it('applies the plugins in every worker thread', async () => {
    const dir = tmp();
    const households = join(dir, 'households.ndjson');
    const rows = Array.from({ length: 50 }, (_, i) =>
      JSON.stringify({
        id: `h${i}`,
        villageId: 'liuyang',
        size: 2,
        annualNetIncomeCny: i % 2 ? 13600 : 20000,
        formerlyPoor: false,
      }),
    );
    writeFileSync(households, `${rows.join('\n')}\n`);
    const plugins = ['income-lines.plugin.yaml', 'example-county.plugin.ts'].flatMap((f) => [
      '--plugin',
      join(root, 'examples/county-plugin', f),
    ]);
    const withPlugins = join(dir, 'with.ndjson');
    const base = join(dir, 'base.ndjson');
    const a = spawnSync(
      'node',
      [bin, 'screen', households, '--as-of', '2024-12-31', '--workers', '2', '--out', withPlugins, ...plugins],
      { encoding: 'utf8' },
    );
    expect(a.status, a.stderr).toBe(0);
    const b = spawnSync('node', [bin, 'screen', households, '--as-of', '2024-12-31', '--workers', '2', '--out', base], {
      encoding: 'utf8',
    });
    expect(b.status, b.stderr).toBe(0);
    const flagged = (file: string) => readFileSync(file, 'utf8').trim().split('\n').filter(Boolean).length;
    expect(flagged(withPlugins)).toBe(25); // 6,800 per person is below the county's 2024 line of 7,000
    expect(readFileSync(base, 'utf8').trim()).toBe(''); // and above the plan's 6,000
  });
});

describe('exit codes', () => {
  /** Run `ruralkit plan show` with an output that fails with `error`. */
  async function failingOutput(error: Error) {
    let stderr = '';
    const code = await run(['plan', 'show'], {
      stdout: () => {
        throw error;
      },
      stderr: (t) => (stderr += t),
      colour: false,
      today: () => '2025-12-31',
    });
    return { code, stderr };
  }

  it('ends an internal error (a fault of ruralkit) with 70, asking for a report with --debug', async () => {
    const { code, stderr } = await failingOutput(new TypeError("Cannot read properties of undefined (reading 'x')"));
    expect(code).toBe(70);
    expect(stderr).toContain('内部错误 / internal error: Cannot read properties of undefined');
    expect(stderr).toContain('run again with --debug');
  });

  it("ends the system's refusal (a permission, a full disk) with 2, as bad usage or environment", async () => {
    const denied = Object.assign(new Error("EACCES: permission denied, open 'out.html'"), {
      code: 'EACCES',
      syscall: 'open',
    });
    const { code, stderr } = await failingOutput(denied);
    expect(code).toBe(2);
    expect(stderr).toContain('ruralkit: EACCES: permission denied');
    expect(stderr).not.toContain('internal error');
  });

  it('ends bad usage with 2', async () => {
    expect((await capture(['plan', 'nope'])).code).toBe(2);
  });
});
