// The public surface of @ruralkit/core is listed in one place, docs/api-surface.md, entry point by
// entry point: an export added or removed, or moved to another entry, without the list saying so
// fails here.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
/** The entries, by the name their section of docs/api-surface.md has (the main entry's sections have none). */
const entries: Record<string, string> = {
  '@ruralkit/core': `${root}packages/core/src/index.ts`,
  '@ruralkit/core/node': `${root}packages/core/src/node.ts`,
  '@ruralkit/core/store': `${root}packages/core/src/store.ts`,
};

/** Every name each entry exports, values and types alike, read by the TypeScript compiler. */
function exportedNames(): Record<string, string[]> {
  const program = ts.createProgram(Object.values(entries), {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022,
    noEmit: true,
  });
  const checker = program.getTypeChecker();
  return Object.fromEntries(
    Object.entries(entries).map(([entry, file]) => [
      entry,
      checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(file)!)!).map((s) => s.name),
    ]),
  );
}

/**
 * The names docs/api-surface.md lists (the first code span of each list item), by entry: a
 * section headed with an entry's name lists that entry; the other sections list the main one.
 */
function listedNames(): Record<string, string[]> {
  const listed: Record<string, string[]> = Object.fromEntries(Object.keys(entries).map((e) => [e, []]));
  let entry = '@ruralkit/core';
  for (const line of readFileSync(`${root}docs/api-surface.md`, 'utf8').split('\n')) {
    const heading = /^## (?:`(@ruralkit\/core\/\w+)`)?/.exec(line);
    if (heading) entry = heading[1] ?? '@ruralkit/core';
    const item = /^- `([A-Za-z_$][\w$]*)`/.exec(line);
    if (item) listed[entry]!.push(item[1]!);
  }
  return listed;
}

describe('the public surface of @ruralkit/core', () => {
  const exported = exportedNames();
  const listed = listedNames();

  it.each(Object.keys(entries))('lists every export of %s in its section', (entry) => {
    expect(exported[entry]!.length).toBeGreaterThan(entry === '@ruralkit/core' ? 100 : 3);
    expect(
      exported[entry]!.filter((name) => !listed[entry]!.includes(name)),
      'exported but not listed',
    ).toEqual([]);
  });

  it.each(Object.keys(entries))('lists nothing %s does not export, and each name once', (entry) => {
    expect(
      listed[entry]!.filter((name) => !exported[entry]!.includes(name)),
      'listed but not exported',
    ).toEqual([]);
    const all = Object.values(listed).flat();
    expect(
      all.filter((name, i) => all.indexOf(name) !== i),
      'listed twice',
    ).toEqual([]);
  });
});
