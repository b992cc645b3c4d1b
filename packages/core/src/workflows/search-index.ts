/**
 * The search index (检索索引) of instances: the columns a store derives from a record at each
 * write (subject, earliest due instant, overdue flag, parties, last update), the search a store
 * runs over them — one tenant, every filter, any one of several scopes, keyset order by due
 * instant then id — and that search as SQL for the stores that speak it. The in-memory store
 * runs the same search over the same columns (`matchesSearch`), which is what it means.
 */
import { relationFactsOf } from './relations.js';
import type { InstanceRecord, WorkflowType } from './types.js';

/** The sort key of an instance without a deadline: after every instant (and sorted last). */
export const NO_DUE = '~';

/** What a store indexes an instance by, derived from its record. */
export interface SearchColumns {
  township: string;
  village: string;
  household: string | null;
  /** The instant the earliest current deadline (overdue or not) passes, or `NO_DUE`. */
  dueSort: string;
  /** Whether a current deadline is marked overdue. */
  overdue: boolean;
  updatedAt: string;
  /**
   * Who the instance concerns beyond its subject (当事方): `unit:<id>` for its assignee unit and
   * the units its deadlines escalate to, `reporter:<principal id>` for its reporter.
   */
  parties: string[];
}

/** The search columns of a record. */
export function searchColumns(record: InstanceRecord): SearchColumns {
  const facts = relationFactsOf(record.envelope.snapshot.context);
  const units = new Set<string>();
  if (typeof facts.assigneeUnit === 'string') units.add(facts.assigneeUnit);
  for (const d of record.deadlines) for (const unit of d.escalateTo) units.add(unit);
  const parties = [...[...units].map((u) => `unit:${u}`)];
  if (typeof facts.reporter === 'string') parties.push(`reporter:${facts.reporter}`);
  return {
    township: record.subject.township,
    village: record.subject.village,
    household: record.subject.household ?? null,
    dueSort: record.deadlines.reduce((min, d) => (d.firesAt < min ? d.firesAt : min), NO_DUE),
    overdue: record.deadlines.some((d) => d.overdueAt),
    updatedAt: record.updatedAt,
    parties: [...new Set(parties)].sort(),
  };
}

/** One place to look: every field given must hold (an empty scope is the whole tenant). */
export interface SearchScope {
  type?: WorkflowType;
  states?: readonly string[];
  township?: string;
  village?: string;
  household?: string;
  party?: string;
  overdue?: true;
}

/** Filters every result must pass. */
export interface SearchFilters {
  types?: readonly WorkflowType[];
  states?: readonly string[];
  township?: string;
  village?: string;
  household?: string;
  party?: string;
  overdue?: boolean;
  status?: 'active' | 'done';
  /** `dueSort >= dueFrom`. */
  dueFrom?: string;
  /** `dueSort <= dueUntil`. */
  dueUntil?: string;
  updatedSince?: string;
}

/** Where a page ends: the last result's sort key. */
export interface SearchKey {
  dueSort: string;
  id: string;
}

/** A search as a store runs it. */
export interface StoreSearch {
  tenant: string;
  /** An instance is found when it passes the filters and matches one of these (at least one). */
  scopes: readonly SearchScope[];
  filters: SearchFilters;
  /** Only results after this key. */
  after?: SearchKey;
  limit: number;
  /** Count the results (all pages) by state too. */
  counts: boolean;
}

export interface StoreSearchResult {
  /** At most `limit` records, by due instant then id. */
  records: InstanceRecord[];
  /** Whether more results follow the last one. */
  more: boolean;
  counts?: Record<string, number>;
}

/** The sort key of a record. */
export const searchKeyOf = (record: InstanceRecord): SearchKey => ({
  dueSort: searchColumns(record).dueSort,
  id: record.id,
});

/** Whether key `a` comes before key `b` (code-unit order, as SQL's binary collation). */
export const keyBefore = (a: SearchKey, b: SearchKey): boolean =>
  a.dueSort < b.dueSort || (a.dueSort === b.dueSort && a.id < b.id);

/** Whether a record is found by a search (its key aside). */
export function matchesSearch(record: InstanceRecord, search: Pick<StoreSearch, 'tenant' | 'scopes' | 'filters'>) {
  if (record.tenant !== search.tenant) return false;
  const c = searchColumns(record);
  const f = search.filters;
  const passes =
    (!f.types || f.types.includes(record.type)) &&
    (!f.states || f.states.includes(record.state)) &&
    (f.township === undefined || c.township === f.township) &&
    (f.village === undefined || c.village === f.village) &&
    (f.household === undefined || c.household === f.household) &&
    (f.party === undefined || c.parties.includes(f.party)) &&
    (f.overdue === undefined || c.overdue === f.overdue) &&
    (f.status === undefined || record.status === f.status) &&
    (f.dueFrom === undefined || c.dueSort >= f.dueFrom) &&
    (f.dueUntil === undefined || c.dueSort <= f.dueUntil) &&
    (f.updatedSince === undefined || c.updatedAt >= f.updatedSince);
  return (
    passes &&
    search.scopes.some(
      (s) =>
        (s.type === undefined || record.type === s.type) &&
        (!s.states || s.states.includes(record.state)) &&
        (s.township === undefined || c.township === s.township) &&
        (s.village === undefined || c.village === s.village) &&
        (s.household === undefined || c.household === s.household) &&
        (s.party === undefined || c.parties.includes(s.party)) &&
        (!s.overdue || c.overdue),
    )
  );
}

/** A statement and its parameters, `?` standing for each in order. */
export interface SqlStatement {
  text: string;
  params: unknown[];
}

/** The tables and spelling of a SQL store. */
export interface SearchDialect {
  instances: string;
  parties: string;
  /** Appended to id expressions so they sort as bytes (`COLLATE "C"` on PostgreSQL). */
  binary: string;
}

/**
 * The search as SQL: the page (one keyset-ordered branch per scope, merged; columns `record`,
 * `due_sort`) and, when asked, the counts by state (columns `state`, `n`).
 */
export function searchSql(search: StoreSearch, d: SearchDialect): { page: SqlStatement; counts?: SqlStatement } {
  const filters = (params: unknown[]) => filterSql(search.filters, params, d);
  const branches: string[] = [];
  const params: unknown[] = [];
  for (const scope of search.scopes) {
    const where: string[] = [];
    if (scope.party !== undefined) {
      params.push(search.tenant, scope.party);
      where.push('p.tenant = ?', 'p.party = ?');
    } else {
      params.push(search.tenant);
      where.push('i.tenant = ?');
    }
    where.push(...scopeSql(scope, params, false), ...filters(params));
    const [due, id] =
      scope.party !== undefined ? ['p.due_sort', `p.instance_id${d.binary}`] : ['i.due_sort', `i.id${d.binary}`];
    if (search.after) {
      params.push(search.after.dueSort, search.after.id);
      where.push(`(${due}, ${id}) > (?, ?)`);
    }
    // a party's rows drive the join in their index order (CROSS JOIN: SQLite keeps the order given)
    if (scope.party !== undefined) where.push('i.id = p.instance_id');
    const from = scope.party !== undefined ? `${d.parties} p CROSS JOIN ${d.instances} i` : `${d.instances} i`;
    params.push(search.limit + 1);
    branches.push(
      `SELECT i.id AS id, ${due} AS due_sort FROM ${from} WHERE ${where.join(' AND ')} ORDER BY ${due}, ${id} LIMIT ?`,
    );
  }
  const keys =
    branches.length === 1
      ? `(${branches[0]})`
      : `(${branches.map((b, n) => `SELECT id, due_sort FROM (${b}) AS b${n}`).join(' UNION ')})`;
  params.push(search.limit + 1);
  const page = {
    text: `SELECT i.record AS record, k.due_sort AS due_sort FROM ${keys} AS k JOIN ${d.instances} i ON i.id = k.id
      ORDER BY k.due_sort, k.id${d.binary} LIMIT ?`,
    params,
  };
  if (!search.counts) return { page };
  const countParams: unknown[] = [search.tenant];
  const where = ['i.tenant = ?', ...filters(countParams)];
  const any = search.scopes.map((scope) => {
    const parts = scopeSql(scope, countParams, true);
    return parts.length ? `(${parts.join(' AND ')})` : 'TRUE';
  });
  where.push(`(${any.join(' OR ')})`);
  return {
    page,
    counts: {
      text: `SELECT i.state AS state, count(*) AS n FROM ${d.instances} i WHERE ${where.join(' AND ')} GROUP BY i.state`,
      params: countParams,
    },
  };

  function scopeSql(scope: SearchScope, into: unknown[], partyBySubquery: boolean): string[] {
    const where: string[] = [];
    if (scope.type !== undefined) where.push(eq('i.type', scope.type, into));
    if (scope.states) where.push(inList('i.state', scope.states, into));
    if (scope.township !== undefined) where.push(eq('i.township', scope.township, into));
    if (scope.village !== undefined) where.push(eq('i.village', scope.village, into));
    if (scope.household !== undefined) where.push(eq('i.household', scope.household, into));
    // a party's rows carry the flag (their partial index lists the overdue ones in due order)
    if (scope.overdue) where.push(scope.party !== undefined && !partyBySubquery ? 'p.overdue = 1' : 'i.overdue = 1');
    if (scope.party !== undefined && partyBySubquery) {
      into.push(search.tenant, scope.party);
      where.push(`i.id IN (SELECT instance_id FROM ${d.parties} WHERE tenant = ? AND party = ?)`);
    }
    return where;
  }
}

function filterSql(f: SearchFilters, into: unknown[], d: SearchDialect): string[] {
  const where: string[] = [];
  if (f.types) where.push(inList('i.type', f.types, into));
  if (f.states) where.push(inList('i.state', f.states, into));
  if (f.township !== undefined) where.push(eq('i.township', f.township, into));
  if (f.village !== undefined) where.push(eq('i.village', f.village, into));
  if (f.household !== undefined) where.push(eq('i.household', f.household, into));
  if (f.party !== undefined) {
    into.push(f.party);
    where.push(`EXISTS (SELECT 1 FROM ${d.parties} q WHERE q.instance_id = i.id AND q.party = ?)`);
  }
  if (f.overdue !== undefined) where.push(`i.overdue = ${f.overdue ? 1 : 0}`);
  if (f.status !== undefined) where.push(eq('i.status', f.status, into));
  if (f.dueFrom !== undefined) where.push(cmp('i.due_sort >= ?', f.dueFrom, into));
  if (f.dueUntil !== undefined) where.push(cmp('i.due_sort <= ?', f.dueUntil, into));
  if (f.updatedSince !== undefined) where.push(cmp('i.updated_at >= ?', f.updatedSince, into));
  return where;
}

function eq(column: string, value: unknown, into: unknown[]): string {
  into.push(value);
  return `${column} = ?`;
}

function cmp(sql: string, value: unknown, into: unknown[]): string {
  into.push(value);
  return sql;
}

function inList(column: string, values: readonly unknown[], into: unknown[]): string {
  if (values.length === 0) return 'FALSE';
  into.push(...values);
  return `${column} IN (${values.map(() => '?').join(', ')})`;
}
