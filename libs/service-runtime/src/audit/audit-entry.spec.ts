import { describe, expect, it } from '@jest/globals';
import type { StoredEvent } from '@relapse-watch/event-store-core';
import { auditEntryOf, mergeAuditTrails, type AuditEntry } from './audit-entry';

function entry(context: string, position: number, recordedAt: string, eventId = `${context}-${position}`): AuditEntry {
  return {
    position,
    recordedAt,
    occurredAt: recordedAt,
    streamId: `${context}-stream`,
    eventId,
    eventType: 'Something',
    context,
    summary: { zh: '变更', en: 'changed' },
    reason: null,
    actor: { userId: 'u-1', role: 'county-official' },
    correlationId: 'c-1',
    causationId: null,
    erased: false,
  };
}

describe('mergeAuditTrails', () => {
  const registry = [entry('registry', 1, '2024-08-12T01:00:00.000Z'), entry('registry', 2, '2024-08-14T01:00:00Z')];
  const inspection = [entry('inspection', 1, '2024-08-13T09:00:00.000+08:00')];
  const assistance = [entry('assistance', 7, '2024-08-14T01:00:00.000Z'), entry('assistance', 8, '2024-08-15T00:00Z')];

  it('orders the parts by recorded instant, whatever the offset or fraction each store writes', () => {
    const merged = mergeAuditTrails([registry, { householdId: 'h', context: 'inspection', entries: inspection }]);
    expect(merged.map((e) => e.eventId)).toEqual(['registry-1', 'inspection-1', 'registry-2']);
  });

  it('breaks ties by position, then context, then event id, so any order of the parts gives one list', () => {
    const sameInstant = '2024-08-14T01:00:00.000Z';
    const tied = [entry('registry', 2, sameInstant, 'b'), entry('inspection', 2, sameInstant, 'a')];
    const orders = [
      [registry, inspection, assistance, tied],
      [tied, assistance, inspection, registry],
      [assistance, tied, registry, inspection],
    ];
    const results = orders.map((parts) => mergeAuditTrails(parts).map((e) => `${e.context}:${e.eventId}`));
    expect(results[1]).toEqual(results[0]);
    expect(results[2]).toEqual(results[0]);
    expect(results[0]).toEqual([
      'registry:registry-1',
      'inspection:inspection-1',
      'inspection:a',
      'registry:b',
      'registry:registry-2',
      'assistance:assistance-7',
      'assistance:assistance-8',
    ]);
  });

  it('leaves the parts as they were', () => {
    const parts = [assistance, registry];
    mergeAuditTrails(parts);
    expect(parts[0].map((e) => e.eventId)).toEqual(['assistance-7', 'assistance-8']);
  });
});

describe('auditEntryOf', () => {
  const stored: StoredEvent = {
    id: 'e-1',
    streamId: 'registry-household-h',
    revision: 3,
    position: 42,
    type: 'MemberAdded',
    schemaVersion: 1,
    data: {},
    metadata: {
      actor: { userId: 'u-9', role: 'village-inspector' },
      divisionCode: '511923002201',
      correlationId: 'corr',
      causationId: 'cause',
      occurredAt: '2024-08-20T08:00:00+08:00',
    },
    recordedAt: '2024-08-21T00:00:00.000Z',
    hash: 'x',
    prevHash: null,
  };
  const described = { summary: { zh: '新增成员', en: 'member added' }, reason: null, personal: true };

  it('takes who, when and the correlation chain from the stored event', () => {
    expect(auditEntryOf('registry', stored, described, false)).toEqual({
      position: 42,
      recordedAt: '2024-08-21T00:00:00.000Z',
      occurredAt: '2024-08-20T08:00:00+08:00',
      streamId: 'registry-household-h',
      eventId: 'e-1',
      eventType: 'MemberAdded',
      context: 'registry',
      summary: described.summary,
      reason: null,
      actor: { userId: 'u-9', role: 'village-inspector' },
      correlationId: 'corr',
      causationId: 'cause',
      erased: false,
    });
  });

  it('marks erased only an event that carried personal data', () => {
    expect(auditEntryOf('registry', stored, described, true).erased).toBe(true);
    expect(auditEntryOf('registry', stored, { ...described, personal: false }, true).erased).toBe(false);
  });
});
