/**
 * `diffPlan`: what a county's plugins changed against the base plan (方案差异), as data and as
 * Markdown, with who made each change and the reasons for every loosening.
 */
import { canonicalJson, sha256Hex } from '../model/hash.js';
import { renderMessage, type Message } from '../model/message.js';
import type { LocalizedText, Plan } from '../model/schema.js';
import { fillName, formatParameterValue } from '../evaluate/names.js';
import { pluginSpec, type ResolvedPlan } from '../model/resolved-plan.js';
import { workflowsFor } from '../workflows/definitions.js';
import { PLUGIN_WORDS, pluginText } from './locales/index.js';
import { pluginMessage, type PlanChangeKind, type PluginMessages } from './locales/messages.js';

export type { PlanChangeKind };

/**
 * One change: what, how, by whom; `relaxed` holds the declared reason when it loosens a target.
 * For a custom operator, `after` is a digest of its code; for a workflow a plugin adds, its name
 * and machine version.
 */
export interface PlanChange {
  kind: PlanChangeKind;
  id: string;
  change: 'added' | 'changed' | 'replaced' | 'disabled';
  by: string;
  before?: unknown;
  after?: unknown;
  relaxed?: string;
  /** A rule's or screening rule's name as read, each `{p:…}` filled with the parameter's values. */
  name?: LocalizedText;
}

export interface PlanDiff {
  base: { id: string; hash: string };
  hash: string;
  plugins: { id: string; version: string }[];
  changes: PlanChange[];
}

/** Every change `resolved` makes to `base`. */
export function diffPlan(base: Plan, resolved: ResolvedPlan): PlanDiff {
  const changes: PlanChange[] = [];
  const relaxedReason = (id: string) => resolved.relaxed.find((r) => r.id === id)?.reason;
  const push = (change: PlanChange) => {
    const reason = relaxedReason(change.id);
    const named = change.after as { name?: LocalizedText } | undefined;
    const ruleName =
      (change.kind === 'rule' || change.kind === 'screening-rule') && named?.name
        ? { name: fillName(named.name, (id, lang) => parameterValues(resolved, id, lang)) }
        : {};
    changes.push({ ...change, ...ruleName, ...(reason ? { relaxed: reason } : {}) });
  };
  for (const parameter of resolved.parameters) {
    const before = base.parameters.find((p) => p.id === parameter.id);
    const setBy = resolved.provenance.parameters[parameter.id] ?? [];
    const by = [...new Set(setBy.filter((v) => v.setBy !== 'plan').map((v) => v.setBy))].join(', ');
    if (!before) push({ kind: 'parameter', id: parameter.id, change: 'added', by, after: parameter.values });
    else if (canonicalJson(before.values) !== canonicalJson(parameter.values)) {
      push({
        kind: 'parameter',
        id: parameter.id,
        change: 'changed',
        by,
        before: before.values,
        after: parameter.values,
      });
    }
  }
  diffList(base.rules, resolved.rules, resolved.provenance.rules, 'rule', push);
  diffList(base.screeningRules, resolved.screeningRules, resolved.provenance.screeningRules, 'screening-rule', push);
  for (const { id, by } of resolved.disabled) {
    const kind = base.rules.some((r) => r.id === id) ? 'rule' : 'screening-rule';
    push({ kind, id, change: 'disabled', by });
  }
  for (const indicator of resolved.indicators) {
    const by = resolved.provenance.indicators[indicator.key];
    if (by && by !== 'plan') push({ kind: 'indicator', id: indicator.key, change: 'added', by, after: indicator });
  }
  for (const unit of resolved.units) {
    const by = resolved.provenance.units[unit.id];
    if (by && by !== 'plan') push({ kind: 'unit', id: unit.id, change: 'added', by, after: unit.name });
  }
  for (const riskType of resolved.riskTypes) {
    const by = resolved.provenance.riskTypes[riskType.id];
    if (by && by !== 'plan') push({ kind: 'risk-type', id: riskType.id, change: 'added', by, after: riskType.name });
  }
  for (const [ruleId, by] of Object.entries(resolved.provenance.messages)) {
    const before = base.rules.find((r) => r.id === ruleId)?.messages;
    const after = resolved.rules.find((r) => r.id === ruleId)?.messages;
    push({ kind: 'messages', id: ruleId, change: 'changed', by, before, after });
  }
  for (const [ruleId, by] of Object.entries(resolved.provenance.responsibility)) {
    const before = base.rules.find((r) => r.id === ruleId)?.units;
    const after = resolved.rules.find((r) => r.id === ruleId)?.units;
    push({ kind: 'responsibility', id: ruleId, change: 'changed', by, before, after });
  }
  for (const [workflow, events] of Object.entries(resolved.workflowRoles)) {
    for (const [event, roles] of Object.entries(events)) {
      const id = `${workflow}.${event}`;
      push({ kind: 'workflow-role', id, change: 'changed', by: resolved.provenance.workflowRoles[id]!, after: roles });
    }
  }
  for (const [type, by] of Object.entries(resolved.provenance.workflows ?? {})) {
    const { name, version } = workflowsFor(resolved).definitionOf(type);
    push({ kind: 'workflow', id: type, change: 'added', by, after: { name, version } });
  }
  for (const [name, operator] of Object.entries(resolved.operators)) {
    const after = `sha256:${sha256Hex(String(operator)).slice(0, 16)}`;
    push({ kind: 'operator', id: name, change: 'added', by: resolved.provenance.operators[name]!, after });
  }
  return {
    base: resolved.base,
    hash: resolved.hash,
    plugins: resolved.plugins.map((p) => ({ id: p.id, version: p.version })),
    changes,
  };
}

/** A parameter's values in a name: `95%`, or each with its start: `90%（2021-01-01起）、95%（2024-01-01起）`. */
function parameterValues(plan: Plan, id: string, lang: 'zh' | 'en'): string {
  const parameter = plan.parameters.find((p) => p.id === id);
  if (!parameter || parameter.values.length === 0) return `{p:${id}}`;
  const shown = parameter.values.map((v) => ({
    from: v.from,
    value: formatParameterValue(v.value, parameter.unit, lang),
  }));
  if (shown.length === 1) return shown[0]!.value;
  return renderMessage(pluginMessage('diff.dated-values', { values: shown }), PLUGIN_WORDS[lang]);
}

function diffList<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  provenance: Record<string, string>,
  kind: PlanChangeKind,
  push: (change: PlanChange) => void,
): void {
  for (const item of after) {
    const by = provenance[item.id];
    if (!by || by === 'plan') continue;
    const old = before.find((b) => b.id === item.id);
    push(
      old
        ? { kind, id: item.id, change: 'replaced', by, before: old, after: item }
        : { kind, id: item.id, change: 'added', by, after: item },
    );
  }
}

/** The diff as Markdown: a table of changes, then the declared loosenings with their reasons. */
export function diffToMarkdown(diff: PlanDiff): string {
  const lines = [
    `# ${label('diff.title', ' / ')}: ${diff.base.id}`,
    '',
    `- ${label('diff.plugins', ' / ')}: ${diff.plugins.map(pluginSpec).join(', ') || '—'}`,
    `- ${label('diff.base-hash', ' / ')}: \`${diff.base.hash}\``,
    `- ${label('diff.resolved-hash', ' / ')}: \`${diff.hash}\``,
    '',
    `| ${label('diff.column.kind')} | id | ${label('diff.column.change')} | ${label('diff.column.by')} | ${label('diff.column.details')} |`,
    '|---|---|---|---|---|',
  ];
  for (const c of diff.changes) {
    lines.push(
      `| ${said(pluginMessage('diff.kind', { kind: c.kind }))} | \`${c.id}\` | ${c.change}${c.relaxed ? ' ⚠ relaxed' : ''} | ${c.by} | ${details(c)} |`,
    );
  }
  if (diff.changes.length === 0) lines.push('| — | — | — | — | — |');
  const relaxed = diff.changes.filter((c) => c.relaxed);
  if (relaxed.length > 0) {
    lines.push('', `## ${label('diff.relaxed-targets', ' / ')}`, '');
    for (const c of relaxed) lines.push(`- \`${c.id}\` (${c.by}): ${c.relaxed}`);
  }
  return `${lines.join('\n')}\n`;
}

function details(change: PlanChange): string {
  if (change.kind === 'parameter') {
    const show = (v: unknown) =>
      (v as { from: string; value: unknown }[]).map((e) => `${e.from}: ${e.value}`).join('; ');
    return change.before ? `${show(change.before)} → ${show(change.after)}` : show(change.after);
  }
  if (change.kind === 'rule' || change.kind === 'screening-rule') {
    return change.name ? `${change.name.zh} / ${change.name.en}` : '';
  }
  if (change.kind === 'indicator') {
    const d = change.after as { name: { zh: string; en: string }; unit: string };
    return `${d.name.zh} / ${d.name.en} (${d.unit})`;
  }
  if (change.kind === 'unit' || change.kind === 'risk-type') {
    const name = change.after as { zh: string; en: string };
    return `${name.zh} / ${name.en}`;
  }
  if (change.kind === 'workflow-role') return (change.after as string[]).join(', ');
  if (change.kind === 'workflow') {
    const { name, version } = change.after as { name: LocalizedText; version: number };
    return `${name.zh} / ${name.en} (machine v${version})`;
  }
  if (change.kind === 'responsibility') {
    const show = (units: unknown) => ((units as string[] | undefined) ?? []).join(', ');
    return `${show(change.before)} → ${show(change.after)}`;
  }
  return `${label('diff.custom-operator')}, code ${String(change.after)}`;
}

/** A message in Chinese then English, as the bilingual Markdown shows it: `类别 kind`, `插件 / plugins`. */
function said(message: Message, between = ' '): string {
  const text = pluginText(message);
  return `${text.zh}${between}${text.en}`;
}

/** A label of the Markdown (a message without parameters), in Chinese then English. */
function label(code: DiffLabel, between = ' '): string {
  return said(pluginMessage(code, {}), between);
}

/** The Markdown's labels: the diff's codes without parameters. */
type DiffLabel = Exclude<Extract<keyof PluginMessages, `diff.${string}`>, 'diff.kind' | 'diff.dated-values'>;
