import { useCallback, useEffect, useState } from 'react';

/** A read in progress, done or failed. */
export type ApiState<T> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'done'; readonly data: T }
  | { readonly kind: 'failed'; readonly error: unknown };

/**
 * Runs `load` whenever `key` changes, aborting the previous read so a slow answer for an old
 * page never overwrites the new one; `reload` runs it again (the error state's retry).
 */
export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, key: string): ApiState<T> & { reload(): void } {
  const [state, setState] = useState<ApiState<T>>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState({ kind: 'loading' });
    load(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ kind: 'done', data }),
      (error: unknown) => !controller.signal.aborted && setState({ kind: 'failed', error }),
    );
    return () => controller.abort();
    // `load` is a fresh closure each render; `key` names what it reads.
  }, [key, attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
