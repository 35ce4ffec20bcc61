import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { IntegrationEventEnvelope } from '@relapse-watch/messaging-core';
import { EPISODE_CONTRACTS, HOUSEHOLD_FACTS_CONTRACTS, POLICY_CONTRACTS } from './registry-facts.events';

/** Why an event's data was not folded: the first schema problem, as a path and a rule (never a value). */
export interface ContractMismatch {
  readonly path: string;
  readonly rule: string;
}

/**
 * Checks the data of the registry events the household view folds against their contracts' JSON
 * Schemas. The contracts are 0.x and corrected in place, so a topic may still hold events of an
 * earlier shape (a field added since, a value renamed); folding one would store a hole or a word
 * the rules do not know. Such an event is skipped, with its id in the log, rather than retried:
 * no retry can change what it holds.
 */
export function registryContractCheck(): (envelope: IntegrationEventEnvelope) => ContractMismatch | null {
  const ajv = new Ajv2020({ strict: true, allErrors: false });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>(
    Object.values({ ...HOUSEHOLD_FACTS_CONTRACTS, ...POLICY_CONTRACTS, ...EPISODE_CONTRACTS }).map((contract) => [
      contract.type,
      ajv.compile(contract.schema),
    ]),
  );
  return (envelope) => {
    const validate = validators.get(envelope.type);
    if (validate === undefined || validate(envelope.data)) return null;
    const [first] = validate.errors ?? [];
    return { path: first?.instancePath || '/', rule: first?.keyword ?? 'schema' };
  };
}
