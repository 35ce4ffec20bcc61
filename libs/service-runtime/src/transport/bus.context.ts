import { BaseRpcContext } from '@nestjs/microservices';
import type { ReceivedMessage } from '@relapse-watch/messaging-core';

/**
 * The context of an `@EventPattern` handler run by {@link BusTransportStrategy}: the bus
 * message the event came in (topic, key, partition, offset, attempt, headers). Inject it with
 * `@Ctx() context: BusContext`; the payload (`@Payload()`) is the parsed CloudEvent.
 */
export class BusContext extends BaseRpcContext<[ReceivedMessage]> {
  constructor(message: ReceivedMessage) {
    super([message]);
  }

  /** The message as the bus delivered it; `attempt` is above 1 on a retry. */
  getMessage(): ReceivedMessage {
    return this.args[0];
  }
}
