/**
 * `village-plan` — village planning (村庄规划编制, clause 3.1): the township drafts, villagers are
 * consulted and vote (Urban and Rural Planning Law art. 22), the district approves, the
 * township publishes.
 */
import { assign, setup } from 'xstate';
import { z } from 'zod';
import { refineWith } from '../../../model/localized-issue.js';
import type { Message } from '../../../model/message.js';
import { addWorkingDays, addDays, daysBetween, localDate } from '../../../workflows/calendar.js';
import { leadUnitOf } from '../../../workflows/units.js';
import { blocker, type MachineEvent, type WorkflowDefinition } from '../../../workflows/types.js';
import { villagePlanFacts } from './facts.js';
import { CHANGJIANG_WORDS, changjiangText } from './locales/index.js';
import { changjiangMessage } from './locales/messages.js';

/** A villagers' vote (村民表决) as recorded. */
export interface Vote {
  at: string;
  attendees: number;
  inFavour: number;
  passed: boolean;
}

export interface VillagePlanContext {
  village: string;
  draft?: string;
  consultationOpenedAt?: string;
  votes: Vote[];
  changeRequests: { at: string; reasons: string[] }[];
  approvedOn?: string;
  publishedOn?: string;
  publishedWhere?: string;
}

const text = z.string().trim().min(1);
const count = z.number().int().nonnegative();

export const villagePlanPayloads = {
  START: z.object({ note: z.string().optional() }).strict(),
  SUBMIT_DRAFT: z.object({ draft: text }).strict(),
  CLOSE_CONSULTATION: z.object({}).strict(),
  RECORD_VOTE: z
    .object({ attendees: count.min(1), inFavour: count })
    .strict()
    .superRefine(
      refineWith(
        (v: { attendees: number; inFavour: number }) =>
          v.inFavour <= v.attendees ? undefined : changjiangMessage('village-plan.in-favour-exceeds-attendees', {}),
        [CHANGJIANG_WORDS.en],
        ['inFavour'],
      ),
    ),
  SUBMIT_FOR_APPROVAL: z.object({}).strict(),
  APPROVE: z.object({ note: z.string().optional() }).strict(),
  REQUEST_CHANGES: z.object({ reasons: z.array(text).min(1) }).strict(),
  PUBLISH: z.object({ where: text }).strict(),
};

type Payloads = { [K in keyof typeof villagePlanPayloads]: z.infer<(typeof villagePlanPayloads)[K]> };
export type VillagePlanEvent = { [K in keyof Payloads]: MachineEvent<K, Payloads[K]> }[keyof Payloads];
type Ev<K extends keyof Payloads> = MachineEvent<K, Payloads[K]>;

/** CLOSE_CONSULTATION is refused before `planning.consultationMinDays` have passed. */
function consultationBlockers(context: VillagePlanContext, event: Ev<'CLOSE_CONSULTATION'>): Message[] {
  const minDays = Number(event.parameters['planning.consultationMinDays']);
  const opened = localDate(context.consultationOpenedAt ?? event.at);
  const days = daysBetween(opened, localDate(event.at));
  if (days >= minDays) return [];
  const earliest = addDays(opened, minDays);
  return [changjiangMessage('village-plan.consultation-too-short', { opened, days, minDays, earliest })];
}

export const villagePlanMachine = setup({
  types: {
    context: {} as VillagePlanContext,
    events: {} as VillagePlanEvent,
    input: {} as { village: string },
  },
  guards: {
    consultationLongEnough: ({ context, event }) =>
      consultationBlockers(context, event as Ev<'CLOSE_CONSULTATION'>).length === 0,
    majorityInFavour: ({ event }) => {
      const { attendees, inFavour } = (event as Ev<'RECORD_VOTE'>).payload;
      return inFavour * 2 > attendees;
    },
  },
  actions: {
    recordVote: assign({
      votes: ({ context, event }) => {
        const { attendees, inFavour } = (event as Ev<'RECORD_VOTE'>).payload;
        return [...context.votes, { at: event.at, attendees, inFavour, passed: inFavour * 2 > attendees }];
      },
    }),
  },
}).createMachine({
  id: 'village-plan',
  initial: 'idle',
  // No input on XState's throwaway actors (see poverty-monitoring): read it safely.
  context: ({ input }: { input?: { village: string } }) => ({
    village: input?.village ?? '',
    votes: [],
    changeRequests: [],
  }),
  states: {
    idle: { on: { START: 'drafting' } },
    drafting: {
      on: {
        SUBMIT_DRAFT: {
          target: 'consultation',
          actions: assign({
            draft: ({ event }) => event.payload.draft,
            consultationOpenedAt: ({ event }) => event.at,
          }),
        },
      },
    },
    consultation: { on: { CLOSE_CONSULTATION: { target: 'villagerVote', guard: 'consultationLongEnough' } } },
    villagerVote: {
      on: {
        RECORD_VOTE: [
          { target: 'townshipSubmission', guard: 'majorityInFavour', actions: 'recordVote' },
          { target: 'drafting', actions: 'recordVote' },
        ],
      },
    },
    townshipSubmission: { on: { SUBMIT_FOR_APPROVAL: 'districtReview' } },
    districtReview: {
      on: {
        APPROVE: { target: 'approved', actions: assign({ approvedOn: ({ event }) => localDate(event.at) }) },
        REQUEST_CHANGES: {
          target: 'drafting',
          actions: assign({
            changeRequests: ({ context, event }) => [
              ...context.changeRequests,
              { at: event.at, reasons: event.payload.reasons },
            ],
          }),
        },
      },
    },
    approved: {
      on: {
        PUBLISH: {
          target: 'published',
          actions: assign({
            publishedOn: ({ event }) => localDate(event.at),
            publishedWhere: ({ event }) => event.payload.where,
          }),
        },
      },
    },
    published: { type: 'final' },
  },
});

const official = [{ role: 'township-official' }] as const;

/** The `village-plan` workflow: machine, role table, deadlines. */
export const villagePlanWorkflow: WorkflowDefinition = {
  type: 'village-plan',
  name: changjiangText(changjiangMessage('village-plan.name', {})),
  version: 1,
  machine: villagePlanMachine,
  startEvent: 'START',
  events: {
    START: { payload: villagePlanPayloads.START, grants: official },
    SUBMIT_DRAFT: { payload: villagePlanPayloads.SUBMIT_DRAFT, grants: official },
    CLOSE_CONSULTATION: { payload: villagePlanPayloads.CLOSE_CONSULTATION, grants: official },
    RECORD_VOTE: { payload: villagePlanPayloads.RECORD_VOTE, grants: [{ role: 'village-committee' }] },
    SUBMIT_FOR_APPROVAL: { payload: villagePlanPayloads.SUBMIT_FOR_APPROVAL, grants: official },
    APPROVE: { payload: villagePlanPayloads.APPROVE, grants: [{ role: 'district-approver' }] },
    REQUEST_CHANGES: { payload: villagePlanPayloads.REQUEST_CHANGES, grants: [{ role: 'district-approver' }] },
    PUBLISH: { payload: villagePlanPayloads.PUBLISH, grants: official },
  },
  parameters: ['planning.consultationMinDays'],
  deadlines: [
    {
      id: 'approval',
      name: changjiangText(changjiangMessage('village-plan.deadline.approval', {})),
      states: ['drafting', 'consultation', 'villagerVote', 'townshipSubmission', 'districtReview'],
      due: ({ parameter }) => String(parameter('deadline.villagePlan')),
      escalateTo: (plan) => leadUnitOf(plan, '3.1'),
    },
    {
      id: 'review',
      name: changjiangText(changjiangMessage('village-plan.deadline.review', {})),
      states: ['districtReview'],
      due: ({ today, parameter }) => addDays(today, Number(parameter('planning.reviewMaxDays'))),
      escalateTo: (plan) => leadUnitOf(plan, '3.1'),
    },
    {
      id: 'publication',
      name: changjiangText(changjiangMessage('village-plan.deadline.publication', {})),
      states: ['approved'],
      due: ({ today, parameter, calendar }) =>
        addWorkingDays(calendar, today, Number(parameter('planning.publishMaxWorkingDays'))),
      escalateTo: (plan) => leadUnitOf(plan, '3.1'),
    },
  ],
  blockers: { CLOSE_CONSULTATION: blocker(consultationBlockers) },
  words: CHANGJIANG_WORDS,
  effects: (_from, to, context) => {
    if (to === 'approved') return [{ type: 'plan-approved', data: { villagePlanApprovedOn: context.approvedOn } }];
    if (to === 'published') return [{ type: 'plan-published', data: { where: context.publishedWhere } }];
    return [];
  },
  onePerSubject: false,
  householdSubject: 'none',
  settles: villagePlanFacts,
};
