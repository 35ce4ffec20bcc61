import {
  assertStoreFormat,
  checkStoreFormat,
  newEventId,
  type EventStore,
  type StoreFormatCheck,
} from '@relapse-watch/event-store-core';
import type { Logger } from 'pino';
import type { ServiceIdentity } from '../service-identity';

/**
 * Start-up's check of the event store's format: an empty store is stamped with the format this
 * version writes; a store written in another one stops the start (it would be misread: format 1
 * holds personal data in plain text where format 2 expects it encrypted).
 * @throws {@link StoreFormatRefused} with the one line the operator reads.
 */
export async function ensureStoreFormat(
  store: EventStore,
  identity: ServiceIdentity,
  logger: Logger,
): Promise<StoreFormatCheck> {
  const check = await checkStoreFormat(store, {
    eventId: newEventId(),
    now: new Date().toISOString(),
    stampedBy: `${identity.name}@${identity.version}`,
  });
  assertStoreFormat(check);
  if (check.kind === 'stamped') {
    logger.info(
      { storeFormat: check.format },
      `空事件库已标记为格式 ${check.format} / empty event store stamped with format ${check.format}`,
    );
  }
  return check;
}
