/**
 * The spreadsheets' messages (表格消息): the codes of the workbooks' sheet names, headers and help
 * texts and of the import's problems, with their parameters. Their words are in `zh.ts` and `en.ts`.
 */
import { messageOf, type Message } from '@ruralkit/core';

type None = Record<string, never>;

export interface XlsxMessages {
  // The template's sheets and the columns that say whose row it is.
  'sheet.instructions': None;
  'sheet.village-attributes': None;
  'sheet.village-indicators': None;
  'sheet.district': None;
  'sheet.households': None;
  'column.village-id': None;
  'column.village-name': None;
  'column.year': None;
  /** A template header: the column's name; a required or identifying one is marked. */
  'column.header': { name: string; required: boolean };
  /** A template header with the column's unit (a `unit.*` message). */
  'column.header-with-unit': { name: string; unit: Message; required: boolean };
  'unit.ratio': None;
  'unit.cny': None;
  'unit.count': None;
  'unit.persons': None;
  'unit.date': None;
  'unit.yes-no': None;
  // What a person may type in a column (the import accepts all of it).
  'filling.year': None;
  'filling.yes-no': None;
  'filling.date': None;
  'filling.text': None;
  /** A ratio column; `range` is a `range.*` message. */
  'filling.ratio': { range: Message };
  /** A ratio between 0 and 1. */
  'range.share': None;
  /** A ratio that is a growth (may be negative). */
  'range.growth': None;
  'filling.number': { whole: boolean; min: number | undefined };
  /** A yes/no value as the template writes it. */
  'value.yes': None;
  'value.no': None;
  /** Items of a list, one after another (years, clause labels, units). */
  'list.items': { items: readonly (string | number)[] };
  // The template's instructions sheet.
  'instructions.title': { title: string; docNo: string };
  /** How a data sheet is laid out: headers, keys, data; in English also that a blank cell is not reported (the sheet's English line). */
  'instructions.layout': None;
  /** How values may be typed. */
  'instructions.values': None;
  'instructions.header.sheet': None;
  'instructions.header.column': None;
  'instructions.header.name': None;
  'instructions.header.key': None;
  'instructions.header.meaning': None;
  'instructions.header.unit': None;
  'instructions.header.filling': None;
  'instructions.header.required': None;
  'instructions.header.clause': None;
  // The results workbook's sheets and headers.
  'results.sheet.results': None;
  'results.sheet.assessment': None;
  'results.sheet.relaxed': None;
  'results.sheet.households': None;
  'results.header.subject': None;
  'results.header.id': None;
  'results.header.township': None;
  'results.header.rule': None;
  'results.header.rule-id': None;
  'results.header.kind': None;
  'results.header.strength': None;
  'results.header.status': None;
  'results.header.progress': None;
  'results.header.year': None;
  'results.header.due': None;
  'results.header.years-not-met': None;
  'results.header.actual': None;
  'results.header.expected': None;
  'results.header.clause': None;
  'results.header.lead-unit': None;
  'results.header.units': None;
  'results.header.message': None;
  'results.header.outcome': None;
  'results.header.years-without-data': None;
  'results.header.reason': None;
  'results.header.set-by': None;
  'results.header.household': None;
  'results.header.village': None;
  'results.header.risk-types': None;
  'results.header.category': None;
  'results.header.not-screened': None;
  /** A period assessment's outcome: every year held, some lapsed, some without data. */
  'assessment.held': None;
  'assessment.lapsed': None;
  'assessment.unjudged': None;
  /** The relaxed-targets sheet when no plugin relaxed one. */
  'relaxed.none': None;
  // A cell that cannot be read.
  /** A formula saved without its computed value. */
  'cell.formula-without-value': None;
  'cell.too-long': { length: number; max: number };
  /** A cell holding an Excel error value (`#DIV/0!`). */
  'cell.error-value': { error: string };
  'cell.not-a-year': None;
  'cell.required': None;
  // Size limits: for more, the batch commands.
  'limit.file-too-large': { bytes: number; max: number };
  'limit.too-many-rows': { rows: number; max: number };
  'limit.unpacked-too-large': { max: number };
  'limit.too-many-entries': { max: number };
  // A workbook that is no valid xlsx file.
  'workbook.not-zip': None;
  'workbook.zip64': None;
  'workbook.encrypted-entry': None;
  'workbook.compression-method': { method: number };
  'workbook.damaged-entry': None;
  'workbook.truncated': None;
  /** The central directory declares another number of entries than it holds. */
  'workbook.entry-count': { declared: number; found: number };
  /** Compressed data that does not inflate; `detail` is zlib's own account. */
  'workbook.damaged-data': { detail: string | undefined };
  /** The workbook reader refused the file; `detail` is its own account. */
  'workbook.unreadable': { detail: string };
  /** A CSV text that does not parse; `reason` is csv-parse's own account (it names the line). */
  'csv.syntax': { reason: string };
  // A header cell that names no column.
  'header.proto': None;
  /** A key the template sheet (a `sheet.*` message) does not have. */
  'header.unknown-key': { sheet: Message };
  'header.duplicate': None;
  /** A header problem of a batch file, with its column (from 1). */
  'header.at-column': { column: number; problem: Message };
  // What an import finds besides a cell's value.
  'import.no-template-sheet': None;
  /** A file with no row of the template's keys; `batch` when it looks like the batch's records. */
  'import.no-header-row': { batch: boolean };
  'import.no-column': { key: string };
  /** An id cell whose text NFKC normalization changed (a notice, not a problem). */
  'import.id-normalized': { id: string };
  /** Appended to core's problem of a village's attribute: the attributes sheet has no row for it. */
  'import.no-attributes-row': { sheet: Message; village: string };
  'row.duplicate-village': None;
  'row.duplicate-village-year': { village: string; year: string };
  'row.duplicate-district-year': { year: string };
}

export const xlsxMessage = messageOf<XlsxMessages>();
