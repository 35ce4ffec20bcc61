import type { RuleSet } from './rule-set';
import { SICHUAN_2024 } from './sichuan-2024';

// Sichuan 2026 (province 51): the 2024 rules for the current year's campaign (the demo county's
// and any 2026 inspection), with the year's lines. The lines are this build's configuration, to be
// checked against the province's 2026 document; a campaign's launch replaces them with the lines
// the registry holds as published for the year.

export const SICHUAN_2026: RuleSet = {
  ...SICHUAN_2024,
  version: '51-2026.1',
  year: 2026,
  lines: { monitoringLineFen: 760_000, inspectionFilterLineFen: 1_050_000 },
};
