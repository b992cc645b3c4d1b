/**
 * Messages (消息): what to tell a person, as a code and its parameters. The words are a
 * locale's, kept in one file per area and language and put in only where a person reads them
 * (an error's text, a history shown) — so what is kept, such as an audit entry, holds codes and
 * parameters, never sentences, and mending a sentence changes no record.
 */
import { z } from 'zod';
import { deepFreeze } from './freeze.js';

/** A message: a code and its parameters (plain data, kept as JSON). */
export const MessageSchema = z
  .object({ code: z.string(), params: z.record(z.string(), z.unknown()) })
  .meta({ id: 'Message' });
export interface Message extends z.infer<typeof MessageSchema> {}

/** Parameters as a template gets them: a message among them already said. */
export type Said<P> = { [K in keyof P]: P[K] extends Message ? string : P[K] };

/**
 * One area's words in one language: how each code of the area is said, given its parameters
 * (a message among the parameters is said first, with the same words).
 */
export type WordsOf<Params> = { readonly [Code in keyof Params]: (params: Said<Params[Code]>) => string };

/** Words of any area: a template per code. */
export type Words = { readonly [code: string]: (params: never) => string };

/** A message of an area whose codes and parameters are `Params` (type-checked both ways). */
export function messageOf<Params>() {
  return <Code extends keyof Params & string>(code: Code, params: Params[Code]): Message => ({
    code,
    params: params as Message['params'],
  });
}

/**
 * `message` in the language of `words` (the areas' words of one language, the first to have the
 * code wins). A code none of them has is shown as the code and its parameters, never dropped.
 */
export function renderMessage(message: Message, words: readonly Words[]): string {
  for (const area of words) {
    const say = area[message.code] as ((params: Message['params']) => string) | undefined;
    if (!say) continue;
    const params = Object.fromEntries(
      Object.entries(message.params).map(([key, value]) => [
        key,
        isMessage(value) ? renderMessage(value, words) : value,
      ]),
    );
    return say(params);
  }
  return `[${message.code}] ${JSON.stringify(message.params)}`;
}

const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Message).code === 'string' &&
  typeof (value as Message).params === 'object' &&
  Object.keys(value).length === 2;

/** `message` in Chinese and English. */
export function localized(
  message: Message,
  words: { zh: readonly Words[]; en: readonly Words[] },
): { zh: string; en: string } {
  return { zh: renderMessage(message, words.zh), en: renderMessage(message, words.en) };
}

/** One area's words files of each language, frozen, as `renderMessage` and `localized` take them. */
export function areaWords<W extends Words>(zh: W, en: W): { readonly zh: readonly [W]; readonly en: readonly [W] } {
  return deepFreeze({ zh: [zh] as [W], en: [en] as [W] });
}

/** `message` in Chinese, then in English, on one line: `中文 / English` (or another `between`). */
export function inBoth(
  message: Message,
  words: { zh: readonly Words[]; en: readonly Words[] },
  between = ' / ',
): string {
  const text = localized(message, words);
  return `${text.zh}${between}${text.en}`;
}
