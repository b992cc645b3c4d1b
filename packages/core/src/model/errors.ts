/**
 * Errors a person reads: each problem names where it is (subject, year, key, value, row…) and
 * says what is wrong in Chinese and in English.
 */
import type { LocalizedText } from './schema.js';

/** One problem found in an input (输入问题). */
export interface InputIssue {
  /** Where in the input, as a path of keys and indexes. */
  path: (string | number)[];
  /** The subject the problem belongs to, when there is one. */
  subject?: { type: 'village' | 'district' | 'household'; id: string };
  /** The line of a streamed record (NDJSON line, CSV row), counting from 1. */
  line?: number;
  year?: number;
  key?: string;
  value?: unknown;
  message: LocalizedText;
}

/** Thrown when an input is invalid; lists every problem at once. Nothing has been evaluated. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(
    readonly issues: InputIssue[],
    title: LocalizedText = { zh: '输入数据有误', en: 'invalid input' },
  ) {
    super(formatIssues(title, issues));
  }
}

function formatIssues(title: LocalizedText, issues: InputIssue[]): string {
  const head = `${title.zh} / ${title.en}: ${issues.length} ${issues.length === 1 ? 'problem' : 'problems'}`;
  return [head, ...issues.map((i) => `  - ${describeIssue(i)}`)].join('\n');
}

/** "村 liuyang, 2023, tapWaterRate = 1.2: 不在 0–1 之间 / not between 0 and 1". */
export function describeIssue(issue: InputIssue): string {
  const where: string[] = [];
  if (issue.subject) where.push(`${SUBJECT_LABEL[issue.subject.type]} ${issue.subject.id}`);
  if (issue.year !== undefined) where.push(String(issue.year));
  if (issue.key !== undefined) {
    where.push(issue.value === undefined ? issue.key : `${issue.key} = ${JSON.stringify(issue.value)}`);
  }
  if (where.length === 0 && (issue.path.length > 0 || issue.line === undefined)) {
    where.push(issue.path.length ? issue.path.join('.') : '(input)');
  }
  if (issue.line !== undefined) where.unshift(`第${issue.line}行 line ${issue.line}`);
  return `${where.join(', ')}: ${issue.message.zh} / ${issue.message.en}`;
}

const SUBJECT_LABEL = { village: '村 village', district: '区 district', household: '户 household' } as const;
