/**
 * Instance search (实例检索): a principal's view of its tenant's instances, filtered, sorted by
 * due date then id, paged with an opaque cursor, with counts by state. What a principal may
 * find is the union of what its roles cover (`visibleScopes`); results are summaries that carry
 * ids and dates, never a context or any personal value.
 */
import { z } from 'zod';
import { idProblem } from '../model/ids.js';
import type { LocalizedText } from '../model/schema.js';
import { addDays, endOfLocalDay } from './calendar.js';
import { WorkflowError } from './errors.js';
import {
  NO_DUE,
  searchColumns,
  searchKeyOf,
  type SearchFilters,
  type SearchKey,
  type SearchScope,
} from './search-index.js';
import type { WorkflowStore } from './store.js';
import type { WorkflowRegistry } from './registry.js';
import { SubjectSchema, type InstanceRecord, type Principal, type WorkflowType } from './types.js';
import type { Message } from '../model/message.js';
import { sayAround, workflowText } from './locales/index.js';
import { workflowMessage } from './locales/messages.js';

/** What to search for; every filter given must hold. */
export interface InstanceQuery {
  types?: WorkflowType[];
  states?: string[];
  village?: string;
  township?: string;
  household?: string;
  /** Instances concerning this unit: assigned to it, or escalating to it. */
  unit?: string;
  /** Only instances with (true) or without (false) an overdue deadline. */
  overdue?: boolean;
  /** Earliest deadline due before this date (YYYY-MM-DD). */
  dueBefore?: string;
  /** Earliest deadline due after this date (YYYY-MM-DD). */
  dueAfter?: string;
  /** Changed at or after this instant (ISO 8601) or date (from its start, China time). */
  updatedSince?: string;
  /** Results a page (1–500, default 50). */
  limit?: number;
  /** The `next` cursor of the previous page. */
  cursor?: string;
  /** Count the results of every page by state too (a pass over all of them: ask when needed). */
  counts?: boolean;
}

const DeadlineSummarySchema = z.object({
  id: z.string(),
  due: z.string(),
  overdue: z.boolean(),
  escalateTo: z.array(z.string()),
});
/** A deadline as a summary shows it. */
export interface DeadlineSummary extends z.infer<typeof DeadlineSummarySchema> {}

/** An instance as search shows it (实例摘要); `type` is its workflow type (流程类型). */
export const InstanceSummarySchema = z
  .object({
    id: z.string(),
    type: z.string(),
    state: z.string(),
    status: z.enum(['active', 'done']),
    subject: SubjectSchema,
    /** The earliest current deadline's due date, or null. */
    due: z.string().nullable(),
    overdue: z.boolean(),
    deadlines: z.array(DeadlineSummarySchema),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: 'InstanceSummary' });
/** An instance as search shows it: ids, state and dates, no context and no personal value. */
export interface InstanceSummary extends z.infer<typeof InstanceSummarySchema> {}

/** A page of search results (检索结果页). */
export const InstancePageSchema = z
  .object({
    instances: z.array(InstanceSummarySchema),
    /** The cursor of the next page, or null on the last. */
    next: z.string().nullable(),
    /** Results of the whole search (every page) by state, when asked (`counts: true`). */
    counts: z.record(z.string(), z.number().int()).optional(),
  })
  .meta({ id: 'InstancePage' });
/** A page of results. */
export interface InstancePage extends z.infer<typeof InstancePageSchema> {}

export const MAX_PAGE = 500;
export const DEFAULT_PAGE = 50;

/** The names of the query's fields, as a caller spells them (HTTP query parameters, CLI options). */
export type QueryNames = Record<keyof InstanceQuery, string>;

/** The fields' names as they are: the runtime's and the HTTP query's. */
export const QUERY_NAMES: QueryNames = {
  types: 'type',
  states: 'state',
  village: 'village',
  township: 'township',
  household: 'household',
  unit: 'unit',
  overdue: 'overdue',
  dueBefore: 'dueBefore',
  dueAfter: 'dueAfter',
  updatedSince: 'updatedSince',
  limit: 'limit',
  cursor: 'cursor',
  counts: 'counts',
};

/**
 * A query from text values (HTTP query parameters, CLI options), keyed by `names`: lists are
 * comma-separated, `overdue` and `counts` are `true` or `false`, `limit` a whole number. Checked whole, and
 * refused naming the parameter as `names` spell it, in Chinese and English.
 */
export function queryFromText(
  values: Partial<Record<keyof InstanceQuery, string>>,
  names: QueryNames = QUERY_NAMES,
  known?: readonly WorkflowType[],
): InstanceQuery {
  const query: InstanceQuery = {};
  const list = (v: string) =>
    v
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  for (const [key, value] of Object.entries(values) as [keyof InstanceQuery, string | undefined][]) {
    if (value === undefined) continue;
    if (key === 'types') query.types = list(value) as WorkflowType[];
    else if (key === 'states') query.states = list(value);
    else if (key === 'overdue' || key === 'counts') {
      if (value !== 'true' && value !== 'false') {
        throw invalidQuery(names[key], workflowMessage('query.boolean', {}));
      }
      query[key] = value === 'true';
    } else if (key === 'limit') {
      if (!/^\d{1,6}$/.test(value)) throw invalidQuery(names.limit, LIMIT_TEXT);
      query.limit = Number(value);
    } else query[key] = value;
  }
  checkQuery(query, names, known);
  return query;
}

/** A checked query as store filters and the key to start after, or refused naming the field. */
export function checkQuery(
  query: InstanceQuery,
  names: QueryNames = QUERY_NAMES,
  known?: readonly WorkflowType[],
): { filters: SearchFilters; after: SearchKey | undefined; limit: number; counts: boolean } {
  if (query === null || typeof query !== 'object') {
    throw invalidQuery('query', workflowMessage('query.not-object', {}));
  }
  const filters: SearchFilters = {};
  if (query.types !== undefined) {
    const unknown = asList(query.types, names.types).filter((t) => known && !known.includes(t));
    if (known && unknown.length) {
      // a name shaped like a type (letters and hyphens) is echoed to help with a typo; nothing else is
      const named = unknown.map((t) => (/^[a-z][a-z-]{0,40}$/.test(t) ? `"${t}"` : '…'));
      throw invalidQuery(names.types, workflowMessage('query.unknown-types', { named, known: [...known] }));
    }
    filters.types = query.types;
  }
  if (query.states !== undefined) filters.states = asList(query.states, names.states).map((s) => id(names.states, s));
  for (const field of ['village', 'township', 'household'] as const) {
    if (query[field] !== undefined) filters[field] = id(names[field], query[field]);
  }
  if (query.unit !== undefined) filters.party = `unit:${id(names.unit, query.unit)}`;
  for (const flag of ['overdue', 'counts'] as const) {
    if (query[flag] !== undefined && typeof query[flag] !== 'boolean') {
      throw invalidQuery(names[flag], workflowMessage('query.boolean', {}));
    }
  }
  if (query.overdue !== undefined) filters.overdue = query.overdue;
  // A deadline due on day D passes at the end of D (China time): its sort key is that instant.
  if (query.dueBefore !== undefined)
    filters.dueUntil = endOfLocalDay(addDays(date(names.dueBefore, query.dueBefore), -1));
  if (query.dueAfter !== undefined) {
    filters.dueFrom = endOfLocalDay(addDays(date(names.dueAfter, query.dueAfter), 1));
    filters.dueUntil ??= '9999-12-31T23:59:59.999Z'; // not `NO_DUE`: an instance without a deadline is not due after
  }
  if (query.updatedSince !== undefined) filters.updatedSince = instant(names.updatedSince, query.updatedSince);
  const limit = query.limit ?? DEFAULT_PAGE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) throw invalidQuery(names.limit, LIMIT_TEXT);
  const after = query.cursor === undefined ? undefined : readCursor(query.cursor, names.cursor);
  return { filters, after, limit, counts: query.counts === true };
}

/** The cursor after `key`: opaque to callers (base64url of the due instant and the id). */
export function cursorOf(key: SearchKey): string {
  return Buffer.from(JSON.stringify([key.dueSort, key.id])).toString('base64url');
}

function readCursor(cursor: unknown, name: string): SearchKey {
  const bad = () => invalidQuery(name, workflowMessage('query.cursor', {}));
  if (typeof cursor !== 'string' || cursor.length > 400 || !/^[A-Za-z0-9_-]+$/.test(cursor)) throw bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    !(parsed[0] === NO_DUE || !Number.isNaN(Date.parse(parsed[0])))
  ) {
    throw bad();
  }
  return { dueSort: parsed[0], id: parsed[1] };
}

/**
 * Where `principal` may look (可见范围), the union over its roles: supervisor and approvers the
 * tenant, a township official its township, a village committee or cadre its village, a
 * department the instances of its unit, a household its own case. A principal bound to a
 * township or village (as `scopeRefusal` binds it to act) sees only within it. Empty: nothing.
 */
export function visibleScopes(principal: Principal): SearchScope[] {
  const scopes: SearchScope[] = [];
  for (const role of principal.roles) {
    if (role === 'supervisor' || role === 'district-approver' || role === 'county-approver') scopes.push({});
    else if (role === 'township-official' && principal.township) scopes.push({ township: principal.township });
    else if ((role === 'village-committee' || role === 'village-cadre') && principal.village) {
      scopes.push({ village: principal.village });
    } else if (role === 'department' && principal.unit) scopes.push({ party: `unit:${principal.unit}` });
    else if (role === 'household' && principal.household) scopes.push({ household: principal.household });
  }
  return boundScopes(principal, scopes.some((s) => Object.keys(s).length === 0) ? [{}] : scopes);
}

/** Scopes narrowed to the township and village `principal` is bound to, duplicates and contradictions left out. */
export function boundScopes(principal: Principal, scopes: readonly SearchScope[]): SearchScope[] {
  const seen = new Set<string>();
  const out: SearchScope[] = [];
  for (const scope of scopes) {
    if (principal.township && scope.township !== undefined && scope.township !== principal.township) continue;
    if (principal.village && scope.village !== undefined && scope.village !== principal.village) continue;
    const bound: SearchScope = {
      ...scope,
      ...(principal.township ? { township: principal.township } : {}),
      ...(principal.village ? { village: principal.village } : {}),
    };
    const key = JSON.stringify(Object.entries(bound).sort());
    if (!seen.has(key)) out.push(bound);
    seen.add(key);
  }
  return out;
}

/** The summary of a record: what search and task lists show. */
export function instanceSummary(record: InstanceRecord): InstanceSummary {
  const columns = searchColumns(record);
  const earliest = record.deadlines.find((d) => d.firesAt === columns.dueSort);
  return {
    id: record.id,
    type: record.type,
    state: record.state,
    status: record.status,
    subject: {
      village: record.subject.village,
      township: record.subject.township,
      ...(record.subject.household !== undefined ? { household: record.subject.household } : {}),
    },
    due: earliest?.due ?? null,
    overdue: columns.overdue,
    deadlines: record.deadlines.map((d) => ({
      id: d.id,
      due: d.due,
      overdue: Boolean(d.overdueAt),
      escalateTo: [...d.escalateTo],
    })),
    version: record.version,
    updatedAt: record.updatedAt,
  };
}

/** A refused query, naming the parameter. */
export function invalidQuery(name: string, problem: Message | LocalizedText): WorkflowError {
  const text = 'code' in problem ? workflowText(problem) : problem;
  return new WorkflowError(
    'invalid-query',
    sayAround(text, (said) => workflowMessage('query.invalid', { name, problem: said })),
    { reasons: [sayAround(text, (said) => workflowMessage('query.reason', { name, problem: said }))] },
  );
}

// Values are never echoed: a mistaken one may be a personal number.
const LIMIT_TEXT = workflowMessage('query.limit', { max: MAX_PAGE });

function asList(value: unknown, name: string): string[] {
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string') || value.length > 50) {
    throw invalidQuery(name, workflowMessage('query.list', {}));
  }
  return value as string[];
}

function id(name: string, value: unknown): string {
  const problem = typeof value === 'string' ? idProblem(value) : workflowMessage('value.not-string', {});
  if (problem) throw invalidQuery(name, problem);
  return value as string;
}

function date(name: string, value: unknown): string {
  if (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(value) &&
    !Number.isNaN(Date.parse(`${value}T00:00:00Z`))
  ) {
    if (new Date(`${value}T00:00:00Z`).toISOString().startsWith(value)) return value;
  }
  throw invalidQuery(name, workflowMessage('query.date', {}));
}

function instant(name: string, value: unknown): string {
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value))
    return endOfLocalDay(addDays(date(name, value), -1));
  if (
    typeof value === 'string' &&
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    !Number.isNaN(Date.parse(value))
  ) {
    return new Date(value).toISOString();
  }
  throw invalidQuery(name, workflowMessage('query.instant', {}));
}

/** Search `principal`'s tenant within what its roles cover. */
export async function searchInstances(
  store: WorkflowStore,
  workflows: WorkflowRegistry,
  principal: Principal,
  query: InstanceQuery = {},
): Promise<InstancePage> {
  const { filters, after, limit, counts } = checkQuery(query, QUERY_NAMES, workflows.types);
  const scopes = visibleScopes(principal);
  if (scopes.length === 0) return { instances: [], next: null, ...(counts ? { counts: {} } : {}) };
  const found = await store.searchInstances({
    tenant: principal.tenant,
    scopes,
    filters,
    limit,
    counts,
    ...(after ? { after } : {}),
  });
  const last = found.records.at(-1);
  return {
    instances: found.records.map(instanceSummary),
    next: found.more && last ? cursorOf(searchKeyOf(last)) : null,
    ...(found.counts ? { counts: found.counts } : {}),
  };
}
