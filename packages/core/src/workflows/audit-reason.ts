/**
 * The reason of a refused attempt as a person reads it (拒绝理由): the audit keeps codes and
 * parameters, said here in Chinese and English with the runtime's words and the workflow's own;
 * an entry written before the audit kept codes holds its text already, shown as it is.
 */
import { renderMessage } from '../model/message.js';
import { wordsFor, type OwnWords } from './locales/index.js';
import type { AuditReason } from './types.js';

/** `reason` in Chinese and English, with its code; `definition` gives its workflow's own words. */
export function auditReasonText(reason: AuditReason, definition?: OwnWords): { code: string; zh: string; en: string } {
  if (!('message' in reason)) return { code: reason.code, zh: reason.zh, en: reason.en };
  const words = wordsFor(definition);
  const say = (lang: 'zh' | 'en', separator: string) =>
    [reason.message, ...reason.reasons].map((message) => renderMessage(message, words[lang])).join(separator);
  return { code: reason.code, zh: say('zh', '；'), en: say('en', '; ') };
}
