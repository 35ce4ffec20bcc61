import type { HouseholdStatus } from './household.values';
import type { NoteLegacyMonitoringRecord } from './household.commands';
import { householdDecider } from './household.decider';
import type { HouseholdEvent } from './household.events';
import type { LegacyMonitoringRecord } from './legacy-monitoring.values';
import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { HEAD, HOUSEHOLD_ID, memberAdded, registered, TODAY } from '../testing/household.fixtures';

// A monitoring record a 监测户 row declared is kept as declared for the assistance context; it is
// never a status (DOMAIN.md "Households and people").
const spec = deciderSpecification(householdDecider);
const alleviated = [registered, memberAdded(HEAD)];
const record: LegacyMonitoringRecord = {
  source: 'household-sheet',
  category: 'unstable-poverty-alleviated',
  identifiedOn: '2022-04-18',
  riskTypes: ['illness', '51.farm-price-drop'],
  riskEliminated: true,
  eliminatedOn: '2023-11-30',
};
const note = (data: Partial<LegacyMonitoringRecord> = {}, unknownRiskTypes: readonly string[] = []) =>
  ({
    type: 'NoteLegacyMonitoringRecord',
    data: { ...record, ...data },
    facts: { today: TODAY, unknownRiskTypes },
  }) satisfies NoteLegacyMonitoringRecord;
const noted = (r: LegacyMonitoringRecord = record): HouseholdEvent => ({
  type: 'LegacyMonitoringRecordNoted',
  data: { householdId: HOUSEHOLD_ID, record: r },
});
const ordinary: HouseholdEvent = {
  type: 'HouseholdStatusChanged',
  data: { householdId: HOUSEHOLD_ID, status: { kind: 'ordinary' } },
};

describe('NoteLegacyMonitoringRecord', () => {
  it('when a declared record is noted, then LegacyMonitoringRecordNoted, and the base status stays', () => {
    spec.given(alleviated).when(note()).thenEmits([noted()]);
    const state = spec.given([...alleviated, noted()]).state();
    expect(state.kind === 'registered' && state.status).toEqual<HouseholdStatus>({
      kind: 'poverty-alleviated',
      yearLeftPoverty: 2019,
    });
    expect(state.kind === 'registered' && state.legacyMonitoring).toEqual([record]);
  });

  it('given it was noted, when the same record comes again, then nothing happens', () => {
    spec
      .given([...alleviated, noted()])
      .when(note())
      .thenEmitsNothing();
  });

  it('keeps another record beside the first (a correction or an earlier episode)', () => {
    const open = { ...record, riskEliminated: false, eliminatedOn: null };
    spec
      .given([...alleviated, noted()])
      .when(note({ riskEliminated: false, eliminatedOn: null }))
      .thenEmits([noted(open)]);
  });

  it('copies only the record’s own fields into the event', () => {
    spec
      .given(alleviated)
      .when(note({ note: 'not part of a record' } as Partial<LegacyMonitoringRecord>))
      .thenEmits([noted()]);
  });

  it.each([
    ['an unknown category', { category: 'monitored' }, 'legacy-monitoring.category', 'category'],
    ['another source', { source: 'hotline' }, 'legacy-monitoring.source', 'source'],
    [
      'an identification after today',
      { identifiedOn: '2024-08-21' },
      'legacy-monitoring.identified-on',
      'identifiedOn',
    ],
    ['no real identification date', { identifiedOn: '2022-02-30' }, 'legacy-monitoring.identified-on', 'identifiedOn'],
    [
      'elimination before identification',
      { eliminatedOn: '2022-01-01' },
      'legacy-monitoring.eliminated-on',
      'eliminatedOn',
    ],
    ['eliminated without a date', { eliminatedOn: null }, 'legacy-monitoring.eliminated-on', 'eliminatedOn'],
    [
      'an open risk with an elimination date',
      { riskEliminated: false },
      'legacy-monitoring.eliminated-on',
      'eliminatedOn',
    ],
    ['a risk type that is no code', { riskTypes: ['因病'] }, 'legacy-monitoring.risk-type-format', 'riskTypes.0'],
    ['a risk type twice', { riskTypes: ['illness', 'illness'] }, 'legacy-monitoring.risk-type-format', 'riskTypes.1'],
  ] as const)('when the record has %s, then it is refused', (_case, data, code, field) => {
    spec
      .given(alleviated)
      .when(note(data as Partial<LegacyMonitoringRecord>))
      .thenRejects({ code, field });
  });

  it('when a risk type is on neither list, then it is refused naming it', () => {
    spec
      .given(alleviated)
      .when(note({}, ['51.farm-price-drop']))
      .thenRejects({ code: 'legacy-monitoring.risk-type-unknown', field: 'riskTypes.1' });
  });

  it('refuses a category that contradicts the base status', () => {
    spec
      .given([...alleviated, ordinary])
      .when(note())
      .thenRejects({ code: 'legacy-monitoring.category-status', field: 'category' });
    spec
      .given(alleviated)
      .when(note({ category: 'marginal-prone-to-poverty' }))
      .thenRejects({ code: 'legacy-monitoring.category-status', field: 'category' });
  });

  it('accepts sudden severe hardship whatever the base status', () => {
    const sudden = { ...record, category: 'sudden-severe-hardship' } as const;
    spec
      .given([...alleviated, ordinary])
      .when(note(sudden))
      .thenEmits([noted(sudden)]);
    spec
      .given(alleviated)
      .when(note(sudden))
      .thenEmits([noted(sudden)]);
  });

  it('refuses a household that is not registered', () => {
    spec.given([]).when(note()).thenRejects({ code: 'household.not-registered' });
  });
});
