/**
 * The OpenAPI 3.1 document (接口文档), written from the routes' zod schemas with
 * `z.toJSONSchema`: schemas that carry an id become shared components.
 */
import { z } from 'zod';
import { ProblemSchema } from './problem.js';
import type { RouteSpec } from './route.js';

type JsonSchema = Record<string, unknown>;

/** Converts schemas, moving each named sub-schema into `components.schemas`. */
class SchemaCollector {
  readonly components: Record<string, JsonSchema> = {};

  convert(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
    const json = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as JsonSchema;
    const { $schema: _schema, $defs, ...rest } = json;
    for (const [id, def] of Object.entries(($defs ?? {}) as Record<string, JsonSchema>)) {
      this.components[id] = relink(def) as JsonSchema;
    }
    const id = (z.globalRegistry.get(schema) as { id?: string } | undefined)?.id;
    const body = relink(rest) as JsonSchema;
    if (!id) return body;
    const ref = `#/components/schemas/${id}`;
    // A named schema converted on its own may come back as a reference to its own definition.
    if (body.$ref !== ref) this.components[id] = body;
    return { $ref: ref };
  }
}

/** Point `#/$defs/X` references at `#/components/schemas/X`. */
function relink(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(relink);
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [
      key,
      key === '$ref' && typeof value === 'string' ? value.replace('#/$defs/', '#/components/schemas/') : relink(value),
    ]),
  );
}

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad request (invalid-request, invalid-json)',
  401: 'No valid token (unauthenticated, invalid-token, token-expired)',
  403: 'The principal lacks the grant or the scope (forbidden, out-of-scope)',
  404: 'No such plan or instance for this tenant (unknown-plan, unknown-instance, not-found)',
  406: 'No acceptable media type (not-acceptable)',
  409: 'Refused in this state (not-allowed-in-state, guard, conflict, plan-mismatch)',
  412: 'If-Match names an older version (precondition-failed)',
  413: 'Body too large (payload-too-large)',
  415: 'Unsupported content type (unsupported-media-type)',
  422: 'Invalid input, spreadsheet, payload or event (every problem listed)',
  429: 'Too many requests for this principal, or for this address without a valid token (rate-limited)',
};

/** Fastify's `/plans/:plan` as OpenAPI's `/plans/{plan}`. */
export function openApiPath(url: string): string {
  return url.replace(/:([A-Za-z]+)/g, '{$1}');
}

export interface DocumentInfo {
  title: string;
  version: string;
  description: string;
  /** Where the routes are mounted (Fastify prefix). */
  prefix?: string;
}

/** The OpenAPI 3.1 document of `routes`. */
export function openApiDocument(routes: readonly RouteSpec[], info: DocumentInfo): JsonSchema {
  const schemas = new SchemaCollector();
  const problem = schemas.convert(ProblemSchema, 'output');
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const parameters: unknown[] = [];
    const addParameters = (where: 'path' | 'query', schema: z.ZodType | undefined) => {
      if (!schema) return;
      const json = schemas.convert(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
      for (const [name, property] of Object.entries(json.properties ?? {})) {
        const { description, ...rest } = property;
        parameters.push({
          name,
          in: where,
          required: where === 'path' || (json.required ?? []).includes(name),
          ...(description ? { description } : {}),
          schema: rest,
        });
      }
    };
    addParameters('path', spec.params);
    addParameters('query', spec.query);
    for (const [name, description] of Object.entries(spec.headers ?? {})) {
      parameters.push({ name, in: 'header', required: false, description, schema: { type: 'string' } });
    }
    const content: Record<string, unknown> = {};
    if (spec.body) {
      content['application/json'] = {
        schema: schemas.convert(spec.body, 'input'),
        ...(spec.bodyExample === undefined ? {} : { example: spec.bodyExample }),
      };
    }
    for (const [type, media] of Object.entries(spec.bodyMedia ?? {})) {
      content[type] = {
        ...(media.example === undefined ? {} : { example: media.example }),
        schema: media.schema
          ? schemas.convert(media.schema, 'input')
          : { type: 'string', ...(media.binary ? { contentMediaType: type } : {}), description: media.description },
      };
    }
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(spec.responses)) {
      const media: Record<string, unknown> = {};
      if (response.schema) {
        media['application/json'] = {
          schema: schemas.convert(response.schema, 'output'),
          ...(response.example === undefined ? {} : { example: response.example }),
        };
      }
      for (const [type, other] of Object.entries(response.media ?? {})) {
        const schema = other.schema
          ? schemas.convert(other.schema, 'output')
          : { type: 'string', ...(other.binary ? { contentMediaType: type } : {}) };
        media[type] = { schema: other.description ? { ...schema, description: other.description } : schema };
      }
      responses[status] = {
        description: response.description,
        ...(Object.keys(media).length ? { content: media } : {}),
        ...(response.headers
          ? {
              headers: Object.fromEntries(
                Object.entries(response.headers).map(([name, description]) => [
                  name,
                  { description, schema: { type: 'string' } },
                ]),
              ),
            }
          : {}),
      };
    }
    for (const status of spec.problems) {
      responses[String(status)] = {
        description: STATUS_TEXT[status] ?? 'Problem',
        content: { 'application/problem+json': { schema: problem } },
      };
    }
    responses.default = {
      description: 'Any other problem (RFC 9457)',
      content: { 'application/problem+json': { schema: problem } },
    };
    const path = `${info.prefix ?? ''}${openApiPath(spec.url)}` || '/';
    paths[path] ??= {};
    paths[path][spec.method.toLowerCase()] = {
      operationId: spec.operationId,
      summary: spec.summary,
      ...(spec.description ? { description: spec.description } : {}),
      tags: [spec.tag],
      ...(spec.open ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(Object.keys(content).length ? { requestBody: { required: true, content } } : {}),
      responses,
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: info.title, version: info.version, description: info.description },
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: schemas.components,
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
    },
  };
}
