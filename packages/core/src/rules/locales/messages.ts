/** The condition compiler's messages (条件编译消息): what is wrong with a condition or a fact, with their parameters. */
import { messageOf, type Message } from '../../model/message.js';

export interface RuleMessages {
  /** A fact the condition reads is missing from the facts. */
  'fact.undefined': { fact: string };
  /** A fact given as a function failed: how. */
  'fact.function': { fact: string; problem: Message };
  'fact.threw': Record<string, never>;
  'fact.promise': Record<string, never>;
  /** A condition that cannot be compiled: where in it (`all[2].any[0]`, or `(root)`) and what is wrong. */
  'condition.invalid': { where: string; problem: Message };
  'condition.not-object': Record<string, never>;
  'condition.top-level': Record<string, never>;
  'condition.expected-kind': Record<string, never>;
  'condition.not-array': { kind: string };
  'condition.not-in-array': Record<string, never>;
  'condition.unknown-shared': { name: string };
  'condition.cyclic-shared': { names: string[] };
  'condition.missing-operator': Record<string, never>;
  'condition.missing-value': Record<string, never>;
  'condition.operator-not-string': Record<string, never>;
  'condition.unknown-operator': { operator: string };
  /** A custom operator or decorator that is no function. */
  'custom.not-function': { what: 'operator' | 'decorator'; name: string };
}

export const ruleMessage = messageOf<RuleMessages>();
