/**
 * `poverty-monitoring` — anti-poverty-relapse monitoring and assistance (防止返贫动态监测和帮扶,
 * clause 4.2): a household is flagged, verified, reviewed, publicly noticed and approved, then
 * assisted until its risks are eliminated (风险消除). Fields marked `personal` (the head's name,
 * notes, reasons, objections) reach the machine sealed: it carries them and never reads them.
 */
import { assign, setup } from 'xstate';
import { z } from 'zod';
import { AmountSchema } from '../../../model/amounts.js';
import type { Message } from '../../../model/message.js';
import type { Plan } from '../../../model/schema.js';
import { addDays, daysBetween, localDate } from '../../../workflows/calendar.js';
import { personal } from '../../../workflows/privacy/personal.js';
import { leadUnitOf } from '../../../workflows/units.js';
import { blocker, type MachineEvent, type WorkflowDefinition } from '../../../workflows/types.js';
import { monitoringFacts } from './facts.js';
import { CHANGJIANG_WORDS, changjiangText } from './locales/index.js';
import { changjiangMessage } from './locales/messages.js';
import type { PovertyMonitoringContext } from './monitoring-context.js';
import { publicNoticeView } from './public-notice.js';
import { screeningFlag } from './starts.js';

/** The risk types (风险类型) of the base plan's household screening; plugins may add more. */
export const RISK_TYPES = Object.freeze([
  'income',
  'food-clothing',
  'education',
  'medical',
  'housing',
  'drinking-water',
] as const);
/** The base plan's monitoring categories (监测对象类别). */
export const MONITORING_CATEGORIES = Object.freeze(['unstable-formerly-poor', 'marginal', 'sudden-hardship'] as const);
/** Assistance measures (帮扶措施); industry and employment are developmental (开发式). */
export const MEASURES = Object.freeze([
  'industry',
  'employment',
  'medical',
  'education',
  'housing',
  'drinking-water',
  'social-security',
  'other',
] as const);

export type { Measure, PovertyMonitoringContext } from './monitoring-context.js';

const text = z.string().trim().min(1);
const money = AmountSchema.nonnegative();
/** The household head's name (户主姓名): personal. */
const headName = personal(text, 'name');
/** Free text about the household's situation (个案说明: health, income, family): personal. */
const caseNote = personal(text, 'case-note');

/**
 * The vocabulary (词汇) of the payloads: risk types and monitoring categories come from the
 * resolved plan (a county plugin may add its own), measures from the workflow.
 */
export interface MonitoringVocabulary {
  riskTypes: readonly string[];
  categories: readonly string[];
  measures: readonly string[];
}

/** The vocabulary of a plan: its risk types and categories, in the plan's order. */
export function monitoringVocabulary(plan: Pick<Plan, 'riskTypes' | 'categories'>): MonitoringVocabulary {
  return {
    riskTypes: plan.riskTypes.map((r) => r.id),
    categories: plan.categories.map((c) => c.id),
    measures: MEASURES,
  };
}

const oneOf = (values: readonly string[]) => z.enum(values as [string, ...string[]]);

/** The payload schemas of `poverty-monitoring` over a vocabulary. */
export function povertyMonitoringPayloadsFor(vocabulary: MonitoringVocabulary) {
  const riskType = oneOf(vocabulary.riskTypes);
  const riskTypes = z.array(riskType).min(1);
  const category = oneOf(vocabulary.categories);
  return {
    FLAG: z
      .object({
        channel: z.enum(['self-declaration', 'cadre-screening', 'department-alert']),
        riskTypes,
        note: personal(z.string(), 'case-note'),
        householdHead: headName.optional(),
        suggestedCategory: category.optional(),
      })
      .strict(),
    CONFIRM_RISK: z
      .object({
        perCapitaIncomeCny: money,
        riskTypes,
        hasLaborCapacity: z.boolean(),
        consentSigned: z.literal(true, { message: 'consent (承诺授权) must be signed: consentSigned must be true' }),
        householdHead: headName.optional(),
      })
      .strict(),
    REJECT_RISK: z.object({ reason: caseNote }).strict(),
    REVIEW_PASSED: z
      .object({ meetingOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), attendees: z.number().int().min(1) })
      .strict(),
    REVIEW_FAILED: z.object({ reason: caseNote }).strict(),
    OBJECTION: z.object({ content: caseNote }).strict(),
    NOTICE_COMPLETED: z.object({}).strict(),
    TOWNSHIP_APPROVE: z.object({ note: personal(z.string(), 'case-note').optional() }).strict(),
    TOWNSHIP_RETURN: z.object({ reason: caseNote }).strict(),
    COUNTY_APPROVE: z.object({ category }).strict(),
    COUNTY_REJECT: z.object({ reason: caseNote }).strict(),
    ADD_MEASURE: z
      .object({
        riskType,
        measure: oneOf(vocabulary.measures),
        unit: text,
        developmental: z.boolean().optional(),
      })
      .strict(),
    RESOLVE_RISK: z.object({ riskType }).strict(),
    RECORD_INCOME: z
      .object({
        month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM'),
        perCapitaIncomeCny: money,
      })
      .strict(),
    PROPOSE_ELIMINATION: z.object({}).strict(),
    ELIMINATION_NOTICE_COMPLETED: z.object({}).strict(),
    ELIMINATION_APPROVE: z.object({ note: personal(z.string(), 'case-note').optional() }).strict(),
    ELIMINATION_REJECT: z.object({ reason: caseNote }).strict(),
  };
}

/** The payload schemas over the base plan's vocabulary. */
export const povertyMonitoringPayloads = povertyMonitoringPayloadsFor({
  riskTypes: RISK_TYPES,
  categories: MONITORING_CATEGORIES,
  measures: MEASURES,
});

type Payloads = { [K in keyof typeof povertyMonitoringPayloads]: z.infer<(typeof povertyMonitoringPayloads)[K]> };
export type PovertyMonitoringEvent = { [K in keyof Payloads]: MachineEvent<K, Payloads[K]> }[keyof Payloads];
type Ev<K extends keyof Payloads> = MachineEvent<K, Payloads[K]>;

/** Whether a measure is developmental (开发式帮扶): industry or employment. */
export function isDevelopmental(measure: string): boolean {
  return measure === 'industry' || measure === 'employment';
}

/** A public notice (公示) lasts at least `monitoring.noticeMinDays` days. */
function noticeBlockers(startedAt: string | undefined, event: MachineEvent): Message[] {
  const minDays = Number(event.parameters['monitoring.noticeMinDays']);
  const started = localDate(startedAt ?? event.at);
  const days = daysBetween(started, localDate(event.at));
  if (days >= minDays) return [];
  const earliest = addDays(started, minDays);
  return [changjiangMessage('poverty-monitoring.notice-too-short', { started, days, minDays, earliest })];
}

/** The elimination conditions (风险消除条件) of workflows.md; each unmet one is a reason. */
export function eliminationBlockers(context: PovertyMonitoringContext, event: MachineEvent): Message[] {
  const reasons: Message[] = [];
  if (!context.verification?.hasLaborCapacity) {
    reasons.push(changjiangMessage('poverty-monitoring.no-labour-capacity', {}));
  }
  const measures = context.measures.filter((m) => m.cycle === context.cycle);
  for (const risk of context.confirmedRisks) {
    if (!measures.some((m) => m.riskType === risk)) {
      reasons.push(changjiangMessage('poverty-monitoring.risk-without-measure', { risk }));
    }
    if (!context.resolvedRisks.includes(risk)) {
      reasons.push(changjiangMessage('poverty-monitoring.risk-not-resolved', { risk }));
    }
  }
  if (!measures.some((m) => isDevelopmental(m.measure))) {
    reasons.push(changjiangMessage('poverty-monitoring.no-developmental-measure', {}));
  }
  const months = Number(event.parameters['monitoring.eliminationStableMonths']);
  const threshold = Number(event.parameters['monitoring.incomeThreshold']);
  const recent = [...context.incomes].sort((a, b) => (a.month < b.month ? -1 : 1)).slice(-months);
  if (recent.length < months) {
    reasons.push(
      changjiangMessage('poverty-monitoring.income-months-short', { recorded: recent.length, needed: months }),
    );
  }
  const below = recent.filter((r) => r.perCapitaIncomeCny < threshold).map((r) => r.month);
  if (below.length > 0) {
    reasons.push(changjiangMessage('poverty-monitoring.income-below-threshold', { months: below, threshold }));
  }
  return reasons;
}

/** A measure or resolution must name a confirmed risk; a resolved risk needs a measure first. */
function assistingBlockers(context: PovertyMonitoringContext, event: Ev<'ADD_MEASURE' | 'RESOLVE_RISK'>): Message[] {
  const risk = event.payload.riskType;
  if (!context.confirmedRisks.includes(risk)) {
    return [
      changjiangMessage('poverty-monitoring.risk-not-confirmed', { risk, confirmed: [...context.confirmedRisks] }),
    ];
  }
  const hasMeasure = context.measures.some((m) => m.cycle === context.cycle && m.riskType === risk);
  if (event.type === 'RESOLVE_RISK' && !hasMeasure) {
    return [changjiangMessage('poverty-monitoring.resolve-without-measure', { risk })];
  }
  return [];
}

const flagRecord = (flag: Ev<'FLAG'>) => ({
  at: flag.at,
  channel: flag.payload.channel,
  riskTypes: flag.payload.riskTypes,
  note: flag.payload.note,
  by: flag.actor.id,
});

const union = <T>(a: readonly T[], b: readonly T[]): T[] => [...new Set([...a, ...b])];

export const povertyMonitoringMachine = setup({
  types: {
    context: {} as PovertyMonitoringContext,
    events: {} as PovertyMonitoringEvent,
    input: {} as { village: string; household?: string },
  },
  guards: {
    noticeLongEnough: ({ context, event }) => noticeBlockers(context.noticeStartedAt, event).length === 0,
    eliminationNoticeLongEnough: ({ context, event }) =>
      noticeBlockers(context.eliminationNoticeStartedAt, event).length === 0,
    eliminable: ({ context, event }) => eliminationBlockers(context, event).length === 0,
    confirmedRisk: ({ context, event }) =>
      assistingBlockers(context, event as Ev<'ADD_MEASURE' | 'RESOLVE_RISK'>).length === 0,
  },
  actions: {
    addFlag: assign(({ context, event }) => {
      const flag = event as Ev<'FLAG'>;
      return {
        flags: [...context.flags, flagRecord(flag)],
        flaggedRisks: union(context.flaggedRisks, flag.payload.riskTypes),
        householdHead: flag.payload.householdHead ?? context.householdHead,
        suggestedCategory: flag.payload.suggestedCategory ?? context.suggestedCategory,
      };
    }),
  },
}).createMachine({
  id: 'poverty-monitoring',
  initial: 'idle',
  // XState builds a throwaway actor, without input, on every pure `transition`: reading `input`
  // safely keeps that from throwing (and paying for a stack trace) on each event.
  context: ({ input }: { input?: { village: string; household?: string } }) => ({
    village: input?.village ?? '',
    household: input?.household ?? '',
    cycle: 1,
    flags: [],
    flaggedRisks: [],
    confirmedRisks: [],
    reviews: [],
    objections: [],
    measures: [],
    resolvedRisks: [],
    incomes: [],
  }),
  states: {
    idle: { on: { FLAG: { target: 'verifying', actions: 'addFlag' } } },
    verifying: {
      on: {
        FLAG: { actions: 'addFlag' },
        CONFIRM_RISK: {
          target: 'democraticReview',
          actions: assign(({ event }) => ({
            verification: {
              at: event.at,
              perCapitaIncomeCny: event.payload.perCapitaIncomeCny,
              hasLaborCapacity: event.payload.hasLaborCapacity,
              consentSigned: event.payload.consentSigned,
            },
            confirmedRisks: event.payload.riskTypes,
            ...(event.payload.householdHead ? { householdHead: event.payload.householdHead } : {}),
          })),
        },
        REJECT_RISK: { target: 'closedNoRisk', actions: assign({ closedReason: ({ event }) => event.payload.reason }) },
      },
    },
    democraticReview: {
      on: {
        FLAG: { actions: 'addFlag' },
        REVIEW_PASSED: {
          target: 'publicNotice',
          actions: assign(({ context, event }) => ({
            reviews: [
              ...context.reviews,
              { at: event.at, passed: true, meetingOn: event.payload.meetingOn, attendees: event.payload.attendees },
            ],
            noticeStartedAt: event.at,
          })),
        },
        REVIEW_FAILED: {
          target: 'closedNoRisk',
          actions: assign(({ context, event }) => ({
            reviews: [...context.reviews, { at: event.at, passed: false, reason: event.payload.reason }],
            closedReason: event.payload.reason,
          })),
        },
      },
    },
    publicNotice: {
      on: {
        FLAG: { actions: 'addFlag' },
        OBJECTION: {
          target: 'democraticReview',
          actions: assign({
            objections: ({ context, event }) => [
              ...context.objections,
              { at: event.at, content: event.payload.content },
            ],
          }),
        },
        NOTICE_COMPLETED: { target: 'townshipReview', guard: 'noticeLongEnough' },
      },
    },
    townshipReview: {
      on: {
        FLAG: { actions: 'addFlag' },
        TOWNSHIP_APPROVE: 'countyApproval',
        TOWNSHIP_RETURN: 'verifying',
      },
    },
    countyApproval: {
      on: {
        FLAG: { actions: 'addFlag' },
        COUNTY_APPROVE: { target: 'assisting', actions: assign({ category: ({ event }) => event.payload.category }) },
        COUNTY_REJECT: {
          target: 'closedNoRisk',
          actions: assign({ closedReason: ({ event }) => event.payload.reason }),
        },
      },
    },
    assisting: {
      on: {
        FLAG: {
          actions: assign(({ context, event }) => ({
            flags: [...context.flags, flagRecord(event)],
            confirmedRisks: union(context.confirmedRisks, event.payload.riskTypes),
          })),
        },
        ADD_MEASURE: {
          guard: 'confirmedRisk',
          actions: assign({
            measures: ({ context, event }) => [
              ...context.measures,
              {
                riskType: event.payload.riskType,
                measure: event.payload.measure,
                unit: event.payload.unit,
                developmental: event.payload.developmental ?? isDevelopmental(event.payload.measure),
                at: event.at,
                cycle: context.cycle,
              },
            ],
          }),
        },
        RESOLVE_RISK: {
          guard: 'confirmedRisk',
          actions: assign({
            resolvedRisks: ({ context, event }) => union(context.resolvedRisks, [event.payload.riskType]),
          }),
        },
        RECORD_INCOME: {
          actions: assign({
            incomes: ({ context, event }) => [
              ...context.incomes.filter((r) => r.month !== event.payload.month),
              { month: event.payload.month, perCapitaIncomeCny: event.payload.perCapitaIncomeCny },
            ],
          }),
        },
        PROPOSE_ELIMINATION: {
          target: 'eliminationReview',
          guard: 'eliminable',
          actions: assign({ eliminationNoticeStartedAt: ({ event }) => event.at }),
        },
      },
    },
    eliminationReview: {
      on: { ELIMINATION_NOTICE_COMPLETED: { target: 'eliminationApproval', guard: 'eliminationNoticeLongEnough' } },
    },
    eliminationApproval: {
      on: {
        ELIMINATION_APPROVE: {
          target: 'riskEliminated',
          actions: assign({ eliminatedOn: ({ event }) => localDate(event.at) }),
        },
        ELIMINATION_REJECT: 'assisting',
      },
    },
    riskEliminated: {
      on: {
        FLAG: {
          target: 'verifying',
          actions: [
            assign(({ context }) => ({
              cycle: context.cycle + 1,
              flaggedRisks: [],
              confirmedRisks: [],
              resolvedRisks: [],
              verification: undefined,
              noticeStartedAt: undefined,
              eliminationNoticeStartedAt: undefined,
            })),
            'addFlag',
          ],
        },
      },
    },
    closedNoRisk: { type: 'final' },
  },
});

const cadre = [{ role: 'village-cadre' }] as const;
const committee = [{ role: 'village-committee' }] as const;
const official = [{ role: 'township-official' }] as const;
const county = [{ role: 'county-approver' }] as const;
const p = povertyMonitoringPayloads;

/** States in which identification (识别) is under way, until county approval. */
const IDENTIFICATION = ['verifying', 'democraticReview', 'publicNotice', 'townshipReview', 'countyApproval'];

/** The `poverty-monitoring` workflow: machine, role table, deadlines. */
export const povertyMonitoringWorkflow: WorkflowDefinition = {
  type: 'poverty-monitoring',
  name: changjiangText(changjiangMessage('poverty-monitoring.name', {})),
  version: 1,
  machine: povertyMonitoringMachine,
  startEvent: 'FLAG',
  events: {
    FLAG: {
      payload: p.FLAG,
      grants: [
        { role: 'household', relation: 'own-household', payload: { channel: 'self-declaration' } },
        { role: 'village-cadre' },
        { role: 'department' },
      ],
    },
    CONFIRM_RISK: { payload: p.CONFIRM_RISK, grants: cadre },
    REJECT_RISK: { payload: p.REJECT_RISK, grants: cadre },
    REVIEW_PASSED: { payload: p.REVIEW_PASSED, grants: committee },
    REVIEW_FAILED: { payload: p.REVIEW_FAILED, grants: committee },
    OBJECTION: { payload: p.OBJECTION, grants: committee },
    NOTICE_COMPLETED: { payload: p.NOTICE_COMPLETED, grants: committee },
    TOWNSHIP_APPROVE: { payload: p.TOWNSHIP_APPROVE, grants: official },
    TOWNSHIP_RETURN: { payload: p.TOWNSHIP_RETURN, grants: official },
    COUNTY_APPROVE: { payload: p.COUNTY_APPROVE, grants: county },
    COUNTY_REJECT: { payload: p.COUNTY_REJECT, grants: county },
    ADD_MEASURE: { payload: p.ADD_MEASURE, grants: [{ role: 'village-cadre' }, { role: 'township-official' }] },
    RESOLVE_RISK: { payload: p.RESOLVE_RISK, grants: cadre },
    RECORD_INCOME: { payload: p.RECORD_INCOME, grants: cadre },
    PROPOSE_ELIMINATION: { payload: p.PROPOSE_ELIMINATION, grants: cadre },
    ELIMINATION_NOTICE_COMPLETED: { payload: p.ELIMINATION_NOTICE_COMPLETED, grants: committee },
    ELIMINATION_APPROVE: { payload: p.ELIMINATION_APPROVE, grants: county },
    ELIMINATION_REJECT: { payload: p.ELIMINATION_REJECT, grants: county },
  },
  parameters: ['monitoring.noticeMinDays', 'monitoring.eliminationStableMonths', 'monitoring.incomeThreshold'],
  deadlines: [
    {
      id: 'identification',
      name: changjiangText(changjiangMessage('poverty-monitoring.deadline.identification', {})),
      states: IDENTIFICATION,
      due: ({ today, parameter }) => addDays(today, Number(parameter('monitoring.identificationMaxDays'))),
      escalateTo: (plan) => leadUnitOf(plan, '4.2'),
    },
  ],
  blockers: {
    NOTICE_COMPLETED: blocker((c: PovertyMonitoringContext, e: MachineEvent) => noticeBlockers(c.noticeStartedAt, e)),
    ELIMINATION_NOTICE_COMPLETED: blocker((c: PovertyMonitoringContext, e: MachineEvent) =>
      noticeBlockers(c.eliminationNoticeStartedAt, e),
    ),
    PROPOSE_ELIMINATION: blocker(eliminationBlockers),
    ADD_MEASURE: blocker(assistingBlockers),
    RESOLVE_RISK: blocker(assistingBlockers),
  },
  words: CHANGJIANG_WORDS,
  effects: (_from, to, context) => {
    const c = context as unknown as PovertyMonitoringContext;
    if (to === 'riskEliminated')
      return [{ type: 'risk-eliminated', data: { household: c.household, on: c.eliminatedOn } }];
    if (_from === 'countyApproval' && to === 'assisting') {
      return [
        {
          type: 'monitoring-identified',
          data: { household: c.household, category: c.category, risks: c.confirmedRisks },
        },
      ];
    }
    return [];
  },
  onePerSubject: true,
  householdSubject: 'required',
  // Those who verify, review, approve and assist the household, and the household itself.
  personalReaders: [
    { role: 'village-cadre' },
    { role: 'village-committee' },
    { role: 'township-official' },
    { role: 'county-approver' },
    { role: 'household', relation: 'own-household' },
  ],
  settles: monitoringFacts,
  startedByScreening: screeningFlag,
  publicNotice: publicNoticeView,
};
