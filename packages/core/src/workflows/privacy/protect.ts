/**
 * Protecting a payload (载荷保护) before it reaches the store: free text holding an ID, phone or
 * bank-card number is refused, and personal fields are sealed for the instance and hashed for
 * the audit entry. The machine only ever sees the sealed values.
 */
import type { z } from 'zod';
import type { Message } from '../../model/message.js';
import { WorkflowError, type WorkflowErrorDetails } from '../errors.js';
import { workflowText } from '../locales/index.js';
import { workflowMessage } from '../locales/messages.js';
import { findIdentifiers } from './identifiers.js';
import type { DataKey, PersonalDataKeys } from './keys.js';
import { personalFields, type PersonalField } from './personal.js';
import { hashValue, sealValue } from './seal.js';

/** A payload ready for the machine (sealed) and the audit (hashed), or why it is refused. */
export type Protected = { machine: unknown; audit: unknown } | { refused: Message[] };

/** Personal fields meant to hold an identifier are not scanned for one. */
const HOLDS_IDENTIFIER = new Set(['id-number', 'phone', 'bank-account']);

type Path = (string | number)[];

const fieldName = (path: Path) => ['payload', ...path].join('.');

const matches = (field: PersonalField, path: Path) =>
  field.path.length === path.length && field.path.every((part, i) => part === '*' || part === String(path[i]));

/** Every string of a value with its path. */
function strings(value: unknown, path: Path = []): { path: Path; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => strings(item, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => strings(item, [...path, key]));
  }
  return [];
}

/** `value` with each string at a personal field's path replaced by `replace(text, field)`. */
function replaced(
  value: unknown,
  fields: readonly PersonalField[],
  replace: (text: string, field: PersonalField) => unknown,
  path: Path = [],
): unknown {
  if (typeof value === 'string') {
    const field = fields.find((f) => matches(f, path));
    return field && value !== '' ? replace(value, field) : value;
  }
  if (Array.isArray(value)) return value.map((item, i) => replaced(item, fields, replace, [...path, i]));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, replaced(item, fields, replace, [...path, key])]),
    );
  }
  return value;
}

/** Why `text` in `field` is refused: one reason per kind of identifier found in it. */
function identifierReasons(field: string, text: string): Message[] {
  return findIdentifiers(text).map((kind) => workflowMessage('identifier.in-text', { field, kind }));
}

/** Throw `invalid-payload` when `text` in `field` holds an identifier (a migration's or erasure's reason). */
export function refuseIdentifiers(
  details: WorkflowErrorDetails & { event: string },
  field: string,
  text: string,
): void {
  const reasons = identifierReasons(field, String(text));
  if (reasons.length === 0) return;
  throw new WorkflowError(
    'invalid-payload',
    workflowText(workflowMessage('privacy.identifier-in', { event: details.event, field })),
    { ...details, reasons: reasons.map((reason) => workflowText(reason)) },
  );
}

/**
 * Protect a validated payload of `schema`. `owner` names whose data key seals it; without a
 * keyring, a payload with a personal value is refused, saying how to configure one.
 */
export async function protectPayload(
  schema: z.ZodType,
  payload: unknown,
  keys: PersonalDataKeys | undefined,
  owner: string,
): Promise<Protected> {
  const fields = personalFields(schema);
  const all = strings(payload);
  const refused = all
    .filter(({ path }) => !fields.some((f) => HOLDS_IDENTIFIER.has(f.kind) && matches(f, path)))
    .flatMap(({ path, text }) => identifierReasons(fieldName(path), text));
  if (refused.length) return { refused };
  const personal = all.filter(({ path, text }) => text !== '' && fields.some((f) => matches(f, path)));
  if (personal.length === 0) return { machine: payload, audit: payload };
  if (!keys) {
    return { refused: personal.map(({ path }) => workflowMessage('privacy.no-keyring', { field: fieldName(path) })) };
  }
  const key: DataKey = await keys.keyOf(owner);
  return {
    machine: replaced(payload, fields, (text, field) => sealValue(key, field.kind, text)),
    audit: replaced(payload, fields, (text, field) => hashValue(key, field.kind, text)),
  };
}
