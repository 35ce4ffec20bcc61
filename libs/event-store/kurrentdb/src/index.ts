export { KurrentDbEventStore, type KurrentDbEventStoreOptions } from './kurrentdb-event-store';
export { createKurrentDbClient, redactConnectionString } from './connection';
export { InvalidKurrentDbConfig, ForeignKurrentDbEvent } from './errors';
export {
  ENVELOPE_KEY,
  ENVELOPE_FORMAT,
  readEnvelope,
  storedEventFrom,
  toEventData,
  type EnvelopeFields,
  type MetadataEnvelope,
  type ChainedEvent,
} from './event-envelope';
export { positionFromKurrent, readPositionOf, revisionFromKurrent, serverFilterFor } from './positions';
export {
  planAppend,
  replayOutcome,
  chainEvents,
  checkKurrentDbNames,
  type AppendPlan,
  type StreamHead,
} from './append-plan';
