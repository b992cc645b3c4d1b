/** The messages of the file-reading parts (文件读取消息): key files and plugin files, with their parameters. */
import { messageOf, type Message } from '../../model/message.js';

export interface NodeMessages {
  /** A key file that cannot be used: its path and what is wrong. */
  'key-file.invalid': { path: string; problem: Message };
  /** A key file others may read or write; its mode in octal. */
  'key-file.open-mode': { mode: string };
  'key-file.not-json': { detail: string };
  'key-file.not-format': { format: string };
  /** The key at `number` (from 1) lacks an id, an owner or a 32-byte key. */
  'key-file.bad-key': { number: number };
  'key-file.lock-held': { lock: string };
  'plugin-file.code-not-allowed': Record<string, never>;
  'plugin-file.unreadable': { detail: string };
  'plugin-file.no-plugin': Record<string, never>;
}

export const nodeMessage = messageOf<NodeMessages>();
