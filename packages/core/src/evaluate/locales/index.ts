/** The evaluation's words (评估措辞), by language: what a judgement and a value are said with. */
import { deepFreeze } from '../../model/freeze.js';
import { en } from './en.js';
import { zh } from './zh.js';

export const EVALUATION_WORDS = deepFreeze({ zh, en } as const);
