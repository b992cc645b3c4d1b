// What the runtime puts in domain events, run through the relay's conversion: every effect of
// every workflow, with a context whose every field is a name and a phone number, goes out
// without them. The runtime's own events (started, transitioned, overdue, migrated) carry codes.
import { getPlan, workflowsFor, type DomainEvent, type OutboxEntry } from '@ruralkit/core';
import { expect, it } from 'vitest';
import { toCloudEvent } from '../src/index.js';

const NAME = '张三';
const PHONE = '13800138000';
/** A context whose every field holds personal values. */
const personal = new Proxy({} as Record<string, unknown>, {
  get: (_, key) => (typeof key === 'string' ? `${NAME} ${PHONE}` : undefined),
});

const entry = (workflow: string, type: string, data: Record<string, unknown>): OutboxEntry => ({
  id: 1,
  type,
  instanceId: 'i-1',
  workflow: workflow as DomainEvent['workflow'],
  tenant: 'changjiang',
  subject: { township: 'nianyushan', village: 'liuyang', household: PHONE },
  at: '2025-01-01T00:00:00.000Z',
  data,
});

it('withholds every personal value the workflows put in their domain events', () => {
  let effects = 0;
  for (const definition of workflowsFor(getPlan('changjiang-2021')).definitions) {
    const { type } = definition;
    const states = Object.keys((definition.machine.config as { states?: object }).states ?? {});
    for (const from of states) {
      for (const to of states) {
        for (const effect of definition.effects(from, to, personal, { type: 'X' } as never)) {
          effects += 1;
          const body = toCloudEvent(entry(type, effect.type, effect.data)).body;
          expect(body, `${type} ${from}→${to} ${effect.type}`).not.toContain(NAME);
          expect(body).not.toContain(PHONE);
          expect(JSON.parse(body).data.withheld.length).toBeGreaterThan(0);
        }
      }
    }
  }
  expect(effects).toBeGreaterThanOrEqual(5); // each workflow's effects were reached
});

it("keeps the codes of the runtime's own events", () => {
  const started = JSON.parse(
    toCloudEvent(entry('rectification', 'started', { event: 'REPORT', from: null, to: 'received' })).body,
  );
  expect(started.data).toMatchObject({ event: 'REPORT', from: null, to: 'received' });
  const overdue = JSON.parse(
    toCloudEvent(
      entry('rectification', 'overdue', {
        deadline: 'roadmap',
        name: '整改方案提交期限',
        due: '2025-02-01T00:00:00.000Z',
        state: 'planning',
        escalateTo: 'organization-department',
      }),
    ).body,
  );
  expect(overdue.data).toMatchObject({ deadline: 'roadmap', due: '2025-02-01T00:00:00.000Z', state: 'planning' });
  expect(overdue.data.withheld).toEqual(['name', 'subject.household']);
});
