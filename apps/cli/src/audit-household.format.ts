import type { AuditEntry } from '@relapse-watch/service-runtime/audit';

const HEADER = ['时间 time', '人员/角色 who/role', '业务域 context', '内容 what', '理由 why', '关联ID correlation'];

/** An instant as local time at the configured offset, to the second: `2024-08-20 10:00:05+08:00`. */
export function localTime(iso: string, utcOffsetMinutes: number): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) return iso;
  const local = new Date(at + utcOffsetMinutes * 60_000).toISOString().slice(0, 19).replace('T', ' ');
  const sign = utcOffsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMinutes);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${local}${offset}`;
}

/**
 * The merged trail as a table an auditor reads in a terminal: one line per change, the short
 * columns padded, what changed as `中文 / English`, "—" where no reason was given. Names and ID
 * numbers never reach it (the services' describers never write them).
 */
export function auditTableLines(entries: readonly AuditEntry[], utcOffsetMinutes: number): string[] {
  const rows = entries.map((e) => [
    localTime(e.recordedAt, utcOffsetMinutes),
    `${e.actor.userId}/${e.actor.role}`,
    e.context,
    `${e.summary.zh} / ${e.summary.en}${e.erased ? '【已删除 erased】' : ''}`,
    e.reason ?? '—',
    e.correlationId,
  ]);
  const widths = [0, 1, 2].map((c) => Math.max(width(HEADER[c]), ...rows.map((r) => width(r[c]))));
  const line = (cells: readonly string[]) =>
    cells.map((cell, c) => (c < widths.length ? pad(cell, widths[c]) : cell)).join(' | ');
  return [line(HEADER), ...rows.map(line)];
}

/** The merged trail as JSON lines, one entry each, in the merged order. */
export function auditJsonLines(entries: readonly AuditEntry[]): string[] {
  return entries.map((e) => JSON.stringify(e));
}

// CJK characters take two columns in a terminal.
function width(text: string): number {
  let columns = 0;
  for (const ch of text)
    columns += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return columns;
}

function pad(text: string, columns: number): string {
  return `${text}${' '.repeat(Math.max(0, columns - width(text)))}`;
}
