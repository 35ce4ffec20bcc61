// Compiles our adapter and the workspace packages it depends on from their TypeScript
// sources to plain CommonJS in a scratch folder, so our side runs as built JavaScript —
// as a deployed service would — and not under a TypeScript loader: @swc-node/register
// alone adds about 80 MB to a process's RSS (it loads the TypeScript compiler), which
// would be charged to our store. swc is what the workspace's Jest runs already use.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const ENTRY_PACKAGE = '@relapse-watch/event-store-sqlite';

/** Workspace packages under `<sourceRoot>/libs` and `<sourceRoot>/services`, by name. */
function workspacePackages(sourceRoot) {
  const found = new Map();
  const visit = (dir, depth) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    if (entries.some((e) => e.name === 'package.json')) {
      const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
      found.set(manifest.name, { dir, manifest });
    }
    if (depth < 2)
      for (const e of entries)
        if (e.isDirectory() && !['node_modules', 'src', 'dist'].includes(e.name)) visit(join(dir, e.name), depth + 1);
  };
  visit(join(sourceRoot, 'libs'), 0);
  visit(join(sourceRoot, 'services'), 0);
  return found;
}

function sourceFiles(dir) {
  const files = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    // `testing/` folders are spec support, left out of every library build (tsconfig.lib.json).
    if (e.isDirectory()) {
      if (e.name !== 'testing') files.push(...sourceFiles(path));
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !/\.(spec|e2e-spec)\.ts$/.test(e.name))
      files.push(path);
  }
  return files;
}

/**
 * Builds `entryPackages` (default `@relapse-watch/event-store-sqlite`) and their
 * `@relapse-watch/*` dependencies from `<sourceRoot>/libs` and `/services` into
 * `<outDir>/node_modules`, with a package's `reference/` data next to its code.
 * Returns the entry file of the first package (`entry`), the entry file of each
 * (`entries`, by package name), and the NODE_PATH under which their third-party
 * dependencies resolve. Other benchmarks (relay-kafka, event-store-postgres,
 * projection-mongo, registry-import) build what they measure through this function.
 */
export function buildOurs({ sourceRoot, workspaceRoot, outDir, entryPackages = [ENTRY_PACKAGE] }) {
  const swc = createRequire(join(workspaceRoot, 'package.json'))('@swc/core');
  const packages = workspacePackages(sourceRoot);
  const needed = [];
  const queue = [...entryPackages];
  while (queue.length > 0) {
    const name = queue.shift();
    if (needed.includes(name)) continue;
    if (!packages.has(name))
      throw new Error(`workspace package ${name} not found under ${sourceRoot}/libs or /services`);
    needed.push(name);
    queue.push(
      ...Object.keys(packages.get(name).manifest.dependencies ?? {}).filter((d) => d.startsWith('@relapse-watch/')),
    );
  }
  const nodePath = [];
  for (const name of needed) {
    const { dir, manifest } = packages.get(name);
    const target = join(outDir, 'node_modules', ...name.split('/'));
    for (const file of sourceFiles(join(dir, 'src'))) {
      const { code } = swc.transformFileSync(file, {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2023',
        },
        module: { type: 'commonjs' },
        sourceMaps: false,
        swcrc: false,
      });
      const out = join(target, relative(dir, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, code);
    }
    // Subpath entries (`@relapse-watch/service-runtime/config`) map to their compiled sources too.
    const exportsMap = Object.fromEntries(
      Object.entries(manifest.exports ?? { '.': { '@relapse-watch/source': './src/index.ts' } }).map(([key, entry]) => [
        key,
        entry['@relapse-watch/source'].replace(/\.ts$/, '.js'),
      ]),
    );
    writeFileSync(
      join(target, 'package.json'),
      JSON.stringify({ name, version: manifest.version, main: 'src/index.js', exports: exportsMap }),
    );
    if (existsSync(join(dir, 'reference')))
      cpSync(join(dir, 'reference'), join(target, 'reference'), { recursive: true });
    nodePath.push(join(dir, 'node_modules'));
  }
  nodePath.push(join(workspaceRoot, 'node_modules'));
  const entryOf = (name) => join(outDir, 'node_modules', ...name.split('/'), 'src', 'index.js');
  const entries = Object.fromEntries(entryPackages.map((name) => [name, entryOf(name)]));
  return { entry: entryOf(entryPackages[0]), entries, nodePath, packages: needed };
}
