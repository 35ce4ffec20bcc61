import { policyInForce } from './policy-in-force';
import { evolvePolicy, type PolicyDocument } from './policy-view.evolve';
import type { PolicyEvent } from './registry-facts.events';
import { keyRegionDesignated, thresholdPublished } from './testing/household-facts.fixtures';

function given(...events: PolicyEvent[]): PolicyDocument {
  return events.reduce<PolicyDocument | null>((doc, event) => evolvePolicy(doc, event), null)!;
}

const first = thresholdPublished({
  revision: 1,
  supersedes: null,
  amountFen: 750_000,
  effectiveFrom: '2024-03-01',
  sourceDocument: 'A',
});
const revised = thresholdPublished({
  revision: 2,
  amountFen: 760_000,
  effectiveFrom: '2024-04-01',
  sourceDocument: 'B',
});
const filter = thresholdPublished({
  line: 'inspection-filter',
  revision: 1,
  supersedes: null,
  amountFen: 900_000,
  effectiveFrom: '2024-05-01',
  sourceDocument: 'C',
});
const flood = keyRegionDesignated({
  regionId: 'kr-flood',
  divisionCodes: ['510104002000', '510104001000'],
  effectiveFrom: '2024-08-01',
});
const county = keyRegionDesignated({
  regionId: 'kr-county',
  kind: 'priority-assistance-county',
  divisionCodes: ['510104000000'],
  effectiveFrom: '2024-01-01',
});

describe('the province policy view', () => {
  it('keeps every version of a line and the key regions (without the free-text reason), per province and year', () => {
    const doc = given(first, revised, filter, flood);
    expect(doc).toEqual({
      provinceCode: '51',
      year: 2024,
      lines: {
        'monitoring-threshold': [
          { revision: 1, amountFen: 750_000, effectiveFrom: '2024-03-01', sourceDocument: 'A' },
          { revision: 2, amountFen: 760_000, effectiveFrom: '2024-04-01', sourceDocument: 'B' },
        ],
        'inspection-filter': [{ revision: 1, amountFen: 900_000, effectiveFrom: '2024-05-01', sourceDocument: 'C' }],
      },
      keyRegions: [
        {
          regionId: 'kr-flood',
          kind: 'major-natural-disaster',
          divisionCodes: ['510104001000', '510104002000'],
          effectiveFrom: '2024-08-01',
        },
      ],
      lastEventId: flood.id,
    });
  });

  it('re-applying the last event returns the same document; a revision seen again is replaced, not doubled', () => {
    const doc = given(first, revised);
    expect(evolvePolicy(doc, revised)).toBe(doc);
    const again = evolvePolicy(doc, { ...revised, id: 'another-delivery-id' });
    expect(again.lines['monitoring-threshold']).toHaveLength(2);
  });

  it('in force on a day: the highest revision already effective, the regions already designated', () => {
    const doc = given(first, revised, filter, flood, county);
    expect(policyInForce(doc, '51', 2024, '2024-02-29')).toEqual({
      provinceCode: '51',
      year: 2024,
      on: '2024-02-29',
      lines: { 'monitoring-threshold': null, 'inspection-filter': null },
      keyRegions: [expect.objectContaining({ regionId: 'kr-county' })],
    });
    const march = policyInForce(doc, '51', 2024, '2024-03-31');
    expect(march.lines['monitoring-threshold']?.revision).toBe(1);
    const april = policyInForce(doc, '51', 2024, '2024-04-01');
    expect(april.lines['monitoring-threshold']?.amountFen).toBe(760_000);
    expect(april.lines['inspection-filter']).toBeNull();
    const august = policyInForce(doc, '51', 2024, '2024-08-01');
    expect(august.lines['inspection-filter']?.amountFen).toBe(900_000);
    expect(august.keyRegions.map((r) => r.regionId)).toEqual(['kr-county', 'kr-flood']);
  });

  it('a correction effective as early as the version it replaces takes over at once', () => {
    const correction = thresholdPublished({
      revision: 2,
      amountFen: 751_000,
      effectiveFrom: '2024-03-01',
      sourceDocument: 'D',
    });
    expect(
      policyInForce(given(first, correction), '51', 2024, '2024-03-01').lines['monitoring-threshold']?.amountFen,
    ).toBe(751_000);
  });

  it('nothing published: no line and no region in force', () => {
    expect(policyInForce(null, '52', 2025, '2025-06-01')).toEqual({
      provinceCode: '52',
      year: 2025,
      on: '2025-06-01',
      lines: { 'monitoring-threshold': null, 'inspection-filter': null },
      keyRegions: [],
    });
  });
});
