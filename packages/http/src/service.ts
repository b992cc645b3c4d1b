/**
 * The served plans (服务的方案) and their runtimes: each plan set — a base plan, or a county's
 * plugins resolved on it — has its key, its hash, the tenants that may use it and a runtime
 * over the one shared store. One maintenance (运维) of that store fires deadlines, delivers
 * and verifies the audit for all of them. Instances are found by id and answered only to their
 * own tenant.
 */
import {
  type MaintenanceOptions,
  type RuntimeOptions,
  asResolvedPlan,
  canSee,
  createMaintenance,
  PrincipalSchema,
  createRuntime,
  type Maintenance,
  WorkflowError,
  type InstanceView,
  type Plan,
  type Principal,
  type ResolvedPlan,
  type Runtime,
  type WorkflowStore,
} from '@ruralkit/core';
import { httpMessage, httpText } from './locales/index.js';
import { HttpProblem, unknownInstance } from './problem.js';

/** A plan to serve: under `key`, to `tenants` only when given (another tenant gets 404). */
export interface PlanEntry {
  key: string;
  plan: Plan;
  tenants?: readonly string[];
}

export interface ServedPlan {
  key: string;
  plan: ResolvedPlan;
  hash: string;
  tenants?: readonly string[];
  runtime: Runtime;
}

/** The key a plan is served under when none is given: the plan id, or the last plugin's id. */
export function defaultPlanKey(plan: Plan): string {
  return asResolvedPlan(plan).plugins.at(-1)?.id ?? plan.id;
}

/** Everything the routes share. */
export class Service {
  readonly plans = new Map<string, ServedPlan>();
  /** The store's maintenance: every runtime writes through it, signed with its audit key. */
  readonly maintenance: Maintenance;
  private readonly byHash = new Map<string, ServedPlan>();
  /** Principals found well-formed: a verified token's principal is remembered, so it is checked once. */
  private readonly wellFormed = new WeakSet<Principal>();

  constructor(
    entries: readonly (Plan | PlanEntry)[],
    readonly store: WorkflowStore,
    runtimeOptions: Omit<RuntimeOptions, 'plan' | 'store' | 'maintenance'> &
      Pick<MaintenanceOptions, 'auditKey' | 'autoCheckpoint' | 'lease'> = {},
  ) {
    const { auditKey, autoCheckpoint, lease, ...shared } = runtimeOptions;
    if (entries.length === 0) throw new Error('@ruralkit/http: give at least one plan');
    this.maintenance = createMaintenance({
      store,
      ...(shared.clock ? { clock: shared.clock } : {}),
      ...(lease ? { lease } : {}),
      ...(auditKey !== undefined ? { auditKey } : {}),
      ...(autoCheckpoint ? { autoCheckpoint } : {}),
    });
    for (const item of entries) {
      const entry: PlanEntry = 'plan' in item && 'key' in item ? item : { key: defaultPlanKey(item), plan: item };
      if (this.plans.has(entry.key)) throw new Error(`@ruralkit/http: two plans under the key "${entry.key}"`);
      const plan = asResolvedPlan(entry.plan);
      const served: ServedPlan = {
        key: entry.key,
        plan,
        hash: plan.hash,
        ...(entry.tenants ? { tenants: entry.tenants } : {}),
        runtime: createRuntime({ plan, store, ...shared, maintenance: this.maintenance }),
      };
      this.plans.set(entry.key, served);
      if (!this.byHash.has(served.hash)) this.byHash.set(served.hash, served);
    }
  }

  /** The workflow types (流程类型) the served plans register, in order, each once. */
  get workflowTypes(): string[] {
    return [...new Set([...this.plans.values()].flatMap((p) => p.runtime.workflows.types))];
  }

  /** Stop the scheduled checkpoints (the store is the caller's to close). */
  close(): void {
    this.maintenance.close();
  }

  /** The plans `principal`'s tenant may use. */
  visiblePlans(principal: Principal): ServedPlan[] {
    return [...this.plans.values()].filter((p) => !p.tenants || p.tenants.includes(principal.tenant));
  }

  /** A plan by key; another tenant's plan is answered as unknown. */
  plan(key: string, principal: Principal): ServedPlan {
    const served = this.plans.get(key);
    if (!served || (served.tenants && !served.tenants.includes(principal.tenant))) {
      throw new HttpProblem('unknown-plan', httpText(httpMessage('title.no-such-plan', {})), {
        detail: httpText(httpMessage('plan.none', { key })),
      });
    }
    return served;
  }

  /** Any runtime reads instances: they all share the store. */
  private get reader(): Runtime {
    return this.plans.values().next().value!.runtime;
  }

  /**
   * The runtime that searches and lists tasks for `principal`: of the first plan served to its
   * tenant (its role table decides what is the principal's to do), else any.
   */
  forTenant(principal: Principal): Runtime {
    return this.visiblePlans(principal)[0]?.runtime ?? this.reader;
  }

  /**
   * An instance `principal` may see (the runtime's `canSee`: its own tenant's, and for a household
   * its own case), with the runtime of the plan it was started under; its personal fields are
   * opened only when `principal` needs them. Any other instance is answered as missing (404).
   */
  async instance(id: string, principal: Principal): Promise<{ view: InstanceView; served: ServedPlan | undefined }> {
    let view: InstanceView;
    try {
      view = await this.reader.get(id, { principal });
    } catch (error) {
      if (error instanceof WorkflowError && error.code === 'unknown-instance') throw unknownInstance(id);
      if (!(error instanceof WorkflowError && error.code === 'unknown-workflow')) throw error;
      // a workflow of another served plan (a county plugin's): read it with that plan's runtime
      const record = await this.store.load(id);
      const pinned = record && this.byHash.get(record.envelope.planHash);
      if (!pinned) throw error;
      view = await pinned.runtime.get(id, { principal });
    }
    return { view, served: this.byHash.get(view.planHash) };
  }

  /** The runtime that may change an instance: the one of its pinned plan. */
  writer(view: InstanceView, served: ServedPlan | undefined): Runtime {
    if (served) return served.runtime;
    throw planMismatch(view.id, view.planHash);
  }

  /**
   * The runtime that may change instance `id` for `principal`, read from the stored record alone:
   * the same answers as `instance` then `writer` (404 for an instance it may not see,
   * `unknown-workflow`, `plan-mismatch`) without opening the instance's context into a view.
   */
  async writerOf(id: string, principal: Principal): Promise<Runtime> {
    if (!this.isWellFormed(principal)) {
      // the full read names what is wrong with the principal, as every other route does
      const { view, served } = await this.instance(id, principal);
      return this.writer(view, served);
    }
    const record = await this.store.load(id);
    if (!record || !canSee(principal, record.tenant, record.subject)) throw unknownInstance(id);
    const served = this.byHash.get(record.envelope.planHash);
    if (served) return served.runtime;
    this.reader.workflows.definitionOf(record.type); // a type no served plan knows: unknown-workflow, as reading it answers
    throw planMismatch(id, record.envelope.planHash);
  }

  private isWellFormed(principal: Principal): boolean {
    if (this.wellFormed.has(principal)) return true;
    if (!PrincipalSchema.safeParse(principal).success) return false;
    this.wellFormed.add(principal);
    return true;
  }
}

const planMismatch = (id: string, planHash: string) =>
  new HttpProblem('plan-mismatch', httpText(httpMessage('title.plan-not-served', {})), {
    detail: httpText(httpMessage('plan.instance-not-served', { id, planHash })),
  });
