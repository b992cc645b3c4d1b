/**
 * `rectification` — rectification of problems (问题整改, clauses 3.4, 4.3): problem toilets from
 * the survey (摸排), complaints through the maintenance platform (万村码上通: 投诉 → 反馈 → 整改 →
 * 监督) and findings of supervision (监督检查).
 */
import { assign, setup } from 'xstate';
import { z } from 'zod';
import { refineWith } from '../../../model/localized-issue.js';
import type { Message } from '../../../model/message.js';
import { IsoDateSchema } from '../../../model/schema.js';
import { addDays, localDate } from '../../../workflows/calendar.js';
import { leadUnitOf } from '../../../workflows/units.js';
import { blocker, type MachineEvent, type WorkflowDefinition } from '../../../workflows/types.js';
import { rectificationFacts } from './facts.js';
import { CHANGJIANG_WORDS, changjiangText } from './locales/index.js';
import { changjiangMessage } from './locales/messages.js';
import { targetReport } from './starts.js';

export interface RectificationContext {
  source?: 'complaint' | 'survey' | 'inspection';
  category?: 'toilet-quality' | 'toilet-technical' | 'environment' | 'other';
  description?: string;
  /** The principal id of the reporter (反映人), who gets feedback and may rate. */
  reporter?: string;
  track?: 'immediate' | 'planned';
  assigneeUnit?: string;
  milestones?: { name: string; dueOn: string }[];
  finalDueOn?: string;
  evidence: { at: string; evidence: string[]; note: string }[];
  reworkCount: number;
  ratings: { at: string; satisfied: boolean }[];
  /** Whether the current closing has been rated. */
  rated: boolean;
  dismissReason?: string;
  /** A case opened for a target not met: the rule, its clause and the year. */
  target?: { ruleId: string; clause: string; year: number };
}

const text = z.string().trim().min(1);

export const rectificationPayloads = {
  REPORT: z
    .object({
      source: z.enum(['complaint', 'survey', 'inspection']),
      category: z.enum(['toilet-quality', 'toilet-technical', 'environment', 'other']),
      description: text,
      reporter: text.optional(),
      /** A case opened for a target not met (未达标): the rule, its clause and the year. */
      target: z
        .object({ ruleId: text, clause: text, year: z.number().int().min(2000).max(2100) })
        .strict()
        .optional(),
    })
    .strict(),
  ACCEPT: z.object({ assigneeUnit: text, track: z.enum(['immediate', 'planned']) }).strict(),
  DISMISS: z.object({ reason: text }).strict(),
  SUBMIT_ROADMAP: z
    .object({
      milestones: z.array(z.object({ name: text, dueOn: IsoDateSchema }).strict()).min(1),
      finalDueOn: IsoDateSchema,
    })
    .strict()
    .superRefine(
      refineWith(
        (r: { milestones: { dueOn: string }[]; finalDueOn: string }) =>
          r.milestones.every((m) => m.dueOn <= r.finalDueOn)
            ? undefined
            : changjiangMessage('rectification.milestone-after-final', {}),
        [CHANGJIANG_WORDS.en],
        ['milestones'],
      ),
    ),
  SUBMIT_EVIDENCE: z.object({ evidence: z.array(text).min(1), note: z.string() }).strict(),
  VERIFY_PASS: z.object({ note: z.string().optional() }).strict(),
  VERIFY_FAIL: z.object({ reason: text }).strict(),
  RATE: z.object({ satisfied: z.boolean(), comment: z.string().optional() }).strict(),
};

type Payloads = { [K in keyof typeof rectificationPayloads]: z.infer<(typeof rectificationPayloads)[K]> };
export type RectificationEvent = { [K in keyof Payloads]: MachineEvent<K, Payloads[K]> }[keyof Payloads];
type Ev<K extends keyof Payloads> = MachineEvent<K, Payloads[K]>;

/** A roadmap cannot end in the past. */
function roadmapBlockers(_context: RectificationContext, event: Ev<'SUBMIT_ROADMAP'>): Message[] {
  const today = localDate(event.at);
  if (event.payload.finalDueOn >= today) return [];
  return [changjiangMessage('rectification.final-due-passed', { finalDueOn: event.payload.finalDueOn, today })];
}

/** A closed case is rated once per closing. */
function ratingBlockers(context: RectificationContext): Message[] {
  return context.rated ? [changjiangMessage('rectification.already-rated', {})] : [];
}

export const rectificationMachine = setup({
  types: {
    context: {} as RectificationContext,
    events: {} as RectificationEvent,
    input: {} as { village: string },
  },
  guards: {
    immediate: ({ event }) => (event as Ev<'ACCEPT'>).payload.track === 'immediate',
    roadmapAhead: ({ context, event }) => roadmapBlockers(context, event as Ev<'SUBMIT_ROADMAP'>).length === 0,
    satisfied: ({ context, event }) => ratingBlockers(context).length === 0 && (event as Ev<'RATE'>).payload.satisfied,
    notRated: ({ context }) => ratingBlockers(context).length === 0,
  },
  actions: {
    rate: assign({
      ratings: ({ context, event }) => [
        ...context.ratings,
        { at: event.at, satisfied: (event as Ev<'RATE'>).payload.satisfied },
      ],
      rated: true,
    }),
  },
}).createMachine({
  id: 'rectification',
  initial: 'idle',
  context: {
    evidence: [],
    reworkCount: 0,
    ratings: [],
    rated: false,
  },
  states: {
    idle: {
      on: {
        REPORT: {
          target: 'reported',
          actions: assign(({ event }) => ({
            source: event.payload.source,
            category: event.payload.category,
            description: event.payload.description,
            reporter: event.payload.reporter ?? event.actor.id,
            ...(event.payload.target ? { target: event.payload.target } : {}),
          })),
        },
      },
    },
    reported: {
      on: {
        ACCEPT: [
          {
            guard: 'immediate',
            target: 'rectifying',
            actions: assign({ assigneeUnit: ({ event }) => event.payload.assigneeUnit, track: 'immediate' }),
          },
          {
            target: 'roadmap',
            actions: assign({ assigneeUnit: ({ event }) => event.payload.assigneeUnit, track: 'planned' }),
          },
        ],
        DISMISS: { target: 'dismissed', actions: assign({ dismissReason: ({ event }) => event.payload.reason }) },
      },
    },
    roadmap: {
      on: {
        SUBMIT_ROADMAP: {
          target: 'rectifying',
          guard: 'roadmapAhead',
          actions: assign({
            milestones: ({ event }) => event.payload.milestones,
            finalDueOn: ({ event }) => event.payload.finalDueOn,
          }),
        },
      },
    },
    rectifying: {
      on: {
        SUBMIT_EVIDENCE: {
          target: 'verifying',
          actions: assign({
            evidence: ({ context, event }) => [
              ...context.evidence,
              { at: event.at, evidence: event.payload.evidence, note: event.payload.note },
            ],
          }),
        },
      },
    },
    verifying: {
      on: {
        VERIFY_PASS: { target: 'closed', actions: assign({ rated: false }) },
        VERIFY_FAIL: {
          target: 'rectifying',
          actions: assign({ reworkCount: ({ context }) => context.reworkCount + 1 }),
        },
      },
    },
    closed: {
      on: {
        RATE: [
          { guard: 'satisfied', target: 'closed', actions: 'rate' },
          { guard: 'notRated', target: 'rectifying', actions: 'rate' },
        ],
      },
    },
    dismissed: { type: 'final' },
  },
});

const official = [{ role: 'township-official' }] as const;
const assignee = [{ relation: 'assignee' }] as const;
const supervisor = [{ role: 'supervisor' }] as const;

/** The `rectification` workflow: machine, role table, deadlines. */
export const rectificationWorkflow: WorkflowDefinition = {
  type: 'rectification',
  name: changjiangText(changjiangMessage('rectification.name', {})),
  version: 1,
  machine: rectificationMachine,
  startEvent: 'REPORT',
  events: {
    REPORT: { payload: rectificationPayloads.REPORT, grants: [{ relation: 'tenant-member' }] },
    ACCEPT: { payload: rectificationPayloads.ACCEPT, grants: official },
    DISMISS: { payload: rectificationPayloads.DISMISS, grants: official },
    SUBMIT_ROADMAP: { payload: rectificationPayloads.SUBMIT_ROADMAP, grants: assignee },
    SUBMIT_EVIDENCE: { payload: rectificationPayloads.SUBMIT_EVIDENCE, grants: assignee },
    VERIFY_PASS: { payload: rectificationPayloads.VERIFY_PASS, grants: supervisor },
    VERIFY_FAIL: { payload: rectificationPayloads.VERIFY_FAIL, grants: supervisor },
    RATE: { payload: rectificationPayloads.RATE, grants: [{ relation: 'reporter' }] },
  },
  parameters: [],
  deadlines: [
    {
      id: 'accept',
      name: changjiangText(changjiangMessage('rectification.deadline.accept', {})),
      states: ['reported'],
      due: ({ today, parameter }) => addDays(today, Number(parameter('rectification.acceptMaxDays'))),
      escalateTo: (plan) => leadUnitOf(plan, '4.3'),
    },
    {
      id: 'rectify',
      name: changjiangText(changjiangMessage('rectification.deadline.rectify', {})),
      states: ['rectifying'],
      due: ({ context, today, parameter }) => {
        const c = context as unknown as RectificationContext;
        if (c.track === 'planned') return c.finalDueOn;
        const due = addDays(today, Number(parameter('rectification.immediateMaxDays')));
        const toiletDeadline = String(parameter('deadline.qualityToiletRectification'));
        return c.category === 'toilet-quality' && toiletDeadline >= today && toiletDeadline < due
          ? toiletDeadline
          : due;
      },
      escalateTo: (plan) => leadUnitOf(plan, '3.4'),
    },
    {
      id: 'verify',
      name: changjiangText(changjiangMessage('rectification.deadline.verify', {})),
      states: ['verifying'],
      due: ({ today, parameter }) => addDays(today, Number(parameter('rectification.verifyMaxDays'))),
      escalateTo: (plan) => leadUnitOf(plan, '4.3'),
    },
  ],
  blockers: { SUBMIT_ROADMAP: blocker(roadmapBlockers), RATE: blocker(ratingBlockers) },
  words: CHANGJIANG_WORDS,
  effects: (from, to, context) => {
    const c = context as unknown as RectificationContext;
    if (to === 'dismissed') return [{ type: 'feedback', data: { to: c.reporter, reason: c.dismissReason } }];
    if (from === 'verifying' && to === 'closed') return [{ type: 'feedback', data: { to: c.reporter, closed: true } }];
    return [];
  },
  onePerSubject: false,
  householdSubject: 'optional',
  settles: rectificationFacts,
  openedForTarget: targetReport,
};
