import type { StoredEvent } from '@relapse-watch/event-store-core';
import { foldProjection, projectEvents, touchedDocumentIds, type Projection } from './projection';
import type { ReadDocument } from './read-store.types';

interface VillageSummary {
  readonly villageCode: string;
  readonly households: number;
}

const householdsPerVillage: Projection<VillageSummary> = {
  name: 'households-per-village',
  collection: 'households-per-village',
  handles: ['HouseholdRegistered', 'HouseholdDeregistered'],
  documentId: (event) => (event.data as { villageCode?: string }).villageCode ?? null,
  evolve(doc, event) {
    const villageCode = (event.data as { villageCode: string }).villageCode;
    const households = (doc?.households ?? 0) + (event.type === 'HouseholdRegistered' ? 1 : -1);
    return households <= 0 ? null : { villageCode, households };
  },
};

let nextPosition = 1;
function stored(type: string, data: unknown, position = nextPosition++): StoredEvent {
  return {
    id: `00000000-0000-7000-8000-${String(position).padStart(12, '0')}`,
    streamId: `registry-household-${position}`,
    revision: 0,
    position,
    type,
    schemaVersion: 1,
    data,
    metadata: {
      actor: { userId: 'inspector-0001', role: 'village-inspector' },
      divisionCode: '510101001001',
      correlationId: 'c',
      causationId: null,
      occurredAt: '2024-08-20T09:30:00.000Z',
    },
    recordedAt: '2024-08-20T09:30:00.000Z',
    hash: 'h',
    prevHash: null,
  };
}

describe('projectEvents (households per village)', () => {
  it('given no document, when two households register in one village, then one put carries both and the last position', () => {
    const a = stored('HouseholdRegistered', { villageCode: '510101001001' });
    const b = stored('HouseholdRegistered', { villageCode: '510101001001' });
    const current = new Map<string, ReadDocument<VillageSummary> | null>();
    const ops = projectEvents(householdsPerVillage, [a, b], current);
    expect(ops).toEqual([
      {
        type: 'put',
        collection: 'households-per-village',
        doc: { id: '510101001001', position: b.position, data: { villageCode: '510101001001', households: 2 } },
      },
    ]);
  });

  it('skips events at or below the stored position (replay) and applies the ones after it', () => {
    const events = [1, 2, 3].map(() => stored('HouseholdRegistered', { villageCode: 'v1' }));
    const current = new Map<string, ReadDocument<VillageSummary> | null>([
      ['v1', { id: 'v1', position: events[1].position, data: { villageCode: 'v1', households: 2 } }],
    ]);
    const ops = projectEvents(householdsPerVillage, events, current);
    expect(ops).toEqual([
      {
        type: 'put',
        collection: 'households-per-village',
        doc: { id: 'v1', position: events[2].position, data: { villageCode: 'v1', households: 3 } },
      },
    ]);
    expect(projectEvents(householdsPerVillage, events, current)).toEqual([]);
  });

  it('turns a null from evolve into a delete at the position of the event', () => {
    const registered = stored('HouseholdRegistered', { villageCode: 'v2' });
    const deregistered = stored('HouseholdDeregistered', { villageCode: 'v2' });
    const ops = projectEvents(householdsPerVillage, [registered, deregistered], new Map());
    expect(ops).toEqual([
      { type: 'delete', collection: 'households-per-village', id: 'v2', position: deregistered.position },
    ]);
  });

  it('ignores unhandled types and events without a document id', () => {
    const events = [
      stored('InspectionCompleted', { villageCode: 'v3' }),
      stored('HouseholdRegistered', { township: 't' }),
    ];
    expect(touchedDocumentIds(householdsPerVillage, events)).toEqual([]);
    expect(projectEvents(householdsPerVillage, events, new Map())).toEqual([]);
  });

  it('foldProjection gives the documents a run from zero would store', () => {
    const events = [
      stored('HouseholdRegistered', { villageCode: 'v4' }),
      stored('HouseholdRegistered', { villageCode: 'v5' }),
      stored('HouseholdRegistered', { villageCode: 'v4' }),
      stored('HouseholdDeregistered', { villageCode: 'v5' }),
    ];
    const docs = foldProjection(householdsPerVillage, events);
    expect([...docs.keys()]).toEqual(['v4']);
    expect(docs.get('v4')).toEqual({
      id: 'v4',
      position: events[2].position,
      data: { villageCode: 'v4', households: 2 },
    });
  });
});
