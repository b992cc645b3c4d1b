/** The model's messages (模型消息): the codes of the value checks every area uses, with their parameters. */
import { messageOf } from '../message.js';

export interface ModelMessages {
  /** An amount beyond 1,000,000,000,000 CNY either way. */
  'amount.beyond-limit': Record<string, never>;
  /** An amount with more than two decimals (not whole fen). */
  'amount.whole-fen': Record<string, never>;
  'id.too-long': { length: number; max: number };
  /** `__proto__`, `constructor` or `prototype`. */
  'id.reserved': { id: string };
  'id.characters': Record<string, never>;
  /** The nearest of the words expected, to a mistyped one: said after the problem. */
  'suggest.did-you-mean': { suggestion: string };
  /** A parameter's value that is no real `YYYY-MM-DD` date; the value as JSON. */
  'parameter.not-a-date': { value: string };
  'parameter.not-a-number': { value: string; unit: string };
  'parameter.ratio-range': { value: number };
  'parameter.negative': { value: number; unit: string };
  'parameter.whole-number': { value: number; unit: string };
  /** A condition that reads a fact that is no indicator, parameter or derived fact. */
  'condition.unknown-fact': { fact: string };
  /** The problems of a long list not shown, of one kind. */
  'issues.more-of-kind': { more: string };
  /** The line of a streamed record. */
  'issues.line': { line: number };
  'subject.village': Record<string, never>;
  'subject.district': Record<string, never>;
  'subject.household': Record<string, never>;
}

export const modelMessage = messageOf<ModelMessages>();
