// The public surface of @ruralkit/core is listed in one place, docs/api-surface.md: an export added
// or removed without the list saying so fails here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
/** The entries: `@ruralkit/core` and `@ruralkit/core/node`. */
const entries = [`${root}packages/core/src/index.ts`, `${root}packages/core/src/node.ts`];

/** Every name the entries export, values and types alike, read by the TypeScript compiler. */
function exportedNames(): string[] {
  const program = ts.createProgram(entries, {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  return entries.flatMap((entry) =>
    checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(entry)!)!).map((s) => s.name),
  );
}

/** The names docs/api-surface.md lists: the first code span of each list item. */
function listedNames(): string[] {
  const text = readFileSync(`${root}docs/api-surface.md`, 'utf8');
  return [...text.matchAll(/^- `([A-Za-z_$][\w$]*)`/gm)].map((m) => m[1]!);
}

describe('the public surface of @ruralkit/core', () => {
  const exported = exportedNames();
  const listed = listedNames();

  it('lists every export in docs/api-surface.md', () => {
    expect(exported.length).toBeGreaterThan(100);
    expect(
      exported.filter((name) => !listed.includes(name)),
      'exported but not listed',
    ).toEqual([]);
  });

  it('lists nothing that is not exported, and each name once', () => {
    expect(
      listed.filter((name) => !exported.includes(name)),
      'listed but not exported',
    ).toEqual([]);
    expect(
      listed.filter((name, i) => listed.indexOf(name) !== i),
      'listed twice',
    ).toEqual([]);
  });
});
