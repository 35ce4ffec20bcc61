/** Base class of every error the messaging libraries raise on purpose. */
export abstract class MessagingError extends Error {
  /** Machine-readable code, stable across versions. */
  abstract readonly code: string;
}

/**
 * A CloudEvent (or one of its parts: type, source, topic name) is malformed. Nothing was
 * built or published. `field` names the attribute at fault (`$` for the document itself).
 */
export class InvalidCloudEvent extends MessagingError {
  constructor(
    /** `cloudevent.invalid`, `cloudevent.invalid-type` or `cloudevent.malformed-json`. */
    readonly code: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidCloudEvent';
  }
}

/** A call to the Bus port was malformed; nothing was published or subscribed. */
export class InvalidBusRequest extends MessagingError {
  constructor(
    /** `bus.invalid-topic`, `bus.invalid-message`, `bus.invalid-subscription`, `bus.invalid-options` or `bus.group-busy`. */
    readonly code: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidBusRequest';
  }
}

/** The bus was used after {@link Bus.close} began. */
export class BusClosed extends MessagingError {
  readonly code = 'bus.closed';
  constructor() {
    super('The bus is closed');
    this.name = 'BusClosed';
  }
}

/** The relay was used in a way its lifecycle does not allow, or got bad options. */
export class InvalidRelayUse extends MessagingError {
  constructor(
    /** `relay.already-started` or `relay.invalid-options`. */
    readonly code: string,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidRelayUse';
  }
}

/**
 * The relay's mapper threw (or returned something unpublishable) for the event at
 * `position`. The relay stops there rather than skip an event it cannot map.
 */
export class RelayMappingFailed extends MessagingError {
  readonly code = 'relay.mapping-failed';
  constructor(
    readonly position: number,
    readonly eventType: string,
    readonly reason: unknown,
  ) {
    super(
      `The relay could not map event ${eventType} at position ${position}: ${reason instanceof Error ? reason.message : String(reason)}`,
    );
    this.name = 'RelayMappingFailed';
  }
}
