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
}

export const modelMessage = messageOf<ModelMessages>();
