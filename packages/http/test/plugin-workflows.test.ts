// A county plugin's own workflow, served beside the base plan: its type is in the OpenAPI enums,
// it starts under the county's plan, and its instances are read with that plan's runtime.
import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '@ruralkit/core';
import { ruralkit } from '@ruralkit/http';
import { base, county, official } from './county-plan.js';

async function service() {
  const app = Fastify();
  await app.register(ruralkit, {
    plans: [base, { key: 'county-a', plan: county }],
    store: createMemoryStore(),
    authenticate: async () => official,
  });
  return app;
}

describe("a county plugin's own workflow over HTTP", () => {
  it('is enumerated in the OpenAPI document after the plan’s workflows', async () => {
    const app = await service();
    const document = (await app.inject('/openapi.json')).json();
    const start = document.paths['/plans/{plan}/workflows/{type}'].post;
    const type = start.parameters.find((p: { name: string }) => p.name === 'type');
    expect(type.schema.enum).toEqual(['village-plan', 'rectification', 'poverty-monitoring', 'own-plan']);
    await app.close();
  });

  it('starts under the county’s plan only, and its instance reads, lists and answers its events', async () => {
    const app = await service();
    const body = { subject: { village: 'jianglian' }, event: { type: 'START' } };
    const refused = await app.inject({
      method: 'POST',
      url: '/plans/changjiang-2021/workflows/own-plan',
      payload: body,
    });
    expect(refused.json()).toMatchObject({ code: 'unknown-workflow' });
    const started = await app.inject({ method: 'POST', url: '/plans/county-a/workflows/own-plan', payload: body });
    expect(started.statusCode).toBe(201);
    const id = started.json().instanceId as string;
    const view = await app.inject(`/instances/${id}`);
    expect(view.json()).toMatchObject({ type: 'own-plan', state: 'drafting' });
    expect((await app.inject(`/instances/${id}/allowed-events`)).json().events).toContain('SUBMIT_DRAFT');
    const tasks = await app.inject('/tasks');
    expect(tasks.statusCode).toBe(200);
    await app.close();
  });
});
