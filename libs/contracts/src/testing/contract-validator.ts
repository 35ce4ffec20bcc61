import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { EventContract } from '../contract';
import { ALL_CONTRACTS } from '../contract-registry';

/** Outcome of validating one `data` value against its contract. */
export type ContractValidation =
  { readonly valid: true } | { readonly valid: false; readonly errors: readonly ErrorObject[] };

/** Validates `data` against contract schemas with ajv (JSON Schema 2020-12, strict, formats checked). */
export interface ContractValidator {
  /** Validates against the contract of a CloudEvents `type`; throws for a type no contract has. */
  validate(type: string, data: unknown): ContractValidation;
}

/**
 * A validator over the given contracts (default: all). Test-only: it lives under `testing/`,
 * which the library build leaves out, so ajv stays a dev dependency of the contracts.
 */
export function createContractValidator(contracts: readonly EventContract[] = ALL_CONTRACTS): ContractValidator {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  addFormats(ajv);
  const validators = new Map<string, ValidateFunction>(
    contracts.map((contract) => [contract.type, ajv.compile(contract.schema)]),
  );
  return {
    validate(type, data) {
      const validate = validators.get(type);
      if (!validate) throw new Error(`No contract for event type ${type}`);
      return validate(data) ? { valid: true } : { valid: false, errors: validate.errors ?? [] };
    },
  };
}
