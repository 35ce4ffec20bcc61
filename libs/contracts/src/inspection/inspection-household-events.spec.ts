import { describe, expect, it } from '@jest/globals';
import type { EventContract } from '../contract';
import { createContractValidator } from '../testing';
import { dataQualityIssueRaisedV1 } from './data-quality-issue-raised.v1';
import { dataQualityIssueResolvedV1 } from './data-quality-issue-resolved.v1';
import { householdFlaggedAtRiskV1 } from './household-flagged-at-risk.v1';
import { householdInspectionCompletedV1 } from './household-inspection-completed.v1';
import { INSPECTION_AREAS } from './inspection.enums';
import { rectificationItemClosedV1 } from './rectification-item-closed.v1';
import { rectificationItemRaisedV1 } from './rectification-item-raised.v1';

const validator = createContractValidator();

type Json = { [key: string]: unknown };

function clone(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

const isValid = (contract: EventContract, data: unknown) => validator.validate(contract.type, data).valid;

describe('HouseholdInspectionCompleted.v1', () => {
  const completed = householdInspectionCompletedV1;
  const areas = () => clone(completed.fixture).areas as Json[];
  const withAreas = (value: unknown) => ({ ...clone(completed.fixture), areas: value });

  it('has one entry per area of the seven, in their order', () => {
    expect(areas().map((a) => a.area)).toEqual([...INSPECTION_AREAS]);
  });

  it('refuses an unknown area, a missing area and an area given twice', () => {
    const unknown = areas();
    unknown[6] = { ...unknown[6], area: 'housing' };
    expect(isValid(completed, withAreas(unknown))).toBe(false);
    expect(isValid(completed, withAreas(areas().slice(0, 6)))).toBe(false);
    const twice = areas();
    twice[6] = { ...twice[0] };
    expect(isValid(completed, withAreas(twice))).toBe(false);
    expect(isValid(completed, withAreas([...areas(), areas()[0]]))).toBe(false);
  });

  it('refuses an area entry with a note or evidence references, without an outcome, or with an unknown outcome', () => {
    const change = (patch: Json, drop?: string) => {
      const list = areas();
      list[1] = { ...list[1], ...patch };
      if (drop) delete list[1][drop];
      return withAreas(list);
    };
    expect(isValid(completed, change({ note: '户主说今年收入下降' }))).toBe(false);
    expect(isValid(completed, change({ evidence: ['photo-1'] }))).toBe(false);
    expect(isValid(completed, change({}, 'outcome'))).toBe(false);
    expect(isValid(completed, change({ outcome: 'at-risk' }))).toBe(false);
  });

  it('carries fixed answers only: yes-no, an option code, a whole number ≥ 0; never free text', () => {
    const answer = (value: unknown, question = 'income.dropped') =>
      withAreas(areas().map((a, i) => (i === 1 ? { ...a, answers: { [question]: value } } : a)));
    for (const value of [true, 'C', 'not-in-school', 0, 702_000])
      expect(validator.validate(completed.type, answer(value))).toEqual({ valid: true });
    for (const value of ['户主说今年收入下降', 'lost his job', '', -1, 7020.5, null, ['a'], { v: 1 }])
      expect(isValid(completed, answer(value))).toBe(false);
    expect(isValid(completed, answer(true, 'income dropped?'))).toBe(false);
  });

  it('refuses no method, an unknown method, a method twice, and round 0', () => {
    for (const methods of [[], ['phone-call'], ['household-visit', 'household-visit']])
      expect(isValid(completed, { ...clone(completed.fixture), methods })).toBe(false);
    expect(isValid(completed, { ...clone(completed.fixture), round: 0 })).toBe(false);
    const byGroup = { ...clone(completed.fixture), methods: ['group-assessment'], visited: false, round: 2 };
    expect(validator.validate(completed.type, byGroup)).toEqual({ valid: true });
  });
});

describe('HouseholdFlaggedAtRisk.v1', () => {
  const flagged = householdFlaggedAtRiskV1;
  const base = () => clone(flagged.fixture);

  it('refuses a category outside the three, and takes open risk type codes', () => {
    expect(isValid(flagged, { ...base(), category: 'monitored' })).toBe(false);
    expect(isValid(flagged, { ...base(), suggestedCategory: 'marginal' })).toBe(false);
    expect(isValid(flagged, { ...base(), category: 'marginal-prone-to-poverty' })).toBe(true);
    expect(isValid(flagged, { ...base(), riskTypes: ['51.farm-price-drop'] })).toBe(true);
    for (const riskTypes of [[], ['Illness'], ['illness', 'illness']])
      expect(isValid(flagged, { ...base(), riskTypes })).toBe(false);
  });

  it('takes evidence of numbers, codes and yes/no only, each with a threshold or null', () => {
    const evidence = (value: unknown) => ({ ...base(), evidence: [value] });
    expect(isValid(flagged, evidence({ fact: 'income.dropShare', value: 0.42, threshold: 0.3 }))).toBe(true);
    expect(isValid(flagged, evidence({ fact: 'income.dropShare', value: { share: 0.42 }, threshold: 0.3 }))).toBe(
      false,
    );
    expect(isValid(flagged, evidence({ fact: 'income.dropShare', value: 0.42 }))).toBe(false);
    expect(isValid(flagged, evidence({ fact: 'income drop share', value: 0.42, threshold: null }))).toBe(false);
    expect(isValid(flagged, evidence({ fact: 'x', value: 1, threshold: null, memberName: '王' }))).toBe(false);
    expect(isValid(flagged, { ...base(), evidence: [] })).toBe(false);
  });

  it('keeps the official’s reason to 500 characters and the decider to a role', () => {
    expect(isValid(flagged, { ...base(), reason: '因'.repeat(500) })).toBe(true);
    expect(isValid(flagged, { ...base(), reason: '因'.repeat(501) })).toBe(false);
    expect(isValid(flagged, { ...base(), reason: '' })).toBe(false);
    expect(isValid(flagged, { ...base(), decidedBy: { role: 'county-official', userId: 'u-1' } })).toBe(false);
    expect(isValid(flagged, { ...base(), decidedBy: { role: 'a-role-added-later' } })).toBe(true);
    expect(isValid(flagged, { ...base(), decidedBy: { role: '乡镇干部' } })).toBe(false);
  });
});

describe('data-quality issues and rectification items', () => {
  const raisedAndClosed = [
    dataQualityIssueRaisedV1,
    dataQualityIssueResolvedV1,
    rectificationItemRaisedV1,
    rectificationItemClosedV1,
  ].map((c) => [c.event, c] as const);

  it.each(raisedAndClosed)(
    '%s: refuses an id that is not a UUID and a campaign id of another shape',
    (_e, contract) => {
      const idField = 'issueId' in clone(contract.fixture) ? 'issueId' : 'itemId';
      expect(isValid(contract, { ...clone(contract.fixture), [idField]: 'issue-1' })).toBe(false);
      expect(isValid(contract, { ...clone(contract.fixture), campaignId: '2024' })).toBe(false);
    },
  );

  it('refuses a data-quality rule with spaces, no evidence, and a resolution past 500 characters', () => {
    const raised = clone(dataQualityIssueRaisedV1.fixture);
    expect(isValid(dataQualityIssueRaisedV1, { ...raised, rule: 'age does not match' })).toBe(false);
    expect(isValid(dataQualityIssueRaisedV1, { ...raised, evidence: [] })).toBe(false);
    const resolved = clone(dataQualityIssueResolvedV1.fixture);
    expect(isValid(dataQualityIssueResolvedV1, { ...resolved, resolution: '改'.repeat(501) })).toBe(false);
  });

  it('refuses a rectification item of an unknown area, a closing with overdue not a yes/no', () => {
    expect(isValid(rectificationItemRaisedV1, { ...clone(rectificationItemRaisedV1.fixture), area: 'housing' })).toBe(
      false,
    );
    expect(isValid(rectificationItemClosedV1, { ...clone(rectificationItemClosedV1.fixture), area: 'housing' })).toBe(
      false,
    );
    expect(isValid(rectificationItemClosedV1, { ...clone(rectificationItemClosedV1.fixture), overdue: 'no' })).toBe(
      false,
    );
  });

  it('says in the schema of every typed text that it is free text without personal data, at most 500 characters', () => {
    const typed: [EventContract, string][] = [
      [householdFlaggedAtRiskV1, 'reason'],
      [dataQualityIssueResolvedV1, 'resolution'],
      [rectificationItemRaisedV1, 'summary'],
      [rectificationItemClosedV1, 'resolution'],
    ];
    for (const [contract, field] of typed) {
      const schema = (contract.schema.properties as Record<string, Json>)[field];
      expect(schema).toMatchObject({ type: 'string', maxLength: 500 });
      expect(schema.description).toMatch(/自由文本.*不得含个人信息.*free text.*must not carry personal data/);
    }
  });
});
