import type { EventContract } from '@relapse-watch/contracts';

/** An integration event ready to publish: the contract it follows and its CloudEvents `data`. */
export interface IntegrationEvent<Data> {
  readonly contract: EventContract<Data>;
  readonly data: Data;
}
