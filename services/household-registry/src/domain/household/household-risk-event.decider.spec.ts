import type { ReportRiskEvent } from './household.commands';
import { householdDecider } from './household.decider';
import type { HouseholdEvent } from './household.events';
import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { DAUGHTER, HEAD, HOUSEHOLD_ID, memberAdded, registered, TODAY } from '../testing/household.fixtures';

const spec = deciderSpecification(householdDecider);
const family = [registered, memberAdded(HEAD), memberAdded(DAUGHTER)];

describe('ReportRiskEvent', () => {
  const report = (data: Partial<ReportRiskEvent['data']> = {}, riskTypeKnown = true): ReportRiskEvent => ({
    type: 'ReportRiskEvent',
    data: { riskEventId: 'risk-2024-001', kind: 'illness', occurredOn: '2024-06-15', lossYuan: '8000', ...data },
    facts: { today: TODAY, riskTypeKnown },
  });
  const reported: HouseholdEvent = {
    type: 'RiskEventReported',
    data: {
      householdId: HOUSEHOLD_ID,
      riskEventId: 'risk-2024-001',
      kind: 'illness',
      occurredOn: '2024-06-15',
      lossFen: 800_000,
    },
  };

  it('when a risk event is reported, then RiskEventReported', () => {
    spec.given(family).when(report()).thenEmits([reported]);
  });

  it('accepts an event that happened today', () => {
    spec
      .given(family)
      .when(report({ occurredOn: TODAY }))
      .thenEmits([{ ...reported, data: { ...reported.data, occurredOn: TODAY } } as HouseholdEvent]);
  });

  it('given it was reported, when the same report is sent again, then nothing happens', () => {
    spec
      .given([...family, reported])
      .when(report({ lossYuan: 8000 }))
      .thenEmitsNothing();
  });

  it('when the same report id comes with other details, then it is refused', () => {
    spec
      .given([...family, reported])
      .when(report({ kind: 'natural-disaster' }))
      .thenRejects({ code: 'risk-event.already-reported', field: 'riskEventId' });
  });

  it('accepts a province’s own risk type the handler found on its list', () => {
    spec
      .given(family)
      .when(report({ kind: '51.farm-price-drop' }))
      .thenEmits([{ ...reported, data: { ...reported.data, kind: '51.farm-price-drop' } } as HouseholdEvent]);
  });

  it('when the risk type is on neither the national nor the province’s list, then it is refused naming the field', () => {
    spec
      .given(family)
      .when(report({ kind: '51.farm-price-drop' }, false))
      .thenRejects({ code: 'risk-event.type-unknown', field: 'kind' });
  });

  it.each([
    ['an empty id', { riskEventId: ' ' }, 'risk-event.id-required', 'riskEventId'],
    ['a risk type that is no code', { kind: '因病' }, 'risk-event.type-format', 'kind'],
    ['an old closed-list word in capitals', { kind: 'Illness' }, 'risk-event.type-format', 'kind'],
    ['a date after today', { occurredOn: '2024-08-21' }, 'risk-event.date-in-future', 'occurredOn'],
    ['no real date', { occurredOn: '2024-13-01' }, 'risk-event.date-format', 'occurredOn'],
    ['a negative loss', { lossYuan: '-1' }, 'risk-event.loss-negative', 'lossYuan'],
    ['a loss with three decimals', { lossYuan: 0.001 }, 'money.precision', 'lossYuan'],
  ] as const)('when the report has %s, then it is refused', (_case, data, code, field) => {
    spec.given(family).when(report(data)).thenRejects({ code, field });
  });
});
