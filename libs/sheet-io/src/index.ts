export { readCsvRecords, type CsvRecord } from './csv-records.reader';
export { openSheetRecords, isXlsxPath, type SheetRecords } from './sheet-records.reader';
export * from './sheet-encoding';
export { loadExcelJs } from './exceljs-utf8.fix';
export { sheetDate } from './sheet-dates';
export * from './import-progress';
export * from './sheet-file.errors';
export * from './import-error.file';
export * from './import-tally';
