// A lint rule refusing an import cycle (循环导入): a module whose relative imports (type-only ones
// too) lead back to itself. The import that starts the ring is reported, with the ring.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const IMPORT = /(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'/g;

/** The module file a relative import names: `./x.js` is `./x.ts`, a folder its `index.ts`. */
export function resolveImport(file, specifier) {
  const target = join(dirname(file), specifier.replace(/\.js$/, '.ts'));
  return target.endsWith('.ts') ? target : join(target, 'index.ts');
}

/** The modules `file` imports by relative path. */
export function importsOf(file, text = readFileSync(file, 'utf8')) {
  return [...text.matchAll(IMPORT)].map((m) => resolveImport(file, m[1]));
}

/**
 * The first ring through `start`, as the modules from `start` back to it, or undefined; `read`
 * gives a module's imports.
 */
export function ringThrough(start, read) {
  const seen = new Set([start]);
  const path = [start];
  const visit = (module) => {
    for (const next of read(module)) {
      if (next === start) return [...path, start];
      if (seen.has(next) || !existsSync(next)) continue;
      seen.add(next);
      path.push(next);
      const ring = visit(next);
      if (ring) return ring;
      path.pop();
    }
    return undefined;
  };
  return visit(start);
}

/** Modules' imports as read from disk, shared by the files of one lint run. */
const onDisk = new Map();

export default {
  meta: {
    type: 'problem',
    docs: { description: 'refuse a module whose imports lead back to itself' },
    schema: [],
    messages: { cycle: 'import cycle: {{ring}} (modules import each other one way: docs/architecture.md)' },
  },
  create(context) {
    const file = context.filename;
    const read = (module) => {
      if (module === file) return importsOf(file, context.sourceCode.text);
      if (!onDisk.has(module)) onDisk.set(module, importsOf(module));
      return onDisk.get(module);
    };
    return {
      Program(program) {
        const ring = ringThrough(file, read);
        if (!ring) return;
        const node =
          program.body.find(
            (statement) =>
              typeof statement.source?.value === 'string' &&
              statement.source.value.startsWith('.') &&
              resolveImport(file, statement.source.value) === ring[1],
          ) ?? program;
        const ringText = ring.map((module) => relative(context.cwd, module)).join(' → ');
        context.report({ node, messageId: 'cycle', data: { ring: ringText } });
      },
    };
  },
};
