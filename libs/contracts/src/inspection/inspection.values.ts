import type {
  AREA_OUTCOMES,
  INSPECTION_AREAS,
  INSPECTION_METHODS,
  SUGGESTION_KINDS,
  TEAM_CHANGES,
  TEAM_MEMBER_ROLES,
} from './inspection.enums';

// Public value types of the inspection's integration events. They mirror the inspection
// service's internal values on purpose, but are owned here: the internal ones may change
// freely, these only with a new contract version.

/** One of the seven areas of a household inspection. */
export type InspectionAreaV1 = (typeof INSPECTION_AREAS)[number];

/** One of the three inspection methods. */
export type InspectionMethodV1 = (typeof INSPECTION_METHODS)[number];

/** The role of a team member. */
export type TeamMemberRoleV1 = (typeof TEAM_MEMBER_ROLES)[number];

/** What a completed inspection found in one area. */
export type AreaOutcomeV1 = (typeof AREA_OUTCOMES)[number];

/** What a risk rule suggests. */
export type SuggestionKindV1 = (typeof SUGGESTION_KINDS)[number];

/** What an `InspectionTeamChanged` changed. */
export type TeamChangeV1 = (typeof TEAM_CHANGES)[number];

/**
 * A rule code: a risk rule, key-group rule or data-quality rule id (letters, digits and
 * `. _ : / -`), e.g. `key-group.income-drop`. Published by the campaign's rule set; an open list.
 */
export type RuleCodeV1 = string;

/** A fixed answer to a checklist question: yes-no, a choice's option code, or a whole number (fen, count). */
export type ChecklistAnswerV1 = boolean | string | number;

/** A scalar fact a rule looked at; never personal data. */
export type EvidenceScalarV1 = string | number | boolean | null;

/** What fired a rule: the fact, its value, and the threshold it was compared with (null when none). */
export interface RuleEvidenceV1 {
  /** The fact's path in the household facts or findings, e.g. `income.perCapitaNetIncomeFen`. */
  readonly fact: string;
  readonly value: EvidenceScalarV1;
  readonly threshold: EvidenceScalarV1;
}

/** Who decided: the role only, never the person (a role code, e.g. `township-official`; an open list). */
export interface DecidedByV1 {
  readonly role: string;
}
