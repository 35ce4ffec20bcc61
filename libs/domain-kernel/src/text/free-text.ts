/**
 * Whether a text holds a C0 or C1 control character (U+0000–U+001F, U+007F–U+009F): they break
 * CSV exports, log lines and the one-line error rule, and no name or document title needs them.
 */
export function hasControlCharacter(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 32 || (c >= 127 && c < 160)) return true;
  }
  return false;
}

/** What is wrong with a required free text: missing (`required`), or not in shape (`format`). */
export type FreeTextFault = 'required' | 'format';

/**
 * The fault of a required free text (a name, a household number, a source document), or null:
 * it must be a non-blank string of at most `maxLength` characters (code points, so a name in a
 * supplementary-plane script is not cut short), with no surrounding spaces (they make two
 * spellings of one value) and no control characters. Callers map the fault to their rule codes.
 */
export function freeTextFault(value: unknown, maxLength: number): FreeTextFault | null {
  if (typeof value !== 'string' || value.trim() === '') return 'required';
  if (value !== value.trim() || hasControlCharacter(value)) return 'format';
  if (value.length > maxLength && [...value].length > maxLength) return 'format';
  return null;
}
