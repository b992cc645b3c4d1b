/**
 * Example County's own procedure (示例县自有流程, FICTIONAL): an industry project application
 * (产业项目申报). A village committee submits a project, the township reviews it, the county
 * approves or rejects it. It shows how a code plugin adds a workflow of its own.
 */
import { assign, setup } from 'xstate';
import { z } from 'zod';
import type { MachineEvent, WorkflowDefinition } from '@ruralkit/core';

export interface IndustryProjectContext {
  village: string;
  project?: string;
  budgetCny?: number;
  townshipOpinion?: string;
  decidedOn?: string;
  reason?: string;
}

const text = z.string().trim().min(1).max(500);
const payloads = {
  SUBMIT: z.object({ project: text, budgetCny: z.number().nonnegative() }).strict(),
  TOWNSHIP_REVIEW: z.object({ opinion: text }).strict(),
  APPROVE: z.object({}).strict(),
  REJECT: z.object({ reason: text }).strict(),
};
type Payloads = { [K in keyof typeof payloads]: z.infer<(typeof payloads)[K]> };
type IndustryProjectEvent = { [K in keyof Payloads]: MachineEvent<K, Payloads[K]> }[keyof Payloads];

export const industryProjectMachine = setup({
  types: {
    context: {} as IndustryProjectContext,
    events: {} as IndustryProjectEvent,
    input: {} as { village: string },
  },
}).createMachine({
  id: 'industry-project',
  initial: 'idle',
  context: ({ input }: { input?: { village: string } }) => ({ village: input?.village ?? '' }),
  states: {
    idle: {
      on: {
        SUBMIT: {
          target: 'submitted',
          actions: assign({
            project: ({ event }) => event.payload.project,
            budgetCny: ({ event }) => event.payload.budgetCny,
          }),
        },
      },
    },
    submitted: {
      on: {
        TOWNSHIP_REVIEW: {
          target: 'townshipReviewed',
          actions: assign({ townshipOpinion: ({ event }) => event.payload.opinion }),
        },
      },
    },
    townshipReviewed: {
      on: {
        APPROVE: { target: 'approved', actions: assign({ decidedOn: ({ event }) => event.at.slice(0, 10) }) },
        REJECT: {
          target: 'rejected',
          actions: assign({
            decidedOn: ({ event }) => event.at.slice(0, 10),
            reason: ({ event }) => event.payload.reason,
          }),
        },
      },
    },
    approved: { type: 'final' },
    rejected: { type: 'final' },
  },
});

const county = [{ role: 'county-approver' as const }];

/** The industry project application (产业项目申报) as a workflow definition. */
export const industryProjectWorkflow: WorkflowDefinition = {
  type: 'industry-project',
  name: { zh: '产业项目申报', en: 'Industry project application' },
  version: 1,
  machine: industryProjectMachine,
  startEvent: 'SUBMIT',
  events: {
    SUBMIT: { payload: payloads.SUBMIT, grants: [{ role: 'village-committee' }] },
    TOWNSHIP_REVIEW: { payload: payloads.TOWNSHIP_REVIEW, grants: [{ role: 'township-official' }] },
    APPROVE: { payload: payloads.APPROVE, grants: county },
    REJECT: { payload: payloads.REJECT, grants: county },
  },
  parameters: [],
  deadlines: [],
  blockers: {},
  effects: (_from, to, context) =>
    to === 'approved'
      ? [{ type: 'project-approved', data: { village: context.village, project: context.project } }]
      : [],
  onePerSubject: false,
  householdSubject: 'none',
};
