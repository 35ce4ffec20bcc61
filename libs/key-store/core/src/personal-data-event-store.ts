import {
  logSealsOf,
  InvalidAppend,
  type AppendOptions,
  type AppendResult,
  type EventStore,
  type EventSubscription,
  type LogSeals,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type StreamAppend,
  type SubscribeToAllOptions,
} from '@relapse-watch/event-store-core';
import type { PersonalDataVault, SealedPersonal } from './personal-data-vault';

/** How `personal` looks in a stored event: sealed under the subject's data key. */
export interface SealedPersonalField {
  readonly $sealed: SealedPersonal;
}

/** What a reader gets in place of `personal` once the subject was erased (crypto-shredded). */
export interface ErasedPersonal {
  readonly $erased: true;
  readonly erasedAt: string;
}

/** Whether a read event's `personal` part was erased. */
export function isErasedPersonal(value: unknown): value is ErasedPersonal {
  return typeof value === 'object' && value !== null && (value as { $erased?: unknown }).$erased === true;
}

/** Whose data an event's `personal` part is: by default its `data.householdId` (one key per household). */
export type PersonalDataSubject = (event: { readonly type: string; readonly data: unknown }) => string | undefined;

const householdOf: PersonalDataSubject = (event) => {
  const id = (event.data as { householdId?: unknown } | null)?.householdId;
  return typeof id === 'string' ? id : undefined;
};

type WithPersonal = { readonly personal?: unknown; readonly [key: string]: unknown };

/**
 * An {@link EventStore} that stores every event's `data.personal` sealed with the subject's data
 * key ({@link PersonalDataVault}) and opens it again on every read. The domain keeps all
 * personal data under `personal` (STYLE.md), so deciders, projections and translators work on
 * plain values while the store, its hash chain and every copy of the log hold only ciphertext.
 * After an erasure, readers get {@link ErasedPersonal} in its place and everything else as it was.
 * An event with `personal` but no subject is refused (`personal-data.no-subject`): never stored
 * in the clear by mistake.
 */
export class PersonalDataEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly vault: PersonalDataVault,
    private readonly subjectOf: PersonalDataSubject = householdOf,
  ) {}

  async appendToStream(streamId: string, events: readonly NewEvent[], options?: AppendOptions): Promise<AppendResult> {
    const [sealed] = await this.sealAppends([{ streamId, events }]);
    return this.inner.appendToStream(streamId, (sealed as StreamAppend).events, options);
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.inner.appendToStreams(await this.sealAppends(appends));
  }

  async *readStream(streamId: string, options?: ReadStreamOptions): AsyncIterable<StoredEvent> {
    yield* this.opened(this.inner.readStream(streamId, options));
  }

  async *readAll(options?: ReadAllOptions): AsyncIterable<StoredEvent> {
    yield* this.opened(this.inner.readAll(options));
  }

  /** The seals of the log underneath: they cover events as stored, sealed personal data included. */
  logSeals(): LogSeals {
    return logSealsOf(this.inner);
  }

  subscribeToAll(options?: SubscribeToAllOptions): EventSubscription {
    const subscription = this.inner.subscribeToAll(options);
    const events = this.opened(subscription);
    return { [Symbol.asyncIterator]: () => events[Symbol.asyncIterator](), stop: () => subscription.stop() };
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private async sealAppends(appends: readonly StreamAppend[]): Promise<StreamAppend[]> {
    // Malformed input goes to the inner store untouched, which refuses it with the port's codes.
    if (!isWellShaped(appends)) return appends as StreamAppend[];
    const toSeal: { subjectId: string; value: unknown }[] = [];
    appends.forEach((append, a) =>
      append.events.forEach((event, e) => {
        const personal = (event.data as WithPersonal | null)?.personal;
        if (personal === undefined) return;
        const subjectId = this.subjectOf(event);
        if (subjectId === undefined) {
          throw new InvalidAppend(
            'personal-data.no-subject',
            `appends[${a}].events[${e}].data.personal`,
            '含个人信息的事件须指明所属户 / an event with personal data must name its household',
          );
        }
        toSeal.push({ subjectId, value: personal });
      }),
    );
    if (toSeal.length === 0) return [...appends];
    const sealed = await this.vault.sealAll(toSeal);
    let next = 0;
    return appends.map((append) => ({
      ...append,
      events: append.events.map((event) => {
        const data = event.data as WithPersonal | null;
        if (data?.personal === undefined) return event;
        return { ...event, data: { ...data, personal: { $sealed: sealed[next++] } } };
      }),
    }));
  }

  private async *opened(events: AsyncIterable<StoredEvent>): AsyncGenerator<StoredEvent> {
    for await (const event of events) {
      const data = event.data as WithPersonal | null;
      const personal = data?.personal as SealedPersonalField | undefined;
      if (personal?.$sealed === undefined) {
        yield event;
        continue;
      }
      const subjectId = this.subjectOf(event) as string;
      const opened = await this.vault.open(subjectId, personal.$sealed);
      const plain: unknown =
        opened.state === 'open'
          ? opened.value
          : ({ $erased: true, erasedAt: opened.erasedAt } satisfies ErasedPersonal);
      yield { ...event, data: { ...data, personal: plain } };
    }
  }
}

function isWellShaped(appends: unknown): appends is readonly StreamAppend[] {
  return (
    Array.isArray(appends) &&
    appends.every(
      (a: unknown) =>
        typeof a === 'object' &&
        a !== null &&
        Array.isArray((a as StreamAppend).events) &&
        (a as StreamAppend).events.every((e: unknown) => typeof e === 'object' && e !== null),
    )
  );
}
