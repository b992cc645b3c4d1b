/**
 * The subject (对象) of an instance: a village, or a household within it, resolved from a
 * start's input against the plan, and the key a store finds a subject's instances by.
 */
import type { LocalizedText, Plan } from '../model/schema.js';
import { checkId } from '../model/ids.js';
import { WorkflowError } from './errors.js';
import { workflowText } from './locales/index.js';
import { workflowMessage } from './locales/messages.js';
import { identifiersInIds } from './privacy/identifiers.js';
import type { Subject, WorkflowDefinition } from './types.js';

/** Where an instance is started: a village, or a household within it. */
export interface SubjectInput {
  village: string;
  /** Needed for a village the plan does not list. */
  township?: string;
  household?: string;
}

/**
 * The subject of a new instance of `definition` in `tenant`, its township from the plan's key
 * villages. Ids holding a person's number (an ID number as household id) are refused: ids are
 * stored and audited as given.
 */
export function resolveSubject(
  plan: Plan,
  definition: Pick<WorkflowDefinition, 'type' | 'householdSubject'>,
  input: SubjectInput,
  tenant: string,
): Subject {
  const bad = (zh: string, en: string, reasons: LocalizedText[] = []) =>
    new WorkflowError('invalid-subject', { zh: `对象有误：${zh}`, en: `invalid subject: ${en}` }, { reasons });
  if (!input || typeof input.village !== 'string' || input.village === '')
    throw bad('缺少 village', 'village is missing');
  for (const field of ['village', 'township', 'household'] as const) {
    const given = input[field];
    const problem = typeof given === 'string' ? checkId(`subject.${field}`, given) : undefined;
    if (problem) throw bad(problem.zh, problem.en);
  }
  const { village, township: given, household } = input;
  const numbers = identifiersInIds({ tenant, village, township: given, household });
  if (numbers.length) {
    throw bad(
      '标识含有个人标识',
      'an id holds a personal identifier',
      numbers.map(({ field, kind }) => {
        const text = workflowText(workflowMessage('identifier.in-id', { kind }));
        return { zh: `${field} ${text.zh}`, en: `${field} ${text.en}` };
      }),
    );
  }
  const township = plan.keyVillages.find((v) => v.id === input.village)?.township.id ?? input.township;
  if (!township) {
    throw bad(
      `村 ${input.village} 不在方案的重点村中，须给出 township`,
      `village ${input.village} is not a key village of the plan: give its township`,
    );
  }
  if (definition.householdSubject === 'required' && !input.household) {
    throw bad(
      `${definition.type} 的对象须为农户（household）`,
      `the subject of ${definition.type} must name a household`,
    );
  }
  if (definition.householdSubject === 'none' && input.household) {
    throw bad(
      `${definition.type} 的对象是村，不是农户`,
      `the subject of ${definition.type} is a village, not a household`,
    );
  }
  return { village: input.village, township, ...(input.household ? { household: input.household } : {}) };
}

/** `village/household` or `village`: how a store finds a subject's instances. */
export function subjectKey(subject: Subject): string {
  return subject.household ? `${subject.village}/${subject.household}` : subject.village;
}
