/**
 * Names of statuses, progress values, rule kinds and strengths (状态、进展、类型、强度), and the
 * reports' words, in Chinese and English, by name: drawn from the label files of each language
 * (`locales/labels-zh.ts`, `locales/labels-en.ts`).
 */
import type { Lang } from './format.js';
import { deepFreeze } from '../model/freeze.js';
import type { LabelWords } from './locales/labels.js';
import { en } from './locales/labels-en.js';
import { zh } from './locales/labels-zh.js';

export type { LabelWords, ReportWord } from './locales/labels.js';

/** The labels of each language. */
export const LABEL_WORDS: Readonly<Record<Lang, LabelWords>> = deepFreeze({ zh, en });

/** One table of labels, each name with its Chinese and its English. */
const eachInBoth = <K extends string>(table: (words: LabelWords) => Readonly<Record<K, string>>) =>
  deepFreeze(
    Object.fromEntries(
      Object.keys(table(zh)).map((name) => [name, { zh: table(zh)[name as K], en: table(en)[name as K] }]),
    ) as Record<K, Readonly<Record<Lang, string>>>,
  );

export const STATUS_LABEL = eachInBoth((words) => words.status);
export const PROGRESS_LABEL = eachInBoth((words) => words.progress);
export const KIND_LABEL = eachInBoth((words) => words.kind);
export const STRENGTH_LABEL = eachInBoth((words) => words.strength);
/** Words the reports use (报告用语): the CLI's table and Markdown, and the HTML report. */
export const REPORT_WORDS = eachInBoth((words) => words.report);
