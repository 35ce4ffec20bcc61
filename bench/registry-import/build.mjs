// Compiles the household registry and the workspace packages it depends on from their
// TypeScript sources to plain CommonJS in a scratch folder (as bench/event-store/build-ours.mjs
// does for the store): the import runs as built JavaScript, as a deployed CLI would, and not
// under @swc-node/register, which alone adds about 80 MB of RSS and compiles on the fly.
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const ENTRY_PACKAGE = '@relapse-watch/household-registry';

/** Workspace packages under `<root>/libs` and `<root>/services`, by name. */
function workspacePackages(root) {
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
    if (depth < 2) for (const e of entries) if (e.isDirectory() && !['node_modules', 'src', 'dist'].includes(e.name)) visit(join(dir, e.name), depth + 1);
  };
  visit(join(root, 'libs'), 0);
  visit(join(root, 'services'), 0);
  return found;
}

function sourceFiles(dir) {
  const files = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'testing') files.push(...sourceFiles(path));
    } else if (e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !/\.(spec|e2e-spec)\.ts$/.test(e.name)) files.push(path);
  }
  return files;
}

/**
 * Builds the registry and its `@relapse-watch/*` dependencies (runtime and dev: the CLI opens
 * the SQLite event store) into `<outDir>/node_modules`, with the registry's shipped division
 * extracts next to its code. Returns the CLI entry and the NODE_PATH for third-party modules.
 */
export function buildRegistry({ root, outDir }) {
  const swc = createRequire(join(root, 'package.json'))('@swc/core');
  const packages = workspacePackages(root);
  const needed = [];
  const queue = [ENTRY_PACKAGE];
  while (queue.length > 0) {
    const name = queue.shift();
    if (needed.includes(name)) continue;
    const pkg = packages.get(name);
    if (!pkg) throw new Error(`workspace package ${name} not found`);
    needed.push(name);
    const deps = { ...pkg.manifest.dependencies, ...(name === ENTRY_PACKAGE ? { '@relapse-watch/event-store-sqlite': '*' } : {}) };
    queue.push(...Object.keys(deps).filter((d) => d.startsWith('@relapse-watch/')));
  }
  const nodePath = [];
  for (const name of needed) {
    const { dir, manifest } = packages.get(name);
    const target = join(outDir, 'node_modules', ...name.split('/'));
    for (const file of sourceFiles(join(dir, 'src'))) {
      const { code } = swc.transformFileSync(file, {
        jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2023' },
        module: { type: 'commonjs' },
        sourceMaps: false,
        swcrc: false,
      });
      const out = join(target, relative(dir, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, code);
    }
    writeFileSync(join(target, 'package.json'), JSON.stringify({ name, version: manifest.version, main: 'src/index.js' }));
    nodePath.push(join(dir, 'node_modules'));
  }
  const registry = packages.get(ENTRY_PACKAGE).dir;
  cpSync(join(registry, 'reference'), join(outDir, 'node_modules', ...ENTRY_PACKAGE.split('/'), 'reference'), { recursive: true });
  nodePath.push(join(root, 'node_modules'));
  return { cli: join(outDir, 'node_modules', ...ENTRY_PACKAGE.split('/'), 'src', 'cli', 'cli.js'), nodePath, packages: needed };
}
