// The relay's words say the same codes in Chinese, English and the test language, and a real
// error's message is said in each of them.
import { renderMessage } from '@ruralkit/core';
import { describe, expect, it } from 'vitest';
import { RELAY_WORDS } from '../src/locales/index.js';
import { destinationUrl, RelayError } from '../src/transport.js';
import { pseudo } from './locales/pseudo-relay.js';
import { expectSameCodes } from '../../../test/support/words.js';

describe("the relay's words", () => {
  it('say the same codes in Chinese, English and the test language', () => {
    expectSameCodes(RELAY_WORDS.zh[0]!, RELAY_WORDS.en[0]!, pseudo);
  });

  it("say a destination's error in every language, without its password", () => {
    const refused = (text: string) => {
      try {
        destinationUrl(text);
      } catch (error) {
        return error as RelayError;
      }
      throw new Error('accepted');
    };
    const scheme = refused('ftp://user:secret@host/x');
    expect(renderMessage(scheme.what, [pseudo])).toBe('⟪destination.scheme ftp://host/x⟫');
    expect(scheme.text.zh).toContain('协议不受支持');
    expect(scheme.text.en).toContain('unsupported scheme');
    expect(renderMessage(refused('no url').what, [pseudo])).toBe('⟪destination.not-a-url no url⟫');
  });
});
