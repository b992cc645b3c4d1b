import type { Rule } from 'eslint';

/** The module file a relative import names: `./x.js` is `./x.ts`, a folder its `index.ts`. */
export function resolveImport(file: string, specifier: string): string;
/** The modules `file` imports by relative path. */
export function importsOf(file: string, text?: string): string[];
/** The first ring through `start`, as the modules from `start` back to it, or undefined. */
export function ringThrough(start: string, read: (module: string) => readonly string[]): string[] | undefined;

declare const noImportCycle: Rule.RuleModule;
export default noImportCycle;
