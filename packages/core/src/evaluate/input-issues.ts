/**
 * Input problems as a person reads them (输入问题): each zod issue, duplicate id and structural
 * problem translated into an `InputIssue` naming its village or household, year, key and value,
 * in Chinese and English.
 */
import { z } from 'zod';
import type { InputIssue } from '../model/errors.js';
import { issueText } from '../model/localized-issue.js';
import { isRealDate, type Indicator, type Plan } from '../model/schema.js';
import { nearest } from '../model/suggest.js';
import { inputYears } from './input-years.js';
import { said } from './locales/index.js';
import { structureProblems } from './structure.js';

/** Two villages or two households with the same id (checked on the raw input, valid or not). */
export function duplicateIds(input: unknown): InputIssue[] {
  const issues: InputIssue[] = [];
  const check = (type: 'village' | 'household', field: string) => {
    const list = at(input, [field]);
    if (!Array.isArray(list)) return;
    const seen = new Map<string, number>();
    list.forEach((item: unknown, index) => {
      const id = at(item, ['id']);
      if (typeof id !== 'string') return;
      const first = seen.get(id);
      if (first !== undefined) issues.push(duplicateIdIssue(type, id, [field, index, 'id'], { position: first + 1 }));
      else seen.set(id, index);
    });
  };
  check('village', 'villages');
  check('household', 'households');
  return issues;
}

/** The problem of a village or household id met a second time. */
export function duplicateIdIssue(
  type: 'village' | 'household',
  id: string,
  path: (string | number)[],
  first: { line: number } | { position: number } | null,
  line?: number,
): InputIssue {
  const issue: InputIssue = {
    path,
    subject: { type, id },
    key: 'id',
    value: id,
    message: said('input.duplicate-id', { type, first }),
  };
  if (line !== undefined) issue.line = line;
  return issue;
}

/** A circular, too deep or `__proto__`-keyed input, located like the schema's problems. */
export function structureIssues(input: unknown): InputIssue[] {
  return structureProblems(input).map(({ path, message }) => ({ ...locate(input, path), message }));
}

type ZodIssue = z.core.$ZodIssue;

function at(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<PropertyKey, unknown>)[key];
  }
  return node;
}

/** Locate an issue: which subject, year and key it is about. */
function locate(input: unknown, path: (string | number)[]): Omit<InputIssue, 'message'> {
  const issue: Omit<InputIssue, 'message'> = { path };
  const [area, index, section, year, key] = path;
  if (area === 'villages' && typeof index === 'number') {
    const id = at(input, ['villages', index, 'id']);
    issue.subject = { type: 'village', id: typeof id === 'string' ? id : `#${index + 1}` };
    if (section === 'indicators' && year !== undefined) {
      issue.year = Number(year);
      if (key !== undefined) issue.key = String(key);
    } else if (section === 'attributes' && year !== undefined) {
      issue.key = String(year);
    } else if (section !== undefined && section !== 'attributes' && section !== 'indicators') {
      issue.key = String(section);
    }
  } else if (area === 'district') {
    issue.subject = { type: 'district', id: 'district' };
    if (section !== undefined) issue.year = Number(section);
    if (year !== undefined) issue.key = String(year);
  } else if (area === 'households' && typeof index === 'number') {
    const id = at(input, ['households', index, 'id']);
    issue.subject = { type: 'household', id: typeof id === 'string' ? id : `#${index + 1}` };
    if (section !== undefined) issue.key = String(section);
  } else if (path.length === 1) {
    issue.key = String(area);
  }
  if (issue.year !== undefined && Number.isNaN(issue.year)) delete issue.year;
  return issue;
}

/** The fields an input may hold at `path` when they are its structure, not indicators: undefined for indicators. */
function structuralKeys(path: (string | number)[]): string[] | undefined {
  if (path.length === 0) return ['district', 'villages', 'households'];
  if (path.length === 1 && path[0] === 'district') return ['indicators', 'reference'];
  if (path.length === 2 && path[0] === 'villages') return ['id', 'name', 'attributes', 'indicators'];
  return undefined;
}

/** The located, bilingual problems of one zod issue. */
export function toIssues(plan: Plan, input: unknown, issue: ZodIssue): InputIssue[] {
  const path = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
  if (issue.code === 'unrecognized_keys') {
    const fields = structuralKeys(path);
    return issue.keys.map((k) => {
      const suggestion = nearest(k, fields ?? plan.indicators.map((d) => d.key));
      return {
        ...locate(input, [...path, k]),
        value: at(input, [...path, k]),
        message: fields
          ? said('input.unknown-field', { fields, suggestion })
          : said('input.unknown-key', { suggestion }),
      };
    });
  }
  const place = locate(input, path);
  const value = at(input, path);
  if (value !== undefined) place.value = value;
  const def = place.key ? plan.indicators.find((d) => d.key === place.key) : undefined;
  return [{ ...place, message: describe(issue, value, def, inputYears(plan)) }];
}

function describe(
  issue: ZodIssue,
  value: unknown,
  def: Indicator | undefined,
  years: { first: number; last: number },
): InputIssue['message'] {
  const range =
    def?.min !== undefined && def.max !== undefined
      ? said('input.not-between', { min: def.min, max: def.max })
      : undefined;
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return said('input.required', {});
      if (typeof value === 'number' && !Number.isFinite(value)) return said('input.not-finite', {});
      return said('input.expected-type', { expected: issue.expected });
    case 'too_small':
      if (range) return range;
      if (issue.minimum === 0) return said('input.negative', {});
      return said('input.at-least', { minimum: String(issue.minimum) });
    case 'too_big':
      return range ?? said('input.at-most', { maximum: String(issue.maximum) });
    case 'invalid_key':
      return said('input.year-key', { first: years.first, last: years.last });
    case 'invalid_format':
    case 'custom':
      if (issueText(issue)) return issueText(issue)!;
      if (typeof value === 'string' && isRealDate(value)) {
        return said('input.date-outside-years', { first: years.first, last: years.last });
      }
      return said('input.not-a-date', {});
    default:
      return said('input.invalid', { detail: issue.message });
  }
}
