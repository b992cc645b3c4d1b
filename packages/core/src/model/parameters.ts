/** Effective-dated parameters (参数): the value in force on a date. */
import type { Parameter, Plan } from './schema.js';

/** The entry of a parameter in force on `date`: the last one whose `from` is on or before it. */
export function parameterEntryAt(parameter: Parameter, date: string): Parameter['values'][number] | undefined {
  let found: Parameter['values'][number] | undefined;
  for (const entry of parameter.values) {
    if (entry.from <= date && (!found || entry.from >= found.from)) found = entry;
  }
  return found;
}

/** The value of parameter `id` in force on `date`; throws if the plan has no such parameter. */
export function parameterValue(plan: Plan, id: string, date: string): number | string {
  const parameter = plan.parameters.find((p) => p.id === id);
  if (!parameter) throw new Error(`plan ${plan.id} has no parameter "${id}"`);
  const entry = parameterEntryAt(parameter, date);
  if (!entry) throw new Error(`parameter "${id}" has no value in force on ${date}`);
  return entry.value;
}
