import { describe, expect, it } from '@jest/globals';
import { createContractValidator } from '../testing';
import { campaignLaunchedV1 } from './campaign-launched.v1';
import { inspectionTeamChangedV1 } from './inspection-team-changed.v1';
import { inspectionTeamFormedV1 } from './inspection-team-formed.v1';

const validator = createContractValidator();

type Json = { [key: string]: unknown };

function clone(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

describe('CampaignLaunched.v1', () => {
  const { type, fixture } = campaignLaunchedV1;
  const validate = (data: unknown) => validator.validate(type, data);

  it('is keyed by `<provinceCode>-<year>` and refuses any other campaign id', () => {
    expect(validate({ ...clone(fixture), campaignId: '53-2025' })).toEqual({ valid: true });
    for (const campaignId of ['51-24', '5-2024', '01-2024', '51_2024', '51-2024-1'])
      expect(validate({ ...clone(fixture), campaignId }).valid).toBe(false);
  });

  it('accepts a campaign without an inspection filter line and without key regions', () => {
    const plain = {
      ...clone(fixture),
      lines: { monitoringLineFen: 760_000, inspectionFilterLineFen: null },
      keyRegions: [],
    };
    expect(validate(plain)).toEqual({ valid: true });
  });

  it('refuses lines in yuan, a missing line and an extra line', () => {
    const lines = (value: unknown) => ({ ...clone(fixture), lines: value });
    expect(validate(lines({ monitoringLineFen: 7600.5, inspectionFilterLineFen: null })).valid).toBe(false);
    expect(validate(lines({ inspectionFilterLineFen: null })).valid).toBe(false);
    expect(validate(lines({ monitoringLineFen: 760_000, inspectionFilterLineFen: null, lowLineFen: 1 })).valid).toBe(
      false,
    );
  });

  it('refuses an unknown key region kind, a region covering nothing, and an extra property of a region', () => {
    const region = (value: Json) => ({ ...clone(fixture), keyRegions: [value] });
    const base = { regionId: 'kr-51-2024-003', kind: 'priority-assistance-county', divisionCodes: ['511923000000'] };
    expect(validate(region(base))).toEqual({ valid: true });
    expect(validate(region({ ...base, kind: 'mountain-area' })).valid).toBe(false);
    expect(validate(region({ ...base, divisionCodes: [] })).valid).toBe(false);
    expect(validate(region({ ...base, divisionCodes: ['511923'] })).valid).toBe(false);
    expect(validate(region({ ...base, reason: '重点帮扶县' })).valid).toBe(false);
  });

  it('refuses a rule id with spaces and the same rule twice', () => {
    expect(validate({ ...clone(fixture), keyGroupRuleIds: ['income drop'] }).valid).toBe(false);
    expect(
      validate({ ...clone(fixture), keyGroupRuleIds: ['key-group.income-drop', 'key-group.income-drop'] }).valid,
    ).toBe(false);
  });
});

describe('InspectionTeamFormed.v1 and InspectionTeamChanged.v1', () => {
  const teams = [inspectionTeamFormedV1, inspectionTeamChangedV1].map((c) => [c.event, c] as const);

  it.each(teams)('%s: accepts a team formed above the township, with no village yet', (_event, contract) => {
    const data = { ...clone(contract.fixture), townshipCode: null, villageCodes: [] };
    expect(validator.validate(contract.type, data)).toEqual({ valid: true });
  });

  it.each(teams)('%s: refuses an unknown member role and a member with more than id and role', (_event, contract) => {
    const member = (value: Json) => ({ ...clone(contract.fixture), members: [value] });
    expect(validator.validate(contract.type, member({ userId: 'u-1', role: 'official' }))).toEqual({ valid: true });
    expect(validator.validate(contract.type, member({ userId: 'u-1', role: 'village-secretary' })).valid).toBe(false);
    expect(
      validator.validate(contract.type, member({ userId: 'u-1', role: 'official', phone: '13800000000' })).valid,
    ).toBe(false);
    expect(validator.validate(contract.type, member({ role: 'official' })).valid).toBe(false);
  });

  it.each(teams)(
    '%s: refuses a team id that is not a lower-case UUID and a village code that is not 12 digits',
    (_e, contract) => {
      const upper = { ...clone(contract.fixture), teamId: '0192F3A1-4C2D-7E10-9B35-6A1C8D2E4F70' };
      expect(validator.validate(contract.type, upper).valid).toBe(false);
      expect(validator.validate(contract.type, { ...clone(contract.fixture), teamId: 'team-1' }).valid).toBe(false);
      expect(
        validator.validate(contract.type, { ...clone(contract.fixture), villageCodes: ['5119231022'] }).valid,
      ).toBe(false);
    },
  );

  it('says what changed only on InspectionTeamChanged, in one of three words', () => {
    const changed = (value: unknown) => ({ ...clone(inspectionTeamChangedV1.fixture), changed: value });
    for (const word of ['members', 'coverage', 'disbanded'])
      expect(validator.validate(inspectionTeamChangedV1.type, changed(word))).toEqual({ valid: true });
    expect(validator.validate(inspectionTeamChangedV1.type, changed('renamed')).valid).toBe(false);
    const formed = { ...clone(inspectionTeamFormedV1.fixture), changed: 'members' };
    expect(validator.validate(inspectionTeamFormedV1.type, formed).valid).toBe(false);
  });
});
