/**
 * Saving an instance's row (实例行) in place: only the columns whose value changed are written,
 * and its parties only when they changed. SQLite rewrites an index entry for every indexed
 * column an `UPDATE` names, changed or not, and the search indexes name most of them, so
 * naming all of them on every event cost about three times the update itself.
 */
import type Database from 'better-sqlite3';
import type { InstanceRow } from '@ruralkit/core/store';

/** The row as the store writes it: its columns, its search columns, `overdue` as 0 or 1. */
export type StoredRow = InstanceRow & {
  township: string;
  village: string;
  household: string | null;
  dueSort: string;
  overdue: 0 | 1;
  updatedAt: string;
};

/** Columns written only when their value changed (field name → column). */
const KEPT = {
  exclusiveKey: 'exclusive_key',
  state: 'state',
  status: 'status',
  nextDeadlineAt: 'next_deadline_at',
  township: 'township',
  village: 'village',
  household: 'household',
  dueSort: 'due_sort',
  overdue: 'overdue',
} as const;
type KeptField = keyof typeof KEPT;
const KEPT_FIELDS = Object.keys(KEPT) as KeptField[];

/**
 * A saver of instance rows over `db`: `save(row, expectedVersion, parties)` updates the row if
 * it is still at `expectedVersion` (false if not: a conflict) and replaces its parties if they,
 * its due instant or its overdue flag changed. Call inside a transaction.
 */
export function instanceSaver(db: Database.Database) {
  const current = db.prepare(
    `SELECT ${KEPT_FIELDS.map((f) => `${KEPT[f]} AS ${f}`).join(', ')} FROM instances WHERE id = ? AND version = ?`,
  );
  const partiesOf = db.prepare(`SELECT party FROM instance_parties WHERE instance_id = ?`).pluck();
  const dropParties = db.prepare(`DELETE FROM instance_parties WHERE instance_id = ?`);
  const addParty = db.prepare(
    `INSERT INTO instance_parties (instance_id, tenant, party, due_sort, overdue) VALUES (?, ?, ?, ?, ?)`,
  );
  const updates = new Map<string, Database.Statement>();

  /** The update that writes `changed` beside what every save writes, prepared once per set. */
  const updateOf = (changed: KeptField[]) => {
    const key = changed.join(',');
    let update = updates.get(key);
    if (!update) {
      const set = changed.map((f) => `${KEPT[f]} = @${f}`).join(', ');
      update = db.prepare(
        `UPDATE instances SET ${set ? `${set}, ` : ''}version = @version, record = @record, claimed_by = NULL,
         claimed_until = NULL, updated_at = @updatedAt WHERE id = @id AND version = @expectedVersion`,
      );
      updates.set(key, update);
    }
    return update;
  };

  /** Whether the stored parties are exactly `parties` (each party is stored once). */
  const sameParties = (id: string, parties: readonly string[]) => {
    const stored = partiesOf.all(id) as string[];
    if (stored.length !== parties.length) return false;
    const wanted = new Set(parties);
    return stored.every((p) => wanted.has(p));
  };

  /** The parties of a row (after the row is written). */
  const addParties = (row: StoredRow, parties: readonly string[]) => {
    for (const party of parties) addParty.run(row.id, row.tenant, party, row.dueSort, row.overdue);
  };

  return {
    addParties,
    save(row: StoredRow, expectedVersion: number, parties: readonly string[]): boolean {
      const before = current.get(row.id, expectedVersion) as Pick<StoredRow, KeptField> | undefined;
      if (!before) return false;
      const changed = KEPT_FIELDS.filter((f) => before[f] !== row[f]);
      if (updateOf(changed).run({ ...row, expectedVersion }).changes !== 1) return false;
      const sortChanged = before.dueSort !== row.dueSort || before.overdue !== row.overdue;
      if (sortChanged || !sameParties(row.id, parties)) {
        dropParties.run(row.id);
        addParties(row, parties);
      }
      return true;
    },
  };
}
