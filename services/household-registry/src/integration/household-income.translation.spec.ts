import { describe, expect, it } from '@jest/globals';
import { NATIONAL_RISK_TYPES as PUBLISHED_RISK_TYPES, type HouseholdIncomeRecordedV1 } from '@relapse-watch/contracts';
import { createContractValidator } from '@relapse-watch/contracts/testing';
import type { HouseholdCommand } from '../domain/household/household.commands';
import { householdDecider } from '../domain/household/household.decider';
import type { HouseholdEvent } from '../domain/household/household.events';
import type { HouseholdState } from '../domain/household/household.state';
import { NATIONAL_RISK_TYPES } from '../domain/risk-types/risk-types';
import {
  addMember,
  DAUGHTER,
  HEAD,
  MIGRANT_SON,
  registerHousehold,
  TODAY,
  noteLegacyMonitoringRecord,
} from '../domain/testing/household.fixtures';
import { translateHouseholdEvent, type RegistryIntegrationEvent } from './index';

// The integration events of the per-capita recomputation and of a declared monitoring record,
// each checked against its JSON Schema.
const validator = createContractValidator();

/** Decides the commands in turn and translates every event with the household after it. */
function published(commands: readonly HouseholdCommand[]): RegistryIntegrationEvent[] {
  let state: HouseholdState = householdDecider.initialState;
  const out: RegistryIntegrationEvent[] = [];
  for (const command of commands)
    for (const event of householdDecider.decide(command, state)) {
      state = householdDecider.evolve(state, event);
      out.push(...translateHouseholdEvent(state, event as HouseholdEvent, { residentIdHash: () => '0'.repeat(64) }));
    }
  return out;
}

const recordIncome: HouseholdCommand = {
  type: 'RecordIncome',
  data: {
    period: { kind: 'calendar-year', year: 2023 },
    components: {
      wagesYuan: '20000',
      grossBusinessYuan: '10000',
      propertyYuan: 0,
      transferYuan: '1000',
      productionCostsYuan: '7000',
    },
  },
  facts: { today: TODAY, perCapitaDivisorRule: 'household-members' },
};

describe('per-capita recomputation → HouseholdIncomeRecorded again', () => {
  it('publishes the record as recorded, then as recomputed with the membership change, both valid', () => {
    const out = published([
      registerHousehold(),
      addMember(HEAD),
      addMember(DAUGHTER),
      addMember(MIGRANT_SON),
      recordIncome,
      {
        type: 'RemoveMember',
        data: { memberId: MIGRANT_SON.memberId, reason: 'moved-out' },
        facts: { today: TODAY, perCapitaDivisorRule: 'household-members' },
      },
    ]);
    const incomes = out.filter((o) => o.contract.event === 'HouseholdIncomeRecorded');
    for (const o of out) expect(validator.validate(o.contract.type, o.data)).toEqual({ valid: true });
    // 20000 + 10000 gross + 1000 − 7000 costs = 24000.00; ÷ 3 = 8000.00, then ÷ 2 = 12000.00
    expect(incomes.map((o) => o.data as HouseholdIncomeRecordedV1)).toEqual([
      expect.objectContaining({
        components: {
          wagesFen: 2_000_000,
          grossBusinessFen: 1_000_000,
          propertyFen: 0,
          transferFen: 100_000,
          productionCostsFen: 700_000,
        },
        netIncomeFen: 2_400_000,
        divisorMembers: 3,
        perCapitaNetIncomeFen: 800_000,
        reason: { kind: 'recorded' },
      }),
      expect.objectContaining({
        netIncomeFen: 2_400_000,
        divisorRule: 'household-members',
        divisorMembers: 2,
        perCapitaNetIncomeFen: 1_200_000,
        reason: {
          kind: 'membership-changed',
          memberId: MIGRANT_SON.memberId,
          change: 'member-removed',
          effectiveOn: TODAY,
          previous: { divisorRule: 'household-members', divisorMembers: 3, perCapitaNetIncomeFen: 800_000 },
        },
      }),
    ]);
  });
});

describe('a declared monitoring record → HouseholdLegacyMonitoringRecordNoted', () => {
  it('is published with its declared values, valid against its schema; the status events still carry the base status', () => {
    const out = published([registerHousehold(), addMember(HEAD), noteLegacyMonitoringRecord()]);
    const [registered, , monitoring] = out;
    expect(registered.data).toMatchObject({ status: { kind: 'poverty-alleviated', yearLeftPoverty: 2019 } });
    expect(monitoring.contract.event).toBe('HouseholdLegacyMonitoringRecordNoted');
    expect(monitoring.data).toEqual({
      householdId: 'hh-511923-0012',
      villageCode: '511923100201',
      source: 'household-sheet',
      category: 'unstable-poverty-alleviated',
      identifiedOn: '2022-04-18',
      riskTypes: ['illness'],
      riskEliminated: false,
      eliminatedOn: null,
    });
    expect(validator.validate(monitoring.contract.type, monitoring.data)).toEqual({ valid: true });
  });
});

describe('risk types', () => {
  it('the contracts document the national list the registry keeps, code for code, in order', () => {
    expect(PUBLISHED_RISK_TYPES.map(([code]) => code)).toEqual(NATIONAL_RISK_TYPES.map((t) => t.code));
    for (const [code, label] of PUBLISHED_RISK_TYPES)
      expect(label.startsWith(NATIONAL_RISK_TYPES.find((t) => t.code === code)?.label['zh-CN'] ?? '?')).toBe(true);
  });
});
