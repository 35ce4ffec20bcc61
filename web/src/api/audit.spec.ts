import { describe, expect, it } from '@jest/globals';
import { ApiFailure } from './api-error';
import { mergeTrail, type AuditEntry } from './audit';

const entry = (
  context: string,
  position: number,
  recordedAt: string,
  eventId = `${context}-${position}`,
): AuditEntry => ({
  position,
  recordedAt,
  occurredAt: recordedAt,
  eventId,
  eventType: 'Something',
  context,
  summary: { zh: '变更', en: 'changed' },
  reason: null,
  actor: { userId: 'u-1', role: 'county-official' },
  correlationId: 'c-1',
  erased: false,
});
const part = (context: string, entries: AuditEntry[]) =>
  ({ status: 'fulfilled', value: { householdId: 'h', context, entries } }) as const;
const failed = (reason: unknown) => ({ status: 'rejected', reason }) as const;

describe('the household’s merged audit trail', () => {
  it('orders the parts’ entries by the instant they were recorded, then position, context and id', () => {
    const merged = mergeTrail([
      [
        'registry',
        part('registry', [
          entry('registry', 1, '2026-12-01T08:00:00.000Z'),
          entry('registry', 9, '2026-12-03T08:00:00Z'),
        ]),
      ],
      ['inspection', part('inspection', [entry('inspection', 2, '2026-12-02T16:00:00+08:00')])],
      [
        'assistance',
        part('assistance', [
          entry('assistance', 5, '2026-12-02T08:00:00.000Z'),
          entry('assistance', 3, '2026-12-01T08:00:00Z', 'b'),
        ]),
      ],
    ]);
    // 16:00 in Beijing is 08:00 UTC: the same instant as assistance's 5, whose position is higher.
    expect(merged.entries.map((e) => `${e.source}:${e.position}`)).toEqual([
      'registry:1',
      'assistance:3',
      'inspection:2',
      'assistance:5',
      'registry:9',
    ]);
    expect(merged.parts).toEqual([
      { source: 'registry', kind: 'done', count: 2 },
      { source: 'inspection', kind: 'done', count: 1 },
      { source: 'assistance', kind: 'done', count: 2 },
    ]);
  });

  it('tells a service that never knew the household (404) from one that refused (403) or failed', () => {
    const refused = new ApiFailure(403, 'access.permission-denied', '无权 / denied');
    const merged = mergeTrail([
      ['registry', part('registry', [entry('registry', 1, '2026-12-01T08:00:00Z')])],
      ['inspection', failed(new ApiFailure(404, 'audit.household-unknown', '未找到 / not found'))],
      ['assistance', failed(refused)],
    ]);
    expect(merged.entries).toHaveLength(1);
    expect(merged.parts).toEqual([
      { source: 'registry', kind: 'done', count: 1 },
      { source: 'inspection', kind: 'none' },
      { source: 'assistance', kind: 'missing', error: refused },
    ]);
  });
});
