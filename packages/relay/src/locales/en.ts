/** The relay's words in English. */
import type { WordsOf } from '@ruralkit/core';
import type { RelayMessages } from './messages.js';

export const en: WordsOf<RelayMessages> = {
  'destination.not-a-url': (p) =>
    `the destination "${p.destination}" is not a valid URL (expected amqp://, nats:// or https://)`,
  'destination.scheme': (p) =>
    `the destination "${p.destination}" has an unsupported scheme: use amqp://, nats:// or https:// (http:// only on loopback)`,
  'webhook.secret-required': () =>
    'webhook delivery needs a signing secret (whsec_…; for the command, RURALKIT_WEBHOOK_SECRET)',
  'webhook.secret-invalid': () => 'invalid webhook signing secret: expected whsec_ followed by base64',
};
