/** Plan routes (方案): the plans served, the plan in force at a date, a plugin set's diff, the input schema. */
import {
  today,
  diffPlan,
  getPlan,
  inputJsonSchema,
  listPlans,
  planHash,
  planInForce,
  pluginSpecs,
  type Plan,
} from '@ruralkit/core';
import { httpMessage, httpText } from '../locales/index.js';
import { HttpProblem } from '../problem.js';
import { route, type RouteSpec } from '../route.js';
import {
  AtQuery,
  JsonSchemaSchema,
  PlanDiffSchema,
  PlanInForceSchema,
  PlanListSchema,
  PlanParams,
} from '../schemas.js';
import type { Service } from '../service.js';

/** The plan a resolved plan was built on: a built-in plan, or another served plan, by hash. */
function basePlanOf(service: Service, base: { id: string; hash: string }): Plan {
  const builtIn = listPlans().includes(base.id) ? getPlan(base.id) : undefined;
  if (builtIn && planHash(builtIn) === base.hash) return builtIn;
  const served = [...service.plans.values()].find((p) => p.hash === base.hash);
  if (served) return served.plan;
  throw new HttpProblem('not-found', httpText(httpMessage('title.base-plan-not-served', {})), {
    detail: httpText(httpMessage('plan.base', { id: base.id, hash: base.hash })),
  });
}

export function planRoutes(service: Service): RouteSpec[] {
  return [
    route({
      method: 'GET',
      url: '/plans',
      operationId: 'listPlans',
      summary: 'The plans served to your tenant, with their hashes and plugins',
      tag: 'plans',
      responses: { 200: { description: 'The plans', schema: PlanListSchema } },
      problems: [401],
      handler: ({ principal }) => ({
        plans: service.visiblePlans(principal).map((p) => ({
          key: p.key,
          id: p.plan.id,
          title: p.plan.title,
          docNo: p.plan.docNo,
          hash: p.hash,
          plugins: pluginSpecs(p.plan),
        })),
      }),
    }),
    route({
      method: 'GET',
      url: '/plans/:plan',
      operationId: 'getPlanInForce',
      summary: 'The plan in force at a date: rules, clauses, due dates, parameter values, who set each',
      tag: 'plans',
      params: PlanParams,
      query: AtQuery,
      responses: { 200: { description: 'The plan in force', schema: PlanInForceSchema } },
      problems: [400, 401, 404],
      handler: ({ principal, params, query }) =>
        planInForce(service.plan(params.plan, principal).plan, query.at ?? today()),
    }),
    route({
      method: 'GET',
      url: '/plans/:plan/diff',
      operationId: 'getPlanDiff',
      summary: "What the plan's county plugins change against the base plan, with reasons",
      tag: 'plans',
      params: PlanParams,
      responses: { 200: { description: 'The changes (none for a base plan)', schema: PlanDiffSchema } },
      problems: [401, 404],
      handler: ({ principal, params }) => {
        const { plan, hash } = service.plan(params.plan, principal);
        if (plan.plugins.length === 0) return { base: { id: plan.id, hash }, hash, plugins: [], changes: [] };
        return diffPlan(basePlanOf(service, plan.base), plan);
      },
    }),
    route({
      method: 'GET',
      url: '/plans/:plan/input-schema',
      operationId: 'getInputSchema',
      summary: "The JSON Schema of the plan's evaluation input (its plugins' indicators included)",
      tag: 'plans',
      params: PlanParams,
      responses: { 200: { description: 'A JSON Schema (draft 2020-12)', schema: JsonSchemaSchema } },
      problems: [401, 404],
      handler: ({ principal, params }) => inputJsonSchema(service.plan(params.plan, principal).plan),
    }),
  ];
}
