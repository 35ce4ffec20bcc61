import { idempotentEventId, type StoredEvent } from '@relapse-watch/event-store-core';
import type { BusMessage } from './bus.port';
import { cloudEventJson, CLOUDEVENTS_JSON_CONTENT_TYPE } from './cloud-event';
import { InvalidCloudEvent } from './errors';
import { eventType } from './event-type';
import { eventsTopic } from './topic-names';

/** One outgoing message of the relay. */
export interface RelayMapping {
  readonly topic: string;
  readonly message: BusMessage;
}

/**
 * Turns a stored event into the message to publish, several messages (published in order), or
 * null (or none) for an event that stays private to its service. Must be deterministic: the
 * relay calls it again for events it re-publishes after a restart, and consumers dedupe on the
 * CloudEvent id — give each message of one event its own id ({@link derivedMessageId}).
 */
export type RelayMapper = (event: StoredEvent) => RelayMappings | Promise<RelayMappings>;

/** What a {@link RelayMapper} returns for one event. */
export type RelayMappings = RelayMapping | readonly RelayMapping[] | null;

/**
 * The CloudEvent id of the `index`-th message published for one stored event: the event's own
 * id for the first, ids derived from it (stable across re-publications) for the others.
 */
export function derivedMessageId(event: StoredEvent, index: number): string {
  return index === 0 ? event.id : idempotentEventId(event.streamId, `relay-message/${event.id}`, index);
}

/** Which integration event a stored event becomes (one entry of libs/contracts). */
export interface IntegrationEventContract {
  /** Publishing context; also picks the topic `relapsewatch.<context>.events.v1`. */
  readonly context: string;
  /** PascalCase event name of the contract, e.g. `HouseholdRegistered`. */
  readonly event: string;
  readonly version: number;
  /** Absolute URI of the contract's JSON Schema. */
  readonly dataschema: string;
}

// `<context>-<aggregate>-<id>`: context and aggregate are single words, the id may hold hyphens (UUIDs).
const STREAM_ID = /^[a-z][a-z0-9]*-[A-Za-z][A-Za-z0-9]*-(.+)$/;

/**
 * The aggregate id inside a stream id `<context>-<aggregate>-<id>`.
 * @throws {@link InvalidCloudEvent} `cloudevent.invalid` on field `subject` when the stream id has another shape.
 */
export function aggregateIdOfStream(streamId: string): string {
  const match = STREAM_ID.exec(streamId);
  if (!match)
    throw new InvalidCloudEvent('cloudevent.invalid', 'subject', 'The stream id is not <context>-<aggregate>-<id>');
  return match[1];
}

/**
 * The default shape of a published event: a CloudEvent whose id is the stored event's id
 * (stable across re-sends), subject and message key the aggregate id (one household's
 * events stay in order), time the moment the fact happened, and the correlation,
 * causation and division code from the stored metadata.
 *
 * @param data the contract's data; defaults to the stored data, for events whose internal
 * and public shapes are the same.
 * @param id the CloudEvent id; the stored event's by default (see {@link derivedMessageId}).
 * @param addressing the message key and the CloudEvent subject when they are not the stream's
 * aggregate id: a contract keyed by household published from a stream of another aggregate (a
 * household's inspection, a monitoring case) keeps one household's events in order.
 * @throws {@link InvalidCloudEvent} when the result would not be a valid integration event.
 */
export function integrationMessage(
  event: StoredEvent,
  contract: IntegrationEventContract,
  data: unknown = event.data,
  id: string = event.id,
  addressing: { readonly key?: string; readonly subject?: string } = {},
): RelayMapping {
  const subject = addressing.subject ?? aggregateIdOfStream(event.streamId);
  const key = addressing.key ?? subject;
  const { json } = cloudEventJson({
    id,
    type: eventType(contract),
    subject,
    time: event.metadata.occurredAt,
    dataschema: contract.dataschema,
    data,
    correlationId: event.metadata.correlationId,
    causationId: event.metadata.causationId,
    divisionCode: event.metadata.divisionCode,
  });
  return {
    topic: eventsTopic(contract.context),
    message: { key, value: json, headers: { 'content-type': CLOUDEVENTS_JSON_CONTENT_TYPE } },
  };
}

/** A contract plus how to derive its data from the stored event. */
export interface PublishedEventContract extends IntegrationEventContract {
  /** The public data; default: the stored data unchanged. */
  readonly toData?: (event: StoredEvent) => unknown;
}

/**
 * A {@link RelayMapper} from a table keyed by stored event type: listed types are published
 * with {@link integrationMessage}, every other type stays private.
 */
export function contractMapper(
  contracts: Readonly<Record<string, PublishedEventContract>>,
): (event: StoredEvent) => RelayMapping | null {
  const table = new Map(Object.entries(contracts));
  return (event) => {
    const contract = table.get(event.type);
    if (!contract) return null;
    return integrationMessage(event, contract, contract.toData ? contract.toData(event) : event.data);
  };
}
