/**
 * Whether this process writes a tenant's audit chain alone (独自写入): the heads it wrote last,
 * and the tenants whose chain it found, at its last locking commit, as it had left it. Only
 * those are tried in one statement (`store.ts`); a chain another process writes takes the
 * locking path until a locking commit finds it as this process left it again.
 */
import type { AuditEntry, AuditHead } from '@ruralkit/core';

export class SoleWriter {
  private readonly lastHeads = new Map<string, AuditHead>();
  private readonly sole = new Set<string>();

  /** The heads to chain after in one statement, when this process writes every one of `tenants` alone. */
  heads(tenants: readonly string[]): Map<string, AuditHead> | undefined {
    if (tenants.length === 0 || !tenants.every((t) => this.sole.has(t))) return undefined;
    return new Map(tenants.map((t) => [t, this.lastHeads.get(t)!]));
  }

  /** After chaining under the lock: was each locked head the one this process wrote last? */
  locked(found: ReadonlyMap<string, { head?: AuditHead }>, entries: AuditEntry[]): AuditEntry[] {
    for (const [tenant, { head }] of found) {
      const last = this.lastHeads.get(tenant);
      if (last && head && last.seq === head.seq && last.hash === head.hash) this.sole.add(tenant);
      else this.sole.delete(tenant);
    }
    return this.wrote(entries);
  }

  /** The entries this process committed: their tenants' heads are now these. */
  wrote(entries: AuditEntry[]): AuditEntry[] {
    for (const e of entries) this.lastHeads.set(e.tenant ?? '', { seq: e.seq, hash: e.hash });
    return entries;
  }

  /** Another process has written these tenants' chains since. */
  moved(tenants: Iterable<string>): void {
    for (const tenant of tenants) this.sole.delete(tenant);
  }
}
