// Core's layers go one way (docs/architecture.md): the lint rule refuses an import from a layer
// above, and allows one from below; and no module of any package imports itself in a ring (a
// lint rule of ours, `tools/eslint-rules/no-import-cycle.js`, refuses one).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { getPlan, workflowsFor } from '@ruralkit/core';
import noImportCycle, { importsOf, ringThrough } from '../tools/eslint-rules/no-import-cycle.js';

const root = fileURLToPath(new URL('../', import.meta.url));
const LAYERS = ['model', 'rules', 'evaluate', 'workflows', 'plugins'];
const eslint = new ESLint({ cwd: root });

/** The restricted-import messages for `layer`'s module importing from `other`. */
async function refusals(layer: string, other: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import { x } from '../${other}/anything.js';\nexport const y = x;\n`, {
    filePath: `${root}packages/core/src/${layer}/layer-probe.ts`,
  });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe("core's layers", () => {
  for (const [i, layer] of LAYERS.entries()) {
    for (const other of LAYERS.slice(i + 1)) {
      it(`refuses ${layer} importing from ${other}`, async () => {
        const [message] = await refusals(layer, other);
        expect(message).toMatch(new RegExp(`core's ${layer} layer may import only from`));
      });
    }
    for (const other of LAYERS.slice(0, i)) {
      it(`lets ${layer} import from ${other}`, async () => {
        expect(await refusals(layer, other)).toEqual([]);
      });
    }
  }

  it('keeps plan data on the model alone', async () => {
    expect(await refusals('plans', 'evaluate')).toHaveLength(1);
    expect(await refusals('plans', 'model')).toEqual([]);
  });

  it("lets a plan's procedures read the layers up to workflows, and not plugins", async () => {
    const probe = async (other: string) => {
      const [result] = await eslint.lintText(
        `import { x } from '../../../${other}/anything.js';\nexport const y = x;\n`,
        {
          filePath: `${root}packages/core/src/plans/changjiang-2021/workflows/layer-probe.ts`,
        },
      );
      return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports');
    };
    for (const other of ['model', 'rules', 'evaluate', 'workflows']) expect(await probe(other)).toEqual([]);
    expect(await probe('plugins')).toHaveLength(1);
  });
});

/**
 * Where a workflow type is named in the packages' code: only its plan's folder names it; the
 * runtime, the service and the CLI know workflows through the plan's registry. Left out: the
 * OpenAPI document's examples and the store contracts (test suites run with the reference plan).
 */
describe('workflow types', () => {
  const allowed = (file: string) =>
    file.startsWith('core/src/plans/') ||
    file === 'http/src/examples.ts' ||
    /^testing\/src\/.*-contract\.ts$/.test(file);

  /** The lines of `text` outside comments that quote one of `types`. */
  const naming = (text: string, types: readonly string[]) =>
    text
      .split('\n')
      .filter((line) => !/^\s*(\/\/|\/?\*)/.test(line))
      .filter((line) => types.some((type) => [`'${type}'`, `"${type}"`, `\`${type}\``].some((q) => line.includes(q))));

  it("are named only in their plan's folder", () => {
    const types = workflowsFor(getPlan('changjiang-2021')).types;
    expect(types.length).toBeGreaterThan(0);
    const files = readdirSync(join(root, 'packages'), { recursive: true, encoding: 'utf8' }).filter(
      (f) => /^[^/]+\/src\/.*\.ts$/.test(f) && !f.includes('node_modules') && !allowed(f),
    );
    const found = files.flatMap((file) =>
      naming(readFileSync(join(root, 'packages', file), 'utf8'), types).map((line) => `${file}: ${line.trim()}`),
    );
    expect(found).toEqual([]);
  });

  it('finds a quoted type in code, not in a comment', () => {
    const text = "// start('village-plan')\n * runtime.start('village-plan')\nruntime.start('village-plan', input);";
    expect(naming(text, ['village-plan'])).toEqual(["runtime.start('village-plan', input);"]);
  });
});

describe('modules', () => {
  const sources = readdirSync(join(root, 'packages'), { recursive: true, encoding: 'utf8' })
    .filter((f) => /^[^/]+\/src\/.*\.ts$/.test(f) && !f.includes('node_modules'))
    .map((f) => join(root, 'packages', f));

  it('import each other one way: no module reaches itself through its imports', () => {
    const imports = new Map(sources.map((file) => [file, importsOf(file)]));
    expect(imports.get(join(root, 'packages/core/src/evaluate/judge.ts'))).toContain(
      join(root, 'packages/core/src/evaluate/judge-messages.ts'),
    );
    const rings = sources.map((file) => ringThrough(file, (m) => imports.get(m) ?? [])).filter(Boolean);
    expect(rings).toEqual([]);
  });

  it('are refused by the lint rule when they import each other in a ring, naming the ring', () => {
    const folder = mkdtempSync(join(tmpdir(), 'ruralkit-ring-'));
    writeFileSync(join(folder, 'b.ts'), "import { c } from './c.js';\nexport const b = c;\n");
    writeFileSync(join(folder, 'c.ts'), "import type { A } from './a.js';\nexport const c: A | 1 = 1;\n");
    const linter = new Linter({ configType: 'flat', cwd: folder });
    const config = {
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser },
      plugins: { ruralkit: { rules: { 'no-import-cycle': noImportCycle } } },
      rules: { 'ruralkit/no-import-cycle': 'error' as const },
    };
    const lint = (text: string) => linter.verify(text, config, { filename: join(folder, 'a.ts') });
    const [found, ...more] = lint("import { x } from './x.js';\nimport { b } from './b.js';\nexport type A = 1;\n");
    expect(more).toEqual([]);
    expect(found).toMatchObject({ ruleId: 'ruralkit/no-import-cycle', line: 2 });
    expect(found!.message).toContain('a.ts → ');
    expect(found!.message).toMatch(/b\.ts → .*c\.ts → .*a\.ts/);
    expect(lint("import { x } from './x.js';\nexport type A = 1;\n")).toEqual([]);
  });
});
