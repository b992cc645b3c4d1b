// One error catalogue (issue 23, point 2): every code an error is raised with, in any package,
// has its HTTP status, CLI exit code and title there; the service and the CLI read them from it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, errorEntry } from '@ruralkit/core';
import { PROBLEM_STATUS } from '@ruralkit/http';

const root = new URL('../', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** Codes errors are raised with: `new XError('code', …)`, `super('code', …)`, and the workflow codes' union. */
function raisedCodes(): Set<string> {
  const codes = new Set<string>();
  for (const dir of readdirSync(join(root, 'packages'))) {
    for (const file of sources(join(root, 'packages', dir, 'src'))) {
      const text = readFileSync(file, 'utf8');
      // PluginError and UsageError take a plugin id and a command first; their codes are in their super().
      for (const m of text.matchAll(/new (?!PluginError|UsageError)(?:\w+Error|HttpProblem)\(\s*'([\w-]+)'/g))
        codes.add(m[1]!);
      for (const m of text.matchAll(/super\(\s*'([\w-]+)'/g)) {
        const parent = [...text.slice(0, m.index).matchAll(/extends (\w+)/g)].at(-1)?.[1];
        if (parent !== 'PluginError' && parent !== 'UsageError') codes.add(m[1]!);
      }
    }
  }
  const union = /export type WorkflowErrorCode =([^;]+);/.exec(
    readFileSync(join(root, 'packages/core/src/workflows/errors.ts'), 'utf8'),
  )![1]!;
  for (const m of union.matchAll(/'([\w-]+)'/g)) codes.add(m[1]!);
  return codes;
}

describe('the error catalogue', () => {
  it('holds every code raised anywhere, with a status, an exit code and a title in both languages', () => {
    const codes = raisedCodes();
    expect(codes.size).toBeGreaterThan(20);
    const missing = [...codes].filter((code) => errorEntry(code) === undefined);
    expect(missing).toEqual([]);
    for (const entry of Object.values(ERROR_CATALOGUE)) {
      expect(entry.status).toBeGreaterThanOrEqual(400);
      expect([2, 70]).toContain(entry.exit);
      expect(entry.title.zh.length * entry.title.en.length).toBeGreaterThan(0);
    }
  });

  it('gives the service its statuses', () => {
    for (const [code, status] of Object.entries(PROBLEM_STATUS))
      expect(status).toBe(ERROR_CATALOGUE[code as keyof typeof ERROR_CATALOGUE].status);
    expect(errorEntry('internal')!.exit).toBe(70);
    expect(errorEntry('no-such-code')).toBeUndefined();
  });
});
