import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { provincePolicyDecider } from './province-policy.decider';
import type { ProvincePolicyEvent } from './province-policy.events';
import { keyRegionsCovering, keyRegionsInForceOn, lineInForceOn } from './province-policy.queries';

const spec = deciderSpecification(provincePolicyDecider);
const scope = { provinceCode: '51', year: 2024 };
const v1 = { amountFen: 700_000, effectiveFrom: '2024-01-01', sourceDocument: 'doc-12' };
const v2 = { amountFen: 720_000, effectiveFrom: '2024-07-01', sourceDocument: 'doc-30' };
const v3 = { amountFen: 710_000, effectiveFrom: '2024-07-01', sourceDocument: 'doc-31' };
const history: ProvincePolicyEvent[] = [
  { type: 'MonitoringThresholdPublished', data: { ...scope, ...v1 } },
  { type: 'ThresholdRevised', data: { ...scope, line: 'monitoring-threshold', ...v2, previous: v1 } },
  // A correction of the July version, effective the same day.
  { type: 'ThresholdRevised', data: { ...scope, line: 'monitoring-threshold', ...v3, previous: v2 } },
];

describe('lineInForceOn', () => {
  const state = spec.given(history).state();

  it('keeps every version in publication order', () => {
    expect(state.lines['monitoring-threshold']).toEqual([v1, v2, v3]);
  });

  it('before any version takes effect there is no line', () => {
    const late = spec.given([{ type: 'MonitoringThresholdPublished', data: { ...scope, ...v2 } }]).state();
    expect(lineInForceOn(late, 'monitoring-threshold', '2024-06-30')).toBeNull();
  });

  it('a later revision leaves the earlier days on the version before it', () => {
    expect(lineInForceOn(state, 'monitoring-threshold', '2024-06-30')).toEqual(v1);
  });

  it('from its date on, the version published last applies (the correction, not the version it corrects)', () => {
    expect(lineInForceOn(state, 'monitoring-threshold', '2024-07-01')).toEqual(v3);
    expect(lineInForceOn(state, 'monitoring-threshold', '2024-12-31')).toEqual(v3);
  });

  it('an unpublished filter line is null', () => {
    expect(lineInForceOn(state, 'inspection-filter', '2024-12-31')).toBeNull();
  });
});

describe('key regions in force', () => {
  const PINGCHANG = '511923000000';
  const state = spec
    .given([
      {
        type: 'KeyRegionDesignated',
        data: {
          ...scope,
          regionId: 'kr-1',
          kind: 'priority-assistance-county',
          divisionCodes: [PINGCHANG],
          reason: 'r',
          effectiveFrom: '2024-03-01',
        },
      },
      {
        type: 'KeyRegionDesignated',
        data: {
          ...scope,
          regionId: 'kr-2',
          kind: 'major-natural-disaster',
          divisionCodes: ['511921000000'],
          reason: 'r',
          effectiveFrom: '2024-03-01',
        },
      },
      { type: 'KeyRegionRevoked', data: { ...scope, regionId: 'kr-1', reason: 'done', effectiveFrom: '2024-09-01' } },
    ])
    .state();

  it('a region applies from its date until the day its revocation takes effect', () => {
    expect(keyRegionsInForceOn(state, '2024-02-29').map((r) => r.regionId)).toEqual([]);
    expect(keyRegionsInForceOn(state, '2024-08-31').map((r) => r.regionId)).toEqual(['kr-1', 'kr-2']);
    expect(keyRegionsInForceOn(state, '2024-09-01').map((r) => r.regionId)).toEqual(['kr-2']);
  });

  it('a village lies in the key region of its county', () => {
    // 511923100201 is a village of Pingchang County (511923); 511921 is Tongjiang County.
    expect(keyRegionsCovering(state, '511923100201', '2024-08-20').map((r) => r.kind)).toEqual([
      'priority-assistance-county',
    ]);
    expect(keyRegionsCovering(state, '511923100201', '2024-09-01')).toEqual([]);
  });
});
