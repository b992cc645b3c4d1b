// Plugin files: data-only YAML/JSON and code (.ts) plugins load; bad files are refused by name.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { getPlan, resolvePlan } from '@ruralkit/core';
import { loadPlugin, loadPlugins } from '@ruralkit/testing';

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
});
