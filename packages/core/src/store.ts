/**
 * @ruralkit/core/store — for store authors (存储实现者): the audit chain's hashing and chaining,
 * sealing a commit's personal data into rows and the rows' shapes, and the search SQL that every
 * SQL store shares. An application embedding ruralkit needs none of it: it opens a store
 * (`@ruralkit/store-sqlite`, `@ruralkit/store-postgres`) and passes it to `createRuntime`. The
 * store interfaces themselves (`WorkflowStore`, `InstanceStore`, `AuditLog`, `Outbox`) are in the
 * main entry, beside the runtime that takes them.
 * @packageDocumentation
 */
export {
  auditEntryText,
  auditTenants,
  chainAudit,
  chainAuditEntry,
  chainOf,
  GENESIS_HASH,
  hashAuditEntry,
  type BoundRecord,
  type ChainTip,
} from './workflows/audit.js';
export {
  auditEntryOf,
  sealCommit,
  type AuditRow,
  type InstanceRow,
  type OutboxRow,
  type SealedCommit,
} from './workflows/audit-rows.js';
export {
  searchColumns,
  searchSql,
  type SearchColumns,
  type SearchDialect,
  type SearchFilters,
  type SearchKey,
  type SearchScope,
  type SqlStatement,
  type StoreSearch,
  type StoreSearchResult,
} from './workflows/search-index.js';
