/** 外发消息的中文措辞 / the relay's words in Chinese. */
import type { WordsOf } from '@ruralkit/core';
import type { RelayMessages } from './messages.js';

export const zh: WordsOf<RelayMessages> = {
  'destination.not-a-url': (p) => `投递目标 "${p.destination}" 不是有效的 URL（应为 amqp://、nats:// 或 https://）`,
  'destination.scheme': (p) =>
    `投递目标 "${p.destination}" 的协议不受支持：只能用 amqp://、nats://、https://（http:// 仅限本机）`,
  'webhook.secret-required': () => 'Webhook 投递需要签名密钥（whsec_… 形式；命令行用环境变量 RURALKIT_WEBHOOK_SECRET）',
  'webhook.secret-invalid': () => 'Webhook 签名密钥无效：应为 whsec_ 加 base64 文本',
};
