/**
 * Ids and codes only (只含标识与代码): what of a domain event may leave the system. A value goes
 * out when it is a number, a boolean, or a short text of letters, digits and `._:/-` (an id, a
 * code, a date) that holds no ID, phone or bank-card number; free text (names, reasons,
 * addresses) and personal numbers are withheld, and their key names listed instead.
 */
import { findIdentifiers } from '@ruralkit/core';

const CODE = /^[A-Za-z0-9][A-Za-z0-9._:/+-]{0,127}$/;

/** Whether `value` is an id or a code that may leave the system. */
export function isIdOrCode(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value === 'boolean' || value === null) return true;
  if (typeof value !== 'string' || !CODE.test(value)) return false;
  // the shortest personal number has 11 digits: fewer cannot hold one, and need no scan
  return value.replace(/\D/g, '').length < 7 || findIdentifiers(value).length === 0;
}

/** The ids and codes of `data` (arrays and objects walked), and the paths of what was withheld. */
export function idsAndCodes(data: Record<string, unknown>): { kept: Record<string, unknown>; withheld: string[] } {
  const withheld: string[] = [];
  const walk = (value: unknown, path: string): unknown => {
    if (Array.isArray(value)) {
      const items = value.map((v, i) => walk(v, `${path}[${i}]`)).filter((v) => v !== undefined);
      return items;
    }
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) {
        if (!CODE.test(key)) {
          withheld.push(`${path}.*`);
          continue;
        }
        const kept = walk(v, path ? `${path}.${key}` : key);
        if (kept !== undefined) out[key] = kept;
      }
      return out;
    }
    if (value === undefined) return undefined;
    if (isIdOrCode(value)) return value;
    withheld.push(path);
    return undefined;
  };
  return { kept: walk(data, '') as Record<string, unknown>, withheld: withheld.sort() };
}
