// An area's words (用语) say the same codes in Chinese, English and the test language: a third
// language is one file per area, which the compiler holds complete (`WordsOf`).
import { expect } from 'vitest';

const codes = (words: object) => Object.keys(words).sort();

/** `zh`, `en` and the test language `pseudo` hold the same codes, and at least one. */
export function expectSameCodes(zh: object, en: object, pseudo: object): void {
  expect(codes(zh).length).toBeGreaterThan(0);
  expect(codes(en)).toEqual(codes(zh));
  expect(codes(pseudo)).toEqual(codes(zh));
}
