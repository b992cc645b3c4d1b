/**
 * A report written into a folder (分册输出): `--out DIR/` holds an `index.html` and a page per
 * township, written one page at a time and put in place only when all are written.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './io.js';
import { cliMessage } from './locales/index.js';

/**
 * Whether `--out` names a folder: it ends with a slash or is one. A report written there is in
 * pages (an `index.html` and a page per township).
 */
export function isFolderOut(out: string): boolean {
  return /[/\\]$/.test(out) || (existsSync(out) && statSync(out).isDirectory());
}

/**
 * Write `pages` into the folder `out`: into a new folder beside it first, which becomes `out`
 * only when every page is written (an empty `out` is replaced; one holding files is refused).
 */
export function writePages(out: string, pages: Iterable<{ file: string; html: string }>): number {
  const folder = out.replace(/[/\\]+$/, '');
  if (existsSync(folder) && readdirSync(folder).length > 0) {
    throw new UsageError('ruralkit', cliMessage('output.folder-not-empty', { out }));
  }
  const partial = `${folder}.partial-${process.pid}`;
  mkdirSync(partial, { recursive: true });
  let count = 0;
  try {
    for (const page of pages) {
      writeFileSync(join(partial, page.file), page.html);
      count++;
    }
    if (existsSync(folder)) rmdirSync(folder);
    renameSync(partial, folder);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
  return count;
}
