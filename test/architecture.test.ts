// Core's layers go one way (docs/architecture.md): the lint rule refuses an import from a layer
// above, and allows one from below; and no module of any package imports itself in a ring.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { getPlan, workflowsFor } from '@ruralkit/core';

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

/** Each module's relative imports (type-only ones too), by module path. */
function importGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = readdirSync(join(root, 'packages'), { recursive: true, encoding: 'utf8' }).filter(
    (f) => /^[^/]+\/src\/.*\.ts$/.test(f) && !f.includes('node_modules'),
  );
  for (const file of files) {
    const text = readFileSync(join(root, 'packages', file), 'utf8');
    const imports = [...text.matchAll(/(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'/g)].map((m) => {
      const target = join(dirname(file), m[1]!).replace(/\.js$/, '.ts');
      return target.endsWith('.ts') ? target : `${target}/index.ts`;
    });
    graph.set(file, imports);
  }
  return graph;
}

/** The import cycles of `graph`: each a list of modules that import each other, in a ring. */
function cycles(graph: Map<string, string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (module: string) => {
    state.set(module, 'open');
    path.push(module);
    for (const next of graph.get(module) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next) && graph.has(next)) visit(next);
    }
    path.pop();
    state.set(module, 'done');
  };
  for (const module of graph.keys()) if (!state.has(module)) visit(module);
  return found;
}

describe('modules', () => {
  it('import each other one way: no module reaches itself through its imports', () => {
    const graph = importGraph();
    expect(graph.get('core/src/evaluate/judge.ts')).toContain('core/src/evaluate/judge-messages.ts');
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a ring of imports when there is one', () => {
    const ring = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['a.ts']],
    ]);
    expect(cycles(ring)).toEqual([['a.ts', 'b.ts', 'c.ts', 'a.ts']]);
  });
});
