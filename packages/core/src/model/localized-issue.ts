/**
 * Zod checks with bilingual text (双语校验): a check that answers a `LocalizedText` adds a
 * custom issue carrying it, and whoever words the issue for a person reads it back.
 */
import type { z } from 'zod';
import type { LocalizedText } from './schema.js';

/** A `superRefine` callback adding `problem(value)`, when there is one, as a custom issue. */
export function refineWith<T>(problem: (value: T) => LocalizedText | undefined) {
  return (value: T, context: z.RefinementCtx): void => {
    const text = problem(value);
    if (text) context.addIssue({ code: 'custom', message: text.en, params: { text } });
  };
}

/** The bilingual text a check of {@link refineWith} gave an issue, or undefined. */
export function issueText(issue: { code: string; params?: Record<string, unknown> }): LocalizedText | undefined {
  return issue.code === 'custom' ? (issue.params?.text as LocalizedText | undefined) : undefined;
}
