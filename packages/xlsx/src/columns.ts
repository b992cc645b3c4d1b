/**
 * The sheets and columns (工作表与列) of a plan's workbook, generated from the plan's indicator
 * definitions: which sheet holds which keys, their headers, units and the clauses that use them.
 */
import { ruleInputs, type Indicator, type LocalizedText, type Plan } from '@ruralkit/core';

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

export const INSTRUCTIONS_SHEET: LocalizedText = { zh: '填表说明', en: 'Instructions' };

const villageId: Column = {
  key: 'villageId',
  name: { zh: '村编号', en: 'Village id' },
  type: 'string',
  unit: 'none',
  identifies: true,
};
const villageName: Column = {
  key: 'name',
  name: { zh: '村名称', en: 'Village name' },
  type: 'string',
  unit: 'none',
};
const year: Column = {
  key: 'year',
  name: { zh: '年份', en: 'Year' },
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

/** The data sheets of `plan`'s workbook, in workbook order. */
export function sheetsOf(plan: Plan): SheetSpec[] {
  const of = (...subjects: Indicator['subject'][]) =>
    plan.indicators.filter((d) => subjects.includes(d.subject)).map(valueColumn);
  const households = of('household').map((c) =>
    c.key === 'id' || c.key === 'villageId' ? { ...c, identifies: true } : c,
  );
  return [
    {
      kind: 'village-attributes',
      name: { zh: '村属性', en: 'Village attributes' },
      columns: [villageId, villageName, ...of('village-attribute')],
    },
    {
      kind: 'village-indicators',
      name: { zh: '村指标', en: 'Village indicators' },
      columns: [villageId, year, ...of('village')],
    },
    {
      kind: 'district',
      name: { zh: '区指标', en: 'District indicators' },
      columns: [year, ...of('district', 'district-reference')],
    },
    { kind: 'households', name: { zh: '农户', en: 'Households' }, columns: households },
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

const UNIT_LABEL: Record<Column['unit'], LocalizedText | undefined> = {
  ratio: { zh: '%', en: '%' },
  CNY: { zh: '元', en: 'CNY' },
  count: { zh: '个', en: 'count' },
  persons: { zh: '人', en: 'persons' },
  date: { zh: '年-月-日', en: 'YYYY-MM-DD' },
  none: undefined,
};

/** How the unit is written in a header: `%`, `元`, `是/否`, `年-月-日`. */
export function unitLabel(column: Column): LocalizedText | undefined {
  if (column.type === 'boolean') return { zh: '是/否', en: 'yes/no' };
  return UNIT_LABEL[column.unit];
}

/** The Chinese header of a column, with its unit: 自来水普及率（%）; a required one ends with *. */
export function headerText(column: Column): string {
  const unit = unitLabel(column);
  return `${column.name.zh}${unit ? `（${unit.zh}）` : ''}${column.required || column.identifies ? ' *' : ''}`;
}

/** What a person may type in a column, in Chinese and English (the import accepts all of it). */
export function fillingRule(column: Column): LocalizedText {
  if (column.key === 'year') return { zh: '四位年份，如 2023', en: 'a four-digit year, such as 2023' };
  switch (column.type) {
    case 'boolean':
      return { zh: '是 / 否（也可填 Y/N、true/false、1/0）', en: '是 / 否 (also Y/N, yes/no, true/false, 1/0)' };
    case 'date':
      return {
        zh: 'Excel 日期，或 2022-12-31、2022/12/31、2022年12月31日',
        en: 'an Excel date, or 2022-12-31, 2022/12/31, 2022年12月31日',
      };
    case 'string':
      return { zh: '文本', en: 'text' };
    default:
      break;
  }
  if (column.unit === 'ratio') {
    const range =
      column.indicator?.max === 1
        ? { zh: '0–1 之间', en: 'between 0 and 1' }
        : { zh: '增幅，可为负', en: 'a growth, may be negative' };
    return {
      zh: `比例（${range.zh}）：填 0.87 或 87%；2 及以上的数读作百分数（87 即 87%）`,
      en: `a ratio (${range.en}): 0.87 or 87%; a number of 2 or more is read as a percentage (87 means 87%)`,
    };
  }
  const whole = column.type === 'integer';
  const min = column.indicator?.min;
  return {
    zh: `${whole ? '整数' : '数字'}${min !== undefined ? `，不小于 ${min}` : ''}；可带千位分隔符，如 12,000`,
    en: `${whole ? 'a whole number' : 'a number'}${min !== undefined ? ` of at least ${min}` : ''}; thousands separators allowed, e.g. 12,000`,
  };
}

/** Labels of the clauses whose rules read `key`, in plan order: 三（三）、四（二）. */
export function clausesOf(plan: Plan, key: string): string[] {
  const ids = new Set(ruleInputs(plan).flatMap((rule) => (rule.keys.includes(key) ? rule.clauses : [])));
  return plan.clauses.filter((c) => ids.has(c.id)).map((c) => c.label);
}
