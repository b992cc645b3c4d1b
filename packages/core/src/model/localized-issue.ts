/**
 * Zod checks that answer a message (带消息的校验): a check that finds a problem adds a custom
 * issue carrying its message (and, as zod's own text, the message in English), and whoever
 * words the issue for a person reads the message back.
 */
import type { z } from 'zod';
import { MODEL_WORDS } from './locales/index.js';
import { localized, renderMessage, type Message, type Words } from './message.js';
import type { LocalizedText } from './schema.js';

/**
 * A `superRefine` callback adding `problem(value)`, when there is one, as a custom issue at
 * `path`; `english` is the words zod's own text of the issue is said with.
 */
export function refineWith<T>(
  problem: (value: T) => Message | undefined,
  english: readonly Words[],
  path: (string | number)[] = [],
) {
  return (value: T, context: z.RefinementCtx): void => {
    const message = problem(value);
    if (message) {
      context.addIssue({ code: 'custom', message: renderMessage(message, english), params: { message }, path });
    }
  };
}

/** The message a check of {@link refineWith} gave an issue, or undefined. */
export function issueMessage(issue: { code: string; params?: Record<string, unknown> }): Message | undefined {
  return issue.code === 'custom' ? (issue.params?.message as Message | undefined) : undefined;
}

/** The text of a check of {@link refineWith} in both languages (a check of the model's), or undefined. */
export function issueText(issue: { code: string; params?: Record<string, unknown> }): LocalizedText | undefined {
  const message = issueMessage(issue);
  return message && localized(message, MODEL_WORDS);
}
