import { Logger, type LoggerService } from '@nestjs/common';
import { Server, type CustomTransportStrategy, type MessageHandler as NestHandler } from '@nestjs/microservices';
import {
  parseCloudEvent,
  type Bus,
  type BusSubscription,
  type IntegrationEventEnvelope,
  type ReceivedMessage,
} from '@relapse-watch/messaging-core';
import { isObservable, lastValueFrom } from 'rxjs';
import { BusContext } from './bus.context';
import { topicsOfPatterns } from './event-pattern.routing';

/** `transportId` of {@link BusTransportStrategy}, for `@EventPattern(pattern, BUS_TRANSPORT)` in apps with several transports. */
export const BUS_TRANSPORT = Symbol.for('relapse-watch.bus-transport');

/** Options of {@link BusTransportStrategy}. */
export interface BusTransportOptions {
  /** The service's bus (the runtime's `BUS`). */
  readonly bus: Bus;
  /**
   * The service's consumer group: one per service, so every service sees every event once.
   * Each topic is consumed in its own bus group derived from it, see {@link topicGroup}.
   */
  readonly group: string;
  /**
   * The transport id handlers name to be run by this transport only (`@EventPattern(type, id)`);
   * default {@link BUS_TRANSPORT}. Handlers that name none run on every transport of the app.
   */
  readonly transportId?: symbol;
  /** Passed to {@link Bus.subscribe}: attempts before dead-lettering (the bus's default when absent). */
  readonly maxAttempts?: number;
  /** Passed to {@link Bus.subscribe}: first retry delay in ms (the bus's default when absent). */
  readonly retryDelayMs?: number;
  /** Where skipped and failed events are logged; default a Nest `Logger` (the app's logger). */
  readonly logger?: LoggerService;
  /**
   * Told of every message finished for good (handled, or skipped for want of a handler), after
   * the handler resolved: how progress and lag are reported. Never told of a failed attempt.
   */
  readonly onFinished?: (event: IntegrationEventEnvelope, message: ReceivedMessage) => void;
}

/**
 * The bus group in which `group` consumes `topic`: `<group>.<topic>`. One bus group per
 * topic, because a Bus subscription is one member of its group for one topic, and Kafka
 * clients' assigners (kafkajs's round robin among them) hand every member partitions of
 * every topic of the group: two subscriptions of one group on two topics would each be given
 * partitions of the other's topic and leave them unread. It also keeps a group's offsets
 * when a service starts consuming one more topic.
 */
export function topicGroup(group: string, topic: string): string {
  return `${group}.${topic}`;
}

/** Nest's default RPC filter turns errors into `{ status, message }` objects; the bus wants an Error. */
function asError(failure: unknown): Error {
  if (failure instanceof Error) return failure;
  const message =
    typeof failure === 'object' && failure !== null ? (failure as { message?: unknown }).message : undefined;
  return new Error(typeof message === 'string' ? message : 'The event handler failed');
}

/**
 * A `@nestjs/microservices` transport over our {@link Bus} port, so consumers stay plain
 * `@EventPattern('cn.relapsewatch.<context>.<Event>.v<N>')` methods in both runtime modes.
 *
 * On `listen`, each topic that carries a handled event type (`relapsewatch.<context>.events.v1`)
 * gets one subscription in the service's group. A message is parsed as a CloudEvent and
 * dispatched by its `type`; the handler gets the envelope as payload and a {@link BusContext}.
 * Types no handler asks for are acknowledged and skipped: a topic carries all its context's
 * events and a service consumes a few.
 *
 * The strategy only adapts: retries, dead letters, per-key order and draining on close are
 * the bus's, idempotency is the handler's (`idempotentHandler`). So a handler that fails —
 * throws, rejects, or errors its Observable — fails the delivery and the bus retries it; a
 * value that is not a valid CloudEvent fails the same way and ends in `<topic>.dlq`.
 * `close()` closes the subscriptions: fetching stops and it resolves once handlers in flight
 * finished. Mount it with {@link startBusTransport}.
 */
export class BusTransportStrategy extends Server implements CustomTransportStrategy {
  override readonly transportId: symbol;
  private readonly log: LoggerService;
  private readonly subscriptions: BusSubscription[] = [];
  /** Handled event types per topic, fixed at `listen`. */
  private routes = new Map<string, Set<string>>();
  private starting: Promise<void> | null = null;
  private closing: Promise<void> | null = null;
  private closeDeferred = false;

  constructor(private readonly options: BusTransportOptions) {
    super();
    this.transportId = options.transportId ?? BUS_TRANSPORT;
    this.log = options.logger ?? new Logger(BusTransportStrategy.name);
  }

  /** The consumer group this transport subscribes in. */
  get group(): string {
    return this.options.group;
  }

  /** The topics it consumes (known once it listens), each in bus group {@link topicGroup}(group, topic). */
  get topics(): readonly string[] {
    return [...this.routes.keys()];
  }

  /** Subscribes; `callback(error)` when a pattern cannot be routed or the bus refuses. */
  listen(callback: (error?: unknown) => void): void {
    this.starting ??= this.subscribeAll();
    this.starting.then(
      () => callback(),
      (error: unknown) => callback(error),
    );
  }

  /**
   * Leaves closing to {@link closeNow}: `close()` then does nothing. Nest's `app.close()` closes
   * microservices before the runtime's shutdown steps run; a transport that must outlive the
   * process's relays (to drain what they published) is closed by its own step instead.
   */
  deferClose(): void {
    this.closeDeferred = true;
  }

  /** Stops fetching and resolves once the handlers in flight finished (unless {@link deferClose}d). Idempotent. */
  close(): Promise<void> {
    return this.closeDeferred ? Promise.resolve() : this.closeNow();
  }

  /** Stops fetching and resolves once the handlers in flight finished, deferred or not. Idempotent. */
  closeNow(): Promise<void> {
    this.closing ??= (async () => {
      await this.starting?.catch(() => undefined);
      await Promise.all(this.subscriptions.map((subscription) => subscription.close()));
      this._status$.next('disconnected');
    })();
    return this.closing;
  }

  /** Server events are not emitted: the bus reports its own failures. */
  on(): never {
    throw new Error('BusTransportStrategy emits no server events');
  }

  /** The bus this transport consumes from. */
  unwrap<T>(): T {
    return this.options.bus as T;
  }

  private async subscribeAll(): Promise<void> {
    if (this.closing) throw new Error('The bus transport was closed before it started');
    const patterns = [...this.getHandlers()].map(([pattern, handler]) => ({
      pattern,
      isEventHandler: handler.isEventHandler === true,
    }));
    this.routes = topicsOfPatterns(patterns);
    try {
      for (const topic of this.routes.keys()) {
        const subscription = await this.options.bus.subscribe({
          topic,
          group: topicGroup(this.options.group, topic),
          handler: (message) => this.dispatch(message),
          maxAttempts: this.options.maxAttempts,
          retryDelayMs: this.options.retryDelayMs,
        });
        this.subscriptions.push(subscription);
      }
    } catch (error) {
      // Half a service consuming is worse than none: undo, and let start-up fail.
      await Promise.all(this.subscriptions.splice(0).map((subscription) => subscription.close()));
      throw error;
    }
    this._status$.next('connected');
  }

  private async dispatch(message: ReceivedMessage): Promise<void> {
    const envelope = parseCloudEvent(message.value);
    const handler = this.routes.get(message.topic)?.has(envelope.type)
      ? this.messageHandlers.get(envelope.type)
      : undefined;
    if (!handler) {
      // Ids and type only: the data is about residents.
      this.log.debug?.(
        `skipped ${envelope.type} ${envelope.id} on ${message.topic}: group ${this.options.group} has no handler for it`,
        BusTransportStrategy.name,
      );
      this.options.onFinished?.(envelope, message);
      return;
    }
    try {
      await this.run(handler, envelope, new BusContext(message));
    } catch (failure) {
      const error = asError(failure);
      this.log.warn(
        `${envelope.type} ${envelope.id} failed on attempt ${message.attempt} in group ${this.options.group}: ${error.message}`,
        BusTransportStrategy.name,
      );
      throw error;
    }
    this.options.onFinished?.(envelope, message);
  }

  /** Runs Nest's handler chain to its end: a Promise, or an Observable (several handlers of one pattern, or a failure). */
  private async run(handler: NestHandler, envelope: IntegrationEventEnvelope, context: BusContext): Promise<void> {
    const result: unknown = await handler(envelope, context);
    if (isObservable(result)) await lastValueFrom(result, { defaultValue: undefined });
  }
}
