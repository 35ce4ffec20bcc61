import { digitsAt, isRealDate, type IsoDate } from '../calendar/calendar-date';
import { checkCharCodeFor, weightedDigitSum } from './resident-id.check-character';
import type { ResidentIdProblem, ResidentIdProblemCode, ResidentIdResult, ResidentIdRules } from './resident-id.types';

/**
 * Birth dates before this are taken for typing errors unless the rules say otherwise: nobody
 * born earlier is alive, and GB 11643 numbers were first issued in 1999 (15-digit ones in 1985).
 */
export const DEFAULT_EARLIEST_BIRTH_DATE: IsoDate = '1900-01-01';

const CHAR_X = 88;
const CHAR_LOWER_X = 120;

const MESSAGES: Readonly<Record<ResidentIdProblemCode, string>> = {
  'resident-id.length': '居民身份证号码应为18位 / A resident ID number has exactly 18 characters',
  'resident-id.characters':
    '居民身份证号码前17位应为数字，第18位应为数字或X / The first 17 characters of a resident ID number are digits and the 18th is a digit or X',
  'resident-id.birth-date':
    '居民身份证号码中的出生日期无效：须为真实日期，不早于下限且不晚于今天 / The birth date in the resident ID number must be a real date, not before the earliest allowed date and not after today',
  'resident-id.check-character':
    '居民身份证号码校验码不符（GB 11643 MOD 11-2） / The check character of the resident ID number does not match (GB 11643 MOD 11-2)',
  'resident-id.division-unknown':
    '居民身份证号码前6位不是已知的行政区划代码 / The first six digits of the resident ID number are not a known division code',
};

function problem(code: ResidentIdProblemCode): ResidentIdProblem {
  return { code, field: 'residentId', message: MESSAGES[code] };
}

/** `YYYY-MM-DD` as the number YYYYMMDD; throws on a malformed date, which is the caller's bug, not the ID's. */
function dateNumber(date: IsoDate, what: string): number {
  const year = date.length === 10 ? digitsAt(date, 0, 4) : -1;
  const month = digitsAt(date, 5, 2);
  const day = digitsAt(date, 8, 2);
  if (
    year < 0 ||
    month < 0 ||
    day < 0 ||
    date.charCodeAt(4) !== 45 ||
    date.charCodeAt(7) !== 45 ||
    !isRealDate(year, month, day)
  ) {
    throw new RangeError(`resident ID rules: ${what} must be a real YYYY-MM-DD date`);
  }
  return year * 10_000 + month * 100 + day;
}

/** True when positions 7–14 (digits already checked) are a real date within the rules' bounds. */
function birthDateAllowed(text: string, rules: ResidentIdRules): boolean {
  const year = digitsAt(text, 6, 4);
  const month = digitsAt(text, 10, 2);
  const day = digitsAt(text, 12, 2);
  if (!isRealDate(year, month, day)) return false;
  const birth = year * 10_000 + month * 100 + day;
  return (
    birth >= dateNumber(rules.earliestBirthDate ?? DEFAULT_EARLIEST_BIRTH_DATE, 'earliestBirthDate') &&
    birth <= dateNumber(rules.today, 'today')
  );
}

/**
 * The hot path: true when `text` is a valid resident ID under the rules. No regular expression
 * and no allocation beyond the 6-character prefix handed to `isKnownDivision`, so it runs at
 * well over a million IDs a second (issue 4 target); cheap checks come first.
 */
export function isValidResidentId(text: string, rules: ResidentIdRules): boolean {
  if (typeof text !== 'string' || text.length !== 18) return false;
  const sum = weightedDigitSum(text);
  if (sum < 0) return false;
  const last = text.charCodeAt(17);
  if ((last === CHAR_LOWER_X ? CHAR_X : last) !== checkCharCodeFor(sum)) return false;
  return (
    birthDateAllowed(text, rules) && (rules.isKnownDivision === undefined || rules.isKnownDivision(text.slice(0, 6)))
  );
}

/**
 * Parses an 18-character resident ID (GB 11643-1999) into what it encodes, or lists every rule
 * it fails. Surrounding spaces are not trimmed: the import and HTTP layers decide how forgiving
 * to be. A wrong length or a stray character stops the checks (the other rules would only
 * repeat it); otherwise birth date, check character and division are all reported together
 * (the division only when the rules give `isKnownDivision`).
 * First-generation 15-digit numbers fail `resident-id.length`: their cards stopped being valid on 1 January 2013.
 */
export function parseResidentId(text: string, rules: ResidentIdRules): ResidentIdResult {
  if (typeof text !== 'string' || text.length !== 18) return { ok: false, problems: [problem('resident-id.length')] };
  const sum = weightedDigitSum(text);
  const last = text.charCodeAt(17);
  const check = last === CHAR_LOWER_X ? CHAR_X : last;
  if (sum < 0 || !((check >= 48 && check <= 57) || check === CHAR_X)) {
    return { ok: false, problems: [problem('resident-id.characters')] };
  }
  const problems: ResidentIdProblem[] = [];
  if (!birthDateAllowed(text, rules)) problems.push(problem('resident-id.birth-date'));
  if (check !== checkCharCodeFor(sum)) problems.push(problem('resident-id.check-character'));
  const divisionCode = text.slice(0, 6);
  if (rules.isKnownDivision !== undefined && !rules.isKnownDivision(divisionCode))
    problems.push(problem('resident-id.division-unknown'));
  const [first, ...rest] = problems;
  if (first !== undefined) return { ok: false, problems: [first, ...rest] };
  return {
    ok: true,
    residentId: {
      value: last === CHAR_LOWER_X ? `${text.slice(0, 17)}X` : text,
      divisionCode,
      birthDate: `${text.slice(6, 10)}-${text.slice(10, 12)}-${text.slice(12, 14)}`,
      sex: (text.charCodeAt(16) - 48) % 2 === 1 ? 'male' : 'female',
    },
  };
}
