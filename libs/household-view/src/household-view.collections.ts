/**
 * Where a service keeps its own copy of the household view in its read store: one collection of
 * household documents, one of province policy documents. Each service folds the registry's events
 * itself, so each copy is rebuilt, replayed and dropped with that service alone.
 */
export interface HouseholdViewCollections {
  /** One `HouseholdFactsDocument` per household, by household id. */
  readonly facts: string;
  /** One `PolicyDocument` per province and year, by `<provinceCode>-<year>`. */
  readonly policy: string;
  /**
   * One `ResidentHouseholdDocument` per person, by the salted hash of their resident ID: kept only
   * by a service that finds households by a person's ID (the assistance service's warnings).
   */
  readonly residents?: string;
}

/**
 * The collections of a context's copy, named after it as every read-store collection is
 * (`inspection` → `inspection-household-facts`, `inspection-policy`).
 */
export function householdViewCollections(
  context: string,
  options: { readonly residents?: boolean } = {},
): HouseholdViewCollections {
  return {
    facts: `${context}-household-facts`,
    policy: `${context}-policy`,
    ...(options.residents === true ? { residents: `${context}-resident-households` } : {}),
  };
}
