import type { IsoDate } from '@relapse-watch/domain-kernel';
import type { StoredEvent } from '@relapse-watch/event-store-core';
import { unitCodesOf } from '@relapse-watch/household-view';
import type { Projection } from '@relapse-watch/read-store-core';
import { HOUSEHOLD_INSPECTION_STREAM_PREFIX } from '../../domain/household-inspection/household-inspection.decider';
import type { HouseholdInspectionEvent } from '../../domain/household-inspection/household-inspection.events';

/** Collection of the follow-up list: one document per data-quality issue and per rectification item. */
export const FOLLOW_UPS_COLLECTION = 'inspection-follow-ups';

/** A data-quality issue (数据质量问题) or a rectification item (整改事项). */
export type FollowUpKind = 'data-quality' | 'rectification';

/** Open until resolved (an issue) or closed (an item). */
export type FollowUpStatus = 'open' | 'closed';

/**
 * One data-quality issue or rectification item of a household inspection, flat so every read
 * store can list a unit's by campaign, kind, tier code and status (indexed lookups, no scan):
 * where it is, which rule raised it, when it was opened and closed, and an item's deadline.
 */
export interface FollowUp {
  readonly kind: FollowUpKind;
  /** The issue's or item's id (the accepted suggestion's). */
  readonly id: string;
  readonly campaignId: string;
  readonly householdId: string;
  readonly villageCode: string;
  readonly townshipCode: string;
  readonly countyCode: string;
  readonly cityCode: string;
  readonly provinceCode: string;
  /** The rule set's rule, e.g. `data-quality.record-mismatch`, `rectification.housing`. */
  readonly ruleId: string;
  /** Data quality: the check's code (`income.per-capita-mismatch`) and the field it is about; null for an item. */
  readonly rule: string | null;
  readonly field: string | null;
  /** Rectification: the inspection area, the unit that owns it and its due day; null for an issue. */
  readonly area: string | null;
  readonly ownerUnit: string | null;
  readonly dueOn: IsoDate | null;
  readonly openedOn: IsoDate;
  readonly status: FollowUpStatus;
  readonly closedOn: IsoDate | null;
  /** What was done, as the official wrote it. */
  readonly resolution: string | null;
  /** An item closed after its due day; null while open and for an issue. */
  readonly closedLate: boolean | null;
}

const HANDLES = [
  'DataQualityIssueOpened',
  'DataQualityIssueResolved',
  'RectificationItemOpened',
  'RectificationItemClosed',
] as const satisfies readonly HouseholdInspectionEvent['type'][];

/** `inspection-household-<province>-<year>-<householdId>` → campaign and household. */
function addressOf(streamId: string): { campaignId: string; householdId: string } {
  const rest = streamId.slice(HOUSEHOLD_INSPECTION_STREAM_PREFIX.length);
  const dash = rest.indexOf('-', rest.indexOf('-') + 1);
  return { campaignId: rest.slice(0, dash), householdId: rest.slice(dash + 1) };
}

/** A follow-up after one of its events (the event's stream names the campaign and the household). */
export function evolveFollowUp(
  doc: FollowUp | null,
  event: HouseholdInspectionEvent,
  streamId: string,
): FollowUp | null {
  const common = (villageCode: string, openedOn: IsoDate) => ({
    ...addressOf(streamId),
    villageCode,
    ...unitCodesOf(villageCode),
    openedOn,
    status: 'open' as const,
    closedOn: null,
    resolution: null,
    closedLate: null,
  });
  switch (event.type) {
    case 'DataQualityIssueOpened': {
      const { issueId, villageCode, ruleId, rule, field, openedOn } = event.data;
      return (
        doc ?? {
          kind: 'data-quality',
          id: issueId,
          ...common(villageCode, openedOn),
          ruleId,
          rule,
          field,
          area: null,
          ownerUnit: null,
          dueOn: null,
        }
      );
    }
    case 'RectificationItemOpened': {
      const { itemId, villageCode, ruleId, area, ownerUnit, dueOn, openedOn } = event.data;
      return (
        doc ?? {
          kind: 'rectification',
          id: itemId,
          ...common(villageCode, openedOn),
          ruleId,
          rule: null,
          field: null,
          area,
          ownerUnit,
          dueOn,
        }
      );
    }
    case 'DataQualityIssueResolved':
      return doc === null
        ? null
        : { ...doc, status: 'closed', closedOn: event.data.resolvedOn, resolution: event.data.resolution };
    case 'RectificationItemClosed':
      return doc === null
        ? null
        : {
            ...doc,
            status: 'closed',
            closedOn: event.data.closedOn,
            resolution: event.data.resolution,
            closedLate: event.data.overdue,
          };
    default:
      return doc;
  }
}

/** The document id of an event's follow-up: the kind and the issue's or item's id. */
function followUpIdOf(event: StoredEvent): string | null {
  const data = event.data as { issueId?: string; itemId?: string };
  if (data.issueId !== undefined) return `data-quality:${data.issueId}`;
  if (data.itemId !== undefined) return `rectification:${data.itemId}`;
  return null;
}

/** Every campaign's data-quality issues and rectification items, folded from the household inspections' events. */
export const followUpProjection: Projection<FollowUp> = {
  name: 'inspection.follow-ups',
  collection: FOLLOW_UPS_COLLECTION,
  handles: HANDLES,
  documentId: followUpIdOf,
  evolve: (doc, event) =>
    evolveFollowUp(doc, { type: event.type, data: event.data } as HouseholdInspectionEvent, event.streamId),
  indexes: [
    ['campaignId', 'kind', 'villageCode', 'status'],
    ['campaignId', 'kind', 'townshipCode', 'status'],
    ['campaignId', 'kind', 'countyCode', 'status'],
    ['campaignId', 'kind', 'cityCode', 'status'],
    ['campaignId', 'kind', 'provinceCode', 'status'],
  ],
};
