/** The condition compiler's words (条件编译措辞), by language. */
import { areaWords, localized } from '../../model/message.js';
import { en } from './en.js';
import { ruleMessage, type RuleMessages } from './messages.js';
import { zh } from './zh.js';

export const RULE_WORDS = areaWords(zh, en);

/** A message of the condition compiler said in Chinese and English. */
export const said = <Code extends keyof RuleMessages & string>(code: Code, params: RuleMessages[Code]) =>
  localized(ruleMessage(code, params), RULE_WORDS);
