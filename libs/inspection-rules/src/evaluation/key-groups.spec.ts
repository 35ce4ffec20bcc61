import type { KeyGroupRule } from '../rule-sets/rule-set';
import { household, income, member, ruleSet, TODAY } from '../testing/given';
import { selectKeyGroups } from './key-groups';

const select = (rule: KeyGroupRule, facts = household(), answers = {}) =>
  selectKeyGroups(facts, ruleSet({ keyGroupRules: [rule] }), TODAY, answers);

describe('key group: income drop over a share', () => {
  const rule: KeyGroupRule = { id: 'key-group.income-drop', kind: 'income-drop', dropShare: 0.3 };

  it('given per-capita income from 1,000,000 to 690,000 fen (a 31 % drop), when selecting, then it selects with both figures and the share', () => {
    const facts = household({ incomes: [income(2022, 1_000_000), income(2023, 690_000)] });
    expect(select(rule, facts)).toEqual([
      {
        ruleId: 'key-group.income-drop',
        evidence: [
          { fact: 'incomes.previous.perCapitaNetIncomeFen', value: 1_000_000 },
          { fact: 'incomes.latest.perCapitaNetIncomeFen', value: 690_000 },
          { fact: 'perCapitaDropShare', value: 0.31, threshold: 0.3 },
        ],
      },
    ]);
  });

  it('given a drop of exactly 30 %, when selecting, then it does not select (the share must be exceeded)', () => {
    expect(select(rule, household({ incomes: [income(2022, 1_000_000), income(2023, 700_000)] }))).toEqual([]);
  });

  it('given a single income record, when selecting, then there is nothing to compare', () => {
    expect(select(rule, household({ incomes: [income(2023, 100_000)] }))).toEqual([]);
  });
});

describe('key group: below the inspection filter line', () => {
  const rule: KeyGroupRule = {
    id: 'key-group.below-filter-line',
    kind: 'below-filter-line',
    statuses: ['poverty-alleviated'],
  };
  const alleviated = { kind: 'poverty-alleviated', yearLeftPoverty: 2019 } as const;

  it('given a poverty-alleviated household at 999,999 fen under a 1,000,000 filter line, when selecting, then it selects', () => {
    const facts = household({ status: alleviated, incomes: [income(2023, 999_999)] });
    expect(select(rule, facts)[0]?.evidence).toEqual([
      { fact: 'status', value: 'poverty-alleviated' },
      { fact: 'incomes.latest.perCapitaNetIncomeFen', value: 999_999, threshold: 1_000_000 },
    ]);
  });

  it('given exactly the filter line, or an ordinary household below it, when selecting, then it does not select', () => {
    expect(select(rule, household({ status: alleviated, incomes: [income(2023, 1_000_000)] }))).toEqual([]);
    expect(select(rule, household({ incomes: [income(2023, 500_000)] }))).toEqual([]);
  });
});

describe('key group: new social assistance', () => {
  const rule: KeyGroupRule = {
    id: 'key-group.new-social-assistance',
    kind: 'new-social-assistance',
    withinDays: 365,
    transferJumpFen: 500_000,
  };

  it('given the round reports new dibao, when selecting, then it selects on the answer', () => {
    const answers = { 'assistance-measures': { 'new-social-assistance': 'dibao' } };
    expect(select(rule, household(), answers)[0]?.evidence).toEqual([
      { fact: 'findings.assistance-measures.new-social-assistance', value: 'dibao' },
    ]);
  });

  it('given transfer income up by exactly 500,000 fen in a record of 2024-03-01, when selecting, then it selects on the jump', () => {
    const facts = household({
      incomes: [
        income(2022, 1_500_000, { transferFen: 100_000 }),
        income(2023, 1_500_000, { transferFen: 600_000, recordedOn: '2024-03-01' }),
      ],
    });
    expect(select(rule, facts)[0]?.evidence).toEqual([
      { fact: 'incomes.previous.transferFen', value: 100_000 },
      { fact: 'incomes.latest.transferFen', value: 600_000 },
      { fact: 'transferRiseFen', value: 500_000, threshold: 500_000 },
    ]);
  });

  it('given a rise of 499,999 fen, or the same rise recorded 366 days ago, or the answer "none", when selecting, then it does not select', () => {
    const rise = (transferFen: number, recordedOn: string) =>
      household({
        incomes: [
          income(2022, 1_500_000, { transferFen: 100_000 }),
          income(2023, 1_500_000, { transferFen, recordedOn }),
        ],
      });
    expect(select(rule, rise(599_999, '2024-03-01'))).toEqual([]);
    expect(select(rule, rise(600_000, '2023-08-20'))).toEqual([]);
    expect(select(rule, household(), { 'assistance-measures': { 'new-social-assistance': 'none' } })).toEqual([]);
  });
});

describe('key group: new severe disability', () => {
  const rule: KeyGroupRule = {
    id: 'key-group.new-severe-disability',
    kind: 'new-severe-disability',
    maxGrade: 2,
    withinDays: 365,
  };
  const disabled = (grade: 1 | 2 | 3 | 4, healthSince: string) =>
    household({ members: [member({ memberId: 'member-9', health: { kind: 'disabled', grade }, healthSince })] });

  it('given a grade-2 disability first seen 365 days before today, when selecting, then it selects with the grade and the date', () => {
    expect(select(rule, disabled(2, '2023-08-21'))[0]?.evidence).toEqual([
      { fact: 'members.member-9.health.grade', value: 2, threshold: 2 },
      { fact: 'members.member-9.healthSince', value: '2023-08-21' },
    ]);
  });

  it('given grade 3, or grade 1 first seen 366 days ago, when selecting, then it does not select', () => {
    expect(select(rule, disabled(3, '2024-08-01'))).toEqual([]);
    expect(select(rule, disabled(1, '2023-08-20'))).toEqual([]);
  });
});

describe('key group: hit by a disaster', () => {
  const rule: KeyGroupRule = {
    id: 'key-group.disaster',
    kind: 'disaster',
    withinDays: 90,
    riskKinds: ['natural-disaster'],
    housingGrades: ['C', 'D'],
  };
  const event = (kind: string, occurredOn: string) => ({ riskEventId: 'event-1', kind, occurredOn, lossFen: 0 });

  it('given a natural disaster 90 days ago, when selecting, then it selects on the event', () => {
    expect(select(rule, household({ riskEvents: [event('natural-disaster', '2024-05-22')] }))[0]?.evidence).toEqual([
      { fact: 'riskEvents.event-1.kind', value: 'natural-disaster' },
      { fact: 'riskEvents.event-1.occurredOn', value: '2024-05-22' },
    ]);
  });

  it('given housing appraised D within the window, when selecting, then it selects on the 3+1 record', () => {
    const facts = household({
      threePlusOne: { ...household().threePlusOne!, housingGrade: 'D', recordedOn: '2024-07-01' },
    });
    expect(select(rule, facts)[0]?.evidence).toEqual([
      { fact: 'threePlusOne.housingGrade', value: 'D' },
      { fact: 'threePlusOne.recordedOn', value: '2024-07-01' },
    ]);
  });

  it('given a disaster 91 days ago, an illness, or a future date, when selecting, then it does not select', () => {
    expect(select(rule, household({ riskEvents: [event('natural-disaster', '2024-05-21')] }))).toEqual([]);
    expect(select(rule, household({ riskEvents: [event('illness', '2024-08-01')] }))).toEqual([]);
    expect(select(rule, household({ riskEvents: [event('natural-disaster', '2024-08-21')] }))).toEqual([]);
  });
});

describe('key group: repeated warnings', () => {
  const rule: KeyGroupRule = {
    id: 'key-group.repeated-warnings',
    kind: 'repeated-warnings',
    minCount: 3,
    withinDays: 365,
  };
  const event = (id: string, occurredOn: string) => ({ riskEventId: id, kind: 'illness', occurredOn, lossFen: 0 });
  const warning = {
    rule: 'schooling.age-mismatch',
    field: 'profile.schooling',
    memberId: null,
    raisedOn: '2024-02-01',
  };

  it('given two risk events and one registry warning within the year, when selecting, then it selects counting all three', () => {
    const facts = household({
      riskEvents: [event('a', '2024-01-01'), event('b', '2024-06-01')],
      openWarnings: [warning],
    });
    expect(select(rule, facts)[0]?.evidence).toEqual([
      { fact: 'riskEvents.recent', value: 2 },
      { fact: 'openWarnings.recent', value: 1 },
      { fact: 'warningsWithinDays', value: 3, threshold: 3 },
    ]);
  });

  it('given two within the year and one older, when selecting, then it does not select', () => {
    const facts = household({
      riskEvents: [event('a', '2023-08-19'), event('b', '2024-06-01')],
      openWarnings: [warning],
    });
    expect(select(rule, facts)).toEqual([]);
  });
});

describe('key group: unstable employment of the labour force', () => {
  const rule: KeyGroupRule = {
    id: 'key-group.unstable-employment',
    kind: 'unstable-employment',
    labourCapacities: ['skilled', 'ordinary'],
  };
  const worker = (labourCapacity: string, stability: 'stable' | 'unstable') =>
    household({
      members: [
        member({
          memberId: 'member-3',
          labourCapacity,
          employment: { status: 'employed', place: 'outside-province', stability },
        }),
      ],
    });

  it('given an ordinary labourer in unstable work, when selecting, then it selects on that member', () => {
    expect(select(rule, worker('ordinary', 'unstable'))[0]?.evidence).toEqual([
      { fact: 'members.member-3.employment.stability', value: 'unstable' },
    ]);
  });

  it('given stable work, or a weak labourer outside the listed capacities, when selecting, then it does not select', () => {
    expect(select(rule, worker('ordinary', 'stable'))).toEqual([]);
    expect(select(rule, worker('weak', 'unstable'))).toEqual([]);
  });
});

describe('key group: monitored over a year without elimination', () => {
  const rule: KeyGroupRule = {
    id: 'key-group.monitored-without-elimination',
    kind: 'monitored-without-elimination',
    minDays: 365,
  };

  it('given an open episode identified 365 days ago, when selecting, then it selects', () => {
    const facts = household({ monitoringEpisodes: [{ identifiedOn: '2023-08-21', eliminatedOn: null }] });
    expect(select(rule, facts)[0]?.evidence).toEqual([
      { fact: 'monitoringEpisodes.open.identifiedOn', value: '2023-08-21' },
      { fact: 'daysMonitored', value: 365, threshold: 365 },
    ]);
  });

  it('given 364 days, an eliminated episode, or no episodes supplied (before the assistance service), when selecting, then it does not select', () => {
    expect(
      select(rule, household({ monitoringEpisodes: [{ identifiedOn: '2023-08-22', eliminatedOn: null }] })),
    ).toEqual([]);
    expect(
      select(rule, household({ monitoringEpisodes: [{ identifiedOn: '2020-01-01', eliminatedOn: '2021-01-01' }] })),
    ).toEqual([]);
    const legacy = {
      category: 'marginal-prone-to-poverty',
      identifiedOn: '2020-01-01',
      riskTypes: [],
      eliminated: false,
    };
    expect(select(rule, household({ legacyMonitoring: legacy }))).toEqual([]);
  });
});

describe('key-group selection order', () => {
  it('given two rules that fire, when selecting, then the selections follow the rule set order', () => {
    const facts = household({ incomes: [income(2022, 1_000_000), income(2023, 500_000)] });
    const rules = ruleSet({
      keyGroupRules: [
        { id: 'key-group.below-filter-line', kind: 'below-filter-line', statuses: ['ordinary'] },
        { id: 'key-group.income-drop', kind: 'income-drop', dropShare: 0.3 },
      ],
    });
    expect(selectKeyGroups(facts, rules, TODAY).map((selection) => selection.ruleId)).toEqual([
      'key-group.below-filter-line',
      'key-group.income-drop',
    ]);
  });
});
