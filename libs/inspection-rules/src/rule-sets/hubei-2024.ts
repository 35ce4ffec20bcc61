import type { RuleSet } from './rule-set';
import { SICHUAN_2024 } from './sichuan-2024';

// Hubei 2024 (province 42): DOMAIN.md's example of an inspection filter line — poverty-alleviated
// households with per-capita income below 12,412 yuan get a visit. It shares Sichuan's rules
// except where it differs (written out below), which also proves two rule sets can differ.
// The monitoring line is this build's configuration, to be checked against Hubei's document.

export const HUBEI_2024: RuleSet = {
  ...SICHUAN_2024,
  version: '42-2024.1',
  provinceCode: '42',
  lines: { monitoringLineFen: 720_000, inspectionFilterLineFen: 1_241_200 },
  keyGroupRules: SICHUAN_2024.keyGroupRules.map((rule) => {
    if (rule.kind === 'income-drop') return { ...rule, dropShare: 0.2 };
    if (rule.kind === 'repeated-warnings') return { ...rule, minCount: 2 };
    return rule;
  }),
  // Hubei's rectification deadlines are 20 days everywhere.
  rectificationRules: SICHUAN_2024.rectificationRules.map((rule) => ({ ...rule, dueInDays: 20 })),
};
