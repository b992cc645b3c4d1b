/** The file-reading parts' words (文件读取措辞), by language. */
import { areaWords, localized } from '../../model/message.js';
import { en } from './en.js';
import { nodeMessage, type NodeMessages } from './messages.js';
import { zh } from './zh.js';

export const NODE_WORDS = areaWords(zh, en);

/** A message of the file-reading parts said in Chinese and English. */
export const said = <Code extends keyof NodeMessages & string>(code: Code, params: NodeMessages[Code]) =>
  localized(nodeMessage(code, params), NODE_WORDS);
