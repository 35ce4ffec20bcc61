// Spec support: who calls the assistance API in its specs (the village of the cases, its township
// and county, a county elsewhere, a department's system).
import type { TestTokenClaims } from '@relapse-watch/testing';

/** The village every spec household lives in (巴中市巴州区, Sichuan). */
export const VILLAGE = '511902001001';
export const TOWNSHIP = '511902001000';
export const COUNTY = '511902000000';

export const COUNTY_OFFICIAL: TestTokenClaims = {
  sub: 'u-county',
  kind: 'user',
  role: 'county-official',
  unit: COUNTY,
};
export const TOWNSHIP_OFFICIAL: TestTokenClaims = {
  sub: 'u-township',
  kind: 'user',
  role: 'township-official',
  unit: TOWNSHIP,
};
export const VILLAGE_INSPECTOR: TestTokenClaims = {
  sub: 'u-inspector',
  kind: 'user',
  role: 'village-inspector',
  unit: TOWNSHIP,
  villages: [VILLAGE],
};
export const OTHER_COUNTY_OFFICIAL: TestTokenClaims = {
  sub: 'u-elsewhere',
  kind: 'user',
  role: 'county-official',
  unit: '511923000000',
};
/** The province's health-insurance system, allowed to send warnings. */
export const HEALTH_INSURANCE: TestTokenClaims = {
  sub: 'health-insurance-51',
  kind: 'client',
  role: 'client',
  unit: '510000000000',
  scope: 'warning.submit',
};
/** A system that may read the registry but not send warnings. */
export const REGISTRY_READER: TestTokenClaims = {
  sub: 'reader-51',
  kind: 'client',
  role: 'client',
  unit: '510000000000',
  scope: 'registry.read',
};
/** The auditor reads everything and changes nothing. */
export const AUDITOR: TestTokenClaims = { sub: 'u-auditor', kind: 'user', role: 'auditor', unit: '510000000000' };

/** A province official of Sichuan: sets the province's case policy. */
export const PROVINCE_OFFICIAL: TestTokenClaims = {
  sub: 'u-province',
  kind: 'user',
  role: 'province-official',
  unit: '510000000000',
};
