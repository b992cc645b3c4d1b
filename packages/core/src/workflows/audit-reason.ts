/**
 * The reason of a refused attempt as a person reads it (拒绝理由): the audit keeps codes and
 * parameters, said here in Chinese and English with the runtime's words and the workflow's own;
 * an entry written before the audit kept codes holds its text already, shown as it is.
 */
import { renderMessage } from '../model/message.js';
import { wordsFor, type OwnWords } from './locales/index.js';
import type { WorkflowRegistry } from './registry.js';
import type { AuditEntry, AuditReason } from './types.js';

/** `reason` in Chinese and English, with its code; `definition` gives its workflow's own words. */
export function auditReasonText(reason: AuditReason, definition?: OwnWords): { code: string; zh: string; en: string } {
  if (!('message' in reason)) return { code: reason.code, zh: reason.zh, en: reason.en };
  const words = wordsFor(definition);
  const say = (lang: 'zh' | 'en', separator: string) =>
    [reason.message, ...reason.reasons].map((message) => renderMessage(message, words[lang])).join(separator);
  return { code: reason.code, zh: say('zh', '；'), en: say('en', '; ') };
}

/** An audit entry as people read it: its refusal's reason said in Chinese and English. */
export type SaidAuditEntry = Omit<AuditEntry, 'reason'> & { reason?: { code: string; zh: string; en: string } };

/** `entries` as people read them: each reason said with the words of its entry's workflow in `workflows`. */
export function historySaid(entries: readonly AuditEntry[], workflows: WorkflowRegistry): SaidAuditEntry[] {
  return entries.map(({ reason, ...entry }) => {
    if (!reason) return entry;
    const definition = workflows.has(entry.workflow) ? workflows.definitionOf(entry.workflow) : undefined;
    return { ...entry, reason: auditReasonText(reason, definition) };
  });
}
