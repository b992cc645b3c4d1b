/**
 * `ruralkit plan show|diff`: the rules and parameters in force on a date, with their clauses and
 * who set them; and what plugins change against the base plan.
 */
import { writeFileSync } from 'node:fs';
import {
  diffPlan,
  diffToMarkdown,
  isRealDate,
  isResolvedPlan,
  planInForce,
  type PlanInForce,
  type Lang,
  type Plan,
} from '@ruralkit/core';
import { oneOf, parseOptions, UsageError, type Command, type Io } from '../io.js';
import { basePlan, planFromOptions, planOptions } from '../plan-options.js';

export const planCommand: Command = {
  usage: `ruralkit plan show [--plan ID] [--plugin FILE]... [--at YYYY-MM-DD] [--lang zh|en] [--format md|json]
  ruralkit plan diff --plugin FILE... [--plan ID] [--format md|json] [--out FILE]`,
  async run(args, io) {
    const [action, ...rest] = args;
    const { values, positionals } = parseOptions(rest, {
      ...planOptions,
      at: { type: 'string' },
      lang: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals.length > 0) throw new UsageError(`ruralkit plan: unexpected argument "${positionals[0]}"`);
    const format = oneOf('format', values.format, ['md', 'json'] as const, 'md');
    const plan = await planFromOptions(values);
    let text: string;
    if (action === 'show') {
      const at = (values.at as string | undefined) ?? io.today();
      if (!isRealDate(at)) throw new UsageError(`ruralkit: --at must be a date YYYY-MM-DD (got "${at}")`);
      const lang: Lang = oneOf('lang', values.lang, ['zh', 'en'] as const, 'zh');
      const inForce = planInForce(plan, at);
      text = format === 'json' ? `${JSON.stringify(inForce, null, 2)}\n` : showMarkdown(plan, inForce, lang);
    } else if (action === 'diff') {
      if (!isResolvedPlan(plan)) throw new UsageError('ruralkit plan diff: give at least one --plugin FILE');
      const diff = diffPlan(basePlan(values.plan), plan);
      text = format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : diffToMarkdown(diff);
    } else {
      throw new UsageError('ruralkit plan: use "plan show" or "plan diff"');
    }
    write(io, values.out as string | undefined, text);
    return 0;
  },
};

function write(io: Io, out: string | undefined, text: string): void {
  if (!out) return io.stdout(text);
  writeFileSync(out, text);
  io.stderr(`ruralkit: wrote ${out}\n`);
}

function showMarkdown(plan: Plan, inForce: PlanInForce, lang: Lang): string {
  const zh = lang === 'zh';
  const lines = [
    `# ${plan.title[lang]}`,
    '',
    `${zh ? '生效日期' : 'In force on'} ${inForce.at} · ${inForce.hash}${inForce.plugins.length ? ` · ${zh ? '插件' : 'plugins'}: ${inForce.plugins.join(', ')}` : ''}`,
    '',
    `## ${zh ? '规则' : 'Rules'}`,
    '',
    `| id | ${zh ? '名称' : 'name'} | ${zh ? '类型' : 'kind'} | ${zh ? '强度' : 'strength'} | ${zh ? '条款' : 'clauses'} | ${zh ? '期限' : 'due'} | ${zh ? '来自' : 'set by'} |`,
    '|---|---|---|---|---|---|---|',
    ...inForce.rules.map(
      (r) =>
        `| \`${r.id}\` | ${r.name[lang]} | ${r.kind} | ${r.strength} | ${r.clauses.map((c) => c.label).join('、')} | ${r.due ?? ''} | ${r.setBy} |`,
    ),
    '',
    `## ${zh ? '筛查规则' : 'Screening rules'}`,
    '',
    ...inForce.screeningRules.map((r) => `- \`${r.id}\` ${r.name[lang]} → ${r.riskType} (${r.setBy})`),
    '',
    `## ${zh ? '参数' : 'Parameters'}`,
    '',
    `| id | ${zh ? '名称' : 'name'} | ${zh ? '取值' : 'value'} | ${zh ? '单位' : 'unit'} | ${zh ? '起始' : 'from'} | ${zh ? '依据' : 'source'} | ${zh ? '来自' : 'set by'} |`,
    '|---|---|---|---|---|---|---|',
    ...inForce.parameters.map(
      (p) =>
        `| \`${p.id}\` | ${p.name[lang]}${p.assumption ? (zh ? '（假定值）' : ' (assumption)') : ''} | ${p.value ?? '—'} | ${p.unit} | ${p.from ?? '—'} | ${p.source.join(', ')} | ${p.setBy} |`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
