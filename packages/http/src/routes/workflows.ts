/**
 * Workflow routes (流程): start an instance, send an event (Idempotency-Key, If-Match), read its
 * state, the events the caller may send now, its history and public notice; tick deadlines and
 * verify the audit chain; search instances and list a principal's tasks (待办). The actor of every
 * event is the authenticated principal.
 */
import {
  historySaid,
  AuditVerificationSchema,
  PublicNoticeViewSchema,
  queryFromText,
  TransitionResultSchema,
  type EventInput,
  type Message,
  type Principal,
  type TransitionResult,
} from '@ruralkit/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { EVENT_EXAMPLE, INSTANCE_PAGE_EXAMPLE, START_EXAMPLE, TASK_PAGE_EXAMPLE } from '../examples.js';
import { httpMessage, httpText } from '../locales/index.js';
import { HttpProblem } from '../problem.js';
import { route, type RouteSpec } from '../route.js';
import {
  AllowedEventsSchema,
  EventBodySchema,
  HistorySchema,
  InstanceParams,
  StartBodySchema,
  TickResultSchema,
  workflowSchemas,
} from '../schemas.js';
import type { Service } from '../service.js';

const IDEMPOTENCY_KEY = 'Sending the same key again applies the event once and answers the first result';
const IF_MATCH = 'The instance version (its ETag) the event is meant for; 412 when the instance has moved on';
const ETAG = 'The instance version, for If-Match';

export function workflowRoutes(service: Service): RouteSpec[] {
  const { StartParams, InstanceSearchQuery, TaskListQuery, InstanceView, InstancePage, TaskPage } = workflowSchemas(
    service.workflowTypes,
  );
  return [
    route({
      method: 'POST',
      url: '/plans/:plan/workflows/:type',
      operationId: 'startWorkflow',
      summary: 'Start an instance of a workflow under a plan, for a village or a household',
      tag: 'workflows',
      params: StartParams,
      body: StartBodySchema,
      bodyExample: START_EXAMPLE,
      headers: { 'Idempotency-Key': IDEMPOTENCY_KEY },
      responses: {
        201: {
          description: 'Started (or the open instance of the subject took the event)',
          schema: TransitionResultSchema,
          headers: { ETag: ETAG, Location: 'The instance' },
        },
      },
      problems: [400, 401, 403, 404, 409, 413, 422, 429],
      handler: async ({ principal, params, body, request, reply }) => {
        const { runtime } = service.plan(params.plan, principal);
        const event = eventInput(body.event, principal, request);
        const result = await runtime.start(params.type, { tenant: principal.tenant, subject: body.subject, event });
        return answer(reply.code(201).header('location', `instances/${result.instanceId}`), result);
      },
    }),
    route({
      method: 'GET',
      url: '/instances',
      operationId: 'searchInstances',
      summary: "Search your tenant's instances within what your roles cover, by due date then id, a page at a time",
      description:
        'What you find is what your roles cover (可见范围): a supervisor or approver the tenant, a township official its township, a village committee or cadre its village, a department the instances assigned to its unit or escalating to it, a household its own case. Results are summaries — ids, states, deadlines, dates — never a context or a personal value. Sorted by the earliest deadline (undated last), then id; pass `next` as `cursor` for the following page (an instance unchanged meanwhile is neither repeated nor missed). With `counts=true`, `counts` gives the results of every page by state.',
      tag: 'workflows',
      query: InstanceSearchQuery,
      responses: {
        200: { description: 'A page of instances', schema: InstancePage, example: INSTANCE_PAGE_EXAMPLE },
      },
      problems: [400, 401, 429],
      handler: ({ principal, query }) =>
        service.forTenant(principal).search(
          principal,
          queryFromText({
            types: query.type,
            states: query.state,
            village: query.village,
            township: query.township,
            household: query.household,
            unit: query.unit,
            overdue: query.overdue,
            dueBefore: query.dueBefore,
            dueAfter: query.dueAfter,
            updatedSince: query.updatedSince,
            limit: query.limit,
            cursor: query.cursor,
            counts: query.counts,
          }),
        ),
    }),
    route({
      method: 'GET',
      url: '/tasks',
      operationId: 'listTasks',
      summary: 'Your task list (待办): instances where you may send an event now, and those escalated to your unit',
      description:
        'Active instances where the role table lets you send an event now (`events`, payload conditions aside), and the overdue ones whose deadline escalates to your unit (`escalated`: 督办), by due date then id, a page at a time. Read by the role table of the first plan served to your tenant.',
      tag: 'workflows',
      query: TaskListQuery,
      responses: { 200: { description: 'A page of tasks', schema: TaskPage, example: TASK_PAGE_EXAMPLE } },
      problems: [400, 401, 429],
      handler: ({ principal, query }) => {
        const { types, limit, cursor } = queryFromText({ types: query.type, limit: query.limit, cursor: query.cursor });
        return service.forTenant(principal).tasks(principal, {
          ...(types ? { types } : {}),
          ...(limit !== undefined ? { limit } : {}),
          ...(cursor !== undefined ? { cursor } : {}),
        });
      },
    }),
    route({
      method: 'GET',
      url: '/instances/:id',
      operationId: 'getInstance',
      summary: "An instance's state, context, deadlines and version (ETag)",
      description:
        'Personal fields of the context (个人信息: the household head, case notes, reasons, objections) are shown only to the roles that handle the case within their scope, and to the household itself; everyone else gets them masked (`[个人信息 personal data]`), and after erasure everyone gets `[已删除 erased]`.',
      tag: 'workflows',
      params: InstanceParams,
      responses: { 200: { description: 'The instance', schema: InstanceView, headers: { ETag: ETAG } } },
      problems: [401, 404],
      handler: async ({ principal, params, reply }) => {
        const { view } = await service.instance(params.id, principal);
        reply.header('etag', `"${view.version}"`);
        return view;
      },
    }),
    route({
      method: 'POST',
      url: '/instances/:id/events',
      operationId: 'sendEvent',
      summary: 'Send an event to an instance',
      description:
        'Refusals answer with every reason and the events allowed now (`allowedNow`). With If-Match, two clients sending against the same version get one 200 and one 412; with the same Idempotency-Key, the event is applied once and every repeat gets its stored response, whatever its If-Match says.',
      tag: 'workflows',
      params: InstanceParams,
      body: EventBodySchema,
      bodyExample: EVENT_EXAMPLE,
      headers: { 'Idempotency-Key': IDEMPOTENCY_KEY, 'If-Match': IF_MATCH },
      responses: {
        200: {
          description: 'Applied (or replayed: `duplicate`)',
          schema: TransitionResultSchema,
          headers: { ETag: ETAG },
        },
      },
      problems: [400, 401, 403, 404, 409, 412, 413, 422, 429],
      handler: async ({ principal, params, body, request, reply }) => {
        const runtime = await service.writerOf(params.id, principal);
        const event = eventInput(body, principal, request);
        const expectedVersion = ifMatch(request.headers['if-match']);
        // without If-Match, a send that loses a race is tried again by the runtime; with it, 412
        const result = await runtime.send(params.id, event, expectedVersion === undefined ? {} : { expectedVersion });
        return answer(reply, result);
      },
    }),
    route({
      method: 'GET',
      url: '/instances/:id/allowed-events',
      operationId: 'getAllowedEvents',
      summary: 'The events you may send now (payload conditions aside)',
      tag: 'workflows',
      params: InstanceParams,
      responses: { 200: { description: 'The events', schema: AllowedEventsSchema } },
      problems: [401, 404],
      handler: async ({ principal, params }) => {
        const { view, served } = await service.instance(params.id, principal);
        const events = await (served?.runtime ?? service.writer(view, served)).allowedEvents(view.id, principal);
        return { instanceId: view.id, state: view.state, events };
      },
    }),
    route({
      method: 'GET',
      url: '/instances/:id/history',
      operationId: 'getHistory',
      summary: "The instance's audit entries, accepted and refused, in chain order",
      tag: 'workflows',
      params: InstanceParams,
      responses: { 200: { description: 'The history', schema: HistorySchema } },
      problems: [401, 404],
      handler: async ({ principal, params }) => {
        const { view, served } = await service.instance(params.id, principal);
        const runtime = service.writer(view, served);
        return {
          instanceId: view.id,
          entries: historySaid(await runtime.history(view.id, { principal }), runtime.workflows),
        };
      },
    }),
    route({
      method: 'GET',
      url: '/instances/:id/public-notice',
      operationId: 'getPublicNotice',
      summary: 'The public notice (公示) of a poverty-monitoring instance: no personal data beyond a masked name',
      tag: 'workflows',
      params: InstanceParams,
      responses: { 200: { description: 'The notice', schema: PublicNoticeViewSchema } },
      problems: [401, 404],
      handler: async ({ principal, params }) => {
        const { view, served } = await service.instance(params.id, principal);
        return service.writer(view, served).publicNotice(view.id, { principal });
      },
    }),
    route({
      method: 'POST',
      url: '/workflows/tick',
      operationId: 'tick',
      summary: "Mark your tenant's passed deadlines overdue now (supervisor); answers their overdue notices",
      tag: 'workflows',
      responses: { 200: { description: 'The deadlines marked overdue', schema: TickResultSchema } },
      problems: [401, 403, 429],
      handler: async ({ principal }) => {
        requireSupervisor(principal, httpMessage('action.tick', {}));
        return { overdue: await service.maintenance.tick(undefined, { tenant: principal.tenant }) };
      },
    }),
    route({
      method: 'GET',
      url: '/audit/verify',
      operationId: 'verifyAudit',
      summary: "Verify your tenant's audit chain (supervisor): intact, or the first changed or missing entry",
      tag: 'workflows',
      responses: { 200: { description: 'The verification', schema: AuditVerificationSchema } },
      problems: [401, 403, 429],
      handler: ({ principal }) => {
        requireSupervisor(principal, httpMessage('action.verify-audit-chain', {}));
        return service.maintenance.verify(principal.tenant);
      },
    }),
  ];
}

function eventInput(
  body: { type: string; payload?: unknown },
  principal: Principal,
  request: FastifyRequest,
): EventInput {
  const key = request.headers['idempotency-key'];
  if (key !== undefined && (typeof key !== 'string' || !/^[\x21-\x7e]{1,200}$/.test(key))) {
    throw new HttpProblem('invalid-request', httpText(httpMessage('title.invalid-idempotency-key', {})), {
      detail: httpText(httpMessage('request.idempotency-key', {})),
    });
  }
  return {
    type: body.type,
    ...(body.payload !== undefined ? { payload: body.payload } : {}),
    actor: principal,
    ...(key ? { idempotencyKey: key } : {}),
  };
}

/** The version an If-Match header names (`"3"`, `W/"3"` or `3`); `*` names none. */
function ifMatch(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,15})"?\s*$/.exec(header);
  if (!match) {
    throw new HttpProblem('invalid-request', httpText(httpMessage('title.invalid-if-match', {})), {
      detail: httpText(httpMessage('request.if-match', {})),
    });
  }
  return Number(match[1]);
}

function answer(reply: FastifyReply, result: TransitionResult): TransitionResult {
  reply.header('etag', `"${result.version}"`);
  if (result.duplicate) reply.header('idempotent-replayed', 'true');
  return result;
}

/** Refuse (403) `action`, an `action.*` message, unless `principal` is a supervisor. */
function requireSupervisor(principal: Principal, action: Message): void {
  if (principal.roles.includes('supervisor')) return;
  throw new HttpProblem('forbidden', httpText(httpMessage('title.not-allowed', {})), {
    detail: httpText(httpMessage('supervisor-only', { action })),
  });
}
