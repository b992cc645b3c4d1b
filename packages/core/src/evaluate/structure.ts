/**
 * The structure of a raw input (原始输入结构), checked before its schema: a circular value (a
 * YAML alias that contains itself), nesting deeper than any input of the plan, or a
 * `__proto__` key (which schemas silently drop) is refused with its path.
 */
import type { LocalizedText } from '../model/schema.js';
import { said } from './locales/index.js';

/** Deeper than any evaluation input (villages → indicators → year → key is 5 levels). */
export const MAX_INPUT_DEPTH = 32;

export interface StructureProblem {
  path: (string | number)[];
  message: LocalizedText;
}

const PROTO = said('input.proto-key', {});
const CIRCULAR = said('input.circular', {});
/** The structural problems of `input` (none for a well-formed one), nesting at most `maxDepth` levels. */
export function structureProblems(input: unknown, maxDepth = MAX_INPUT_DEPTH): StructureProblem[] {
  const deep = said('input.too-deep', { maxDepth });
  const problems: StructureProblem[] = [];
  // The objects above the one being walked: at most `maxDepth`, so a list is quicker than a set.
  const ancestors: object[] = [];
  const path: (string | number)[] = [];
  const report = (message: LocalizedText) => problems.push({ path: [...path], message });
  const walk = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    if (ancestors.includes(node)) return void report(CIRCULAR);
    if (path.length >= maxDepth) return void report(deep);
    ancestors.push(node);
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i]);
        path.pop();
      }
    } else {
      for (const key in node) {
        if (!Object.prototype.hasOwnProperty.call(node, key)) continue;
        path.push(key);
        if (key === '__proto__') report(PROTO);
        else walk((node as Record<string, unknown>)[key]);
        path.pop();
      }
    }
    ancestors.pop();
  };
  walk(input);
  return problems;
}
