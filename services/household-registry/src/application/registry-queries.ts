import type { Clock, IsoDate } from '@relapse-watch/domain-kernel';
import { foldStream, type EventStore } from '@relapse-watch/event-store-core';
import { provincePolicyDecider, provincePolicyStreamId } from '../domain/province-policy/province-policy.decider';
import {
  divisorRuleInForceOn,
  keyRegionsInForceOn,
  lineInForceOn,
} from '../domain/province-policy/province-policy.queries';
import type { RiskType } from '../domain/risk-types/risk-types';
import { householdPolicyFacts } from './policy-facts';
import { authorizeCaller, listScope, type Caller } from '@relapse-watch/access';
import type { ProvincePolicyState } from '../domain/province-policy/province-policy.state';
import type { HouseholdView } from '../read-model/household-register.projection';
import type {
  HouseholdListFilter,
  HouseholdPage,
  HouseholdRegisterQueries,
} from '../read-model/household-register.queries';

/** A province's policy for a year with its history, and what of it is in force on a date. */
export type ProvincePolicyView = ProvincePolicyState & {
  readonly inForceOn: IsoDate;
  readonly monitoringThreshold: ReturnType<typeof lineInForceOn>;
  readonly inspectionFilterLine: ReturnType<typeof lineInForceOn>;
  readonly keyRegionsInForce: ReturnType<typeof keyRegionsInForceOn>;
  readonly perCapitaDivisorRule: ReturnType<typeof divisorRuleInForceOn>;
};

/** Dependencies of {@link RegistryQueries}. */
export interface RegistryQueryDeps {
  readonly events: EventStore;
  readonly households: HouseholdRegisterQueries;
  /** "Today" in the officials' time zone, when a read asks for what is in force without a date. */
  readonly clock: Clock;
}

/** Default page size of the household list. */
export const HOUSEHOLD_PAGE_SIZE = 50;

/**
 * The registry's reads, free of HTTP and NestJS, next to {@link RegistryCommands}: households
 * from the read model, a province's policy folded from its stream (small, and read rarely).
 */
export class RegistryQueries {
  constructor(private readonly deps: RegistryQueryDeps) {}

  /**
   * One household of the register, or null when it is not there.
   * @throws DomainError `access.outside-area` when its village is outside the caller's area
   */
  async household(householdId: string, caller: Caller): Promise<HouseholdView | null> {
    authorizeCaller(caller, 'registry.read', undefined, 'householdId');
    const household = (await this.deps.households.get(householdId))?.data ?? null;
    if (household !== null) authorizeCaller(caller, 'registry.read', household.villageCode, 'householdId');
    return household;
  }

  /**
   * A page of the households of the caller's area (of `divisionCode` within it, when given);
   * the first {@link HOUSEHOLD_PAGE_SIZE} when no page is given. The area is a condition of the
   * read-model query, so totals and pages count only what the caller may see.
   * @throws DomainError `access.outside-area` when `divisionCode` and the area do not meet
   */
  async households(filter: Partial<Omit<HouseholdListFilter, 'within'>>, caller: Caller): Promise<HouseholdPage> {
    authorizeCaller(caller, 'registry.read', undefined, 'divisionCode');
    const within = listScope(caller, 'registry.read', filter.divisionCode);
    return this.deps.households.list({
      ...filter,
      ...(within === null ? {} : { within }),
      limit: filter.limit ?? HOUSEHOLD_PAGE_SIZE,
      offset: filter.offset ?? 0,
    });
  }

  /** A province's lines and key regions for a year, and those in force on `on` (today by default). */
  async provincePolicy(provinceCode: string, year: number, on?: IsoDate): Promise<ProvincePolicyView> {
    const state = await foldStream(this.deps.events, provincePolicyStreamId(provinceCode, year), provincePolicyDecider);
    const date = on ?? this.today();
    return {
      ...state,
      inForceOn: date,
      monitoringThreshold: lineInForceOn(state, 'monitoring-threshold', date),
      inspectionFilterLine: lineInForceOn(state, 'inspection-filter', date),
      keyRegionsInForce: keyRegionsInForceOn(state, date),
      perCapitaDivisorRule: divisorRuleInForceOn(state, date),
    };
  }

  /** The risk types a household of a province may report in a year (this year by default): national, then the province's own. */
  async riskTypes(provinceCode: string, year?: number): Promise<readonly RiskType[]> {
    const day = year === undefined ? this.today() : `${year}-12-31`;
    return (await householdPolicyFacts(this.deps.events, provinceCode, day)).riskTypes;
  }

  private today(): IsoDate {
    return this.deps.clock.dateAt(this.deps.clock.now());
  }
}
