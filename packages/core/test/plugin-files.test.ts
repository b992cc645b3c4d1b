// Plugin files: data-only YAML/JSON and code (.ts) plugins load; bad files are refused by name;
// a compiled copy of a .ts plugin left in a shared folder is never what runs.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createJiti } from 'jiti';
import { describe, expect, it } from 'vitest';
import { getPlan, resolvePlan } from '@ruralkit/core';
import { loadPlugin, loadPlugins } from '../src/node.js';

const example = (name: string) => fileURLToPath(new URL(`../../../examples/county-plugin/${name}`, import.meta.url));
const tmp = () => mkdtempSync(join(tmpdir(), 'ruralkit-plugin-'));

describe('loadPlugin', () => {
  it('loads a data-only YAML plugin and a TypeScript plugin that depends on it', async () => {
    const plugins = await loadPlugins([example('income-lines.plugin.yaml'), example('example-county.plugin.ts')]);
    expect(plugins.map((p) => p.id)).toEqual(['example-county-income-lines', 'example-county']);
    const resolved = resolvePlan(getPlan('changjiang-2021'), plugins);
    expect(resolved.rules.some((r) => r.id === 'industry.cold-chain-node')).toBe(true);
  });

  it('loads JSON', async () => {
    const file = join(tmp(), 'p.json');
    writeFileSync(
      file,
      JSON.stringify({
        id: 'j',
        name: { zh: '乙', en: 'B' },
        version: '0.1.0',
        core: '>=0.1.0',
        plan: 'changjiang-2021',
      }),
    );
    expect((await loadPlugin(file)).id).toBe('j');
  });

  it('refuses a file it cannot read, a wrong extension, a module without a plugin and a schema error', async () => {
    await expect(loadPlugin('/nonexistent/p.yaml')).rejects.toThrow(/plugin \/nonexistent\/p\.yaml: 无法读取插件文件/);
    const dir = tmp();
    writeFileSync(join(dir, 'p.txt'), 'x');
    await expect(loadPlugin(join(dir, 'p.txt'))).rejects.toThrow(/a plugin file ends in/);
    writeFileSync(join(dir, 'empty.mjs'), 'export const x = 1;\n');
    await expect(loadPlugin(join(dir, 'empty.mjs'))).rejects.toThrow(/must export a plugin/);
    writeFileSync(
      join(dir, 'bad.yaml'),
      'id: bad\nname: { zh: 坏, en: Bad }\nversion: 1.0.0\ncore: ^0.1.0\nplan: changjiang-2021\nparameters: [{ id: x }]\n',
    );
    await expect(loadPlugin(join(dir, 'bad.yaml'))).rejects.toThrow(/plugin bad at parameters\[0\]\.values/);
  });

  it('does not run a tampered compiled copy of a .ts plugin from the shared temporary folder', async () => {
    const dir = tmp();
    const file = join(dir, 'county.plugin.ts');
    const marker = join(dir, 'injected');
    writeFileSync(
      file,
      "const id: string = 'ts-county';\nexport default { id, name: { zh: '甲县', en: 'County A' }, version: '1.0.0', core: '^0.1.0', plan: 'changjiang-2021' };\n",
    );
    // Another user compiles the plugin into the shared cache as the loader once did, then injects code.
    const shared = join(tmpdir(), 'jiti');
    await createJiti(import.meta.url, { moduleCache: false, fsCache: shared }).import(file);
    const cached = readdirSync(shared).filter((name) => name.startsWith(`${basename(dir)}-county.plugin.`));
    expect(cached.length).toBeGreaterThan(0);
    for (const name of cached) {
      const code = readFileSync(join(shared, name), 'utf8');
      writeFileSync(join(shared, name), `require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran');\n${code}`);
    }
    expect((await loadPlugin(file)).id).toBe('ts-county');
    expect(existsSync(marker)).toBe(false);
    for (const name of cached) rmSync(join(shared, name));
  });

  it('refuses a code plugin when code is not allowed, before running it', async () => {
    const dir = tmp();
    const marker = join(dir, 'ran');
    writeFileSync(
      join(dir, 'p.mjs'),
      `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, '1');\n`,
    );
    await expect(loadPlugin(join(dir, 'p.mjs'), { allowCode: false })).rejects.toThrow(
      /this is a code plugin and runs with your rights/,
    );
    expect(existsSync(marker)).toBe(false);
  });
});
