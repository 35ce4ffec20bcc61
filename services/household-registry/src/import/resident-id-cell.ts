/** What Excel writes for a number too large for its General format: `5.10132E+17`. */
const SCIENTIFIC = /^\d(?:\.\d+)?e\+?\d+$/i;
/** Excel keeps 15 significant digits: an 18-digit number comes out with its last three as 000. */
const FIFTEEN_DIGITS_KEPT = /^\d{15}000$/;

/**
 * Whether a resident-ID cell is what Excel leaves of an 18-digit ID typed into a General or
 * Number cell: its digits past the 15th are gone, so no check can recover the ID, and an
 * official needs to hear that (format the column as text and re-enter) rather than "the check
 * character does not match". A cell the workbook holds as a number always is; in a CSV, a value
 * in scientific notation is, and so is 18 digits ending in 000 when it is not a valid ID
 * (`validId`: a real ID may end in 000).
 */
export function isResidentIdNumberCell(value: string, heldAsNumber: boolean, validId: () => boolean): boolean {
  if (heldAsNumber || SCIENTIFIC.test(value)) return true;
  return FIFTEEN_DIGITS_KEPT.test(value) && !validId();
}
