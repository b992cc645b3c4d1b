/**
 * Import (导入) of a filled workbook or of CSV files with the template's columns into the
 * evaluation input. Cells are converted here; everything else is checked by core's input
 * schema, whose problems are traced back to their sheet and cell. All problems come at once.
 */
import ExcelJS from 'exceljs';
import {
  InputError,
  parseInput,
  type EvaluationInput,
  type HouseholdInput,
  type LocalizedText,
  type Plan,
  type VillageInput,
} from '@ruralkit/core';
import { readCell, cellContent, cellText, normalizedFrom } from './cells.js';
import { sheetName, sheetsOf, type Column, type SheetSpec } from './columns.js';
import { csvLayout, csvSyntaxMessage, csvTextRows, headerColumns, type CsvLayout } from './csv-reader.js';
import { SpreadsheetError, type CellIssue } from './errors.js';
import { tooManyBytes, tooManyRows } from './limits.js';
import { xlsxMessage, xlsxSaid, xlsxText } from './locales/index.js';
import { columnLetter } from './style.js';
import { unpackWorkbook, type UnpackLimits } from './unpack.js';

/** A sheet as read: its name (or the CSV file's) and its rows of raw cell values, row 1 first. */
export interface SheetTable {
  name: string;
  rows: unknown[][];
  /** A CSV file must have the template's columns; a workbook may hold other sheets (填表说明). */
  required?: boolean;
}

/** Where a value of the input came from. */
interface Place {
  sheet: string;
  cell?: string;
  header?: string;
  key?: string;
  text?: string;
  order: [number, number, number];
}

/** What an import may tell besides errors. */
export interface ImportOptions {
  /**
   * Told of each id cell whose text was changed by NFKC normalization (全角 `Ａ1` → `A1`),
   * so that the person who filled it knows which id was used.
   */
  onNotice?: (notice: CellIssue) => void;
  /** How much a workbook may unpack to (default 100 MB in at most 1,000 entries). */
  limits?: UnpackLimits;
}

/** Read a filled workbook (xlsx bytes) into a validated evaluation input. */
export async function readWorkbook(
  plan: Plan,
  data: Uint8Array | ArrayBuffer,
  options: ImportOptions = {},
): Promise<EvaluationInput> {
  const archive = await unpackWorkbook(data instanceof Uint8Array ? data : new Uint8Array(data), options.limits);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(archive as unknown as ArrayBuffer);
  } catch (error) {
    throw new SpreadsheetError([
      {
        path: [],
        sheet: '(xlsx)',
        message: xlsxText(xlsxMessage('workbook.unreadable', { detail: (error as Error).message })),
      },
    ]);
  }
  const tables = workbook.worksheets.map((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row, n) => {
      rows[n - 1] = (row.values as unknown[]).slice(1);
    });
    return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []) };
  });
  return importTables(plan, tables, options);
}

/** Read CSV files, each with the columns of one template sheet, into a validated evaluation input. */
export function readCsv(
  plan: Plan,
  files: { name: string; text: string }[],
  options: ImportOptions = {},
): EvaluationInput {
  const tables: SheetTable[] = [];
  const issues: CellIssue[] = [];
  for (const file of files) {
    const tooBig = tooManyBytes(file.text.length);
    if (tooBig) {
      issues.push({ path: [], sheet: file.name, message: tooBig });
      continue;
    }
    try {
      tables.push({ name: file.name, rows: csvTextRows(file.text), required: true });
    } catch (error) {
      issues.push({ path: [], sheet: file.name, message: csvSyntaxMessage(error) });
    }
  }
  if (issues.length > 0) throw new SpreadsheetError(issues);
  return importTables(plan, tables, options);
}

/** Build the evaluation input from sheets; throws `SpreadsheetError` listing every problem. */
export function importTables(plan: Plan, tables: SheetTable[], options: ImportOptions = {}): EvaluationInput {
  const oversized = tables.flatMap((table): CellIssue[] => {
    const tooMany = tooManyRows(table.rows.length);
    return tooMany ? [{ path: [], sheet: table.name, message: tooMany }] : [];
  });
  if (oversized.length > 0) throw new SpreadsheetError(oversized);
  const builder = new InputBuilder(plan, options);
  tables.forEach((table, index) => builder.addTable(table, index));
  if (!builder.recognized) {
    builder.issue(
      { sheet: tables.map((t) => t.name).join(', ') || '(empty)', order: [0, 0, 0] },
      xlsxText(xlsxMessage('import.no-template-sheet', {})),
    );
  }
  return builder.finish();
}

const KEY = (path: readonly (string | number)[]) => path.join('\u0000');
const REQUIRED: LocalizedText = xlsxText(xlsxMessage('cell.required', {}));

class InputBuilder {
  recognized = false;
  private readonly issues: (CellIssue & { order: Place['order'] })[] = [];
  private readonly places = new Map<string, Place>();
  private readonly villages = new Map<string, { input: VillageInput; index: number; hasAttributes: boolean }>();
  private readonly district: Required<NonNullable<EvaluationInput['district']>> = { indicators: {}, reference: {} };
  private readonly households: HouseholdInput[] = [];
  /** Attribute rows left blank (the template pre-fills one per key village), by village id. */
  private readonly blankAttributeRows = new Map<string, Record<string, Place>>();
  private readonly subjectOf: Map<string, Column['indicator']>;

  constructor(
    private readonly plan: Plan,
    private readonly options: ImportOptions,
  ) {
    this.subjectOf = new Map(plan.indicators.map((d) => [d.key, d]));
  }

  issue(place: Place, message: LocalizedText, extra: Partial<CellIssue> = {}): void {
    const { order, ...where } = place;
    this.issues.push({ path: [], ...where, ...extra, message, order });
  }

  addTable(table: SheetTable, tableIndex: number): void {
    const layout = csvLayout(this.plan, table.rows);
    if (layout?.kind !== 'sheet') {
      const batch = layout?.kind === 'records';
      if (table.required) {
        this.issue(
          { sheet: table.name, order: [tableIndex, 0, 0] },
          xlsxText(xlsxMessage('import.no-header-row', { batch })),
        );
      }
      return;
    }
    this.recognized = true;
    const { sheet: spec, keyRow } = layout;
    const columns = this.columnsOf(table, tableIndex, layout);
    for (let r = keyRow + 1; r < table.rows.length; r++) {
      this.addRow(table, tableIndex, spec, columns, r);
    }
  }

  /** Map the key row to columns; unknown and repeated keys are problems. */
  private columnsOf(table: SheetTable, tableIndex: number, layout: CsvLayout & { kind: 'sheet' }): Map<number, Column> {
    const { keyRow } = layout;
    const { columns, problems } = headerColumns(this.plan, layout, table.rows[keyRow] ?? []);
    for (const { index, key, message } of problems) {
      const cell = `${columnLetter(index)}${keyRow + 1}`;
      this.issue({ sheet: table.name, cell, key, text: key, order: [tableIndex, keyRow, index] }, xlsxText(message));
    }
    return new Map([...columns].map(([index, { column }]) => [index, column]));
  }

  private addRow(table: SheetTable, t: number, spec: SheetSpec, columns: Map<number, Column>, r: number): void {
    const raw = table.rows[r] ?? [];
    const values: Record<string, unknown> = {};
    const places: Record<string, Place> = {};
    let failed = false;
    for (const [c, column] of columns) {
      const place: Place = {
        sheet: table.name,
        cell: `${columnLetter(c)}${r + 1}`,
        header: column.name.zh,
        key: column.key,
        text: cellText(raw[c]),
        order: [t, r, c],
      };
      places[column.key] = place;
      const reading = readCell(column, raw[c]);
      if (!reading) continue;
      if ('error' in reading) {
        failed = true;
        this.issue(place, reading.error, { value: cellContent(raw[c]) });
        continue;
      }
      values[column.key] = reading.value;
      const typed = column.key === 'id' || column.key === 'villageId' ? normalizedFrom(raw[c]) : undefined;
      if (typed !== undefined) this.noticeNormalized(place, typed, String(reading.value));
    }
    const identifying = spec.columns.filter((c) => c.identifies || c.key === 'name').map((c) => c.key);
    const given = Object.keys(values).filter((k) => !identifying.includes(k));
    // A blank row, or one the template pre-filled with only its village and year, reports nothing.
    if (given.length === 0 && !failed && spec.kind !== 'households') {
      if (spec.kind === 'village-attributes' && values.villageId !== undefined) {
        this.blankAttributeRows.set(String(values.villageId), places);
      }
      return;
    }
    if (Object.keys(values).length === 0 && !failed) return;
    const missingId = spec.columns.filter((c) => c.identifies && values[c.key] === undefined);
    for (const column of missingId) {
      if (!places[column.key]) {
        this.issue(
          { sheet: table.name, order: [t, r, 0] },
          xlsxText(xlsxMessage('import.no-column', { key: column.key })),
        );
      } else if (places[column.key]!.text === '') this.issue(places[column.key]!, REQUIRED);
    }
    if (missingId.length > 0) return;
    const rowPlace: Place = { ...places[spec.columns[0]!.key]!, header: undefined, key: undefined, text: undefined };
    switch (spec.kind) {
      case 'village-attributes':
        return this.addAttributes(values, places, rowPlace, spec);
      case 'village-indicators':
        return this.addVillageYear(values, places, rowPlace);
      case 'district':
        return this.addDistrictYear(values, places);
      case 'households':
        return this.addHousehold(values, places, spec);
    }
  }

  /** Tell that an id cell's text was normalized: `Ａ1` is read as `A1`. */
  private noticeNormalized(place: Place, typed: string, id: string): void {
    const { order: _order, ...where } = place;
    this.options.onNotice?.({
      path: [],
      ...where,
      message: xlsxText(xlsxMessage('import.id-normalized', { id })),
      value: typed,
    });
  }

  private village(id: string, rowPlace: Place): { input: VillageInput; index: number; hasAttributes: boolean } {
    let entry = this.villages.get(id);
    if (!entry) {
      entry = { input: { id }, index: this.villages.size, hasAttributes: false };
      this.villages.set(id, entry);
      this.places.set(KEY(['villages', entry.index]), rowPlace);
      this.places.set(KEY(['villages', entry.index, 'id']), rowPlace);
    }
    return entry;
  }

  private addAttributes(
    values: Record<string, unknown>,
    places: Record<string, Place>,
    rowPlace: Place,
    spec: SheetSpec,
  ) {
    const id = String(values.villageId);
    const entry = this.village(id, rowPlace);
    if (entry.hasAttributes) {
      this.issue(places.villageId!, xlsxText(xlsxMessage('row.duplicate-village', {})));
      return;
    }
    entry.hasAttributes = true;
    this.places.set(KEY(['villages', entry.index]), rowPlace);
    this.places.set(KEY(['villages', entry.index, 'id']), places.villageId!);
    const { villageId: _id, name, ...attributes } = values;
    const keyVillage = this.plan.keyVillages.some((v) => v.id === id);
    // A key village takes the plan's name; the column is for villages the plan does not list.
    if (typeof name === 'string' && !keyVillage) entry.input.name = name;
    entry.input.attributes = attributes;
    for (const column of spec.columns) {
      if (places[column.key])
        this.places.set(KEY(['villages', entry.index, 'attributes', column.key]), places[column.key]!);
    }
  }

  private addVillageYear(values: Record<string, unknown>, places: Record<string, Place>, rowPlace: Place) {
    const { villageId, year, ...record } = values;
    const entry = this.village(String(villageId), rowPlace);
    const yearly = (entry.input.indicators ??= {});
    if (yearly[String(year)]) {
      const duplicate = xlsxMessage('row.duplicate-village-year', { village: String(villageId), year: String(year) });
      this.issue(places.year!, xlsxText(duplicate));
      return;
    }
    yearly[String(year)] = record;
    // A problem with the year itself (1999) is the year cell's.
    this.places.set(KEY(['villages', entry.index, 'indicators', String(year)]), places.year!);
    for (const key of Object.keys(places)) {
      this.places.set(KEY(['villages', entry.index, 'indicators', String(year), key]), places[key]!);
    }
  }

  private addDistrictYear(values: Record<string, unknown>, places: Record<string, Place>) {
    const year = String(values.year);
    if (this.district.indicators[year] || this.district.reference[year]) {
      this.issue(places.year!, xlsxText(xlsxMessage('row.duplicate-district-year', { year })));
      return;
    }
    for (const [key, value] of Object.entries(values)) {
      if (key === 'year') continue;
      const block = this.subjectOf.get(key)?.subject === 'district-reference' ? 'reference' : 'indicators';
      (this.district[block][year] ??= {})[key] = value;
    }
    for (const block of ['indicators', 'reference']) this.places.set(KEY(['district', block, year]), places.year!);
    for (const [key, place] of Object.entries(places)) {
      const block = this.subjectOf.get(key)?.subject === 'district-reference' ? 'reference' : 'indicators';
      this.places.set(KEY(['district', block, year, key]), place);
    }
  }

  private addHousehold(values: Record<string, unknown>, places: Record<string, Place>, spec: SheetSpec) {
    const index = this.households.length;
    this.households.push(values as HouseholdInput);
    for (const column of spec.columns) {
      if (places[column.key]) this.places.set(KEY(['households', index, column.key]), places[column.key]!);
    }
  }

  /** Where a path of the input came from: the longest known prefix. */
  private placeOf(path: readonly (string | number)[]): Place | undefined {
    for (let n = path.length; n > 0; n--) {
      const place = this.places.get(KEY(path.slice(0, n)));
      if (place) return place;
    }
    return undefined;
  }

  finish(): EvaluationInput {
    const input: EvaluationInput = {};
    const district = Object.fromEntries(Object.entries(this.district).filter(([, v]) => Object.keys(v).length > 0));
    if (Object.keys(district).length > 0) input.district = district;
    if (this.villages.size > 0) input.villages = [...this.villages.values()].map((v) => v.input);
    if (this.households.length > 0) input.households = this.households;
    const attributesSheet = sheetsOf(this.plan)[0]!;
    try {
      parseInput(this.plan, input);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const failedCells = new Set(this.issues.map((i) => `${i.sheet}!${i.cell}`));
      for (const issue of error.issues) {
        const place = this.placeOf(issue.path);
        const [area, index, section, key] = issue.path;
        // A village with yearly rows but no row on the attributes sheet.
        const noAttributesRow =
          area === 'villages' &&
          section === 'attributes' &&
          !this.villages.get(String(issue.subject?.id))?.hasAttributes;
        const blankCell = noAttributesRow
          ? this.blankAttributeRows.get(String(issue.subject?.id))?.[String(key)]
          : undefined;
        if (blankCell) {
          const { order, ...where } = blankCell;
          this.issues.push({ ...issue, ...where, order });
          continue;
        }
        if (noAttributesRow) {
          const column = attributesSheet.columns.find((c) => c.key === key);
          const note = xlsxMessage('import.no-attributes-row', {
            sheet: sheetName(attributesSheet.kind),
            village: String(issue.subject?.id),
          });
          this.issues.push({
            ...issue,
            sheet: attributesSheet.name.zh,
            ...(column ? { header: column.name.zh } : {}),
            message: { zh: issue.message.zh + xlsxSaid(note, 'zh'), en: issue.message.en + xlsxSaid(note, 'en') },
            order: [-1, Number(index), 0],
          });
          continue;
        }
        if (place?.cell && failedCells.has(`${place.sheet}!${place.cell}`)) continue;
        const { order, ...where } = place ?? { sheet: '(input)', order: [99, 0, 0] as Place['order'] };
        this.issues.push({ ...issue, ...where, key: where.key ?? issue.key, order });
      }
    }
    if (this.issues.length > 0) {
      const sorted = [...this.issues].sort((a, b) => compareOrder(a.order, b.order));
      throw new SpreadsheetError(sorted.map(({ order: _order, ...issue }) => issue));
    }
    return input;
  }
}

function compareOrder(a: Place['order'], b: Place['order']): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}
