import type { EmbeddedOptions } from './embedded.module';

/** Usage of the embedded app's command line. */
export const EMBEDDED_USAGE =
  '用法 / usage: npm start [-- --no-demo]   (--no-demo: 空库时不载入演示数据 / do not seed demo data into an empty store)';

/**
 * Reads the command line; configuration proper comes from the environment (service-runtime).
 * Returns an error line for anything it does not know, so a typo is not silently ignored.
 */
export function parseEmbeddedArgs(
  args: readonly string[],
): { readonly options: EmbeddedOptions } | { readonly error: string } {
  const unknown = args.filter((arg) => arg !== '--no-demo');
  if (unknown.length > 0) return { error: `未知参数 / unknown argument: ${unknown[0]}\n${EMBEDDED_USAGE}` };
  return { options: { demo: !args.includes('--no-demo') } };
}
