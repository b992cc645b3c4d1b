/**
 * Evaluation routes (评估): a JSON input or a filled xlsx template → the report as JSON
 * (`evaluate`), as an HTML page (`evaluateHtml`) or as a workbook (`evaluateXlsx`); NDJSON
 * villages or households → NDJSON results, streamed one line at a time.
 */
import { Readable } from 'node:stream';
import {
  today,
  createBatchEvaluator,
  deriveWorkflowFacts,
  evaluate,
  HouseholdResultSchema,
  inputSchema,
  ReportSchema,
  VillageEvaluationSchema,
  type BatchEvaluator,
  type EvaluationInput,
  type Lang,
  type Plan,
} from '@ruralkit/core';
import { renderHtmlReport } from '@ruralkit/report';
import { buildResultsWorkbook, readWorkbook } from '@ruralkit/xlsx';
import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { EVALUATION_INPUT_EXAMPLE, HOUSEHOLDS_NDJSON_EXAMPLE, VILLAGES_NDJSON_EXAMPLE } from '../examples.js';
import { negotiate, requireMediaType } from '../negotiate.js';
import { readLines } from '../ndjson.js';
import { httpMessage, httpText } from '../locales/index.js';
import { HttpProblem, problemBody, toProblem } from '../problem.js';
import { route, type RequestContext, type RouteSpec } from '../route.js';
import { AsOfQuery, BatchQuery, EvaluateQuery, PlanParams } from '../schemas.js';
import type { Service } from '../service.js';

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const NDJSON = 'application/x-ndjson';
const HTML = 'text/html';
const REPORT_TYPES = ['application/json', XLSX, HTML] as const;
type ReportType = (typeof REPORT_TYPES)[number];
type EvaluateContext = RequestContext<z.infer<typeof PlanParams>, z.infer<typeof EvaluateQuery>, unknown>;

export interface EvaluationLimits {
  /** The most bytes an uploaded workbook may really inflate to, and its most entries. */
  maxExpandedBytes: number;
  maxEntries: number;
  /** The longest NDJSON line, in bytes. */
  maxLineBytes: number;
}

export function evaluationRoutes(service: Service, limits: EvaluationLimits): RouteSpec[] {
  const firstPlan = service.plans.values().next().value!.plan;
  const bodyMedia = {
    'application/json': {
      description: 'The evaluation input',
      schema: inputSchema(firstPlan),
      example: EVALUATION_INPUT_EXAMPLE,
    },
    [XLSX]: { description: 'A filled template (ruralkit template)', binary: true },
  };
  const problems = [400, 401, 404, 406, 413, 415, 422, 429];

  /** The report of the request's input: JSON or a filled template, with workflow facts when asked. */
  async function reportOf(plan: Plan, { principal, query, request }: EvaluateContext) {
    requireMediaType(request.headers['content-type'], ['application/json', XLSX]);
    const input = Buffer.isBuffer(request.body)
      ? await readWorkbook(plan, request.body, {
          limits: { maxBytes: limits.maxExpandedBytes, maxEntries: limits.maxEntries },
        })
      : (request.body as EvaluationInput);
    const asOf = query.asOf ?? today();
    const workflowFacts =
      query.fromWorkflows === 'true'
        ? await deriveWorkflowFacts(service.store, {
            plan,
            tenant: principal.tenant,
            asOf,
            firstYear: Number(plan.period.start.slice(0, 4)),
          })
        : undefined;
    return evaluate(plan, input, { asOf, ...(workflowFacts ? { workflowFacts } : {}) });
  }

  /**
   * The report in the form of `offered` that `Accept` ranks highest; JSON is returned for the
   * route to check against its schema.
   */
  async function answer(offered: readonly ReportType[], context: EvaluateContext) {
    const { principal, params, request, reply, lang } = context;
    const { plan } = service.plan(params.plan, principal);
    const type = negotiate(request.headers.accept, offered);
    const report = await reportOf(plan, context);
    if (type === HTML) {
      // The same self-contained page as `ruralkit evaluate --format html`.
      return reply.type('text/html; charset=utf-8').send(renderHtmlReport(report, { plan, lang }));
    }
    if (type === XLSX) {
      return reply
        .type(XLSX)
        .header('content-disposition', `attachment; filename="report-${report.asOf}.xlsx"`)
        .send(await buildResultsWorkbook(plan, report, lang));
    }
    return report;
  }

  /** `evaluateHtml` and `evaluateXlsx`: one media type each, so generated clients type them apart. */
  const form = (type: typeof HTML | typeof XLSX, suffix: string, operationId: string, what: string) =>
    route({
      method: 'POST',
      url: `/plans/:plan/evaluate/report.${suffix}`,
      operationId,
      summary: `Evaluate villages and households: the report as ${what}`,
      description: `The same input and query as \`evaluate\`; the report as ${what}.`,
      tag: 'evaluation',
      params: PlanParams,
      query: EvaluateQuery,
      bodyMedia,
      responses: {
        200: {
          description: `The report as ${what}`,
          media: {
            [type]:
              type === HTML
                ? { description: 'The self-contained HTML report with charts' }
                : { description: 'One row per result', binary: true },
          },
        },
      },
      problems,
      handler: (context) => answer([type], context),
    });

  return [
    route({
      method: 'POST',
      url: '/plans/:plan/evaluate',
      operationId: 'evaluate',
      summary: 'Evaluate villages and households: the report as JSON',
      description:
        "The body is the evaluation input as JSON (see `/plans/{plan}/input-schema` for the exact schema of each plan with its plugins) or a filled xlsx template. Every problem of the input is listed at once (422, `issues`), each with its village, year, key, or sheet and cell. With `fromWorkflows=true`, the indicators the caller's tenant's workflows settle are merged in: each result that reads one lists its instances in `sources`, and a typed value that disagrees is in `notes`. The report as a page or a workbook is `evaluateHtml` (`/evaluate/report.html`) or `evaluateXlsx` (`/evaluate/report.xlsx`); an `Accept` that prefers `text/html` or the xlsx type is still answered in that form here, for clients written before them.",
      tag: 'evaluation',
      params: PlanParams,
      query: EvaluateQuery,
      bodyMedia,
      responses: { 200: { description: 'The report', schema: ReportSchema, stringify: true } },
      problems,
      handler: (context) => answer(REPORT_TYPES, context),
    }),
    form(HTML, 'html', 'evaluateHtml', 'a self-contained HTML page'),
    form(XLSX, 'xlsx', 'evaluateXlsx', 'an xlsx workbook'),
    route({
      method: 'POST',
      url: '/plans/:plan/evaluate/batch',
      operationId: 'evaluateBatch',
      summary: 'Batch evaluation: one village per NDJSON line in, one result per line out, streamed',
      description:
        'Each input line is a village record; a first line `{"district": {...}}` gives the district data that growth rules compare with. Each output line is the village\'s result, in input order; an invalid line gives `{"line": n, "problem": {...}}` in its place and the stream goes on. Memory stays bounded whatever the length.',
      tag: 'evaluation',
      params: PlanParams,
      query: BatchQuery,
      bodyMedia: { [NDJSON]: { description: 'Village records, one per line', example: VILLAGES_NDJSON_EXAMPLE } },
      responses: {
        200: {
          description: 'One line per input line',
          media: { [NDJSON]: { description: 'VillageEvaluation lines', schema: VillageEvaluationSchema } },
        },
      },
      problems: [400, 401, 404, 415, 422, 429],
      handler: ({ principal, params, query, request, reply, lang }) => {
        const { plan } = service.plan(params.plan, principal);
        const asOf = query.asOf ?? today();
        const explain = query.explain ?? 'not-met';
        let evaluator: BatchEvaluator | undefined;
        const judge = (record: unknown, line: number) => {
          if (!evaluator && line === firstLine.value && isDistrictLine(record)) {
            evaluator = createBatchEvaluator(plan, { asOf, explain, district: record.district });
            return undefined;
          }
          evaluator ??= createBatchEvaluator(plan, { asOf, explain });
          return evaluator.village(record, line);
        };
        const firstLine = { value: 0 };
        return streamResults(request, reply, lang, limits, firstLine, judge);
      },
    }),
    route({
      method: 'POST',
      url: '/plans/:plan/screen',
      operationId: 'screenHouseholds',
      summary: 'Household screening (部门筛查): one household per NDJSON line in, its risks out, streamed',
      tag: 'evaluation',
      params: PlanParams,
      query: AsOfQuery,
      bodyMedia: { [NDJSON]: { description: 'Household records, one per line', example: HOUSEHOLDS_NDJSON_EXAMPLE } },
      responses: {
        200: {
          description: 'One line per input line',
          media: { [NDJSON]: { description: 'HouseholdResult lines', schema: HouseholdResultSchema } },
        },
      },
      problems: [400, 401, 404, 415, 422, 429],
      handler: ({ principal, params, query, request, reply, lang }) => {
        const { plan } = service.plan(params.plan, principal);
        const evaluator = createBatchEvaluator(plan, { asOf: query.asOf ?? today() });
        return streamResults(request, reply, lang, limits, { value: 0 }, (record, line) =>
          evaluator.household(record, line),
        );
      },
    }),
  ];
}

function isDistrictLine(record: unknown): record is { district: EvaluationInput['district'] } {
  return typeof record === 'object' && record !== null && Object.keys(record).join() === 'district';
}

/** Judge NDJSON lines as they arrive and stream one output line each. */
function streamResults(
  request: FastifyRequest,
  reply: { type: (t: string) => unknown; send: (body: unknown) => unknown },
  lang: Lang,
  limits: EvaluationLimits,
  firstLine: { value: number },
  judge: (record: unknown, line: number) => unknown,
) {
  requireMediaType(request.headers['content-type'], [NDJSON]);
  const source = request.body as AsyncIterable<Buffer>;
  const problemLine = (line: number | undefined, error: unknown) =>
    `${JSON.stringify({ ...(line ? { line } : {}), problem: problemBody(toProblem(error), lang, request.url, request.id) })}\n`;
  async function* lines() {
    try {
      for await (const { line, text } of readLines(source, limits.maxLineBytes)) {
        if (firstLine.value === 0) firstLine.value = line;
        let record: unknown;
        try {
          record = JSON.parse(text);
        } catch {
          yield problemLine(
            line,
            new HttpProblem('invalid-json', httpText(httpMessage('ndjson.line-not-json', { line }))),
          );
          continue;
        }
        try {
          const result = judge(record, line);
          if (result !== undefined) yield `${JSON.stringify(result)}\n`;
        } catch (error) {
          yield problemLine(line, error);
        }
      }
    } catch (error) {
      yield problemLine(undefined, error);
    }
  }
  reply.type(NDJSON);
  return reply.send(Readable.from(lines(), { objectMode: false, highWaterMark: 16 * 1024 }));
}
