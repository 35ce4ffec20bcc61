import type { StoredEvent } from '@relapse-watch/event-store-core';
import type { Projection } from '@relapse-watch/read-store-core';
import { evolve } from '../domain/household/household.state';
import { HOUSEHOLD_EVENT_TYPES, type HouseholdEvent } from '../domain/household/household.events';
import type { RegisteredHousehold } from '../domain/household/household.state';
import {
  HOUSEHOLD_WARNING_RULES,
  type HouseholdWarning,
  type HouseholdWarningRule,
} from '../domain/household/household-warning.catalogue';

/** An open data-quality warning as officials read it: the warning with its `中文 / English` message. */
export interface WarningView extends HouseholdWarning {
  readonly message: string;
}

/** The warning with its message. */
export function warningView(warning: HouseholdWarning): WarningView {
  return { ...warning, message: HOUSEHOLD_WARNING_RULES[warning.rule].message };
}

/** Collection of the household register read model. */
export const HOUSEHOLDS_COLLECTION = 'registry-households';

/**
 * One household as officials look it up: the aggregate's state as its events built it, plus
 * the fields the lists filter and sort by, flat so every read store can index them, and the
 * stream revision a client sends back as `If-Match` to update without overwriting a change.
 * Only event data goes in (no recording times), so a replay anywhere builds the same document.
 */
export interface HouseholdView {
  readonly household: RegisteredHousehold;
  readonly revision: number;
  readonly villageCode: string;
  readonly townshipCode: string;
  readonly countyCode: string;
  readonly cityCode: string;
  readonly provinceCode: string;
  readonly householdNumber: string;
  readonly statusKind: RegisteredHousehold['status']['kind'];
  readonly memberCount: number;
  readonly residentMemberCount: number;
  /** Open data-quality warnings, in the order they were raised. */
  readonly openWarnings: readonly WarningView[];
  readonly hasOpenWarnings: boolean;
  /**
   * `true` under each open rule's identifier key (`HOUSEHOLD_WARNING_RULES[rule].key`), so the
   * list can filter by rule with the read store's equality filter.
   */
  readonly warningRules: Readonly<Partial<Record<string, true>>>;
}

/**
 * The household register: one document per household, folded with the decider's own `evolve`
 * so the read model can never disagree with what the aggregate decides on.
 */
export const householdRegisterProjection: Projection<HouseholdView> = {
  name: 'registry.household-register',
  collection: HOUSEHOLDS_COLLECTION,
  // Every event of the aggregate (the list fails to compile without a new one).
  handles: HOUSEHOLD_EVENT_TYPES,
  documentId: (event) => (event.data as { householdId?: unknown }).householdId as string,
  evolve(doc, event) {
    const state = evolve(doc === null ? { kind: 'unregistered' } : doc.household, {
      type: event.type,
      data: event.data,
    } as HouseholdEvent);
    return state.kind === 'registered' ? view(state, event) : doc;
  },
  indexes: [['villageCode'], ['townshipCode'], ['countyCode'], ['statusKind'], ['hasOpenWarnings']],
};

function view(household: RegisteredHousehold, event: StoredEvent): HouseholdView {
  const unit = (digits: number) => household.villageCode.slice(0, digits).padEnd(12, '0');
  return {
    household,
    revision: event.revision,
    villageCode: household.villageCode,
    townshipCode: unit(9),
    countyCode: unit(6),
    cityCode: unit(4),
    provinceCode: unit(2),
    householdNumber: household.householdNumber,
    statusKind: household.status.kind,
    memberCount: household.members.length,
    residentMemberCount: household.members.filter((m) => m.profile.livesInHousehold).length,
    openWarnings: household.warnings.map(warningView),
    hasOpenWarnings: household.warnings.length > 0,
    warningRules: Object.fromEntries(
      household.warnings.map((w): [string, true] => [
        HOUSEHOLD_WARNING_RULES[w.rule as HouseholdWarningRule].key,
        true,
      ]),
    ),
  };
}
