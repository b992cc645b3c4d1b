/**
 * Response serializers (响应序列化) compiled from the routes' zod schemas: each JSON response
 * schema becomes JSON Schema (`z.toJSONSchema`, as for the OpenAPI document), rewritten into a
 * schema that fast-json-stringify — Fastify's own serializer — writes exactly as
 * `JSON.stringify` would for every property the schema declares, and compiled once per route
 * and status. A property the schema does not declare is never written: a value that strays
 * into a response object (a household's ID number, say) stays in the process.
 */
import fastJson from 'fast-json-stringify';
import { z } from 'zod';
import type { ResponseSpec } from './route.js';

/** A body to its JSON text. */
export type Serialize = (body: unknown) => string;

/** A body to the bytes of its JSON text, encoded once (the length is the buffer's). */
export type WriteJson = (body: unknown) => Buffer;

/**
 * The writers of a route's JSON responses by status, compiled once when the route is registered.
 * With `check` (the self-check, 自检), each body is validated against its schema and what the
 * validation returns — the body cut down to what the schema declares — is written by
 * `JSON.stringify`: the check's walk stands in for the compiled serializer's, so checking costs
 * no second walk. Without it, nothing walks the body but the compiled serializer.
 */
export function responseWriters(
  operationId: string,
  responses: Record<number, ResponseSpec>,
  check: boolean,
): Map<number, WriteJson> {
  const writers = new Map<number, WriteJson>();
  for (const [status, { schema, stringify }] of Object.entries(responses)) {
    if (!schema) continue;
    const compiled = stringify ? undefined : compileSerializer(schema);
    const write: Serialize = check
      ? (body) => {
          const parsed = schema.safeParse(body);
          if (!parsed.success) {
            const where = parsed.error.issues.map((i) => i.path.join('.')).join(', ');
            // a response that does not match its schema is a fault of the service, not of the caller
            throw new Error(`response of ${operationId} does not match its schema at ${where}`);
          }
          return JSON.stringify(compiled ? parsed.data : body);
        }
      : (compiled ?? JSON.stringify);
    writers.set(Number(status), (body) => Buffer.from(write(body)));
  }
  return writers;
}

type JsonSchema = Record<string, unknown>;

/** A schema part whose compiled form would not write what `JSON.stringify` writes. */
class Unfaithful extends Error {}

const PRIMITIVES = new Set(['string', 'number', 'integer', 'boolean', 'null']);

/**
 * The compiled serializer of `schema`, or undefined when the response is better written by
 * `JSON.stringify`: a schema that JSON Schema cannot state (a transform, a custom check), or
 * one with a part fast-json-stringify writes otherwise (a union it would settle by validating
 * each value against each branch, refusing one that matches none; an intersection; tuples;
 * pattern properties).
 */
export function compileSerializer(schema: z.ZodType): Serialize | undefined {
  let json: JsonSchema;
  try {
    json = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'throw', target: 'draft-2020-12' }) as JsonSchema;
    return fastJson(rewrite(json, (json.$defs ?? {}) as Record<string, JsonSchema>, new Set()) as never) as Serialize;
  } catch (error) {
    if (error instanceof Unfaithful || (error instanceof Error && /cannot be represented/i.test(error.message))) {
      return undefined;
    }
    throw error;
  }
}

/**
 * `node` as fast-json-stringify should read it. Kept: types, properties, items and record
 * values (`additionalProperties`). Dropped: `required` (a missing property is left out, as
 * `JSON.stringify` leaves out `undefined`, where fast-json-stringify would throw), formats (it
 * writes a `Date` under `format: date` as a local date), checks (`pattern`, `minimum`…) and
 * texts. Changed: `integer` to `number` (it truncates a non-integer), `const` and `enum` to
 * their values' types (it writes a `const` whatever the value is). An unknown value (`{}`) is
 * written by `JSON.stringify`, as a schema that declares anything.
 */
function rewrite(node: unknown, defs: Record<string, JsonSchema>, expanding: Set<string>): JsonSchema {
  if (node === true) return {};
  if (typeof node !== 'object' || node === null) throw new Unfaithful();
  const schema = node as JsonSchema;
  if (typeof schema.$ref === 'string') {
    const id = /^#\/\$defs\/(.+)$/.exec(schema.$ref)?.[1];
    // a schema that contains itself is compiled by JSON.stringify's rules, not inlined forever
    if (id === undefined || !defs[id] || expanding.has(id)) throw new Unfaithful();
    return rewrite(defs[id], defs, new Set(expanding).add(id));
  }
  for (const keyword of ['allOf', 'not', 'if', 'prefixItems', 'patternProperties']) {
    if (keyword in schema) throw new Unfaithful();
  }
  const union = (schema.anyOf ?? schema.oneOf) as unknown[] | undefined;
  if (union) return rewriteUnion(union.map((branch) => rewrite(branch, defs, expanding)));
  if (schema.const !== undefined) return typeOfValues([schema.const]);
  if (Array.isArray(schema.enum)) return typeOfValues(schema.enum);
  const types = (Array.isArray(schema.type) ? schema.type : [schema.type]) as (string | undefined)[];
  if (types.length > 1) return rewriteUnion(types.map((type) => rewrite({ ...schema, type }, defs, expanding)));
  switch (types[0]) {
    case undefined:
      if ('properties' in schema || 'items' in schema) throw new Unfaithful();
      return {};
    case 'string':
    case 'boolean':
    case 'null':
      return { type: types[0] };
    case 'number':
    case 'integer':
      return { type: 'number' };
    case 'array':
      return { type: 'array', items: schema.items === undefined ? {} : rewrite(schema.items, defs, expanding) };
    case 'object': {
      const properties = Object.fromEntries(
        Object.entries((schema.properties ?? {}) as Record<string, unknown>).map(([key, value]) => [
          key,
          rewrite(value, defs, expanding),
        ]),
      );
      const extra = schema.additionalProperties;
      return {
        type: 'object',
        properties,
        additionalProperties: extra === undefined || extra === false ? false : rewrite(extra, defs, expanding),
      };
    }
    default:
      throw new Unfaithful();
  }
}

/**
 * A union fast-json-stringify writes by type, without validating: of primitives; of one
 * structure or null; of objects, as one object with the properties of each (a value of one
 * branch has none of another's only properties, and a property in several branches is written
 * the same way in each, or the union is left to `JSON.stringify`).
 */
function rewriteUnion(branches: JsonSchema[]): JsonSchema {
  if (branches.some((branch) => Object.keys(branch).length === 0)) return {};
  const types = branches.map((branch) => branch.type as string);
  if (branches.every((branch, i) => PRIMITIVES.has(types[i]!) && Object.keys(branch).length === 1)) {
    const unique = [...new Set(types)];
    return unique.length === 1 ? { type: unique[0] } : { type: unique };
  }
  const structures = branches.filter((branch) => branch.type !== 'null');
  const nullable = structures.length < branches.length ? { nullable: true } : {};
  if (structures.length === 1) return { ...structures[0], ...nullable };
  if (structures.every((branch) => branch.type === 'object' && branch.additionalProperties === false)) {
    const properties: Record<string, JsonSchema> = {};
    for (const branch of structures) {
      for (const [key, value] of Object.entries(branch.properties as Record<string, JsonSchema>)) {
        if (key in properties && JSON.stringify(properties[key]) !== JSON.stringify(value)) throw new Unfaithful();
        properties[key] = value;
      }
    }
    return { type: 'object', properties, additionalProperties: false, ...nullable };
  }
  throw new Unfaithful();
}

/** The schema of a `const` or an `enum`: the type of its values, whichever is sent. */
function typeOfValues(values: unknown[]): JsonSchema {
  const types = values.map((value) => (value === null ? 'null' : typeof value));
  if (types.some((type) => !PRIMITIVES.has(type))) return {};
  return rewriteUnion(types.map((type) => ({ type: type === 'number' ? 'number' : type })));
}
