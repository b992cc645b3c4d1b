// Every state and every transition of each machine is reached by a path generated with
// xstate/graph, and every event the tables do not allow in a state is refused there.
import { describe, expect, it } from 'vitest';
import { getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import {
  assign,
  createActor,
  createMachine,
  fromPromise,
  initialTransition,
  transition,
  type AnyMachineSnapshot,
} from 'xstate';
import { workflowsFor, type MachineEvent } from '../../src/index.js';
import { machineStep } from '../../src/workflows/machine-step.js';
import { PATHS, plan, type WorkflowType } from './fixtures.js';

const PARAMETERS = {
  'planning.consultationMinDays': 30,
  'monitoring.noticeMinDays': 5,
  'monitoring.eliminationStableMonths': 6,
  'monitoring.incomeThreshold': 6000,
};
const EARLY = '2022-01-01T01:00:00Z';
const LATE = '2022-03-01T01:00:00Z';

/** Sample events: every step of the happy path, plus the branches off it. */
function samples(type: WorkflowType): MachineEvent[] {
  const extra: Record<WorkflowType, [string, unknown][]> = {
    'village-plan': [
      ['RECORD_VOTE', { attendees: 10, inFavour: 5 }],
      ['REQUEST_CHANGES', { reasons: ['用地布局需调整'] }],
    ],
    rectification: [
      ['ACCEPT', { assigneeUnit: 'agri-water', track: 'immediate' }],
      ['DISMISS', { reason: '不属实' }],
      ['VERIFY_FAIL', { reason: '仍漏水' }],
      ['RATE', { satisfied: false }],
    ],
    'poverty-monitoring': [
      ['REJECT_RISK', { reason: '收入达标' }],
      ['REVIEW_FAILED', { reason: '评议未通过' }],
      ['OBJECTION', { content: '有异议' }],
      ['TOWNSHIP_RETURN', { reason: '材料不全' }],
      ['COUNTY_REJECT', { reason: '不符合' }],
      ['ELIMINATION_REJECT', { reason: '收入不稳' }],
    ],
  };
  const steps = PATHS[type].steps.map((s) => [s.event, s.payload ?? {}] as [string, unknown]);
  return [...steps, ...extra[type]].map(([event, payload], i) => ({
    type: event,
    payload,
    actor: PATHS[type].steps[0]!.actor,
    // guards on elapsed days pass for the events sent "late"
    at: ['CLOSE_CONSULTATION', 'NOTICE_COMPLETED', 'ELIMINATION_NOTICE_COMPLETED'].includes(event)
      ? LATE
      : i === 0 || event === 'SUBMIT_ROADMAP'
        ? '2021-01-01T01:00:00Z'
        : EARLY,
    parameters: PARAMETERS,
  }));
}

/** States told apart by value and by what their guards read, bounded. */
function serialize(state: unknown): string {
  const snapshot = state as AnyMachineSnapshot;
  const c = snapshot.context as Record<string, unknown[] | number | boolean>;
  const n = (key: string, cap: number) => Math.min(Array.isArray(c[key]) ? (c[key] as unknown[]).length : 0, cap);
  return JSON.stringify([snapshot.value, n('measures', 1), n('resolvedRisks', 1), n('incomes', 6), c.rated ?? null]);
}

for (const type of ['village-plan', 'rectification', 'poverty-monitoring'] as const) {
  describe(`${type} machine`, () => {
    const definition = workflowsFor(plan).definitionOf(type);
    const machine = definition.machine;
    const events = samples(type);
    const input = { village: 'v', household: 'h' };
    const paths = getShortestPaths(machine, {
      events,
      input,
      serializeState: serialize,
    } as never);
    const states = Object.keys(machine.states);

    it('reaches every state', () => {
      const reached = new Set(paths.map((p) => String((p.state as AnyMachineSnapshot).value)));
      expect([...reached].sort()).toEqual([...states].sort());
    });

    it('takes every transition of the table', () => {
      // every edge of the reachable graph: the shortest paths plus the edges between their states
      const taken = new Set<string>();
      const graph = getAdjacencyMap(machine, { events, input, serializeState: serialize } as never);
      for (const { state, transitions } of Object.values(graph)) {
        for (const { event, state: next } of Object.values(transitions) as { event: unknown; state: unknown }[]) {
          const before = String((state as AnyMachineSnapshot).value);
          const after = String((next as AnyMachineSnapshot).value);
          if (before !== after || (next as AnyMachineSnapshot).context !== (state as AnyMachineSnapshot).context) {
            taken.add(`${before} -${(event as MachineEvent).type}-> ${after}`);
          }
        }
      }
      // every (state, event, target) in the machine's configuration
      const expected = new Set<string>();
      for (const [name, node] of Object.entries(machine.states)) {
        for (const [event, transitions] of node.transitions) {
          for (const t of transitions) {
            const target = t.target?.[0]?.key ?? name;
            expected.add(`${name} -${event}-> ${target}`);
          }
        }
      }
      const missing = [...expected].filter((t) => !taken.has(t));
      expect(missing).toEqual([]);
      expect(expected.size).toBeGreaterThan(states.length - 2);
    });

    it('refuses every event the table does not allow in each state', () => {
      let checked = 0;
      for (const path of paths) {
        const snapshot = path.state as AnyMachineSnapshot;
        const state = String(snapshot.value);
        const allowed = new Set(machine.states[state]!.ownEvents);
        for (const event of events.filter((e) => !allowed.has(e.type))) {
          expect(snapshot.can(event as never), `${state} accepted ${event.type}`).toBe(false);
          const [after] = transition(machine, snapshot, event as never);
          expect(after.value).toBe(snapshot.value);
          expect(after.context).toEqual(snapshot.context);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(states.length);
    });

    it("steps as XState's own transition does, from every reached state on every event", () => {
      let stepped = 0;
      const graph = getAdjacencyMap(machine, { events, input, serializeState: serialize } as never);
      for (const { state } of Object.values(graph)) {
        const snapshot = state as AnyMachineSnapshot;
        for (const event of events) {
          const [expected] = transition(machine, snapshot, event as never);
          const next = machineStep(machine, snapshot, event);
          expect(next === snapshot).toBe(expected === snapshot);
          expect([next.value, next.status, next.context]).toEqual([expected.value, expected.status, expected.context]);
          stepped += 1;
        }
      }
      expect(stepped).toBeGreaterThanOrEqual(states.length * events.length);
    });

    it('starts in idle and only leaves it with its start event', () => {
      const [idle] = initialTransition(machine, input as never);
      expect(idle.value).toBe('idle');
      expect(machine.states.idle!.ownEvents).toEqual([definition.startEvent]);
    });

    it('builds its context without input, as XState does for every pure transition', () => {
      // A context that throws here costs a caught exception and a stack trace on every event.
      const throwaway = createActor(machine);
      expect(throwaway.getSnapshot().status).toBe('active');
    });
  });
}

describe('a machine step', () => {
  it('gives each step a fresh actor system: what one step spawns never meets the next', () => {
    const machine = createMachine({
      initial: 'waiting',
      context: { checks: 0 } as { checks: number; job?: unknown },
      states: {
        waiting: {
          on: {
            CHECK: {
              target: 'checking',
              actions: assign({
                checks: ({ context }) => context.checks + 1,
                job: ({ spawn }) =>
                  spawn(
                    fromPromise(async () => 1),
                    { systemId: 'job' },
                  ),
              }),
            },
          },
        },
        checking: { on: { DONE: 'waiting' } },
      },
    });
    let snapshot = initialTransition(machine)[0] as AnyMachineSnapshot;
    for (let i = 0; i < 3; i += 1) {
      snapshot = machineStep(machine, snapshot, { type: 'CHECK' });
      expect(snapshot.value).toBe('checking');
      snapshot = machineStep(machine, snapshot, { type: 'DONE' });
    }
    expect(snapshot.context.checks).toBe(3);
  });
});
