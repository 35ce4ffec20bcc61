import type { IsoDate } from '@relapse-watch/domain-kernel';
import { isIsoDate } from '@relapse-watch/domain-kernel';

/** Excel's day 0 (1899-12-30), so serial 1 is 1900-01-01 as Excel counts, past its 1900 leap-year slip. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/**
 * A date as officials' sheets write it: `2022-04-18`, `2022/4/18`, `2022.4.18`, `20220418`,
 * `2022年4月18日`, or an XLSX date cell read without its number format (the serial day number,
 * e.g. `44669`). Null when it is none of these or not a real date.
 */
export function sheetDate(text: string): IsoDate | null {
  const value = text.trim();
  if (/^\d{5}$/.test(value)) {
    const serial = Number(value);
    // 1960–2100: a monitoring date outside that is a typing slip, not a date cell.
    if (serial < 21916 || serial > 73415) return null;
    return new Date(EXCEL_EPOCH_MS + serial * DAY_MS).toISOString().slice(0, 10);
  }
  const parts = /^(\d{4})(?:[-/.年](\d{1,2})[-/.月](\d{1,2})日?|(\d{2})(\d{2}))$/.exec(value);
  if (parts === null) return null;
  const [, year, month = parts[4], day = parts[5]] = parts;
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}
