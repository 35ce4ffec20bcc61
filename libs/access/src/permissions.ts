import type { UserRole } from './roles';

/**
 * What a route asks of its caller, before the division check. The list grows with each
 * service (inspection, assistance, reporting); a route that names none is refused (deny by
 * default). The same words are the OAuth scopes a client system may be granted.
 */
export const PERMISSIONS = [
  /** Read households, members, income, risks, the division tree, policies (masked personal data). */
  'registry.read',
  /** Change households of one's area. */
  'registry.write',
  /** Set a province's thresholds, key regions, divisor rule, risk types. */
  'policy.write',
  /** Read a person's ID number and phone unmasked; every such read is recorded. */
  'personal.read',
  /** Read any household's whole history (audit views). */
  'audit.read',
  /** Add, disable users; reset passwords; add client systems. */
  'users.manage',
  /** Erase a household's personal data (destroy its key). */
  'privacy.erase',
  /** Read campaigns, teams, household inspections and their progress. */
  'inspection.read',
  /** Assign inspections, record contacts and whole visits, complete, reopen, upload visits. */
  'inspection.write',
  /** Launch and close a campaign, form working groups and teams. */
  'campaign.manage',
  /** Accept or dismiss the rules' suggestions, resolve data-quality issues, close rectification items. */
  'inspection.decide',
  /** Read monitoring cases, their procedure, assistance plans and the review lists. */
  'case.read',
  /** Take leads and record the procedure's steps (verification, reviews, notices), plan measures, propose elimination. */
  'case.write',
  /** The county's decisions: identify or reject a monitoring subject, grant or refuse risk elimination. */
  'case.decide',
  /** Send a department's screening warning (a client system's scope). */
  'warning.submit',
  /** Read the tier reports (summaries, as-of reports, exports) of one's area. */
  'report.read',
] as const;

/** One of {@link PERMISSIONS}. */
export type Permission = (typeof PERMISSIONS)[number];

/** True for a {@link Permission} (a scope a client may be granted). */
export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

const FIELD: readonly Permission[] = [
  'registry.read',
  'registry.write',
  'personal.read',
  'inspection.read',
  'inspection.write',
  'case.read',
  'case.write',
  'report.read',
];
const OFFICIAL: readonly Permission[] = [...FIELD, 'campaign.manage', 'inspection.decide'];
/** The county and above also decide cases (县级审定); a township reviews but does not decide. */
const DECIDING_OFFICIAL: readonly Permission[] = [...OFFICIAL, 'case.decide'];

/**
 * What each role may do. Officials and inspectors change households of their own area, record
 * inspections and may ask for a person's unmasked numbers (recorded); officials also run the
 * campaign in their unit and decide on the rules' suggestions, inspectors do not; village
 * inspectors and officials take leads and record a case's steps, but only the county and above
 * decide a case (identification, elimination); a department's system may only send warnings; only the
 * province sets the province's policy;
 * the auditor reads everything and changes nothing; the administrator may do everything, so the
 * schemathesis run that signs in as administrator reaches every route.
 */
export const ROLE_PERMISSIONS: Readonly<Record<UserRole, readonly Permission[]>> = {
  'province-official': [...DECIDING_OFFICIAL, 'policy.write'],
  'city-official': DECIDING_OFFICIAL,
  'county-official': DECIDING_OFFICIAL,
  'township-official': OFFICIAL,
  'village-inspector': FIELD,
  auditor: ['registry.read', 'personal.read', 'audit.read', 'inspection.read', 'case.read', 'report.read'],
  administrator: PERMISSIONS,
};
