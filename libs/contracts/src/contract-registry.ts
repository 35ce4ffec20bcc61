import { ASSISTANCE_CONTRACTS } from './assistance';
import type { EventContract } from './contract';
import { INSPECTION_CONTRACTS } from './inspection';
import { REGISTRY_CONTRACTS } from './registry';

/** Every published integration event contract, all contexts, all live versions. */
export const ALL_CONTRACTS: readonly EventContract[] = [
  ...REGISTRY_CONTRACTS,
  ...INSPECTION_CONTRACTS,
  ...ASSISTANCE_CONTRACTS,
];

const BY_TYPE: ReadonlyMap<string, EventContract> = new Map(ALL_CONTRACTS.map((contract) => [contract.type, contract]));

/** The contract of a CloudEvents `type`, or undefined for a type nobody publishes. */
export function contractOfType(type: string): EventContract | undefined {
  return BY_TYPE.get(type);
}

/** Every topic a contract is published on, each once, in first-use order. */
export function contractTopics(contracts: readonly EventContract[] = ALL_CONTRACTS): readonly string[] {
  return [...new Set(contracts.map((contract) => contract.topic))];
}

/** Suffix of a dead-letter topic (DESIGN.md "Messaging"): `<topic>.dlq`. */
export const DEAD_LETTER_TOPIC_SUFFIX = '.dlq';

/**
 * Headers a dead-lettered message carries on top of its own (the messaging libs'
 * `DEAD_LETTER_HEADERS`; the registry's integration tests check the two agree).
 */
export const DEAD_LETTER_HEADER_NAMES = {
  originalTopic: 'x-original-topic',
  originalPartition: 'x-original-partition',
  originalOffset: 'x-original-offset',
  errorMessage: 'x-error-message',
  attempts: 'x-attempts',
} as const;
