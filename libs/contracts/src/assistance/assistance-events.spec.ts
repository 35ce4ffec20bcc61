import { describe, expect, it } from '@jest/globals';
import type { EventContract } from '../contract';
import { createContractValidator } from '../testing';
import { assistanceMeasureCancelledV1 } from './assistance-measure-cancelled.v1';
import { assistanceMeasureEndedV1 } from './assistance-measure-ended.v1';
import { assistanceMeasurePlannedV1 } from './assistance-measure-planned.v1';
import { assistanceMeasureStartedV1 } from './assistance-measure-started.v1';
import { eliminationProposedV1 } from './elimination-proposed.v1';
import { eliminationRefusedV1 } from './elimination-refused.v1';
import { eliminationRejectedV1 } from './elimination-rejected.v1';
import { identificationRejectedV1 } from './identification-rejected.v1';
import { ASSISTANCE_CONTRACTS } from './index';
import { leadDismissedV1 } from './lead-dismissed.v1';
import { monitoringCaseOpenedV1 } from './monitoring-case-opened.v1';
import { monitoringCaseOverdueV1 } from './monitoring-case-overdue.v1';
import { monitoringCaseReopenedV1 } from './monitoring-case-reopened.v1';
import { monitoringSubjectIdentifiedV1 } from './monitoring-subject-identified.v1';
import { riskEliminatedV1 } from './risk-eliminated.v1';

const validator = createContractValidator();

type Json = { [key: string]: unknown };

function clone(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

const isValid = (contract: EventContract, data: unknown) => validator.validate(contract.type, data).valid;
const every = ASSISTANCE_CONTRACTS.map((c) => [c.event, c] as const);

describe('every assistance contract', () => {
  it.each(every)('%s: names the actor by role only, an open list of kebab-case codes', (_e, contract) => {
    const actor = (value: unknown) => ({ ...clone(contract.fixture), actor: value });
    expect(isValid(contract, actor({ role: 'a-role-added-later' }))).toBe(true);
    expect(isValid(contract, actor({ role: 'county-official', userId: 'u-county-1' }))).toBe(false);
    expect(isValid(contract, actor({ role: '县级干部' }))).toBe(false);
    expect(isValid(contract, actor({}))).toBe(false);
  });

  it.each(every)('%s: refuses an official’s free-text reason, and a day that is not a date', (_e, contract) => {
    expect(isValid(contract, { ...clone(contract.fixture), reason: '户主张三确诊重病' })).toBe(false);
    expect(isValid(contract, { ...clone(contract.fixture), on: '2024-9-2' })).toBe(false);
    expect(isValid(contract, { ...clone(contract.fixture), villageCode: '5119231022' })).toBe(false);
  });

  it('says where the reason went, in both languages, wherever an official gives one', () => {
    const decided = [
      leadDismissedV1,
      identificationRejectedV1,
      eliminationProposedV1,
      eliminationRejectedV1,
      monitoringCaseReopenedV1,
      assistanceMeasureCancelledV1,
    ];
    for (const contract of decided)
      expect(contract.schema.description).toMatch(
        /理由为自由文本.*不发布.*the official’s reason is free text.*not published/,
      );
  });
});

describe('MonitoringCaseOpened.v1', () => {
  const opened = monitoringCaseOpenedV1;
  const withLead = (lead: Json) => ({ ...clone(opened.fixture), lead });

  it('takes the four lead sources, a department only as a code, and no lead summary', () => {
    const warning = { source: 'department-warning', referenceId: 'hi-2024-0917-33', department: 'health-insurance' };
    expect(isValid(opened, withLead(warning))).toBe(true);
    expect(isValid(opened, withLead({ ...warning, source: 'hotline' }))).toBe(false);
    expect(isValid(opened, withLead({ ...warning, department: '县医保局' }))).toBe(false);
    expect(isValid(opened, withLead({ ...warning, summary: '自付医疗费用超过预警线' }))).toBe(false);
    expect(isValid(opened, withLead({ ...warning, referenceId: '' }))).toBe(false);
  });

  it('takes a relapse’s previous case and a lead without a suggestion', () => {
    const relapse = {
      ...clone(opened.fixture),
      previousCaseId: '0193a1b2-0000-7000-8000-000000000001',
      suggestion: null,
    };
    expect(validator.validate(opened.type, relapse)).toEqual({ valid: true });
  });

  it('refuses a suggestion of an unknown category or without rules', () => {
    const suggestion = (value: Json) => ({ ...clone(opened.fixture), suggestion: value });
    const fixture = clone(opened.fixture).suggestion as Json;
    expect(isValid(opened, suggestion({ ...fixture, category: 'monitored' }))).toBe(false);
    expect(isValid(opened, suggestion({ ...fixture, ruleIds: [] }))).toBe(false);
  });
});

describe('MonitoringSubjectIdentified.v1', () => {
  const identified = monitoringSubjectIdentifiedV1;
  const withRiskTypes = (riskTypes: unknown) => ({ ...clone(identified.fixture), riskTypes });

  it('takes risk types as open codes, at least one, each once', () => {
    expect(isValid(identified, withRiskTypes(['51.farm-price-drop']))).toBe(true);
    for (const riskTypes of [[], ['Illness'], ['illness', 'illness'], ['因病']])
      expect(isValid(identified, withRiskTypes(riskTypes))).toBe(false);
  });

  it('refuses a category outside the three', () => {
    expect(isValid(identified, { ...clone(identified.fixture), category: 'marginal' })).toBe(false);
    expect(isValid(identified, { ...clone(identified.fixture), category: 'sudden-severe-hardship' })).toBe(true);
  });
});

describe('rejections and overdue steps', () => {
  it.each([identificationRejectedV1, eliminationRejectedV1].map((c) => [c.event, c] as const))(
    '%s: at the village review, the township review or the county, nowhere else',
    (_e, contract) => {
      for (const at of ['village-review', 'township-review', 'county'])
        expect(isValid(contract, { ...clone(contract.fixture), at })).toBe(true);
      expect(isValid(contract, { ...clone(contract.fixture), at: 'city' })).toBe(false);
    },
  );

  it('marks one of the three steps overdue, with its due day', () => {
    const overdue = monitoringCaseOverdueV1;
    expect(isValid(overdue, { ...clone(overdue.fixture), step: 'accept' })).toBe(true);
    expect(isValid(overdue, { ...clone(overdue.fixture), step: 'public-notice' })).toBe(false);
    expect(isValid(overdue, { ...clone(overdue.fixture), dueOn: null })).toBe(false);
  });
});

describe('EliminationRefused.v1', () => {
  const refused = eliminationRefusedV1;
  const first = () => (clone(refused.fixture).reasons as Json[])[0];
  const withReason = (reason: Json) => ({ ...clone(refused.fixture), reasons: [reason] });

  it('needs at least one reason, and takes a reason code it does not know yet', () => {
    expect(isValid(refused, { ...clone(refused.fixture), reasons: [] })).toBe(false);
    expect(isValid(refused, withReason({ ...first(), code: 'elimination.a-rule-added-later' }))).toBe(true);
    expect(isValid(refused, withReason({ ...first(), code: 'Elimination Income' }))).toBe(false);
  });

  it('takes evidence of scalars only, possibly none, and nothing beside fact, value and threshold', () => {
    const evidence = (value: unknown) => withReason({ ...first(), evidence: value });
    expect(isValid(refused, evidence([]))).toBe(true);
    expect(isValid(refused, evidence([{ fact: 'members.0.labourCapacity', value: 'none', threshold: null }]))).toBe(
      true,
    );
    expect(isValid(refused, evidence([{ fact: 'incomes.window', value: { from: '2024-12' }, threshold: null }]))).toBe(
      false,
    );
    expect(isValid(refused, evidence([{ fact: 'members.0', value: 'none', threshold: null, memberId: 'p-1' }]))).toBe(
      false,
    );
  });

  it('refuses a reason without its field or message, or with a message past 500 characters', () => {
    expect(isValid(refused, withReason({ ...first(), field: '' }))).toBe(false);
    expect(isValid(refused, withReason({ ...first(), message: '收'.repeat(501) }))).toBe(false);
    const { message: _message, ...withoutMessage } = first();
    expect(isValid(refused, withReason(withoutMessage))).toBe(false);
  });

  it('says in the schema that the evidence holds household figures, never a person', () => {
    const reasons = (refused.schema.properties as Record<string, Json>).reasons as { items: Json };
    const evidence = (reasons.items.properties as Record<string, Json>).evidence;
    expect(evidence.description).toMatch(
      /人均纯收入.*户级数字.*不含任何个人身份信息.*per-capita net income.*nothing that identifies a person/,
    );
  });
});

describe('RiskEliminated.v1 and MonitoringCaseReopened.v1', () => {
  it('counts whole years monitored, from the day identified', () => {
    const eliminated = riskEliminatedV1;
    expect(isValid(eliminated, { ...clone(eliminated.fixture), yearsMonitored: 0 })).toBe(true);
    for (const yearsMonitored of [-1, 1.5, '1'])
      expect(isValid(eliminated, { ...clone(eliminated.fixture), yearsMonitored })).toBe(false);
    expect(isValid(eliminated, { ...clone(eliminated.fixture), identifiedOn: null })).toBe(false);
  });

  it('links the eliminated case to the new one', () => {
    const reopened = monitoringCaseReopenedV1;
    const { newCaseId: _new, ...withoutNew } = clone(reopened.fixture);
    expect(isValid(reopened, withoutNew)).toBe(false);
    expect(isValid(reopened, { ...clone(reopened.fixture), newCaseId: '' })).toBe(false);
  });
});

describe('assistance measures', () => {
  const measures = [
    assistanceMeasurePlannedV1,
    assistanceMeasureStartedV1,
    assistanceMeasureEndedV1,
    assistanceMeasureCancelledV1,
  ].map((c) => [c.event, c] as const);

  it.each(measures)('%s: carries the measure’s category, one of the eight', (_e, contract) => {
    expect(isValid(contract, { ...clone(contract.fixture), category: 'social-assistance' })).toBe(true);
    expect(isValid(contract, { ...clone(contract.fixture), category: 'dibao' })).toBe(false);
  });

  it('plans with whole fen, optional end and continuation, and short labels', () => {
    const planned = (change: Json) => ({ ...clone(assistanceMeasurePlannedV1.fixture), ...change });
    const valid = (change: Json) => isValid(assistanceMeasurePlannedV1, planned(change));
    expect(valid({ plannedEnd: null, continuesAfterEliminationUntil: '2026-12-31', amountFen: 0 })).toBe(true);
    expect(valid({ amountFen: 6000.5 })).toBe(false);
    expect(valid({ amountFen: -1 })).toBe(false);
    expect(valid({ kind: '岗'.repeat(101) })).toBe(false);
    expect(valid({ responsibleDepartment: '' })).toBe(false);
  });

  it('starts with one of the three timings', () => {
    const started = (timing: string) => ({ ...clone(assistanceMeasureStartedV1.fixture), timing });
    for (const timing of ['after-identification', 'early', 'before-approval-disaster'])
      expect(isValid(assistanceMeasureStartedV1, started(timing))).toBe(true);
    expect(isValid(assistanceMeasureStartedV1, started('late'))).toBe(false);
  });

  it('ends and cancels without the outcome or the reason', () => {
    expect(isValid(assistanceMeasureEndedV1, { ...clone(assistanceMeasureEndedV1.fixture), outcome: '已就业' })).toBe(
      false,
    );
    expect(
      isValid(assistanceMeasureCancelledV1, { ...clone(assistanceMeasureCancelledV1.fixture), reason: '户主外出' }),
    ).toBe(false);
  });
});
