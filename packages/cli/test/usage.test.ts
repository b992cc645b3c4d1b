// How the command meets a person: every subcommand's own --help, "did you mean" for typos, and
// usage errors in Chinese and English that say how to fix them, with no stack trace.
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capture, root, tmp } from './helpers.js';

const data = join(root, 'examples/changjiang-2021/data.yaml');
const COMMANDS = ['evaluate', 'plan', 'screen', 'template', 'test', 'workflow'];
const hasChinese = (text: string) => /[\u4e00-\u9fff]/.test(text);

describe('help', () => {
  it.each(COMMANDS)('ruralkit %s --help and -h print that command’s usage and options', async (name) => {
    for (const flag of ['--help', '-h']) {
      const { code, stdout, stderr } = await capture([name, flag]);
      expect(code, `${name} ${flag}`).toBe(0);
      expect(stderr).toBe('');
      expect(stdout).toContain(`ruralkit ${name}`);
      expect(stdout).toContain('Options:');
      expect(stdout).toMatch(/--help, -h/);
      expect(hasChinese(stdout)).toBe(true);
    }
  });

  it('takes --help after other arguments, and `ruralkit help <command>`', async () => {
    expect((await capture(['evaluate', data, '--format', 'html', '--help'])).stdout).toContain('--as-of');
    expect((await capture(['plan', 'show', '-h'])).stdout).toContain('--at');
    expect((await capture(['help', 'workflow'])).stdout).toContain('--db');
  });

  it('prints each command’s own options, not the others’', async () => {
    expect((await capture(['template', '--help'])).stdout).not.toContain('--workers');
    expect((await capture(['screen', '--help'])).stdout).toContain('--workers');
  });
});

describe('did you mean', () => {
  it.each([
    [['evaluate', data, '--fromat', 'md'], '--format'],
    [['evaluate', data, '--as_of', '2025-12-31'], '--as-of'],
    [['evaluate', data, '--plugins', 'x.yaml'], '--plugin'],
    [['plan', 'show', '--lnag', 'en'], '--lang'],
    [['screen', 'h.ndjson', '--worker', '2'], '--workers'],
    [['workflow', 'tick', '--bd', 'x.db'], '--db'],
    [['evalute', data], 'evaluate'],
    [['plan', 'shwo'], 'show'],
    [['workflow', 'strat'], 'start'],
    [['evaluate', data, '--format', 'mdx'], 'md'],
    [['evaluate', data, '--plan', 'changjiang-2012'], 'changjiang-2021'],
  ])('%j suggests %s', async (argv, suggestion) => {
    const { code, stderr } = await capture(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(`did you mean ${suggestion}?`);
    expect(stderr).toContain(`您是否要输入 ${suggestion}？`);
    expect(stderr).not.toContain("Unknown option '");
  });

  it('names no suggestion when nothing is close', async () => {
    const { stderr } = await capture(['evaluate', data, '--zzzzzzzz']);
    expect(stderr).toContain('unknown option --zzzzzzzz');
    expect(stderr).not.toContain('did you mean');
  });
});

describe('usage errors are bilingual and name the fix', () => {
  const folder = tmp();
  it.each([
    [['evaluate', data, '--as-of', 'yesterday'], 'e.g. --as-of 2025-12-31'],
    [['evaluate', data, '--as-of', '2025-02-30'], 'YYYY-MM-DD'],
    [['evaluate', data, '--as-of'], 'option --as-of needs a value: --as-of YYYY-MM-DD'],
    [['evaluate', data, '--as-of', '--format', 'md'], 'option --as-of needs a value'],
    [['plan', 'show', '--at', '2025-13-01'], '--at must be a real date'],
    [['evaluate'], 'give an input file'],
    [['evaluate', '/nonexistent/data.yaml'], 'file not found: "/nonexistent/data.yaml"'],
    [['evaluate', folder], 'is a folder: give a file'],
    [['test', '/nonexistent/scenarios'], 'not found: "/nonexistent/scenarios"'],
    [['test'], 'give scenario files or folders'],
    [['screen', '/nonexistent.ndjson', '--out', join(folder, 'o.ndjson')], 'file not found'],
    [['screen', 'h.ndjson', '--out', 'o.ndjson', '--workers', 'two'], 'e.g. --workers 2'],
    [['evaluate', '--batch', '--out', 'o.ndjson'], 'option --batch needs a value'],
    [['evaluate', 'v.ndjson', '--batch'], 'option --batch needs a value'],
    [['template'], 'give --out FILE.xlsx'],
    [['plan', 'diff'], 'give at least one --plugin FILE'],
    [['plan'], 'use "plan show" or "plan diff"'],
    [['workflow', 'show', 'x'], '--db FILE (the workflow database) is required'],
    [['workflow', 'start', 'village-plan', '--db', join(folder, 'w.db')], '--tenant and --village are required'],
    [['frobnicate'], 'unknown command "frobnicate"'],
  ])('%j', async (argv, english) => {
    const { code, stderr } = await capture(argv);
    expect(code).toBe(2);
    expect(stderr).toContain(english);
    const [zh, en] = stderr.split('\n');
    expect(hasChinese(zh!), stderr).toBe(true);
    expect(en).toMatch(/^ruralkit/);
    expect(stderr).toContain('--help');
    expect(stderr).not.toMatch(/\n\s+at |ENOENT|ERR_/);
  });
});

describe('an unbuilt checkout', () => {
  it('says to build, in Chinese and English, instead of a stack trace', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(root, 'packages/cli/bin/ruralkit.js'), join(dir, 'bin/ruralkit.js'));
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    const result = spawnSync('node', [join(dir, 'bin/ruralkit.js'), 'evaluate', data], { encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('尚未构建');
    expect(result.stderr).toContain('run pnpm install && pnpm build');
    expect(result.stderr).not.toMatch(/\n\s+at |ERR_MODULE_NOT_FOUND/);
  });
});
