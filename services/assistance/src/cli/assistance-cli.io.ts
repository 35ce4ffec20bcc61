import { DomainError } from '@relapse-watch/domain-kernel';
import type { ProgressOutput } from '@relapse-watch/sheet-io';

/** Where an assistance command writes, and the environment it reads (the server's own variables). */
export interface AssistanceCliIo extends ProgressOutput {
  /** Results, one line per call. */
  readonly out: (line: string) => void;
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
}

/** A whole-number option within its range, else the command's one-line refusal (`cli.option`). */
export function wholeNumberOption(name: string, value: string, min: number, max: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || n < min || n > max)
    throw optionError(
      name,
      `${name} 须为 ${min}–${max} 的整数`,
      `${name} must be a whole number from ${min} to ${max}`,
    );
  return n;
}

/** A refused option, as the CLI's one line. */
export function optionError(name: string, zh: string, en: string): DomainError {
  return new DomainError({ code: 'cli.option', field: name, message: `${zh} / ${en}` });
}
