/**
 * Message templates of a plugin (插件消息模板), checked when the plugin is applied: every
 * placeholder names a value the rule reads or derives, or a parameter of the plan, so that a
 * typo (`{p:typo}`, `{subjct}`) is refused at load time instead of breaking later results.
 */
import type { Plan, Rule, ScreeningRule } from '../model/schema.js';
import { splitTemplate } from '../evaluate/format.js';
import { pluginMessage } from './locales/messages.js';
import type { Fail } from './references.js';
import type { Plugin } from './schema.js';

/** Something in braces that looks like a placeholder, known or not. */
const BRACED = /\{[A-Za-z][^{}]*\}/g;

/** Check the templates of the rules and screening rules `plugin` adds, replaces or rewords, in `plan` as changed. */
export function checkPluginTemplates(plan: Plan, plugin: Plugin, fail: Fail): void {
  const changed = (kind: 'rules' | 'screeningRules') =>
    [...(plugin[kind].add ?? []), ...(plugin[kind].replace ?? [])].map((r) => r.id);
  const ruleIds = new Set([...changed('rules'), ...Object.keys(plugin.messages)]);
  plan.rules.forEach((rule, i) => {
    if (!ruleIds.has(rule.id)) return;
    for (const lang of ['zh', 'en'] as const) {
      for (const [which, text] of Object.entries(rule.messages[lang])) {
        if (typeof text === 'string') check(plan, rule, text, `rules[${i}] ${rule.id} messages.${lang}.${which}`, fail);
      }
    }
  });
  const screeningIds = new Set(changed('screeningRules'));
  plan.screeningRules.forEach((rule) => {
    if (!screeningIds.has(rule.id)) return;
    for (const lang of ['zh', 'en'] as const) {
      check(plan, rule, rule.messages[lang], `screeningRules ${rule.id} messages.${lang}`, fail);
    }
  });
}

function check(plan: Plan, rule: Rule | ScreeningRule, template: string, path: string, fail: Fail): void {
  const parts = splitTemplate(template);
  for (const name of parts.filter((_, i) => i % 2 === 1)) {
    const id = name.slice(2);
    if (name.startsWith('v:') && !rule.derived[id] && !plan.indicators.some((d) => d.key === id)) {
      fail(path, pluginMessage('plugin.template-value-unknown', { placeholder: name }));
    }
    if (name.startsWith('p:') && !plan.parameters.some((p) => p.id === id)) {
      fail(path, pluginMessage('plugin.template-parameter-unknown', { placeholder: name }));
    }
  }
  const unknown = parts
    .filter((_, i) => i % 2 === 0)
    .join('')
    .match(BRACED);
  if (unknown) {
    fail(path, pluginMessage('plugin.template-not-placeholder', { text: unknown[0] }));
  }
}
