import { deciderSpecification } from '@relapse-watch/event-store-testing';
import type { DesignateKeyRegion, LineData, ProvincePolicyCommand, RevokeKeyRegion } from './province-policy.commands';
import { provincePolicyDecider, provincePolicyStreamId } from './province-policy.decider';
import type { ProvincePolicyEvent } from './province-policy.events';

const spec = deciderSpecification(provincePolicyDecider);
const scope = { provinceCode: '51', year: 2024 };
const DOC = '川乡振发〔2024〕12号';
const line = (overrides: Partial<LineData> = {}): LineData => ({
  ...scope,
  amountYuan: '7000',
  effectiveFrom: '2024-01-01',
  sourceDocument: DOC,
  ...overrides,
});
const publishThreshold = (overrides: Partial<LineData> = {}): ProvincePolicyCommand => ({
  type: 'PublishMonitoringThreshold',
  data: line(overrides),
});
const publishFilter = (overrides: Partial<LineData> = {}): ProvincePolicyCommand => ({
  type: 'PublishInspectionFilterLine',
  data: line(overrides),
});
// 7,000 yuan = 700,000 fen.
const thresholdPublished: ProvincePolicyEvent = {
  type: 'MonitoringThresholdPublished',
  data: { ...scope, amountFen: 700_000, effectiveFrom: '2024-01-01', sourceDocument: DOC },
};

// Pingchang County (511923) and Bazhong City (5119) are in Sichuan; Kunming (5301) is in Yunnan.
const PINGCHANG = '511923000000';
const BAZHONG = '511900000000';
const designate = (
  overrides: Partial<DesignateKeyRegion['data']> = {},
  unknownDivisionCodes: readonly string[] = [],
): DesignateKeyRegion => ({
  type: 'DesignateKeyRegion',
  data: {
    ...scope,
    regionId: 'kr-1',
    kind: 'priority-assistance-county',
    divisionCodes: [PINGCHANG],
    reason: '国家乡村振兴重点帮扶县',
    effectiveFrom: '2024-03-01',
    ...overrides,
  },
  facts: { unknownDivisionCodes },
});
const designated: ProvincePolicyEvent = {
  type: 'KeyRegionDesignated',
  data: {
    ...scope,
    regionId: 'kr-1',
    kind: 'priority-assistance-county',
    divisionCodes: [PINGCHANG],
    reason: '国家乡村振兴重点帮扶县',
    effectiveFrom: '2024-03-01',
  },
};
const revoke = (overrides: Partial<RevokeKeyRegion['data']> = {}): RevokeKeyRegion => ({
  type: 'RevokeKeyRegion',
  data: { ...scope, regionId: 'kr-1', reason: '整改完成', effectiveFrom: '2024-09-01', ...overrides },
});
const revoked: ProvincePolicyEvent = {
  type: 'KeyRegionRevoked',
  data: { ...scope, regionId: 'kr-1', reason: '整改完成', effectiveFrom: '2024-09-01' },
};

describe('policy stream', () => {
  it('is registry-policy-<province>-<year>', () => {
    expect(provincePolicyStreamId('51', 2024)).toBe('registry-policy-51-2024');
  });
});

describe('PublishMonitoringThreshold', () => {
  it('given no line, when published, then MonitoringThresholdPublished in fen', () => {
    spec.given([]).when(publishThreshold()).thenEmits([thresholdPublished]);
  });

  it('given the line, when the same version is published again, then nothing happens', () => {
    spec
      .given([thresholdPublished])
      .when(publishThreshold({ amountYuan: 7000 }))
      .thenEmitsNothing();
  });

  it('given the line, when another amount is published, then ThresholdRevised with the previous version', () => {
    // 7,200.50 yuan = 720,050 fen.
    spec
      .given([thresholdPublished])
      .when(
        publishThreshold({
          amountYuan: '7200.50',
          effectiveFrom: '2024-07-01',
          sourceDocument: '川乡振发〔2024〕30号',
        }),
      )
      .thenEmits([
        {
          type: 'ThresholdRevised',
          data: {
            ...scope,
            line: 'monitoring-threshold',
            amountFen: 720_050,
            effectiveFrom: '2024-07-01',
            sourceDocument: '川乡振发〔2024〕30号',
            previous: { amountFen: 700_000, effectiveFrom: '2024-01-01', sourceDocument: DOC },
          },
        },
      ]);
  });

  it('given a revision, when the revised version is published again, then nothing happens', () => {
    const revised: ProvincePolicyEvent = {
      type: 'ThresholdRevised',
      data: {
        ...scope,
        line: 'monitoring-threshold',
        amountFen: 720_000,
        effectiveFrom: '2024-07-01',
        sourceDocument: DOC,
        previous: { amountFen: 700_000, effectiveFrom: '2024-01-01', sourceDocument: DOC },
      },
    };
    spec
      .given([thresholdPublished, revised])
      .when(publishThreshold({ amountYuan: '7200', effectiveFrom: '2024-07-01' }))
      .thenEmitsNothing();
  });

  it.each([
    ['a zero amount', { amountYuan: '0' }, 'policy.amount-not-positive', 'amountYuan'],
    ['a negative amount', { amountYuan: '-7000' }, 'policy.amount-not-positive', 'amountYuan'],
    ['three decimals', { amountYuan: '7000.005' }, 'money.precision', 'amountYuan'],
    ['text that is no amount', { amountYuan: '七千' }, 'money.format', 'amountYuan'],
    ['a date that does not exist', { effectiveFrom: '2024-02-30' }, 'policy.effective-date-format', 'effectiveFrom'],
    ['a date in another year', { effectiveFrom: '2023-12-31' }, 'policy.effective-date-outside-year', 'effectiveFrom'],
    ['no source document', { sourceDocument: '  ' }, 'policy.source-document-required', 'sourceDocument'],
    [
      'a source document with a surrounding space',
      { sourceDocument: `${DOC} ` },
      'policy.source-document-format',
      'sourceDocument',
    ],
    ['a malformed province code', { provinceCode: '510000' }, 'policy.province-code', 'provinceCode'],
    ['a year that is not four digits', { year: 24 }, 'policy.year', 'year'],
  ])('when given %s, then it is refused', (_, overrides, code, field) => {
    spec.given([]).when(publishThreshold(overrides)).thenRejects({ code, field });
  });

  it('given the stream of Sichuan 2024, when a command names another province or year, then it is refused', () => {
    spec
      .given([thresholdPublished])
      .when(publishThreshold({ provinceCode: '53' }))
      .thenRejects({ code: 'policy.scope-mismatch', field: 'provinceCode' });
    spec
      .given([thresholdPublished])
      .when(publishThreshold({ year: 2025, effectiveFrom: '2025-01-01' }))
      .thenRejects({ code: 'policy.scope-mismatch', field: 'provinceCode' });
  });
});

describe('PublishInspectionFilterLine', () => {
  // Hubei's 2024 filter line was 12,412 yuan = 1,241,200 fen (DOMAIN.md); the figure here is only an example.
  const filterPublished: ProvincePolicyEvent = {
    type: 'InspectionFilterLinePublished',
    data: { ...scope, amountFen: 1_241_200, effectiveFrom: '2024-08-12', sourceDocument: DOC },
  };

  it('given no filter line (a threshold does not count), when published, then InspectionFilterLinePublished', () => {
    spec
      .given([thresholdPublished])
      .when(publishFilter({ amountYuan: '12412', effectiveFrom: '2024-08-12' }))
      .thenEmits([filterPublished]);
  });

  it('given the filter line, when the same is published again, then nothing happens', () => {
    spec
      .given([filterPublished])
      .when(publishFilter({ amountYuan: '12412.00', effectiveFrom: '2024-08-12' }))
      .thenEmitsNothing();
  });

  it('given the filter line, when another is published, then ThresholdRevised for the filter line', () => {
    spec
      .given([thresholdPublished, filterPublished])
      .when(publishFilter({ amountYuan: '12000', effectiveFrom: '2024-08-12' }))
      .thenEmits([
        {
          type: 'ThresholdRevised',
          data: {
            ...scope,
            line: 'inspection-filter',
            amountFen: 1_200_000,
            effectiveFrom: '2024-08-12',
            sourceDocument: DOC,
            previous: { amountFen: 1_241_200, effectiveFrom: '2024-08-12', sourceDocument: DOC },
          },
        },
      ]);
  });
});

describe('DesignateKeyRegion', () => {
  it('given none, when designated, then KeyRegionDesignated with the codes sorted', () => {
    const event = { ...designated, data: { ...designated.data, divisionCodes: [BAZHONG, PINGCHANG] } };
    spec
      .given([])
      .when(designate({ divisionCodes: [PINGCHANG, BAZHONG] }))
      .thenEmits([event]);
  });

  it('given the designation, when it is sent again, then nothing happens', () => {
    spec.given([designated]).when(designate()).thenEmitsNothing();
  });

  it('given the designation, when its id comes with other details, then key-region.id-taken', () => {
    spec
      .given([designated])
      .when(designate({ kind: 'major-natural-disaster' }))
      .thenRejects({ code: 'key-region.id-taken', field: 'regionId' });
  });

  it('given the designation was revoked, when its id is designated again, then key-region.id-retired', () => {
    spec
      .given([designated, revoked])
      .when(designate())
      .thenRejects({ code: 'key-region.id-retired', field: 'regionId' });
  });

  it.each([
    ['a kind that is not one of the six', { kind: 'poor-county' as never }, 'key-region.kind', 'kind'],
    ['no division', { divisionCodes: [] }, 'key-region.divisions-required', 'divisionCodes'],
    [
      'a division of another province',
      { divisionCodes: [PINGCHANG, '530100000000'] },
      'key-region.division-outside-province',
      'divisionCodes.1',
    ],
    [
      'the province itself',
      { divisionCodes: ['510000000000'] },
      'key-region.division-outside-province',
      'divisionCodes.0',
    ],
    ['a malformed code', { divisionCodes: ['5119230'] }, 'division-code.format', 'divisionCodes.0'],
    [
      'a code listed twice',
      { divisionCodes: [PINGCHANG, PINGCHANG] },
      'key-region.division-duplicate',
      'divisionCodes.1',
    ],
    ['no reason', { reason: '' }, 'key-region.reason-required', 'reason'],
    ['a blank region id', { regionId: ' ' }, 'key-region.id-required', 'regionId'],
    [
      'an effective date in another year',
      { effectiveFrom: '2025-03-01' },
      'policy.effective-date-outside-year',
      'effectiveFrom',
    ],
  ])('when given %s, then it is refused', (_, overrides, code, field) => {
    spec.given([]).when(designate(overrides)).thenRejects({ code, field });
  });

  it('when the division tree does not know a code, then division.unknown at its place', () => {
    spec
      .given([])
      .when(designate({ divisionCodes: [BAZHONG, '511999000000'] }, ['511999000000']))
      .thenRejects({ code: 'division.unknown', field: 'divisionCodes.1' });
  });
});

describe('RevokeKeyRegion', () => {
  it('given the designation, when revoked, then KeyRegionRevoked', () => {
    spec.given([designated]).when(revoke()).thenEmits([revoked]);
  });

  it('given it was revoked, when revoked again, then nothing happens', () => {
    spec
      .given([designated, revoked])
      .when(revoke({ reason: '重复提交' }))
      .thenEmitsNothing();
  });

  it('given no such designation, when revoked, then key-region.not-found', () => {
    spec
      .given([designated])
      .when(revoke({ regionId: 'kr-unknown' }))
      .thenRejects({ code: 'key-region.not-found', field: 'regionId' });
  });

  it('when the revocation would take effect before the designation, then it is refused', () => {
    spec
      .given([designated])
      .when(revoke({ effectiveFrom: '2024-02-29' }))
      .thenRejects({ code: 'key-region.revoked-before-designated', field: 'effectiveFrom' });
  });

  it('when no reason is given, then it is refused', () => {
    spec
      .given([designated])
      .when(revoke({ reason: '' }))
      .thenRejects({ code: 'key-region.reason-required', field: 'reason' });
  });
});
