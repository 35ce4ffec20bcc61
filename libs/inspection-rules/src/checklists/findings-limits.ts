/**
 * Bounds on one contact's findings per area. Notes and evidence references are kept in the
 * service's own stream and read back in the field app, so they are bounded like any free text.
 */
export const FINDINGS_LIMITS = {
  noteMaxLength: 1000,
  evidencePerArea: 20,
  evidenceRefMaxLength: 200,
} as const;
