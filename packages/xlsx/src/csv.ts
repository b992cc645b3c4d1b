/**
 * `@ruralkit/xlsx/csv`: the batch's CSV records (批量 CSV 记录), read by the spreadsheet import's
 * rules, without the workbook library: a process that streams CSV never loads exceljs.
 * @packageDocumentation
 */
export { csvRecords, type CsvRecord, type RecordSubject } from './csv-reader.js';
