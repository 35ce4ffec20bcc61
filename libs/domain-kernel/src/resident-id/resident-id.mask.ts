/** What a masked character is shown as. */
const MASK = '*';

/**
 * A resident ID number as officials without a recorded reason see it: the first four characters
 * (province and prefecture of registration) and the last four (end of the sequence and the check
 * character), the birth date and the rest hidden — `5133**********041X`. Anything that is not 18
 * characters is hidden whole, so a malformed value never leaks through the mask.
 */
export function maskResidentId(residentId: string): string {
  if (residentId.length !== 18) return MASK.repeat(residentId.length);
  return `${residentId.slice(0, 4)}${MASK.repeat(10)}${residentId.slice(14)}`;
}

/**
 * A phone number with all but its first three and last four digits hidden (`138****5678`); a
 * number of eight digits or fewer keeps only its last two.
 */
export function maskPhone(phone: string): string {
  if (phone.length <= 8) return `${MASK.repeat(Math.max(0, phone.length - 2))}${phone.slice(-2)}`;
  return `${phone.slice(0, 3)}${MASK.repeat(phone.length - 7)}${phone.slice(-4)}`;
}
