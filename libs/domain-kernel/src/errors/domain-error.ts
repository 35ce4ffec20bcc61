/**
 * One broken domain rule, as plain data: what the kernel's validators return and what a
 * {@link DomainError} carries. The HTTP layer turns it into a 422 body and the bulk import into a
 * row of its error file, so it must stand on its own.
 */
export interface DomainProblem {
  /** Machine-readable rule code, kebab-case and dotted, e.g. `resident-id.check-character`. */
  readonly code: string;
  /** The input field at fault (dotted path, e.g. `personal.residentId`), when there is one. */
  readonly field?: string;
  /**
   * `中文 / English`. Names the field and the rule, never the value: the values here are ID
   * numbers, names and incomes, which must not reach logs or error files (PIPL art. 28
   * treats ID numbers of natural persons as sensitive personal information).
   */
  readonly message: string;
}

/**
 * A domain rule violation: thrown by deciders and by the kernel's throwing helpers. The first
 * problem is the error's own code, field and message; `problems` keeps every problem found
 * (an ID can fail its birth date and its check character at once) for an import's error file.
 */
export class DomainError extends Error implements DomainProblem {
  readonly code: string;
  readonly field?: string;
  readonly problems: readonly DomainProblem[];

  constructor(problem: DomainProblem, others: readonly DomainProblem[] = []) {
    super(problem.message);
    this.name = 'DomainError';
    this.code = problem.code;
    if (problem.field !== undefined) this.field = problem.field;
    this.problems = [problem, ...others];
  }

  /** The error for a non-empty list of problems; the first one is the error's own. */
  static of(problems: readonly [DomainProblem, ...DomainProblem[]]): DomainError {
    const [first, ...rest] = problems;
    return new DomainError(first, rest);
  }
}

/** A problem with its field set (or replaced), e.g. a kernel problem placed inside a command's payload. */
export function atField(problem: DomainProblem, field: string): DomainProblem {
  return { code: problem.code, field, message: problem.message };
}

/**
 * Exhaustiveness guard for `switch` over a union: a missing case is a compile error, and an
 * unknown value at run time (an event type from a newer version) throws. The message names only
 * the discriminant, never the whole value, which may carry personal data.
 */
export function assertNever(value: never, what = 'value'): never {
  const tag = discriminantOf(value);
  throw new TypeError(`Unexpected ${what}${tag === undefined ? '' : `: ${tag}`}`);
}

function discriminantOf(value: unknown): string | undefined {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as { readonly type?: unknown; readonly kind?: unknown };
  if (typeof record.type === 'string') return record.type;
  if (typeof record.kind === 'string') return record.kind;
  return undefined;
}

/**
 * Throws every problem a validation found as one {@link DomainError} (the first is its own), so a
 * command with several bad fields is refused once with all of them; returns when there were none.
 */
export function throwIfAny(problems: readonly DomainProblem[]): void {
  const [first, ...rest] = problems;
  if (first !== undefined) throw DomainError.of([first, ...rest]);
}
