/**
 * One batch job (批处理任务): a run of consecutive input lines judged into output text. The
 * same code runs in the main thread and in worker threads, so that the output does not depend
 * on `--workers`.
 */
import {
  createBatchEvaluator,
  InputError,
  type Plan,
  type BatchEvaluator,
  type ExplainLevel,
  type HouseholdResult,
  type InputIssue,
  type RuleResult,
  type VillageEvaluation,
  type YearlyValues,
} from '@ruralkit/core';
import { cliMessage, said } from '../locales/index.js';
import { formatCsvRow } from './csv.js';
import { forEachLine, MAX_LINE_BYTES, readRange, type LineRange } from './ranges.js';

/** What a run judges and how it writes: sent once to every worker. */
export interface JobSettings {
  /** `screen`: households, writing only those with a risk; `evaluate`: villages, writing every one. */
  mode: 'screen' | 'evaluate';
  planId: string;
  /** Plugin files (absolute paths), applied to the plan in every thread. */
  plugins: string[];
  asOf: string;
  district?: { indicators?: YearlyValues; reference?: YearlyValues };
  explain: ExplainLevel;
  format: 'ndjson' | 'csv';
}

/**
 * The input of a job: a byte range of an NDJSON file, read where the job runs, or records
 * already read from CSV with the line of each.
 */
export type JobInput = LineRange | { lines: number[]; records: unknown[] };

/** Counts a job adds to the run's summary. */
export interface JobCounts {
  subjects: number;
  /** screen: households with a risk; evaluate: villages with a not-met result. */
  flagged: number;
  byKey: Record<string, number>;
}

/**
 * A job's output text and counts, and each subject's id and line (ids must be unique across
 * jobs): of every record, or of those before the first invalid one, whose issues end the run
 * unless an id before it was a duplicate. The ids are one text, a line each (a valid id holds
 * no line break), as one string crosses to the main thread far faster than thousands. The lines
 * of a byte range, in `lines` and in `issues`, count from 1 at the range's first line, which
 * only the run knows; `rangeLines` is how many the range holds.
 */
export type JobOutput = { ids: string; lines: Int32Array } & (
  { ok: true; text: string; counts: JobCounts; rangeLines?: number } | { ok: false; issues: InputIssue[] }
);

/** The CSV header of each mode's output. */
export const CSV_HEADER = {
  screen: ['id', 'villageId', 'risks', 'category', 'message_zh', 'message_en'],
  evaluate: ['village', 'ruleId', 'status', 'year', 'progress', 'message_zh', 'message_en'],
} as const;

/** A household with a risk (预警), as written: risk types, suggested category, the reasons. */
function alertOf(h: HouseholdResult) {
  return {
    id: h.subject.id,
    villageId: h.villageId,
    risks: h.risks,
    category: h.category,
    categoryName: h.categoryName,
    reasons: h.details.map((d) => ({ ruleId: d.ruleId, riskType: d.riskType, message: d.message })),
  };
}

function writeHousehold(h: HouseholdResult, settings: JobSettings, counts: JobCounts): string {
  if (h.risks.length === 0) return '';
  counts.flagged++;
  const key = h.category ?? 'none';
  counts.byKey[key] = (counts.byKey[key] ?? 0) + 1;
  if (settings.format === 'ndjson') return `${JSON.stringify(alertOf(h))}\n`;
  const messages = (lang: 'zh' | 'en') => h.details.map((d) => d.message[lang]).join(lang === 'zh' ? '；' : '; ');
  return formatCsvRow([h.subject.id, h.villageId, h.risks.join(';'), h.category, messages('zh'), messages('en')]);
}

function writeVillage(v: VillageEvaluation, settings: JobSettings, counts: JobCounts): string {
  if (v.counts['not-met'] > 0) counts.flagged++;
  for (const [status, n] of Object.entries(v.counts)) counts.byKey[status] = (counts.byKey[status] ?? 0) + n;
  if (settings.format === 'ndjson') return `${JSON.stringify(v)}\n`;
  return v.results
    .map((r) => {
      const message = (r as RuleResult).message;
      return formatCsvRow([v.subject.id, r.ruleId, r.status, r.year, r.progress, message?.zh, message?.en]);
    })
    .join('');
}

/** A job runner for one thread: the plan compiled and the district validated once. */
export function createJobRunner(plan: Plan, settings: JobSettings): (input: JobInput) => JobOutput {
  const evaluator: BatchEvaluator = createBatchEvaluator(plan, {
    asOf: settings.asOf,
    district: settings.district,
    explain: settings.explain,
  });
  return (input) => {
    const counts: JobCounts = { subjects: 0, flagged: 0, byKey: {} };
    const ids: string[] = [];
    const lines: number[] = [];
    const judge = (record: unknown, line: number, counts: JobCounts): string => {
      if (settings.mode === 'screen') {
        const household = evaluator.household(record, line);
        ids.push(household.subject.id);
        lines.push(line);
        return writeHousehold(household, settings, counts);
      }
      const village = evaluator.village(record, line);
      ids.push(village.subject.id);
      lines.push(line);
      return writeVillage(village, settings, counts);
    };
    let text = '';
    let rangeLines: number | undefined;
    try {
      if ('file' in input) {
        rangeLines =
          forEachLine(readRange(input), 1, (source, line) => {
            if (source.trim() === '') return;
            if (source.length > MAX_LINE_BYTES / 3 && Buffer.byteLength(source) > MAX_LINE_BYTES)
              throw lineTooLong(line);
            text += judge(parseLine(source, line), line, counts);
            counts.subjects++;
          }) - 1;
      } else {
        input.records.forEach((record, i) => {
          text += judge(record, input.lines[i]!, counts);
          counts.subjects++;
        });
      }
    } catch (error) {
      if (error instanceof InputError) return { ok: false, issues: error.issues, ...subjects(ids, lines) };
      throw error;
    }
    return { ok: true, text, counts, ...subjects(ids, lines), ...(rangeLines === undefined ? {} : { rangeLines }) };
  };
}

/** The judged subjects' ids and lines as a job's output carries them. */
function subjects(ids: string[], lines: number[]): Pick<JobOutput, 'ids' | 'lines'> {
  return { ids: ids.join('\n'), lines: Int32Array.from(lines) };
}

/** A line of more than `MAX_LINE_BYTES`: refused before it is read whole. */
function lineTooLong(line: number): InputError {
  const mb = MAX_LINE_BYTES / (1 << 20);
  return new InputError([
    {
      path: [],
      line,
      message: said(cliMessage('batch.line-too-long', { mb })),
    },
  ]);
}

/** One NDJSON line; a line that is not JSON is an input error naming the line. */
function parseLine(source: string, line: number): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new InputError([
      {
        path: [],
        line,
        message: said(cliMessage('batch.line-not-json', { problem: (error as Error).message })),
      },
    ]);
  }
}
