// Optional packages: a missing one stops the command with a message naming it; other failures pass through.
import { describe, expect, it } from 'vitest';
import { cliMessage } from '../src/locales/index.js';
import { loadOptional, MissingPackageError } from '../src/optional.js';

const neededFor = cliMessage('needed-for.csv', {});
const absent = '@ruralkit/not-installed';

describe('loadOptional', () => {
  it('names the missing package, in Chinese and English, with the command that installs it', async () => {
    const error = await loadOptional(absent, neededFor, () => import(absent)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MissingPackageError);
    expect((error as Error).message).toBe(
      `ruralkit: 读取 CSV 文件需要 ${absent}，请安装：npm i ${absent}\nruralkit: reading CSV files needs ${absent}; install it: npm i ${absent}`,
    );
  });

  it('passes other failures through: a missing dependency of the package, an error inside it', async () => {
    const inner = Object.assign(new Error("Cannot find package 'exceljs' imported from x.js"), {
      code: 'ERR_MODULE_NOT_FOUND',
    });
    await expect(loadOptional('@ruralkit/xlsx', neededFor, () => Promise.reject(inner))).rejects.toBe(inner);
    const broken = new SyntaxError('Unexpected token');
    await expect(loadOptional(absent, neededFor, () => Promise.reject(broken))).rejects.toBe(broken);
  });

  it('loads the package when it is there', async () => {
    const yaml = await loadOptional('yaml', neededFor, () => import('yaml'));
    expect(yaml.parse('a: 1')).toEqual({ a: 1 });
  });
});
