// The README's TypeScript examples compile as an integrator would write them: strict, against
// the packages as published (their built declarations, through an example's dependencies).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
/** Where the examples sit: a folder whose package depends on the published packages. */
const home = join(root, 'examples/changjiang-2021');
/** What an example uses without showing where it comes from. */
const GIVEN = "declare const input: import('@ruralkit/core').EvaluationInput;\n";

const blocks = [...readFileSync(join(root, 'README.md'), 'utf8').matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

/** The compiler's complaints about `source`, as a virtual module beside the example's code. */
function complaints(source: string): string[] {
  const file = join(home, 'readme-example.ts');
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: ['node'],
    typeRoots: [join(root, 'node_modules/@types')],
  };
  const host = ts.createCompilerHost(options);
  const text = `${GIVEN}${source}\nexport {};\n`;
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, text, version) : getSourceFile.call(host, name, version, ...rest);
  const fileExists = host.fileExists;
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  const program = ts.createProgram([file], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file?.fileName === file ? 'README' : d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`,
    );
}

describe("the README's TypeScript examples", () => {
  it('are there', () => expect(blocks.length).toBeGreaterThanOrEqual(2));

  it.each(blocks.map((block, i) => [i + 1, block] as const))('compile strictly: example %i', (_, block) => {
    expect(complaints(block)).toEqual([]);
  });

  it('would fail on a mistake: a role that does not exist', () => {
    const wrong = blocks.find((b) => b.includes("'township-official'"))!.replace("'township-official'", "'mayor'");
    expect(complaints(wrong).join('\n')).toMatch(/mayor/);
  });
});
