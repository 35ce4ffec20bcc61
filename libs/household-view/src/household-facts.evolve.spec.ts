import { householdDataQualityWarningsChangedV1, householdMembersChangedV1 } from '@relapse-watch/contracts';
import type { HouseholdFactsDocument } from './household-facts.document';
import { evolveHouseholdFacts } from './household-facts.evolve';
import type { HouseholdFactsEvent } from './registry-facts.events';
import { HOUSEHOLD_ID, householdEvent, VILLAGE } from './testing/household-facts.fixtures';

const REGISTERED_ON = '2024-05-01';

/** Given these events folded in order, the document. */
function given(...events: HouseholdFactsEvent[]): HouseholdFactsDocument | null {
  return events.reduce<HouseholdFactsDocument | null>((doc, event) => evolveHouseholdFacts(doc, event), null);
}

const registered = () => householdEvent('HouseholdRegistered', REGISTERED_ON);
const [HEAD, SPOUSE, CHILD] = householdMembersChangedV1.fixture.members;
const WARNING = householdDataQualityWarningsChangedV1.fixture.warning;

describe('household facts from the registry’s events', () => {
  it('HouseholdRegistered: a household with its village’s units, status and flags, learnt that day', () => {
    const event = registered();
    expect(given(event)).toEqual({
      householdId: HOUSEHOLD_ID,
      villageCode: VILLAGE,
      householdNumber: '5101040010010027',
      status: { kind: 'poverty-alleviated', yearLeftPoverty: 2019 },
      flags: { relocatedToResettlementSite: false, urbanHukou: false },
      members: [],
      incomes: [],
      rigidExpenditures: [],
      riskEvents: [],
      threePlusOne: null,
      openWarnings: [],
      warningsRaised: 0,
      legacyMonitoring: null,
      registeredOn: REGISTERED_ON,
      provinceCode: '510000000000',
      cityCode: '510100000000',
      countyCode: '510104000000',
      townshipCode: '510104001000',
      lastEventId: event.id,
    });
  });

  it('an event about a household not registered here makes nothing', () => {
    expect(given(householdEvent('HouseholdIncomeRecorded', '2024-06-01'))).toBeNull();
    expect(given(householdEvent('HouseholdMembersChanged', '2024-06-01'))).toBeNull();
  });

  it('a second registration of a known household changes nothing', () => {
    const before = given(registered())!;
    const after = evolveHouseholdFacts(
      before,
      householdEvent('HouseholdRegistered', '2024-09-09', { householdNumber: 'x' }),
    );
    expect(after).toBe(before);
  });

  it('re-applying the last event folded (a redelivery) returns the same document', () => {
    const income = householdEvent('HouseholdIncomeRecorded', '2024-06-01');
    const once = given(registered(), income)!;
    expect(evolveHouseholdFacts(once, income)).toBe(once);
  });

  it('HouseholdMembersChanged: the current members without personal data; health dated when it changes', () => {
    const first = householdEvent('HouseholdMembersChanged', '2024-05-02');
    const disabled = { ...SPOUSE, health: { kind: 'disabled', grade: 1 } } as const;
    const second = householdEvent('HouseholdMembersChanged', '2024-07-15', { members: [HEAD, disabled] });
    const doc = given(registered(), first, second)!;

    expect(doc.members).toEqual([
      { ...HEAD, healthSince: '2024-05-02' },
      { ...disabled, healthSince: '2024-07-15' },
    ]);
    expect(JSON.stringify(doc)).not.toContain('residentIdHash');
    expect(JSON.stringify(doc)).not.toContain('personal-data');
    expect(given(registered(), first)!.members.map((m) => m.memberId)).toEqual([
      HEAD.memberId,
      SPOUSE.memberId,
      CHILD.memberId,
    ]);
  });

  it('HouseholdIncomeRecorded: a later record of a period replaces it; periods oldest first', () => {
    const of2023 = householdEvent('HouseholdIncomeRecorded', '2024-03-01', {
      period: { kind: 'calendar-year', year: 2023 },
      netIncomeFen: 100,
    });
    const twelveMonths = householdEvent('HouseholdIncomeRecorded', '2024-08-01', {
      period: { kind: 'twelve-months', endingOn: '2024-07-31' },
      netIncomeFen: 300,
    });
    const of2023Again = householdEvent('HouseholdIncomeRecorded', '2024-09-01', {
      period: { kind: 'calendar-year', year: 2023 },
      netIncomeFen: 200,
      perCapitaNetIncomeFen: 67,
      divisorMembers: 3,
    });
    const doc = given(registered(), twelveMonths, of2023, of2023Again)!;

    expect(doc.incomes).toEqual([
      {
        period: { kind: 'calendar-year', year: 2023 },
        netIncomeFen: 200,
        perCapitaNetIncomeFen: 67,
        divisorMembers: 3,
        transferFen: 436_000,
        recordedOn: '2024-09-01',
      },
      expect.objectContaining({ period: { kind: 'twelve-months', endingOn: '2024-07-31' }, netIncomeFen: 300 }),
    ]);
  });

  it('HouseholdRigidExpenditureRecorded: replaced by period too', () => {
    const first = householdEvent('HouseholdRigidExpenditureRecorded', '2024-08-02');
    const corrected = householdEvent('HouseholdRigidExpenditureRecorded', '2024-08-09', {
      totalFen: 1,
      educationFen: 1,
      medicalAfterReimbursementFen: 0,
    });
    expect(given(registered(), first, corrected)!.rigidExpenditures).toEqual([
      {
        period: { kind: 'twelve-months', endingOn: '2024-07-31' },
        medicalAfterReimbursementFen: 0,
        educationFen: 1,
        disasterLossFen: 0,
        totalFen: 1,
        recordedOn: '2024-08-09',
      },
    ]);
  });

  it('HouseholdRiskReported: kept by occurrence date, one report once', () => {
    const june = householdEvent('HouseholdRiskReported', '2024-06-05');
    const march = householdEvent('HouseholdRiskReported', '2024-06-06', {
      riskEventId: '0191b0e4-2c55-7f0a-a3d2-000000000001',
      kind: 'natural-disaster',
      occurredOn: '2024-03-10',
      lossFen: 5,
    });
    const juneAgain = householdEvent('HouseholdRiskReported', '2024-06-07');
    expect(given(registered(), june, march, juneAgain)!.riskEvents).toEqual([
      {
        riskEventId: '0191b0e4-2c55-7f0a-a3d2-000000000001',
        kind: 'natural-disaster',
        occurredOn: '2024-03-10',
        lossFen: 5,
      },
      {
        riskEventId: '0191b0e4-2c55-7f0a-a3d2-6b8e9c1f4a27',
        kind: 'illness',
        occurredOn: '2024-06-03',
        lossFen: 3_865_000,
      },
    ]);
  });

  it('HouseholdThreePlusOneStatusChanged: the assessment, dated', () => {
    expect(
      given(registered(), householdEvent('HouseholdThreePlusOneStatusChanged', '2024-06-10'))!.threePlusOne,
    ).toEqual({
      foodAndClothingSecured: true,
      compulsoryEducationSecured: true,
      medicalInsuranceCovered: true,
      housingGrade: 'C',
      drinkingWaterSafe: true,
      recordedOn: '2024-06-10',
    });
  });

  it('HouseholdStatusChanged: status and flags as they now stand', () => {
    const doc = given(
      registered(),
      householdEvent('HouseholdStatusChanged', '2024-06-11', { changed: 'status', status: { kind: 'ordinary' } }),
    )!;
    expect(doc.status).toEqual({ kind: 'ordinary' });
    expect(doc.flags).toEqual({ relocatedToResettlementSite: true, urbanHukou: false });
  });

  it('a household event from another village moves the household and its units', () => {
    const doc = given(
      registered(),
      householdEvent('HouseholdStatusChanged', '2024-06-11', { villageCode: '510105002003' }),
    )!;
    expect(doc).toMatchObject({
      villageCode: '510105002003',
      townshipCode: '510105002000',
      countyCode: '510105000000',
    });
  });

  it('HouseholdDataQualityWarningsChanged: the open warnings keep the day they were raised; raises are counted', () => {
    const other = {
      ...WARNING,
      rule: 'income.per-capita-outlier',
      field: 'income',
      evidence: { ...WARNING.evidence, memberId: null },
    };
    const raised = householdEvent('HouseholdDataQualityWarningsChanged', '2024-06-01');
    const raisedOther = householdEvent('HouseholdDataQualityWarningsChanged', '2024-06-20', {
      warning: other,
      openWarnings: [WARNING, other],
    });
    const cleared = householdEvent('HouseholdDataQualityWarningsChanged', '2024-07-01', {
      change: 'cleared',
      openWarnings: [other],
    });
    const doc = given(registered(), raised, raisedOther, cleared)!;

    expect(doc.openWarnings).toEqual([
      { rule: 'income.per-capita-outlier', field: 'income', memberId: null, raisedOn: '2024-06-20' },
    ]);
    expect(doc.warningsRaised).toBe(2);
    expect(given(registered(), raised, raisedOther)!.openWarnings[0]).toEqual({
      rule: WARNING.rule,
      field: WARNING.field,
      memberId: WARNING.evidence.memberId,
      raisedOn: '2024-06-01',
    });
  });

  it('HouseholdLegacyMonitoringRecordNoted: the declared record', () => {
    const doc = given(registered(), householdEvent('HouseholdLegacyMonitoringRecordNoted', '2024-05-03'))!;
    expect(doc.legacyMonitoring).toEqual({
      category: 'unstable-poverty-alleviated',
      identifiedOn: '2022-04-18',
      riskTypes: ['illness', 'unstable-work'],
      eliminated: true,
    });
  });
});
