/**
 * Workflow facts merged into an input (并入流程指标): values the procedures settle replace what
 * was typed for the same village, year and key; a typed value that disagrees is reported, and
 * each result that reads a merged value names the instances it came from.
 */
import { canonicalJson } from '../model/hash.js';
import type { EvaluationInput } from './input.js';
import type { FactSource, InputNote, ResultSource, RuleResult, WorkflowFact } from './types.js';
import { said } from './locales/index.js';

/** An input with the workflow facts in it, what was noted on the way, and where each fact came from. */
export interface MergedInput {
  input: EvaluationInput;
  notes: InputNote[];
  sources: Map<string, FactSource>;
}

/** `input` with `facts` merged (the input itself is not changed). */
export function mergeWorkflowFacts(input: EvaluationInput, facts: readonly WorkflowFact[]): MergedInput {
  const merged = structuredClone(input);
  const notes: InputNote[] = [];
  const sources = new Map<string, FactSource>();
  const villages = new Map((merged.villages ?? []).map((v) => [v.id, v]));
  for (const fact of facts) {
    const village = villages.get(fact.village);
    const subject = { type: 'village' as const, id: fact.village };
    const value = String(fact.value);
    if (!village) {
      notes.push({
        subject,
        year: fact.year,
        key: fact.key,
        value,
        code: 'workflow-village-not-in-input',
        message: said('workflow.village-not-in-input', { key: fact.key, value, village: fact.village }),
      });
      continue;
    }
    const indicators = (village.indicators ??= {});
    // A date is when something happened (an approval): once per village, so a typed date in
    // another year's record is superseded as well. Counts and flags are per year.
    const years = isDate(fact.value) ? Object.keys(indicators) : [String(fact.year)];
    for (const year of years) {
      const typed = indicators[year]?.[fact.key];
      if (typed === undefined || (year === String(fact.year) && canonicalJson(typed) === canonicalJson(fact.value))) {
        continue;
      }
      notes.push(differs(fact, Number(year), typed));
      delete indicators[year]![fact.key];
    }
    (indicators[String(fact.year)] ??= {})[fact.key] = fact.value;
    sources.set(sourceKey(fact.village, fact.year, fact.key), fact.source);
  }
  return { input: merged, notes, sources };
}

/** The note for a typed value the workflow settles otherwise. */
function differs(fact: WorkflowFact, year: number, typed: unknown): InputNote {
  const instances = fact.source.instances.map((i) => i.id).join(', ');
  const [given, settled] = [String(typed), String(fact.value)];
  return {
    subject: { type: 'village', id: fact.village },
    year,
    key: fact.key,
    value: given,
    code: 'typed-differs-from-workflow',
    message: said('workflow.typed-differs', {
      key: fact.key,
      given,
      settled,
      workflow: fact.source.workflow,
      instances,
    }),
  };
}

const isDate = (value: unknown) => typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Each value `result` read that a workflow settled, with its instances. */
export function resultSources(result: RuleResult, sources: ReadonlyMap<string, FactSource>): ResultSource[] {
  const found: ResultSource[] = [];
  for (const [key, observed] of Object.entries(result.actual)) {
    if (observed.year === undefined) continue;
    const source = sources.get(sourceKey(result.subject.id, observed.year, key));
    if (source) found.push({ key, year: observed.year, ...source });
  }
  return found;
}

function sourceKey(village: string, year: number, key: string): string {
  return `${village}\u0000${year}\u0000${key}`;
}
