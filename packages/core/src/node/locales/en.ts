/** The file-reading parts' words in English (文件读取消息的英文措辞). */
import type { WordsOf } from '../../model/message.js';
import type { NodeMessages } from './messages.js';

export const en: WordsOf<NodeMessages> = {
  'key-file.invalid': ({ path, problem }) => `key file ${path}: ${problem}`,
  'key-file.open-mode': ({ mode }) => `others may read or write it (mode ${mode}): chmod 600 it`,
  'key-file.not-json': ({ detail }) => `not valid JSON: ${detail}`,
  'key-file.not-format': ({ format }) => `not in the ${format} format`,
  'key-file.bad-key': ({ number }) => `key #${number} needs an id, an owner and a 32-byte key (base64)`,
  'key-file.lock-held': ({ lock }) => `its lock ${lock} is held by another process`,
  'plugin-file.code-not-allowed': () =>
    'this is a code plugin and runs with your rights: allow it explicitly (ruralkit test --allow-code-plugins, or allowCodePlugins: true for scenarioSuite)',
  'plugin-file.unreadable': ({ detail }) => `cannot load the plugin file: ${detail}`,
  'plugin-file.no-plugin': () => 'the plugin file must export a plugin (export default definePlugin({...}))',
};
