/**
 * Personal fields (个人信息字段) of the payload schemas: a field wrapped in `personal(schema,
 * kind)` holds personal information of the subject. This mark is the one source the runtime
 * reads to encrypt a value, hash it for the audit and show it only to roles that need it.
 */
import { z } from 'zod';

/** The kinds of personal information (个人信息类型) a field may hold. */
export const PERSONAL_KINDS = Object.freeze([
  'name',
  'id-number',
  'phone',
  'bank-account',
  'health',
  'case-note',
] as const);
export type PersonalKind = (typeof PERSONAL_KINDS)[number];

/** The registry of marked schemas: zod keeps it beside the schemas, not in them. */
const marked = z.registry<{ kind: PersonalKind }>();

/** Mark a string field as personal information of `kind`; the schema given is not changed. */
export function personal<S extends z.ZodType<string>>(schema: S, kind: PersonalKind): S {
  const copy = schema.clone() as S;
  marked.add(copy, { kind });
  return copy;
}

/** A personal field of a payload: its path (`*` for every element of an array) and kind. */
export interface PersonalField {
  path: readonly (string | '*')[];
  kind: PersonalKind;
}

/** The zod definition parts the walk reads. */
interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
}

const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

const cache = new WeakMap<z.ZodType, readonly PersonalField[]>();

/** The personal fields of a payload schema (objects, arrays, optional and default fields). */
export function personalFields(schema: z.ZodType): readonly PersonalField[] {
  const known = cache.get(schema);
  if (known) return known;
  const fields: PersonalField[] = [];
  const walk = (node: z.ZodType, path: (string | '*')[]) => {
    const mark = marked.get(node);
    if (mark) {
      fields.push({ path, kind: mark.kind });
      return;
    }
    const def = defOf(node);
    if (def.type === 'object' && def.shape) {
      for (const [key, child] of Object.entries(def.shape)) walk(child, [...path, key]);
    } else if (def.type === 'array' && def.element) {
      walk(def.element, [...path, '*']);
    } else if (def.innerType) {
      walk(def.innerType, path); // optional, nullable, default, readonly…
    } else if (def.type === 'pipe' && def.in) {
      walk(def.in, path);
    }
  };
  walk(schema, []);
  const frozen = Object.freeze(fields);
  cache.set(schema, frozen);
  return frozen;
}
