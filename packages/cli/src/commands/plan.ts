/**
 * `ruralkit plan show|diff`: what a plan holds on a date — rules and screening rules with their
 * clauses, parameters, units, clauses with their text, indicators and risk types, each with who
 * set it — everything a county plugin refers to by id; and what plugins change against the base plan.
 */
import { writeFileSync } from 'node:fs';
import {
  diffPlan,
  diffToMarkdown,
  formatParameterValue,
  planInForce,
  type PlanInForce,
  type Lang,
  type Plan,
} from '@ruralkit/core';
import { dateOption, oneOf, parseOptions, suggest, UsageError, type Command, type Io } from '../io.js';
import { cliMessage, inEnglish, word, type Fixed } from '../locales/index.js';
import { basePlan, PLAN_OPTIONS_HELP, planFromOptions, planOptions } from '../plan-options.js';

const NAME = 'ruralkit plan';
const ACTIONS = ['show', 'diff'];

export const planCommand: Command = {
  summary: '查看方案内容与插件改动 / show what a plan holds on a date, or what plugins change',
  usage: `ruralkit plan show [--plan ID] [--plugin FILE]... [--at YYYY-MM-DD] [--lang zh|en] [--format md|json] [--out FILE]
  ruralkit plan diff --plugin FILE... [--plan ID] [--format md|json] [--out FILE]`,
  options: `${PLAN_OPTIONS_HELP}
  --at        show：显示哪天生效的方案 / show: the date the plan is shown in force on, YYYY-MM-DD (default: today)
  --lang      show：语言 / show: zh (default) or en
  --format    输出格式 / md (default, for documents) or json (for programs)
  --out       写入文件而非标准输出 / write to FILE instead of standard output`,
  async run(args, io) {
    const [action, ...rest] = args;
    if (action === undefined || !ACTIONS.includes(action)) {
      throw new UsageError(
        NAME,
        cliMessage('plan.action-required', { action, suggestion: action ? suggest(action, ACTIONS) : undefined }),
      );
    }
    const command = `${NAME} ${action}`;
    const { values, positionals } = parseOptions(command, rest, {
      ...planOptions,
      at: { type: 'string' },
      lang: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
    });
    if (positionals.length > 0) {
      throw new UsageError(command, cliMessage('plan.unexpected-argument', { argument: positionals[0]! }));
    }
    const format = oneOf(command, 'format', values.format, ['md', 'json'] as const, 'md');
    const plan = await planFromOptions(values);
    let text: string;
    if (action === 'show') {
      const at = dateOption(command, 'at', values.at, io.today());
      const lang: Lang = oneOf(command, 'lang', values.lang, ['zh', 'en'] as const, 'zh');
      const inForce = planInForce(plan, at);
      text = format === 'json' ? `${JSON.stringify(inForce, null, 2)}\n` : showMarkdown(plan, inForce, lang);
    } else {
      if (plan.plugins.length === 0) {
        throw new UsageError(command, cliMessage('plan.plugin-required', {}));
      }
      const diff = diffPlan(basePlan(values.plan), plan);
      text = format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : diffToMarkdown(diff);
    }
    write(io, values.out as string | undefined, text);
    return 0;
  },
};

function write(io: Io, out: string | undefined, text: string): void {
  if (!out) return io.stdout(text);
  writeFileSync(out, text);
  io.stderr(`ruralkit: ${inEnglish(cliMessage('output.wrote', { file: out }))}\n`);
}

type InForce = PlanInForce;

/** A Markdown table cell: pipes escaped, line breaks as spaces. */
const cell = (text: unknown) =>
  String(text ?? '')
    .replace(/\|/g, '\\|')
    .replace(/\s*\n\s*/g, ' ');

/** An indicator's valid range, written in its unit: `0%–100%`, `≥ 0`, or empty. */
function range(i: InForce['indicators'][number], lang: Lang): string {
  const write = (n: number) => (i.unit === 'ratio' ? formatParameterValue(n, 'ratio', lang) : String(n));
  if (i.min !== undefined && i.max !== undefined) return `${write(i.min)}–${write(i.max)}`;
  if (i.min !== undefined) return `≥ ${write(i.min)}`;
  if (i.max !== undefined) return `≤ ${write(i.max)}`;
  return '';
}

function table(header: string[], rows: unknown[][]): string[] {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
  ];
}

function showMarkdown(plan: Plan, inForce: InForce, lang: Lang): string {
  const w = (code: Fixed) => word(code, lang);
  const code = (id: string) => `\`${id}\``;
  const lines = [
    `# ${plan.title[lang]}`,
    '',
    `${w('plan.in-force-on')} ${inForce.at} · ${inForce.hash}${inForce.plugins.length ? ` · ${w('plan.plugins')}: ${inForce.plugins.join(', ')}` : ''}`,
    '',
    `## ${w('plan.heading.rules')}`,
    '',
    ...table(
      [
        'id',
        w('plan.column.name'),
        w('plan.column.kind'),
        w('plan.column.strength'),
        w('plan.column.clauses'),
        w('plan.column.due'),
        w('plan.column.units'),
        w('plan.column.set-by'),
      ],
      inForce.rules.map((r) => [
        code(r.id),
        r.name[lang],
        r.kind,
        r.strength,
        r.clauses.map((c) => c.label).join('、'),
        r.due ?? '',
        `${r.units.join(', ')}${r.unitsAssumption ? w('plan.note.library-reading') : ''}${r.unitsSetBy === r.setBy ? '' : ` (${r.unitsSetBy})`}`,
        r.setBy,
      ]),
    ),
    '',
    `## ${w('plan.heading.screening-rules')}`,
    '',
    ...inForce.screeningRules.map((r) => `- ${code(r.id)} ${r.name[lang]} → ${r.riskType} (${r.setBy})`),
    '',
    `## ${w('plan.heading.parameters')}`,
    '',
    ...table(
      [
        'id',
        w('plan.column.name'),
        w('plan.column.value'),
        w('plan.column.unit'),
        w('plan.column.stricter'),
        w('plan.column.from'),
        w('plan.column.source'),
        w('plan.column.set-by'),
      ],
      inForce.parameters.map((p) => [
        code(p.id),
        `${p.name[lang]}${p.assumption ? w('plan.note.assumption') : ''}`,
        p.value ?? '—',
        p.unit,
        p.stricter,
        p.from ?? '—',
        p.source.join(', '),
        p.setBy,
      ]),
    ),
    '',
    `## ${w('plan.heading.indicators')}`,
    '',
    ...table(
      [
        'key',
        w('plan.column.name'),
        w('plan.column.subject'),
        w('plan.column.type'),
        w('plan.column.unit'),
        w('plan.column.range'),
        w('plan.column.set-by'),
      ],
      inForce.indicators.map((i) => [
        code(i.key),
        `${i.name[lang]}${i.required ? w('plan.note.required') : ''}`,
        i.subject,
        i.type,
        i.unit,
        range(i, lang),
        i.setBy,
      ]),
    ),
    '',
    `## ${w('plan.heading.units')}`,
    '',
    ...table(
      ['id', w('plan.column.name'), w('plan.column.set-by')],
      inForce.units.map((u) => [code(u.id), u.name[lang], u.setBy]),
    ),
    '',
    `## ${w('plan.heading.risk-types')}`,
    '',
    ...table(
      ['id', w('plan.column.name'), w('plan.column.set-by')],
      inForce.riskTypes.map((t) => [code(t.id), t.name[lang], t.setBy]),
    ),
    '',
    `## ${w('plan.heading.clauses')}`,
    '',
    ...inForce.clauses.flatMap((c) => [
      `### ${code(c.id)} ${c.label} ${c.heading[lang]}`,
      '',
      ...(c.units.length ? [`${w('plan.clause-units')}: ${c.units.map(code).join(', ')}`, ''] : []),
      `> ${c.text.replace(/\n+/g, '\n> ')}`,
      '',
    ]),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
