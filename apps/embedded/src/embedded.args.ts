import type { DemoLevel, EmbeddedOptions } from './embedded.module';

/** Usage of the embedded app's command line. */
export const EMBEDDED_USAGE =
  '用法 / usage: npm start [-- --no-demo | --demo=households]   (--no-demo: 空库时不载入演示数据 / do not seed demo data into an empty store; --demo=households: 只载入演示县的农户和演示用户，不载入排查、案件等活动 / only the demo county’s households and users, no campaign, visits or cases)';

const DEMO_ARGS: Readonly<Record<string, DemoLevel>> = {
  '--no-demo': 'none',
  '--demo=none': 'none',
  '--demo=households': 'households',
  '--demo=full': 'full',
};

/**
 * Reads the command line; configuration proper comes from the environment (service-runtime).
 * Returns an error line for anything it does not know, so a typo is not silently ignored.
 */
export function parseEmbeddedArgs(
  args: readonly string[],
): { readonly options: EmbeddedOptions } | { readonly error: string } {
  const unknown = args.filter((arg) => DEMO_ARGS[arg] === undefined);
  if (unknown.length > 0) return { error: `未知参数 / unknown argument: ${unknown[0]}\n${EMBEDDED_USAGE}` };
  const levels = new Set(args.map((arg) => DEMO_ARGS[arg]));
  if (levels.size > 1)
    return { error: `演示参数互相矛盾 / conflicting demo arguments: ${args.join(' ')}\n${EMBEDDED_USAGE}` };
  return { options: { demo: [...levels][0] ?? 'full' } };
}
