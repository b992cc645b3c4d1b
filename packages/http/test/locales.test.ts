// The service's words files say the same codes in every language, the test language included:
// a third language is one file per area, which the compiler holds complete (`WordsOf`).
import { renderMessage } from '@ruralkit/core';
import { describe, expect, it } from 'vitest';
import { HTTP_WORDS, httpMessage } from '../src/locales/index.js';
import { TokenKeyError } from '../src/token-keys.js';
import { pseudo } from './locales/pseudo-http.js';
import { expectSameCodes } from '../../../test/support/words.js';

describe("the service's words", () => {
  it('say the same codes in Chinese, English and the test language', () => {
    expectSameCodes(HTTP_WORDS.zh[0]!, HTTP_WORDS.en[0]!, pseudo);
  });

  it('say a refused key file in the test language, its reason too', () => {
    const message = httpMessage('token-key.file', {
      file: 'jwt.pem',
      reason: httpMessage('token-key.unreadable', { code: 'ENOENT' }),
    });
    expect(renderMessage(message, [pseudo])).toBe('⟪token-key.file jwt.pem ⟪token-key.unreadable ENOENT⟫⟫');
    expect(new TokenKeyError('jwt.pem', httpMessage('token-key.unreadable', { code: 'ENOENT' })).text).toEqual({
      zh: renderMessage(message, HTTP_WORDS.zh),
      en: 'token key file jwt.pem: cannot be read (ENOENT)',
    });
  });

  it('are frozen: a template cannot be swapped at run time', () => {
    expect(Object.isFrozen(HTTP_WORDS.zh[0])).toBe(true);
    expect(() => {
      (HTTP_WORDS.zh[0] as Record<string, unknown>)['instance.none'] = () => 'x';
    }).toThrow();
  });
});
