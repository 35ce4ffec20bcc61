import { describe, expect, it } from '@jest/globals';
import { ASSISTANCE_CONTRACTS, ASSISTANCE_HOUSEHOLD_KEY, CASE_SUBJECT } from './assistance';
import { EVENT_TYPE_PATTERN, JSON_SCHEMA_DIALECT, type EventContract } from './contract';
import { ALL_CONTRACTS, contractOfType } from './contract-registry';
import { INSPECTION_CONTRACTS, INSPECTION_HOUSEHOLD_KEY, TEAM_KEY } from './inspection';
import { HOUSEHOLD_KEY, REGISTRY_CONTRACTS } from './registry';
import { createContractValidator } from './testing';

const validator = createContractValidator();
const cases = ALL_CONTRACTS.map((contract) => [contract.type, contract] as const);

type Json = { [key: string]: unknown };

function clone(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** A property the mutation tests can change: the first one whose value is a string. */
/** `HouseholdRegistered` → `household-registered`, the schema name in the URI. */
function kebab(event: string): string {
  return event.replace(/[A-Z]/g, (letter, at: number) => `${at === 0 ? '' : '-'}${letter.toLowerCase()}`);
}

function firstStringProperty(data: Json): string {
  const key = Object.keys(data).find((k) => typeof data[k] === 'string');
  if (!key) throw new Error('fixture has no string property');
  return key;
}

describe('integration event contracts', () => {
  it('lists the eleven events of the registry, the nine of the inspection and the fourteen of assistance, each type once', () => {
    expect(REGISTRY_CONTRACTS.map((c) => c.event)).toEqual([
      'HouseholdRegistered',
      'HouseholdMembersChanged',
      'HouseholdIncomeRecorded',
      'HouseholdRigidExpenditureRecorded',
      'HouseholdRiskReported',
      'HouseholdThreePlusOneStatusChanged',
      'HouseholdStatusChanged',
      'HouseholdLegacyMonitoringRecordNoted',
      'HouseholdDataQualityWarningsChanged',
      'ThresholdPublished',
      'KeyRegionDesignated',
    ]);
    expect(INSPECTION_CONTRACTS.map((c) => c.event)).toEqual([
      'CampaignLaunched',
      'InspectionTeamFormed',
      'InspectionTeamChanged',
      'HouseholdInspectionCompleted',
      'HouseholdFlaggedAtRisk',
      'DataQualityIssueRaised',
      'DataQualityIssueResolved',
      'RectificationItemRaised',
      'RectificationItemClosed',
    ]);
    expect(ASSISTANCE_CONTRACTS.map((c) => c.event)).toEqual([
      'MonitoringCaseOpened',
      'LeadDismissed',
      'MonitoringSubjectIdentified',
      'IdentificationRejected',
      'MonitoringCaseOverdue',
      'EliminationProposed',
      'EliminationRefused',
      'EliminationRejected',
      'RiskEliminated',
      'MonitoringCaseReopened',
      'AssistanceMeasurePlanned',
      'AssistanceMeasureStarted',
      'AssistanceMeasureEnded',
      'AssistanceMeasureCancelled',
    ]);
    expect(ALL_CONTRACTS).toEqual([...REGISTRY_CONTRACTS, ...INSPECTION_CONTRACTS, ...ASSISTANCE_CONTRACTS]);
    expect(new Set(ALL_CONTRACTS.map((c) => c.type)).size).toBe(ALL_CONTRACTS.length);
    for (const contract of ALL_CONTRACTS) expect(contractOfType(contract.type)).toBe(contract);
    expect(contractOfType('cn.relapsewatch.inspection.CampaignLaunched.v1')?.context).toBe('inspection');
    expect(contractOfType('cn.relapsewatch.registry.Nothing.v1')).toBeUndefined();
  });

  it.each(cases)(
    '%s: type, topic, dataschema and schema header follow the conventions',
    (type, contract: EventContract) => {
      expect(type).toMatch(EVENT_TYPE_PATTERN);
      expect(type).toBe(`cn.relapsewatch.${contract.context}.${contract.event}.v${contract.version}`);
      expect(['registry', 'inspection', 'assistance']).toContain(contract.context);
      expect(contract.topic).toBe(`relapsewatch.${contract.context}.events.v1`);
      expect(contract.dataschema).toBe(
        `https://schemas.relapsewatch.cn/${contract.context}/${kebab(contract.event)}/v${contract.version}.json`,
      );
      expect(contract.schema).toMatchObject({
        $schema: JSON_SCHEMA_DIALECT,
        $id: contract.dataschema,
        type: 'object',
        additionalProperties: false,
      });
      expect(contract.title['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(contract.summary.en.length).toBeGreaterThan(10);
    },
  );

  it.each(cases)('%s: the fixture is valid', (type, contract: EventContract) => {
    expect(validator.validate(type, contract.fixture)).toEqual({ valid: true });
    if (contract.key.pattern) expect(contract.key.example).toMatch(new RegExp(contract.key.pattern));
  });

  it.each(cases)('%s: a fixture without a required field is refused', (type, contract: EventContract) => {
    for (const field of contract.schema.required as string[]) {
      const data = clone(contract.fixture);
      delete data[field];
      expect(validator.validate(type, data)).toMatchObject({
        valid: false,
        errors: [expect.objectContaining({ keyword: 'required' })],
      });
    }
  });

  it.each(cases)('%s: a fixture with an extra field is refused', (type, contract: EventContract) => {
    const data = { ...clone(contract.fixture), residentIdNumber: '51010419720315031X' };
    expect(validator.validate(type, data)).toMatchObject({
      valid: false,
      errors: [expect.objectContaining({ keyword: 'additionalProperties' })],
    });
  });

  it.each(cases)('%s: a fixture with a field of the wrong type is refused', (type, contract: EventContract) => {
    const data = clone(contract.fixture);
    data[firstStringProperty(data)] = 42;
    expect(validator.validate(type, data).valid).toBe(false);
  });

  it('keeps personal data only under the top-level `personal` object', () => {
    const personalWords = /name|residentId|phone/i;
    for (const contract of ALL_CONTRACTS) {
      // A team's `name` is the team's (西兴镇第一排查组), never a person's; its schema says so (checked below).
      const { personal: _personal, ...fixture } = clone(contract.fixture);
      const rest = contract.key === TEAM_KEY ? { ...fixture, name: undefined } : fixture;
      expect(JSON.stringify(rest)).not.toMatch(personalWords);
      expect(JSON.stringify(rest)).not.toMatch(/[0-9]{17}[0-9X]/);
      expect(contract.containsPersonalData).toBe(_personal !== undefined);
    }
    const personal = (contract: EventContract) => (contract.schema.properties as Json).personal as Json;
    const membersChanged = contractOfType('cn.relapsewatch.registry.HouseholdMembersChanged.v1');
    expect(membersChanged && personal(membersChanged).description).toMatch(/PERSONAL DATA REFERENCE/);
    for (const team of INSPECTION_CONTRACTS.filter((c) => c.key === TEAM_KEY))
      expect(((team.schema.properties as Json).name as Json).description).toMatch(/不是人名.*never a person’s/);
  });

  it('refuses money in yuan, fractions of a fen, and plain ID numbers or malformed hashes in `personal`', () => {
    const income = contractOfType('cn.relapsewatch.registry.HouseholdIncomeRecorded.v1');
    const members = contractOfType('cn.relapsewatch.registry.HouseholdMembersChanged.v1');
    if (!income || !members) throw new Error('contracts missing');
    const fractional = { ...clone(income.fixture), perCapitaNetIncomeFen: 10493.5 };
    expect(validator.validate(income.type, fractional).valid).toBe(false);
    const plainId = clone(members.fixture);
    ((plainId.personal as Json).members as Json[])[0].residentId = '51010419720315031X';
    expect(validator.validate(members.type, plainId).valid).toBe(false);
    const upperHash = clone(members.fixture);
    const first = ((upperHash.personal as Json).members as Json[])[0];
    first.residentIdHash = String(first.residentIdHash).toUpperCase();
    expect(validator.validate(members.type, upperHash).valid).toBe(false);
    const erased = clone(members.fixture);
    ((erased.personal as Json).members as Json[])[0].residentIdHash = null;
    expect(validator.validate(members.type, erased)).toEqual({ valid: true });
    const elsewhere = clone(members.fixture);
    (elsewhere.personal as Json).ref = 'https://example.org/people';
    expect(validator.validate(members.type, elsewhere).valid).toBe(false);
  });

  it('carries risk types as open codes: national, a province’s own, never a malformed word', () => {
    const risk = contractOfType('cn.relapsewatch.registry.HouseholdRiskReported.v1');
    const legacy = contractOfType('cn.relapsewatch.registry.HouseholdLegacyMonitoringRecordNoted.v1');
    if (!risk || !legacy) throw new Error('contracts missing');
    for (const kind of ['natural-disaster', '51.farm-price-drop', 'a-code-added-next-year'])
      expect(validator.validate(risk.type, { ...clone(risk.fixture), kind })).toEqual({ valid: true });
    for (const kind of ['Illness', '因病', '5.x', '51.', 'ill ness', ''])
      expect(validator.validate(risk.type, { ...clone(risk.fixture), kind }).valid).toBe(false);
    expect(validator.validate(legacy.type, { ...clone(legacy.fixture), riskTypes: ['51.farm-price-drop'] })).toEqual({
      valid: true,
    });
    expect(validator.validate(legacy.type, { ...clone(legacy.fixture), riskTypes: ['illness', 'illness'] }).valid).toBe(
      false,
    );
    const description = (risk.schema.properties as Json).kind as Json;
    expect(description.enum).toBeUndefined();
    expect(description.description).toMatch(/`illness` 因病.*`other` 其他/);
  });

  it('has no monitored status, and a year left poverty only in 2014–2020', () => {
    const registered = contractOfType('cn.relapsewatch.registry.HouseholdRegistered.v1');
    if (!registered) throw new Error('contract missing');
    const withStatus = (status: unknown) => ({ ...clone(registered.fixture), status });
    expect(validator.validate(registered.type, withStatus({ kind: 'monitored' })).valid).toBe(false);
    expect(validator.validate(registered.type, withStatus({ kind: 'ordinary' })).valid).toBe(true);
    for (const year of [2013, 2021])
      expect(
        validator.validate(registered.type, withStatus({ kind: 'poverty-alleviated', yearLeftPoverty: year })).valid,
      ).toBe(false);
    expect(
      validator.validate(registered.type, withStatus({ kind: 'poverty-alleviated', yearLeftPoverty: 2014 })).valid,
    ).toBe(true);
  });

  it('publishes income as recorded or recomputed after a membership change, with a null figure when nobody is left', () => {
    const income = contractOfType('cn.relapsewatch.registry.HouseholdIncomeRecorded.v1');
    if (!income) throw new Error('contract missing');
    const recorded = { ...clone(income.fixture), reason: { kind: 'recorded' } };
    expect(validator.validate(income.type, recorded)).toEqual({ valid: true });
    const emptied = { ...clone(income.fixture), divisorMembers: 0, perCapitaNetIncomeFen: null };
    expect(validator.validate(income.type, emptied)).toEqual({ valid: true });
    expect(validator.validate(income.type, { ...recorded, divisorRule: 'everyone' }).valid).toBe(false);
    const noDate = clone(income.fixture);
    delete (noDate.reason as Json).effectiveOn;
    expect(validator.validate(income.type, noDate).valid).toBe(false);
    const old = { ...clone(income.fixture), residentMembers: 3 };
    expect(validator.validate(income.type, old).valid).toBe(false);
  });

  it('states key and subject for every contract: the key example is the fixture’s own aggregate id', () => {
    const keys = new Set(ALL_CONTRACTS.map((c) => c.key.example));
    expect([...keys].sort()).toEqual([
      '0191a5c2-6f3e-7b21-8c4d-2e9f1a7b3c50',
      '0192f3a1-4c2d-7e10-9b35-6a1c8d2e4f70',
      '0192f6c8-3b1e-7a42-8d5c-1e7f9a2b4c63',
      '51-2024',
    ]);
    for (const contract of ALL_CONTRACTS) {
      const data = contract.fixture as Json;
      const aggregateId = data.teamId ?? data.householdId ?? data.campaignId ?? `${data.provinceCode}-${data.year}`;
      expect([contract.type, contract.key.example]).toEqual([contract.type, aggregateId]);
      // Only assistance names a subject of its own (the case); every other subject is the key.
      const subject = contract.context === 'assistance' ? data.caseId : aggregateId;
      expect([contract.type, contract.subject.example]).toEqual([contract.type, subject]);
    }
    expect(INSPECTION_HOUSEHOLD_KEY.description).toEqual(HOUSEHOLD_KEY.description);
    for (const contract of ASSISTANCE_CONTRACTS) {
      expect(contract.key).toBe(ASSISTANCE_HOUSEHOLD_KEY);
      expect(contract.subject).toBe(CASE_SUBJECT);
    }
  });
});
