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
import { dateOption, oneOf, parseOptions, UsageError, type Command, type Io } from '../io.js';
import { basePlan, PLAN_OPTIONS_HELP, planFromOptions, planOptions } from '../plan-options.js';
import { didYouMean } from '@ruralkit/core';

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
      const hint = action ? didYouMean(action, ACTIONS) : { zh: '', en: '' };
      throw new UsageError(
        NAME,
        `请用 "plan show" 或 "plan diff"${action ? `（得到 "${action}"）` : ''}${hint.zh}`,
        `use "plan show" or "plan diff"${action ? ` (got "${action}")` : ''}${hint.en}`,
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
      throw new UsageError(
        command,
        `多余的参数 "${positionals[0]}"：插件文件请用 --plugin 给出`,
        `unexpected argument "${positionals[0]}": give plugin files with --plugin`,
      );
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
        throw new UsageError(
          command,
          '请至少给出一个 --plugin FILE，以比较插件带来的改动',
          'give at least one --plugin FILE: the diff is what plugins change',
        );
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
  io.stderr(`ruralkit: wrote ${out}\n`);
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
  const zh = lang === 'zh';
  const w = (zhText: string, en: string) => (zh ? zhText : en);
  const code = (id: string) => `\`${id}\``;
  const lines = [
    `# ${plan.title[lang]}`,
    '',
    `${w('生效日期', 'In force on')} ${inForce.at} · ${inForce.hash}${inForce.plugins.length ? ` · ${w('插件', 'plugins')}: ${inForce.plugins.join(', ')}` : ''}`,
    '',
    `## ${w('规则', 'Rules')}`,
    '',
    ...table(
      [
        'id',
        w('名称', 'name'),
        w('类型', 'kind'),
        w('强度', 'strength'),
        w('条款', 'clauses'),
        w('期限', 'due'),
        w('责任单位（牵头在前）', 'units (lead first)'),
        w('来自', 'set by'),
      ],
      inForce.rules.map((r) => [
        code(r.id),
        r.name[lang],
        r.kind,
        r.strength,
        r.clauses.map((c) => c.label).join('、'),
        r.due ?? '',
        `${r.units.join(', ')}${r.unitsAssumption ? w('（本库解读）', " (the library's reading)") : ''}${r.unitsSetBy === r.setBy ? '' : ` (${r.unitsSetBy})`}`,
        r.setBy,
      ]),
    ),
    '',
    `## ${w('筛查规则', 'Screening rules')}`,
    '',
    ...inForce.screeningRules.map((r) => `- ${code(r.id)} ${r.name[lang]} → ${r.riskType} (${r.setBy})`),
    '',
    `## ${w('参数', 'Parameters')}`,
    '',
    ...table(
      [
        'id',
        w('名称', 'name'),
        w('取值', 'value'),
        w('单位', 'unit'),
        w('更严格', 'stricter'),
        w('起始', 'from'),
        w('依据', 'source'),
        w('来自', 'set by'),
      ],
      inForce.parameters.map((p) => [
        code(p.id),
        `${p.name[lang]}${p.assumption ? w('（假定值）', ' (assumption)') : ''}`,
        p.value ?? '—',
        p.unit,
        p.stricter,
        p.from ?? '—',
        p.source.join(', '),
        p.setBy,
      ]),
    ),
    '',
    `## ${w('指标', 'Indicators')}`,
    '',
    ...table(
      [
        'key',
        w('名称', 'name'),
        w('对象', 'subject'),
        w('类型', 'type'),
        w('单位', 'unit'),
        w('取值范围', 'range'),
        w('来自', 'set by'),
      ],
      inForce.indicators.map((i) => [
        code(i.key),
        `${i.name[lang]}${i.required ? w('（必填）', ' (required)') : ''}`,
        i.subject,
        i.type,
        i.unit,
        range(i, lang),
        i.setBy,
      ]),
    ),
    '',
    `## ${w('责任单位', 'Responsible units')}`,
    '',
    ...table(
      ['id', w('名称', 'name'), w('来自', 'set by')],
      inForce.units.map((u) => [code(u.id), u.name[lang], u.setBy]),
    ),
    '',
    `## ${w('风险类型', 'Risk types')}`,
    '',
    ...table(
      ['id', w('名称', 'name'), w('来自', 'set by')],
      inForce.riskTypes.map((t) => [code(t.id), t.name[lang], t.setBy]),
    ),
    '',
    `## ${w('条款', 'Clauses')}`,
    '',
    ...inForce.clauses.flatMap((c) => [
      `### ${code(c.id)} ${c.label} ${c.heading[lang]}`,
      '',
      ...(c.units.length ? [`${w('责任单位', 'Units')}: ${c.units.map(code).join(', ')}`, ''] : []),
      `> ${c.text.replace(/\n+/g, '\n> ')}`,
      '',
    ]),
  ];
  return `${lines.join('\n').trimEnd()}\n`;
}
