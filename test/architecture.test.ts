// Core's layers go one way (docs/architecture.md): the lint rule refuses an import from a layer
// above, and allows one from below.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

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
});
