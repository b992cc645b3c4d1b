/**
 * Errors a person reads: each problem names where it is (subject, year, key, value, row…) and
 * says what is wrong in Chinese and in English. A long list is cut short per kind of problem,
 * and a value is shown briefly: a huge cell or a deep or circular value is never echoed.
 */
import { ERROR_CATALOGUE } from './error-catalogue.js';
import { said } from './locales/index.js';
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

/**
 * The base of every error ruralkit raises on purpose (错误): a stable `code` that a CLI, a service
 * or an embedding system maps (to an exit status, an HTTP problem…), and `text`, what is wrong
 * in Chinese and in English. `message` is the whole account, for logs and terminals.
 */
export class RuralkitError extends Error {
  override readonly name: string = 'RuralkitError';
  constructor(
    readonly code: string,
    readonly text: LocalizedText,
    message = `${text.zh} / ${text.en}`,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** Thrown when an input is invalid; lists every problem at once. Nothing has been evaluated. */
export class InputError extends RuralkitError {
  override readonly name: string = 'InputError';
  constructor(
    readonly issues: InputIssue[],
    title: LocalizedText = ERROR_CATALOGUE['invalid-input'].title,
    code = 'invalid-input',
  ) {
    super(code, title, formatIssueList(title, issues, describeIssue));
  }
}

/** At most this many problems of one kind (same message) are listed; the rest are counted. */
export const ISSUES_SHOWN_PER_KIND = 10;

/**
 * The title and one line per problem, at most `ISSUES_SHOWN_PER_KIND` of each kind, then
 * "and 399,990 more of the same kind" for each kind cut short.
 */
export function formatIssueList<T extends InputIssue>(
  title: LocalizedText,
  issues: readonly T[],
  describe: (issue: T) => string,
): string {
  const count = `${issues.length.toLocaleString('en-US')} ${issues.length === 1 ? 'problem' : 'problems'}`;
  const lines = [`${title.zh} / ${title.en}: ${count}`];
  const byKind = new Map<string, number>();
  for (const issue of issues) {
    const kind = `${issue.message.zh}\u0000${issue.message.en}`;
    const seen = (byKind.get(kind) ?? 0) + 1;
    byKind.set(kind, seen);
    if (seen <= ISSUES_SHOWN_PER_KIND) lines.push(`  - ${describe(issue)}`);
  }
  for (const [kind, seen] of byKind) {
    if (seen <= ISSUES_SHOWN_PER_KIND) continue;
    const more = (seen - ISSUES_SHOWN_PER_KIND).toLocaleString('en-US');
    const [zh, en] = kind.split('\u0000');
    const count = said('issues.more-of-kind', { more });
    lines.push(`  … ${count.zh} / ${count.en}: ${zh} / ${en}`);
  }
  return lines.join('\n');
}

/** Characters of a value shown in a message; a longer one is cut and its length given. */
const SHOWN_CHARS = 60;

/** Control characters and bidirectional marks: they could rewrite a terminal or reorder what it shows. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text`, cut after 60 characters with its length given, control and bidi characters written as
 * `\u202e`; `quote` shows the part kept.
 */
export function briefText(text: string, quote: (part: string) => string = (part) => part): string {
  const kept = text.length <= SHOWN_CHARS ? quote(text) : quote(text.slice(0, SHOWN_CHARS));
  const shown = kept.replace(INVISIBLE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length <= SHOWN_CHARS ? shown : `${shown}…(${text.length.toLocaleString('en-US')} chars)`;
}

/**
 * A value as a message shows it: JSON for plain values, `NaN` and `Infinity` by name, strings
 * cut after 60 characters, objects and lists only by their kind and size.
 */
export function showValue(value: unknown): string {
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : String(value);
  if (typeof value === 'string') return briefText(value, JSON.stringify);
  if (Array.isArray(value)) return `[list of ${value.length}]`;
  if (value !== null && typeof value === 'object') {
    return value instanceof Date ? value.toISOString() : `{object}`;
  }
  return String(value);
}

/** "村 liuyang, 2023, tapWaterRate = 1.2: 不在 0–1 之间 / not between 0 and 1". */
export function describeIssue(issue: InputIssue): string {
  const where: string[] = [];
  if (issue.subject) {
    const subject = said(`subject.${issue.subject.type}`, {});
    where.push(`${subject.zh} ${subject.en} ${briefText(issue.subject.id)}`);
  }
  if (issue.year !== undefined) where.push(String(issue.year));
  if (issue.key !== undefined) {
    where.push(issue.value === undefined ? issue.key : `${issue.key} = ${showValue(issue.value)}`);
  }
  if (where.length === 0 && (issue.path.length > 0 || issue.line === undefined)) {
    where.push(issue.path.length ? issue.path.join('.') : '(input)');
  }
  if (issue.line !== undefined) {
    const line = said('issues.line', { line: issue.line });
    where.unshift(`${line.zh} ${line.en}`);
  }
  return `${where.join(', ')}: ${issue.message.zh} / ${issue.message.en}`;
}
