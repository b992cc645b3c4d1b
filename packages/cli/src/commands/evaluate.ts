/** `ruralkit evaluate`: judge a district's data against a plan and write the report. */
import {
  createRuntime,
  deriveWorkflowFacts,
  evaluate,
  type EventInput,
  type Lang,
  type Plan,
  type Report,
  type WorkflowFact,
} from '@ruralkit/core';
import { readInputFiles, refuseOverwritingInput, writeOutput } from '../input-files.js';
import { isFolderOut, writePages } from '../output-folder.js';
import { dateOption, oneOf, parseOptions, UsageError, type Command, type Io } from '../io.js';
import { PLAN_OPTIONS_HELP, planFromOptions, planOptions } from '../plan-options.js';
import { cliMessage, inBoth, inEnglish } from '../locales/index.js';
import { loadHtmlReport, loadXlsx } from '../optional.js';
import { formatMarkdown, formatTable } from '../report-text.js';
import { checkStoreOptions, openWorkflowStore, storeOptions } from '../workflow-store.js';
import { evaluateBatch, EVALUATE_BATCH_OPTIONS_HELP, EVALUATE_BATCH_USAGE } from './evaluate-batch.js';
import { readValue } from './workflow.js';

const FORMATS = ['table', 'json', 'md', 'html', 'xlsx'] as const;

const NAME = 'ruralkit evaluate';

/**
 * The most villages and households one report holds: a report is built in memory, and 2,000
 * villages already make a 228 MB one. Larger data goes through `--batch` and `screen`, which stream.
 */
export const REPORT_LIMITS = { villages: 500, households: 50_000 } as const;

/** Refuse an input too large for one report, with the streaming command to use instead. */
function checkReportSize(input: unknown): void {
  for (const [field, max] of Object.entries(REPORT_LIMITS)) {
    const list = (input as Record<string, unknown> | null)?.[field];
    if (!Array.isArray(list) || list.length <= max) continue;
    const advice =
      field === 'villages'
        ? 'ruralkit evaluate --batch villages.ndjson --out results.ndjson'
        : 'ruralkit screen households.ndjson --out alerts.ndjson';
    throw new UsageError(
      NAME,
      cliMessage('evaluate.too-large', {
        count: list.length.toLocaleString('en-US'),
        field: field as keyof typeof REPORT_LIMITS,
        limit: max.toLocaleString('en-US'),
        advice,
      }),
    );
  }
}

export const evaluateCommand: Command = {
  summary: "评估数据并写出报告 / judge a district's data against the plan and write the report",
  usage: `ruralkit evaluate <input.yaml|input.json|input.xlsx|sheet.csv...> [--plan ID] [--plugin FILE]...
                    [--as-of YYYY-MM-DD] [--format table|json|md|html|xlsx] [--lang zh|en] [--out FILE]
                    [--from-workflows STORE --tenant ID [--open-rectifications --as PRINCIPAL]]
  ${EVALUATE_BATCH_USAGE}
  STORE is --db FILE (SQLite) or --database-url postgres://… [--schema NAME] (PostgreSQL)`,
  options: `${PLAN_OPTIONS_HELP}
  --as-of     评估日期 YYYY-MM-DD（默认今天） / the date to judge at, YYYY-MM-DD (default: today)
  --format    输出格式 / table (default, for a terminal), json (for programs), md (for documents),
              html (a self-contained report with charts), xlsx (one row per result; needs --out)
  --lang      报告语言 zh（默认）或 en / zh (default) or en
  --out       写入文件而非标准输出 / write the report to FILE instead of standard output; with html,
              a folder (DIR/) gets the report in pages (分册): index.html and a page per township
  --from-workflows  并入流程实例确定的指标 / merge what the tenant's workflows settle as of the date
              (village-plan approval dates, open problem-toilet cases, monitoring activity) into
              the input; a typed value that disagrees is noted and the workflow's value used
  --db, --database-url, --schema  流程存储 / the workflow store (STORE above)
  --tenant    读取哪个租户（县区）的流程 / the tenant (county) whose workflows to read
  --open-rectifications  为未达标的约束性目标开整改案件 / open a rectification case for every binding
              village target not met, once per village, rule and year (needs --from-workflows and --as)
  --as        开案件的主体（JSON 或文件） / the principal that opens the cases (JSON or a file)
  --strict    流程数据所属的村不在输入中时退出码为 2 / exit 2 when the workflows name a village the input lacks
${EVALUATE_BATCH_OPTIONS_HELP}`,
  async run(args, io) {
    if (args.includes('--batch')) return evaluateBatch(args, io);
    const { values, positionals } = parseOptions(NAME, args, {
      ...planOptions,
      'as-of': { type: 'string' },
      format: { type: 'string' },
      lang: { type: 'string' },
      out: { type: 'string' },
      'from-workflows': { type: 'boolean' },
      ...storeOptions,
      tenant: { type: 'string' },
      'open-rectifications': { type: 'boolean' },
      as: { type: 'string' },
      strict: { type: 'boolean' },
    });
    if (positionals.length === 0) {
      throw new UsageError(NAME, cliMessage('evaluate.input-required', {}));
    }
    const asOf = dateOption(NAME, 'as-of', values['as-of'], io.today());
    const format = oneOf(NAME, 'format', values.format, FORMATS, 'table');
    const lang: Lang = oneOf(NAME, 'lang', values.lang, ['zh', 'en'] as const, 'zh');
    const out = values.out as string | undefined;
    if (format === 'xlsx' && !out) {
      throw new UsageError(NAME, cliMessage('evaluate.xlsx-needs-out', {}));
    }
    if (out) refuseOverwritingInput(out, [...positionals, ...((values.plugin as string[] | undefined) ?? [])]);
    const workflows = workflowOptions(values);
    const plan = await planFromOptions(values);
    const input = await readInputFiles(plan, positionals, io.stderr);
    checkReportSize(input);
    const report = workflows
      ? await evaluateWithWorkflows(plan, input, asOf, values, workflows, io)
      : evaluate(plan, input, { asOf });
    if (format === 'html' && out && isFolderOut(out)) {
      const pages = (await loadHtmlReport()).renderHtmlReportPages(report, { plan, lang });
      const written = cliMessage('output.wrote-pages', { pages: writePages(out, pages), folder: out });
      io.stderr(`ruralkit: ${inEnglish(written)}\n`);
      return unknownVillages(report, values.strict === true, io.stderr);
    }
    const content =
      format === 'json'
        ? `${JSON.stringify(report, null, 2)}\n`
        : format === 'md'
          ? formatMarkdown(report, lang)
          : format === 'html'
            ? (await loadHtmlReport()).renderHtmlReport(report, { plan, lang })
            : format === 'xlsx'
              ? await (await loadXlsx()).buildResultsWorkbook(plan, report, lang)
              : formatTable(report, lang, io.colour && !out);
    if (out) {
      writeOutput(out, content);
      io.stderr(`ruralkit: ${inEnglish(cliMessage('output.wrote', { file: out }))}\n`);
    } else {
      io.stdout(content as string);
    }
    return unknownVillages(report, values.strict === true, io.stderr);
  },
};

/**
 * Say on stderr each village the workflows name that the input lacks (its facts were not
 * evaluated); with `--strict` that is exit 2, after the report is written.
 */
function unknownVillages(report: Report, strict: boolean, stderr: (text: string) => void): number {
  const missing = report.notes.filter((n) => n.code === 'workflow-village-not-in-input');
  for (const note of missing) stderr(`ruralkit: ${note.message.zh}\nruralkit: ${note.message.en}\n`);
  if (missing.length === 0 || !strict) return 0;
  stderr(`ruralkit: ${inBoth(cliMessage('evaluate.strict', { count: missing.length }))}\n`);
  return 2;
}

/** What --from-workflows asks for, checked before anything is read; undefined without it. */
function workflowOptions(
  values: Record<string, unknown>,
): { tenant: string; opener?: EventInput['actor'] } | undefined {
  const open = values['open-rectifications'] === true;
  if (values['from-workflows'] !== true) {
    const stray = ['db', 'database-url', 'tenant', 'open-rectifications'].find((o) => values[o] !== undefined);
    if (stray) {
      throw new UsageError(NAME, cliMessage('evaluate.needs-from-workflows', { option: stray }));
    }
    return undefined;
  }
  const tenant = values.tenant as string | undefined;
  if (!tenant) throw new UsageError(NAME, cliMessage('evaluate.tenant-required', {}));
  checkStoreOptions(NAME, values, { action: 'read', create: false });
  if (!open) return { tenant };
  return { tenant, opener: readValue('as', values.as as string | undefined) as EventInput['actor'] };
}

/**
 * Evaluate with the facts the tenant's workflows settle as of `asOf`, and (opt-in) open a
 * rectification case for each binding target not met; the store is closed either way.
 */
async function evaluateWithWorkflows(
  plan: Plan,
  input: unknown,
  asOf: string,
  values: Record<string, unknown>,
  { tenant, opener }: { tenant: string; opener?: EventInput['actor'] },
  io: Io,
): Promise<Report> {
  const store = await openWorkflowStore(NAME, values, { action: 'read', create: false }, io);
  try {
    const firstYear = Number(plan.period.start.slice(0, 4));
    const workflowFacts: WorkflowFact[] = await deriveWorkflowFacts(store, { plan, tenant, asOf, firstYear });
    const report = evaluate(plan, input as Parameters<typeof evaluate>[1], { asOf, workflowFacts });
    if (opener) {
      const opened = await createRuntime({ plan, store }).openRectifications(report, { tenant, actor: opener });
      const started = opened.filter((o) => o.outcome === 'started').length;
      const counts = { started, open: opened.length - started };
      io.stderr(`ruralkit: ${inBoth(cliMessage('evaluate.rectifications-opened', counts))}\n`);
    }
    return report;
  } finally {
    await store.close();
  }
}
