/**
 * Ids (编号) of villages, households, subjects and workflow instances, wherever they enter: at
 * most 64 characters, letters (any script), digits and `_ . : -`, starting with a letter, digit
 * or `_`; never `__proto__`, `constructor` or `prototype`, which name an object's machinery.
 */
import { z } from 'zod';
import { refineWith } from './localized-issue.js';
import type { LocalizedText } from './schema.js';

/** The most characters in an id. */
export const MAX_ID_LENGTH = 64;

const ID_CHARACTERS = /^[\p{L}\p{N}_][\p{L}\p{N}_.:-]*$/u;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Why `id` cannot be an id, or undefined when it can. */
export function idProblem(id: string): LocalizedText | undefined {
  if (id.length > MAX_ID_LENGTH) {
    return {
      zh: `编号有 ${id.length} 个字符，超过 ${MAX_ID_LENGTH} 个上限`,
      en: `the id has ${id.length} characters, more than the ${MAX_ID_LENGTH} limit`,
    };
  }
  if (RESERVED.has(id)) return { zh: `编号不能是 "${id}"（保留名）`, en: `the id cannot be "${id}" (a reserved name)` };
  if (!ID_CHARACTERS.test(id)) {
    return {
      zh: '编号只能含字母、数字和 _ . : -，并以字母、数字或 _ 开头',
      en: 'an id holds only letters, digits and _ . : -, and starts with a letter, a digit or _',
    };
  }
  return undefined;
}

/** Why the id given as `field` (`subject.village`) cannot be used, naming the field; or undefined. */
export function checkId(field: string, id: string): LocalizedText | undefined {
  const problem = idProblem(id);
  return problem && { zh: `${field}：${problem.zh}`, en: `${field}: ${problem.en}` };
}

/** An id in a zod schema. */
export const IdValueSchema = z.string().min(1).superRefine(refineWith(idProblem));
