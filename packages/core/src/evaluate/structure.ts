/**
 * The structure of a raw input (原始输入结构), checked before its schema: a circular value (a
 * YAML alias that contains itself), nesting deeper than any input of the plan, or a
 * `__proto__` key (which schemas silently drop) is refused with its path.
 */
import type { LocalizedText } from '../model/schema.js';

/** Deeper than any evaluation input (villages → indicators → year → key is 5 levels). */
export const MAX_INPUT_DEPTH = 32;

export interface StructureProblem {
  path: (string | number)[];
  message: LocalizedText;
}

const PROTO: LocalizedText = {
  zh: '不允许使用键名 "__proto__"（会被忽略或改变对象原型）',
  en: 'the key "__proto__" is not allowed (it would be dropped or change the object prototype)',
};
const CIRCULAR: LocalizedText = {
  zh: '循环引用（如 YAML 别名包含自身）',
  en: 'circular reference (such as a YAML alias that contains itself)',
};
/** The structural problems of `input` (none for a well-formed one), nesting at most `maxDepth` levels. */
export function structureProblems(input: unknown, maxDepth = MAX_INPUT_DEPTH): StructureProblem[] {
  const deep: LocalizedText = {
    zh: `嵌套过深（超过 ${maxDepth} 层）`,
    en: `nested too deeply (more than ${maxDepth} levels)`,
  };
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
