/**
 * The subject (对象) of an instance: a village, or a household within it, resolved from a
 * start's input against the plan, and the key a store finds a subject's instances by.
 */
import type { LocalizedText, Plan } from '../model/schema.js';
import { checkId } from '../model/ids.js';
import { WorkflowError } from './errors.js';
import { sayAround, workflowText } from './locales/index.js';
import { workflowMessage } from './locales/messages.js';
import { identifiersInIds } from './privacy/identifiers.js';
import type { Subject, WorkflowDefinition } from './types.js';
import type { Message } from '../model/message.js';

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
  const bad = (problem: Message | LocalizedText, reasons: LocalizedText[] = []) =>
    new WorkflowError(
      'invalid-subject',
      sayAround('code' in problem ? workflowText(problem) : problem, (said) =>
        workflowMessage('subject.invalid', { problem: said }),
      ),
      { reasons },
    );
  if (!input || typeof input.village !== 'string' || input.village === '')
    throw bad(workflowMessage('subject.village-missing', {}));
  for (const field of ['village', 'township', 'household'] as const) {
    const given = input[field];
    const problem = typeof given === 'string' ? checkId(`subject.${field}`, given) : undefined;
    if (problem) throw bad(problem);
  }
  const { village, township: given, household } = input;
  const numbers = identifiersInIds({ tenant, village, township: given, household });
  if (numbers.length) {
    throw bad(
      workflowMessage('subject.identifier', {}),
      numbers.map(({ field, kind }) => {
        const text = workflowText(workflowMessage('identifier.in-id', { kind }));
        return { zh: `${field} ${text.zh}`, en: `${field} ${text.en}` };
      }),
    );
  }
  const township = plan.keyVillages.find((v) => v.id === input.village)?.township.id ?? input.township;
  if (!township) {
    throw bad(workflowMessage('subject.township-missing', { village: input.village }));
  }
  if (definition.householdSubject === 'required' && !input.household) {
    throw bad(workflowMessage('subject.household-required', { workflow: definition.type }));
  }
  if (definition.householdSubject === 'none' && input.household) {
    throw bad(workflowMessage('subject.village-only', { workflow: definition.type }));
  }
  return { village: input.village, township, ...(input.household ? { household: input.household } : {}) };
}

/** `village/household` or `village`: how a store finds a subject's instances. */
export function subjectKey(subject: Subject): string {
  return subject.household ? `${subject.village}/${subject.household}` : subject.village;
}
