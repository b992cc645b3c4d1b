/** 文件读取消息的中文措辞 / the file-reading parts' words in Chinese. */
import type { WordsOf } from '../../model/message.js';
import type { NodeMessages } from './messages.js';

export const zh: WordsOf<NodeMessages> = {
  'key-file.invalid': ({ path, problem }) => `密钥文件 ${path}：${problem}`,
  'key-file.open-mode': ({ mode }) => `其他用户可读写（权限 ${mode}），请执行 chmod 600`,
  'key-file.not-json': ({ detail }) => `不是有效的 JSON：${detail}`,
  'key-file.not-format': ({ format }) => `不是 ${format} 格式`,
  'key-file.bad-key': ({ number }) => `第 ${number} 个密钥须有 id、owner 和 32 字节的 key（base64）`,
  'key-file.lock-held': ({ lock }) => `锁文件 ${lock} 被占用`,
  'plugin-file.code-not-allowed': () =>
    '这是代码插件，会以当前用户的权限运行；须明确允许（ruralkit test --allow-code-plugins，或 scenarioSuite 的 allowCodePlugins: true）',
  'plugin-file.unreadable': ({ detail }) => `无法读取插件文件：${detail}`,
  'plugin-file.no-plugin': () => '插件文件须默认导出一个插件',
};
