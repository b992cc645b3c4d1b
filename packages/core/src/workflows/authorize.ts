/**
 * Authorization (授权): tenant, township/village scope, and the role table of each workflow.
 * Township-level roles act within their township, village-level roles within their village.
 */
import type { LocalizedText } from '../model/schema.js';
import type { Grant, Principal, Role, Subject, WorkflowDefinition } from './types.js';

/** Roles that act for one township, one village or one household, and must say which. */
const SCOPE_OF_ROLE: Partial<Record<Role, 'township' | 'village' | 'household'>> = {
  'township-official': 'township',
  'village-committee': 'village',
  'village-cadre': 'village',
  household: 'household',
};

/** What the instance knows about the relations a grant can ask for. */
export interface RelationFacts {
  assigneeUnit?: string;
  reporter?: string;
}

export type ScopeRefusal = { code: 'other-tenant' | 'out-of-scope'; reason: LocalizedText };

/** Why `principal` may not act on `subject` of `tenant` at all, or undefined when it may. */
export function scopeRefusal(principal: Principal, tenant: string, subject: Subject): ScopeRefusal | undefined {
  if (principal.tenant !== tenant) {
    return {
      code: 'other-tenant',
      reason: {
        zh: `主体 ${principal.id} 属于租户 ${principal.tenant}，该实例属于 ${tenant}`,
        en: `principal ${principal.id} belongs to tenant ${principal.tenant}; the instance belongs to ${tenant}`,
      },
    };
  }
  const outside = (what: string, theirs: string, ours: string): ScopeRefusal => ({
    code: 'out-of-scope',
    reason: {
      zh: `主体 ${principal.id} 的${what === 'township' ? '乡镇' : what === 'village' ? '村' : '农户'}为 ${theirs}，该实例的对象为 ${ours}`,
      en: `principal ${principal.id} acts for ${what} ${theirs}; the instance's subject is in ${what} ${ours}`,
    },
  });
  if (principal.township && principal.township !== subject.township) {
    return outside('township', principal.township, subject.township);
  }
  if (principal.village && principal.village !== subject.village) {
    return outside('village', principal.village, subject.village);
  }
  return undefined;
}

/** Whether one grant lets `principal` send the event (payload conditions checked when given). */
function grantHolds(
  grant: Grant,
  principal: Principal,
  subject: Subject,
  facts: RelationFacts,
  payload?: unknown,
): boolean {
  if (grant.role) {
    if (!principal.roles.includes(grant.role)) return false;
    const scope = SCOPE_OF_ROLE[grant.role];
    if (scope && !principal[scope]) return false;
    // A household acts for itself only, whatever a grant (or a plugin's roles) says.
    if (grant.role === 'household' && (!subject.household || principal.household !== subject.household)) return false;
  }
  switch (grant.relation) {
    case 'assignee':
      if (!facts.assigneeUnit || principal.unit !== facts.assigneeUnit) return false;
      break;
    case 'reporter':
      if (!facts.reporter || principal.id !== facts.reporter) return false;
      break;
    case 'own-household':
      if (!subject.household || principal.household !== subject.household) return false;
      break;
    case 'tenant-member':
    case undefined:
      break;
  }
  if (grant.payload && payload !== undefined) {
    const values = (payload ?? {}) as Record<string, unknown>;
    return Object.entries(grant.payload).every(([key, value]) => values[key] === value);
  }
  return true;
}

/** The relation facts an instance's context holds: its assignee unit and its reporter. */
export function relationFactsOf(context: Record<string, unknown> | undefined): RelationFacts {
  const facts = (context ?? {}) as RelationFacts;
  return { assigneeUnit: facts.assigneeUnit, reporter: facts.reporter };
}

/** Whether `principal`, within the tenant and scope of `subject`, holds one of `grants` (payload conditions aside). */
export function holdsGrant(
  grants: readonly Grant[],
  principal: Principal,
  tenant: string,
  subject: Subject,
  facts: RelationFacts,
): boolean {
  return !scopeRefusal(principal, tenant, subject) && grants.some((g) => grantHolds(g, principal, subject, facts));
}

/**
 * Whether `principal` may send `eventType` by the role table. Without a payload, payload
 * conditions are not checked (the answer is "may, with the right payload").
 */
export function isGranted(
  definition: WorkflowDefinition,
  eventType: string,
  principal: Principal,
  subject: Subject,
  facts: RelationFacts,
  payload?: unknown,
): boolean {
  const rule = definition.events[eventType];
  return Boolean(rule?.grants.some((grant) => grantHolds(grant, principal, subject, facts, payload)));
}

/** "township-official", "the assignee unit", "household (own, self-declaration)": who may send. */
export function describeGrants(definition: WorkflowDefinition, eventType: string): string {
  return (definition.events[eventType]?.grants ?? [])
    .map((g) => {
      const parts = [g.role, g.relation].filter(Boolean).join(' + ');
      const payload = g.payload
        ? ` (${Object.entries(g.payload)
            .map(([k, v]) => `${k}=${String(v)}`)
            .join(', ')})`
        : '';
      return `${parts}${payload}`;
    })
    .join(' | ');
}
