/** 场景消息的中文措辞 / the scenario runner's words in Chinese. */
import type { WordsOf } from '@ruralkit/core';
import type { ScenarioMessages } from './messages.js';

export const zh: WordsOf<ScenarioMessages> = {
  'plugin.outside-root': (p) =>
    `场景的插件须位于目录 ${p.root} 之内（另一目录可用 ruralkit test --plugin-root 或 pluginRoot 指定）`,
  'file.not-found': () => '找不到场景文件或文件夹',
  'file.unreadable': () => '无法读取场景文件',
  'file.invalid': () => '场景文件格式有误',
};
