/** The model's words (模型措辞), by language. */
import { deepFreeze } from '../freeze.js';
import { en } from './en.js';
import { zh } from './zh.js';

export const MODEL_WORDS = deepFreeze({ zh: [zh], en: [en] } as const);
