import { createReadStream, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { createInterface } from 'node:readline';

/** What a hit looked like: the rule, never the value. */
export type PersonalDataRule = 'resident-id' | 'mobile-phone' | 'demo-name';

/** One line of one file holding something that looks like personal data. */
export interface PersonalDataHit {
  readonly file: string;
  /** 1-based. */
  readonly line: number;
  readonly rule: PersonalDataRule;
}

// GB 11643-1999: 17 digits weighted, the sum mod 11 picks the check character. The same table as
// domain-kernel's resident-id.check-character.ts, which this library may not import (a testing
// lib depends on no domain code).
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_BY_REMAINDER = '10X98765432';

/** True when the 18th character is the GB 11643 check character of the first 17 digits. */
export function hasValidCheckCharacter(candidate: string): boolean {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (candidate.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_BY_REMAINDER[sum % 11] === candidate[17].toUpperCase();
}

// Bounded by anything but a letter or digit, so a run inside a longer number or a hex id is not one.
const RESIDENT_ID = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g;
const MOBILE_PHONE = /(?<![0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/;
const HAN_RUN = /[\u4e00-\u9fff]{2,}/g;

/** The rules one line breaks; `names` are full names (two to four Han characters). */
export function rulesBrokenBy(line: string, names: ReadonlySet<string>): PersonalDataRule[] {
  const rules: PersonalDataRule[] = [];
  for (const match of line.matchAll(RESIDENT_ID)) {
    if (hasValidCheckCharacter(match[0])) {
      rules.push('resident-id');
      break;
    }
  }
  if (MOBILE_PHONE.test(line)) rules.push('mobile-phone');
  if (names.size > 0 && holdsName(line, names)) rules.push('demo-name');
  return rules;
}

function holdsName(line: string, names: ReadonlySet<string>): boolean {
  for (const [run] of line.matchAll(HAN_RUN)) {
    for (let start = 0; start < run.length - 1; start++) {
      for (let length = 2; length <= 4 && start + length <= run.length; length++) {
        if (names.has(run.slice(start, start + length))) return true;
      }
    }
  }
  return false;
}

/** Every hit of one text, line by line; `file` only labels the hits. */
export function scanText(text: string, file: string, names: ReadonlySet<string>): PersonalDataHit[] {
  return text.split('\n').flatMap((line, i) => rulesBrokenBy(line, names).map((rule) => ({ file, line: i + 1, rule })));
}

/** Every hit in every file under `dir` (recursively), files streamed line by line. */
export async function scanFolder(dir: string, names: ReadonlySet<string>): Promise<PersonalDataHit[]> {
  const hits: PersonalDataHit[] = [];
  for (const file of filesUnder(dir)) {
    let number = 0;
    for await (const line of createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity })) {
      number++;
      for (const rule of rulesBrokenBy(line, names)) hits.push({ file: relative(dir, file), line: number, rule });
    }
  }
  return hits;
}

/** How a hit is printed: file, line and rule, never the matched value. */
export function describeHit(hit: PersonalDataHit): string {
  return `${hit.file}:${hit.line} ${hit.rule}`;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? filesUnder(path) : entry.isFile() ? [path] : [];
    });
}
