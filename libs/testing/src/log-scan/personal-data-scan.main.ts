// `npm test`'s last check (tools/run-tests.mjs): scans every log line of the run, in the capture
// folder, for resident ID numbers, mobile phone numbers and the demo county's names.
//   node -r @swc-node/register --conditions=@relapse-watch/source \
//     libs/testing/src/log-scan/personal-data-scan.main.ts <capture folder> <file of names, one a line>
// Exit 0 when clean, 1 on any hit (each printed as file:line rule, never the value), 2 on bad use.
import { readFileSync } from 'node:fs';
import { describeHit, scanFolder } from './personal-data.scan';

const MAX_LISTED = 50;

async function main(dir: string | undefined, namesFile: string | undefined): Promise<number> {
  if (dir === undefined || namesFile === undefined) {
    process.stderr.write('用法 / usage: personal-data-scan.main.ts <folder> <names file>\n');
    return 2;
  }
  const names = new Set(
    readFileSync(namesFile, 'utf8')
      .split('\n')
      .filter((name) => name.trim().length >= 2),
  );
  const hits = await scanFolder(dir, names);
  for (const hit of hits.slice(0, MAX_LISTED)) process.stdout.write(`  ${describeHit(hit)}\n`);
  if (hits.length > MAX_LISTED) process.stdout.write(`  … ${hits.length - MAX_LISTED} more\n`);
  process.stdout.write(
    hits.length === 0
      ? `日志个人信息扫描：无命中 / personal-data log scan: clean (${names.size} demo names, ID and phone patterns)\n`
      : `日志个人信息扫描：${hits.length} 处命中 / personal-data log scan: ${hits.length} hits (file:line rule; values not shown)\n`,
  );
  return hits.length === 0 ? 0 : 1;
}

main(process.argv[2], process.argv[3]).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`日志扫描失败 / log scan failed: ${(error as Error).message}\n`);
    process.exitCode = 2;
  },
);
