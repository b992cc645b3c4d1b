/** Operations routes (运维): liveness, readiness (the store answers), metrics and the OpenAPI document (its page: `docs-page.ts`). */
import { z } from 'zod';
import type { Metrics } from '../metrics.js';
import { httpMessage, httpText } from '../locales/index.js';
import { HttpProblem } from '../problem.js';
import { route, type RouteSpec } from '../route.js';
import { HealthSchema } from '../schemas.js';
import type { Service } from '../service.js';

export function operationRoutes(
  service: Service,
  metrics: Metrics,
  document: () => unknown,
  processMetrics?: (tenant: string) => Promise<string>,
): RouteSpec[] {
  return [
    route({
      method: 'GET',
      url: '/livez',
      operationId: 'livez',
      summary: 'Liveness: the process answers',
      tag: 'operations',
      open: true,
      responses: { 200: { description: 'Alive', schema: HealthSchema } },
      problems: [],
      handler: () => ({ status: 'ok' }),
    }),
    route({
      method: 'GET',
      url: '/readyz',
      operationId: 'readyz',
      summary: 'Readiness: the workflow store answers',
      tag: 'operations',
      open: true,
      responses: { 200: { description: 'Ready', schema: HealthSchema } },
      problems: [503],
      handler: async () => {
        try {
          await service.store.auditHeads();
        } catch {
          throw new HttpProblem('unavailable', httpText(httpMessage('title.store-unavailable', {})));
        }
        return { status: 'ok' };
      },
    }),
    route({
      method: 'GET',
      url: '/metrics',
      operationId: 'metrics',
      summary: "Prometheus metrics of your tenant's requests: by route and status, durations",
      tag: 'operations',
      responses: { 200: { description: 'Text exposition format', media: { 'text/plain': {} } } },
      problems: [401],
      handler: async ({ principal, reply }) =>
        reply
          .type('text/plain; version=0.0.4')
          .send((await metrics.text(principal.tenant)) + ((await processMetrics?.(principal.tenant)) ?? '')),
    }),
    route({
      method: 'GET',
      url: '/openapi.json',
      operationId: 'openapi',
      summary: 'This OpenAPI 3.1 document',
      tag: 'operations',
      open: true,
      responses: { 200: { description: 'The document', schema: z.record(z.string(), z.unknown()) } },
      problems: [],
      handler: () => document(),
    }),
  ];
}
