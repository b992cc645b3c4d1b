/**
 * The sheets and columns (工作表与列) of a plan's workbook, generated from the plan's indicator
 * definitions: which sheet holds which keys, their headers, units and the clauses that use them.
 */
import { ruleInputs, type Indicator, type LocalizedText, type Message, type Plan } from '@ruralkit/core';
import { xlsxMessage, xlsxSaid, xlsxText } from './locales/index.js';

/** What a sheet holds: village attributes, village indicators by year, district values by year, households. */
export type SheetKind = 'village-attributes' | 'village-indicators' | 'district' | 'households';

/** One column of a sheet: an indicator, or a column that says whose row it is (village, year). */
export interface Column {
  key: string;
  name: LocalizedText;
  type: Indicator['type'];
  unit: Indicator['unit'];
  /** The indicator behind a value column; absent for the village id, name and year columns. */
  indicator?: Indicator;
  /** Rows are identified by this column (村编号, 年份, 户编号): a row without it is an error. */
  identifies?: boolean;
  required?: boolean;
}

export interface SheetSpec {
  kind: SheetKind;
  /** The sheet's name in the workbook (Chinese) and its English name. */
  name: LocalizedText;
  columns: Column[];
}

/** Rows 1 and 2 are the header (Chinese name with unit, English key); data starts on row 3. */
export const HEADER_ROWS = 2;

export const INSTRUCTIONS_SHEET: LocalizedText = xlsxText(xlsxMessage('sheet.instructions', {}));

const villageId: Column = {
  key: 'villageId',
  name: xlsxText(xlsxMessage('column.village-id', {})),
  type: 'string',
  unit: 'none',
  identifies: true,
};
const villageName: Column = {
  key: 'name',
  name: xlsxText(xlsxMessage('column.village-name', {})),
  type: 'string',
  unit: 'none',
};
const year: Column = {
  key: 'year',
  name: xlsxText(xlsxMessage('column.year', {})),
  type: 'integer',
  unit: 'none',
  identifies: true,
};

function valueColumn(indicator: Indicator): Column {
  return {
    key: indicator.key,
    name: indicator.name,
    type: indicator.type,
    unit: indicator.unit,
    indicator,
    ...(indicator.required ? { required: true } : {}),
  };
}

/** The name of a sheet of `kind`, as a message. */
export const sheetName = (kind: SheetKind): Message => xlsxMessage(`sheet.${kind}`, {});

const sheet = (kind: SheetKind, columns: Column[]): SheetSpec => ({ kind, name: xlsxText(sheetName(kind)), columns });

/** The data sheets of `plan`'s workbook, in workbook order. */
export function sheetsOf(plan: Plan): SheetSpec[] {
  const of = (...subjects: Indicator['subject'][]) =>
    plan.indicators.filter((d) => subjects.includes(d.subject)).map(valueColumn);
  const households = of('household').map((c) =>
    c.key === 'id' || c.key === 'villageId' ? { ...c, identifies: true } : c,
  );
  return [
    sheet('village-attributes', [villageId, villageName, ...of('village-attribute')]),
    sheet('village-indicators', [villageId, year, ...of('village')]),
    sheet('district', [year, ...of('district', 'district-reference')]),
    sheet('households', households),
  ];
}

/** The sheet whose identifying columns a header row of keys has, if any. */
export function sheetForKeys(plan: Plan, keys: readonly string[]): SheetSpec | undefined {
  const has = (k: string) => keys.includes(k);
  const kind: SheetKind | undefined = has('year')
    ? has('villageId')
      ? 'village-indicators'
      : 'district'
    : has('villageId')
      ? has('id')
        ? 'households'
        : 'village-attributes'
      : undefined;
  return sheetsOf(plan).find((s) => s.kind === kind);
}

const UNIT: Record<Column['unit'], Message | undefined> = {
  ratio: xlsxMessage('unit.ratio', {}),
  CNY: xlsxMessage('unit.cny', {}),
  count: xlsxMessage('unit.count', {}),
  persons: xlsxMessage('unit.persons', {}),
  date: xlsxMessage('unit.date', {}),
  none: undefined,
};

const unitOf = (column: Column): Message | undefined =>
  column.type === 'boolean' ? xlsxMessage('unit.yes-no', {}) : UNIT[column.unit];

/** How the unit is written in a header: `%`, `元`, `是/否`, `年-月-日`. */
export function unitLabel(column: Column): LocalizedText | undefined {
  const unit = unitOf(column);
  return unit && xlsxText(unit);
}

/** The Chinese header of a column, with its unit: 自来水普及率（%）; a required one ends with *. */
export function headerText(column: Column): string {
  const unit = unitOf(column);
  const name = column.name.zh;
  const required = Boolean(column.required || column.identifies);
  return xlsxSaid(
    unit
      ? xlsxMessage('column.header-with-unit', { name, unit, required })
      : xlsxMessage('column.header', { name, required }),
    'zh',
  );
}

/** What a person may type in a column, in Chinese and English (the import accepts all of it). */
export function fillingRule(column: Column): LocalizedText {
  return xlsxText(fillingMessage(column));
}

function fillingMessage(column: Column): Message {
  if (column.key === 'year') return xlsxMessage('filling.year', {});
  switch (column.type) {
    case 'boolean':
      return xlsxMessage('filling.yes-no', {});
    case 'date':
      return xlsxMessage('filling.date', {});
    case 'string':
      return xlsxMessage('filling.text', {});
    default:
      break;
  }
  if (column.unit === 'ratio') {
    const range = xlsxMessage(column.indicator?.max === 1 ? 'range.share' : 'range.growth', {});
    return xlsxMessage('filling.ratio', { range });
  }
  return xlsxMessage('filling.number', { whole: column.type === 'integer', min: column.indicator?.min });
}

/** Labels of the clauses whose rules read `key`, in plan order: 三（三）、四（二）. */
export function clausesOf(plan: Plan, key: string): string[] {
  const ids = new Set(ruleInputs(plan).flatMap((rule) => (rule.keys.includes(key) ? rule.clauses : [])));
  return plan.clauses.filter((c) => ids.has(c.id)).map((c) => c.label);
}
