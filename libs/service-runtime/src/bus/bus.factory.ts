import type { Bus } from '@relapse-watch/messaging-core';
import { InProcessBus } from '@relapse-watch/messaging-inproc';
import { assertNever } from '../config/assert-never';
import type { BusTarget } from '../config/store-url.config';
import { notAvailable } from '../event-store/event-store.factory';

/** Opens the bus `BUS_URL` names; adapters not in this build are refused. */
export function openBus(target: BusTarget): Bus {
  switch (target.kind) {
    case 'inproc':
      return new InProcessBus();
    case 'kafka':
      throw notAvailable('BUS_URL', target.kind, target.url);
    default:
      return assertNever(target);
  }
}
