/** Where a value stops being faithful JSON, and why. */
export interface JsonProblem {
  /** `key`: an object key refused by the caller's key rule; `value`: anything else. */
  readonly kind: 'value' | 'key';
  /** Path of the offending value or key, from the path the check started at. */
  readonly path: string;
  /** What was found, in words (no data: it may be personal). */
  readonly what: string;
}

// A lone UTF-16 surrogate has no UTF-8 form: SQLite stores it mangled (so a hash over the
// text would no longer verify) and BSON refuses it, so it is refused up front.
/** True when the string has no lone surrogate (ES2024's `isWellFormed`, in every supported Node; the compiled lib is ES2023, hence the cast). */
export function isWellFormedText(value: string): boolean {
  return (value as unknown as { isWellFormed(): boolean }).isWellFormed();
}

/** True for `{}` literals and `Object.create(null)`, false for arrays and class instances. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * The first place where `value` would not survive a JSON round trip unchanged, or null.
 * Accepted: plain objects, arrays, well-formed strings, finite numbers, booleans, null.
 * Refused rather than silently altered: `undefined`, functions, symbols (also as keys),
 * bigints, NaN and Infinity, Dates and other class instances, cycles, lone surrogates.
 * Shared by the event store and the read store so both refuse exactly the same data.
 *
 * @param keyProblem optional extra rule for object keys (e.g. MongoDB's reserved `$` and `.`).
 * @param options `acyclic` skips the cycle check, for a value known to have none.
 */
export function findJsonProblem(
  value: unknown,
  path: string,
  keyProblem?: (key: string) => string | null,
  options: { readonly acyclic?: boolean } = {},
): JsonProblem | null {
  // `acyclic`: the caller knows there is no cycle (JSON.stringify just took the value), so the
  // objects on the current path need not be tracked.
  const stack = options.acyclic ? null : new Set<object>();
  // Keys and indices from `path` to the value being visited: the path string is only built
  // for a problem (`pathTo`), not for every value visited (a fifth of the cost of a clean check).
  const steps: (string | number)[] = [];
  const pathTo = (key?: string): string => {
    let at = path;
    for (const step of steps) at += typeof step === 'number' ? `[${step}]` : `.${step}`;
    return key === undefined ? at : `${at}.${key}`;
  };
  const visit = (v: unknown): JsonProblem | null => {
    switch (typeof v) {
      case 'boolean':
        return null;
      case 'string':
        return isWellFormedText(v) ? null : { kind: 'value', path: pathTo(), what: 'a string with a lone surrogate' };
      case 'number':
        return Number.isFinite(v) ? null : { kind: 'value', path: pathTo(), what: 'a non-finite number' };
      case 'object': {
        if (v === null) return null;
        if (stack?.has(v)) return { kind: 'value', path: pathTo(), what: 'a cycle' };
        stack?.add(v);
        if (Array.isArray(v)) {
          for (let i = 0; i < v.length; i++) {
            steps.push(i);
            const problem = visit(v[i]);
            if (problem) return problem;
            steps.pop();
          }
        } else if (isPlainObject(v)) {
          for (const key of Object.keys(v)) {
            const refused = keyProblem?.(key) ?? (isWellFormedText(key) ? null : 'a key with a lone surrogate');
            if (refused) return { kind: 'key', path: pathTo(key), what: refused };
            steps.push(key);
            const problem = visit(v[key]);
            if (problem) return problem;
            steps.pop();
          }
          if (Object.getOwnPropertySymbols(v).length > 0)
            return { kind: 'value', path: pathTo(), what: 'a symbol key' };
        } else {
          return { kind: 'value', path: pathTo(), what: `an instance of ${v.constructor?.name ?? 'a class'}` };
        }
        stack?.delete(v);
        return null;
      }
      default:
        return { kind: 'value', path: pathTo(), what: typeof v };
    }
  };
  return visit(value);
}
