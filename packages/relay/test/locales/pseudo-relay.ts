// A third language for tests (伪语言): the relay's words.
import type { WordsOf } from '@ruralkit/core';
import type { RelayMessages } from '../../src/locales/messages.js';

export const pseudo: WordsOf<RelayMessages> = {
  'destination.not-a-url': (p) => `⟪destination.not-a-url ${p.destination}⟫`,
  'destination.scheme': (p) => `⟪destination.scheme ${p.destination}⟫`,
  'webhook.secret-required': () => '⟪webhook.secret-required⟫',
  'webhook.secret-invalid': () => '⟪webhook.secret-invalid⟫',
};
