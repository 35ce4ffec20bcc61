// Prints the demo county's resident names, one a line, for the personal-data scan of `npm test`
// (tools/personal-data-scan.mjs), which runs it from source:
//   node -r @swc-node/register --conditions=@relapse-watch/source services/household-registry/src/demo/demo-names.main.ts
import { demoResidentNames } from './demo-names';

demoResidentNames().then(
  (names) => process.stdout.write(`${names.join('\n')}\n`),
  (error: unknown) => {
    process.stderr.write(`演示姓名生成失败 / demo names failed: ${(error as Error).message}\n`);
    process.exitCode = 1;
  },
);
