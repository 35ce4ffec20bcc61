/**
 * Fetches the code of the pages a user meets right after signing in — the shell, the campaign
 * overview (the landing page) and its chart with ECharts — while the sign-in page waits for them
 * to type. Over a slow mobile link these are several round trips and ~200 kB that otherwise
 * start only after the click. Importing them only defines their components; a failure here is
 * left to the route's own loading, which shows its error state.
 */
export function prefetchAfterSignIn(): void {
  void Promise.all([
    import('../shell/Shell'),
    import('../pages/OverviewPage'),
    import('../charts/ProgressChart'),
  ]).catch(() => undefined);
}

/** Runs `task` once the browser is idle (or after `fallbackMs` where there is no idle callback). */
export function whenIdle(task: () => void, fallbackMs = 500): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task);
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, fallbackMs);
  return () => window.clearTimeout(handle);
}
