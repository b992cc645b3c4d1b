// A scenario file is data: it names plugins only inside its own folder tree (or the folder the
// caller gives), and it loads a code plugin only when the caller allows code plugins.
import { existsSync, mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenarios, scenarioFilesWithRoots } from '@ruralkit/testing';

const plugin = (id: string) =>
  `id: ${id}\nname: { zh: 甲县, en: County A }\nversion: 1.0.0\ncore: ^0.1.0\nplan: changjiang-2021\n` +
  `parameters: [{ id: infrastructure.tapWaterMinRate, values: [{ from: '2024-01-01', value: 0.95 }] }]\n`;

/** A code plugin that leaves `marker` behind when it runs. */
const codePlugin = (id: string, marker: string) =>
  `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\n` +
  `export default { id: '${id}', name: { zh: '甲县', en: 'County A' }, version: '1.0.0', core: '^0.1.0', plan: 'changjiang-2021' };\n`;

const scenario = (plugins: string[]) =>
  `name: uses ${plugins.join(' ')}\nplugins: ${JSON.stringify(plugins)}\nasOf: 2025-12-31\n` +
  `input:\n  villages:\n    - id: liuyang\n      attributes: { needsExpressPoint: true, hasEcommerceConditions: true }\n` +
  `      indicators: { '2025': { tapWaterRate: 0.96 } }\nexpect:\n  villages:\n    liuyang:\n      infrastructure.tap-water: met\n`;

/** tmp/outside/… (plugins a scenario must not reach) and tmp/county/scenarios/… */
function layout() {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'ruralkit-scenario-plugins-')));
  const outside = join(dir, 'outside');
  const scenarios = join(dir, 'county', 'scenarios');
  mkdirSync(outside);
  mkdirSync(join(scenarios, 'plugins'), { recursive: true });
  const markers = { outside: join(dir, 'outside-ran'), inside: join(dir, 'inside-ran') };
  writeFileSync(join(outside, 'data.plugin.yaml'), plugin('outside-data'));
  writeFileSync(join(outside, 'code.plugin.mjs'), codePlugin('outside-code', markers.outside));
  writeFileSync(join(scenarios, 'plugins', 'data.plugin.yaml'), plugin('inside-data'));
  writeFileSync(join(scenarios, 'plugins', 'code.plugin.mjs'), codePlugin('inside-code', markers.inside));
  return { dir, outside, scenarios, markers };
}

const write = (file: string, plugins: string[]) => writeFileSync(file, scenario(plugins));
const outcome = (outcomes: Awaited<ReturnType<typeof runScenarios>>, name: string) =>
  outcomes.find((o) => o.file.endsWith(name))!;

describe('plugins named by scenario files', () => {
  it('refuses ../ and absolute paths out of the scenario folder, and runs none of their code', async () => {
    const { outside, scenarios, markers } = layout();
    write(join(scenarios, 'up.yaml'), ['../../outside/data.plugin.yaml']);
    write(join(scenarios, 'absolute.yaml'), [join(outside, 'code.plugin.mjs')]);
    write(join(scenarios, 'inside.yaml'), ['plugins/data.plugin.yaml']);
    for (const allowCodePlugins of [false, true]) {
      const outcomes = await runScenarios([scenarios], { allowCodePlugins });
      expect(outcome(outcomes, 'up.yaml').error).toBe(
        `plugin ../../outside/data.plugin.yaml at plugins[0]: 场景的插件须位于目录 ${scenarios} 之内（另一目录可用 ruralkit test --plugin-root 或 pluginRoot 指定） / a scenario's plugins must lie inside ${scenarios} (name another folder with ruralkit test --plugin-root, or pluginRoot)`,
      );
      expect(outcome(outcomes, 'absolute.yaml').error).toContain(
        `at plugins[0]: 场景的插件须位于目录 ${scenarios} 之内`,
      );
      expect(outcome(outcomes, 'inside.yaml').passed).toBe(true);
    }
    expect(existsSync(markers.outside)).toBe(false);
  });

  it('refuses a link inside the folder that leads out of it', async () => {
    const { outside, scenarios } = layout();
    symlinkSync(join(outside, 'data.plugin.yaml'), join(scenarios, 'linked.plugin.yaml'));
    write(join(scenarios, 'linked.yaml'), ['linked.plugin.yaml']);
    const [result] = await runScenarios([scenarios]);
    expect(result!.error).toContain("a scenario's plugins must lie inside");
  });

  it('loads plugins from a folder the caller names', async () => {
    const { dir, scenarios } = layout();
    write(join(scenarios, 'up.yaml'), ['../../outside/data.plugin.yaml']);
    const [result] = await runScenarios([join(scenarios, 'up.yaml')], { pluginRoot: dir });
    expect(result).toMatchObject({ passed: true });
  });

  it('loads a code plugin only when code plugins are allowed', async () => {
    const { scenarios, markers } = layout();
    write(join(scenarios, 'code.yaml'), ['plugins/code.plugin.mjs']);
    const [refused] = await runScenarios([scenarios]);
    expect(refused!.error).toBe(
      'plugin ' +
        join(scenarios, 'plugins/code.plugin.mjs') +
        ': 这是代码插件，会以当前用户的权限运行；须明确允许（ruralkit test --allow-code-plugins，或 scenarioSuite 的 allowCodePlugins: true） / this is a code plugin and runs with your rights: allow it explicitly (ruralkit test --allow-code-plugins, or allowCodePlugins: true for scenarioSuite)',
    );
    expect(existsSync(markers.inside)).toBe(false);
    const [allowed] = await runScenarios([scenarios], { allowCodePlugins: true });
    expect(allowed!.error).toBeUndefined();
    expect(existsSync(markers.inside)).toBe(true);
  });

  it('gives each scenario file the folder it was found under (the vitest helper uses the same)', () => {
    const { dir, scenarios } = layout();
    write(join(scenarios, 'a.yaml'), []);
    mkdirSync(join(scenarios, 'deeper'));
    write(join(scenarios, 'deeper', 'b.yaml'), []);
    expect(scenarioFilesWithRoots([scenarios, join(scenarios, 'deeper', 'b.yaml')])).toEqual([
      { file: join(scenarios, 'a.yaml'), pluginRoot: scenarios },
      { file: join(scenarios, 'deeper', 'b.yaml'), pluginRoot: scenarios },
      { file: join(scenarios, 'deeper', 'b.yaml'), pluginRoot: join(scenarios, 'deeper') },
    ]);
    expect(scenarioFilesWithRoots([scenarios], dir).every((f) => f.pluginRoot === dir)).toBe(true);
  });
});
