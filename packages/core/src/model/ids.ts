/**
 * Ids (编号) of villages, households, subjects and workflow instances, wherever they enter: at
 * most 64 characters, letters (any script), digits and `_ . : -`, starting with a letter, digit
 * or `_`; never `__proto__`, `constructor` or `prototype`, which name an object's machinery.
 */
import { z } from 'zod';
import { refineWith } from './localized-issue.js';
import { MODEL_WORDS } from './locales/index.js';
import { modelMessage } from './locales/messages.js';
import { localized, type Message } from './message.js';
import type { LocalizedText } from './schema.js';

/** The most characters in an id. */
export const MAX_ID_LENGTH = 64;

const ID_CHARACTERS = /^[\p{L}\p{N}_][\p{L}\p{N}_.:-]*$/u;
const RESERVED = new Set(['__proto__', 'constructor', 'prototype']);

/** Why `id` cannot be an id, as a message, or undefined when it can. */
function idCheck(id: string): Message | undefined {
  if (id.length > MAX_ID_LENGTH) return modelMessage('id.too-long', { length: id.length, max: MAX_ID_LENGTH });
  if (RESERVED.has(id)) return modelMessage('id.reserved', { id });
  if (!ID_CHARACTERS.test(id)) return modelMessage('id.characters', {});
  return undefined;
}

/** Why `id` cannot be an id, or undefined when it can. */
export function idProblem(id: string): LocalizedText | undefined {
  const problem = idCheck(id);
  return problem && localized(problem, MODEL_WORDS);
}

/** Why the id given as `field` (`subject.village`) cannot be used, naming the field; or undefined. */
export function checkId(field: string, id: string): LocalizedText | undefined {
  const problem = idProblem(id);
  return problem && { zh: `${field}：${problem.zh}`, en: `${field}: ${problem.en}` };
}

/** An id in a zod schema. */
export const IdValueSchema = z.string().min(1).superRefine(refineWith(idCheck, MODEL_WORDS.en));
