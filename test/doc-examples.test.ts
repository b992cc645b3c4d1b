// The TypeScript examples of the README and the guides compile as an integrator would write them:
// strict, against the packages as published (their built declarations), from a folder of this
// repository whose package depends on what the example imports (an example, or the benchmarks).
// What an excerpt uses without showing where it comes from is declared just above its fence, in
// a comment the page does not show: `<!-- given: declare const runtime: … -->`. An excerpt that
// is not a program (a rule's fields, say) says so: `<!-- not compiled: why -->`.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const pages = ['README.md', ...readdirSync(join(root, 'docs/guides')).map((name) => `docs/guides/${name}`)];

/** The folders an example may be compiled from, with the packages each depends on. */
const homes = ['examples/changjiang-2021', 'examples/county-plugin', 'examples/http-service', 'bench'].map((folder) => {
  const manifest = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as Record<
    string,
    Record<string, string> | undefined
  >;
  return { folder, packages: new Set(Object.keys({ ...manifest.dependencies, ...manifest.devDependencies })) };
});

interface Example {
  page: string;
  /** Its place on the page, from 1. */
  number: number;
  code: string;
  given: string;
  skipped?: string;
}

const FENCE = /(?:<!--\s*(given|not compiled):([\s\S]*?)-->\s*\n)?```ts\n([\s\S]*?)```/g;

function examplesOf(page: string): Example[] {
  const text = readFileSync(join(root, page), 'utf8');
  return [...text.matchAll(FENCE)].map((m, i) => ({
    page,
    number: i + 1,
    code: m[3]!,
    given: m[1] === 'given' ? m[2]!.trim() : '',
    ...(m[1] === 'not compiled' ? { skipped: m[2]!.trim() } : {}),
  }));
}

const examples = pages.flatMap(examplesOf);

/** The packages `code` imports (a scoped name's first two parts), Node's own left out. */
function importedPackages(code: string): string[] {
  return [...code.matchAll(/\bfrom\s+'([^'.][^']*)'|import\(\s*'([^'.][^']*)'\s*\)/g)]
    .map((m) => (m[1] ?? m[2])!)
    .filter((name) => !name.startsWith('node:'))
    .map((name) =>
      name
        .split('/')
        .slice(0, name.startsWith('@') ? 2 : 1)
        .join('/'),
    );
}

/** The compiler's complaints about an example, as a module in the first folder that has its packages. */
function complaints(example: Pick<Example, 'code' | 'given' | 'page'>): string[] {
  const text = `${example.given}\n${example.code}\nexport {};\n`;
  const needed = importedPackages(text);
  const home = homes.find((h) => needed.every((name) => h.packages.has(name)));
  if (!home) return [`no folder of the repository depends on all of ${needed.join(', ')}`];
  const file = join(root, home.folder, 'doc-example.ts');
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
  const getSourceFile = host.getSourceFile;
  host.getSourceFile = (name, version, ...rest) =>
    name === file ? ts.createSourceFile(name, text, version) : getSourceFile.call(host, name, version, ...rest);
  const fileExists = host.fileExists;
  host.fileExists = (name) => name === file || fileExists.call(host, name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where =
      d.file?.fileName === file
        ? `${example.page}:${d.file.getLineAndCharacterOfPosition(d.start!).line}`
        : d.file?.fileName;
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}

describe('the TypeScript examples of the README and the guides', () => {
  it('are there', () => {
    expect(examples.filter((e) => e.page === 'README.md').length).toBeGreaterThanOrEqual(2);
    expect(examples.filter((e) => !e.skipped).length).toBeGreaterThanOrEqual(15);
  });

  it.each(examples.filter((e) => !e.skipped).map((e) => [e.page, e.number, e] as const))(
    'compile strictly: %s, example %i',
    (_page, _number, example) => {
      expect(complaints(example)).toEqual([]);
    },
  );

  it('would fail on a mistake: a role that does not exist', () => {
    const readme = examples.find((e) => e.page === 'README.md' && e.code.includes("'township-official'"))!;
    const wrong = { ...readme, code: readme.code.replace("'township-official'", "'mayor'") };
    expect(complaints(wrong).join('\n')).toMatch(/mayor/);
  });

  it('would fail on a name an excerpt uses without declaring it', () => {
    expect(complaints({ page: 'test', given: '', code: 'runtime.start();' }).join('\n')).toMatch(/runtime/);
  });
});
