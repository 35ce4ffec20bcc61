import { InvalidBusRequest, type BusMessage } from '@relapse-watch/messaging-core';
import { Buffer } from 'node:buffer';

/** Allowance per record for its framing in a record batch (length, attributes, deltas, varints). */
const RECORD_OVERHEAD_BYTES = 32;

/** A message with its value already UTF-8 encoded (encoded once, measured for free). */
export interface EncodedMessage {
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Record<string, string> | undefined;
  /** Size estimate in a record batch: key, value and headers bytes plus framing. */
  readonly bytes: number;
}

function encode(message: BusMessage): EncodedMessage {
  const value = Buffer.from(message.value, 'utf8');
  let bytes = RECORD_OVERHEAD_BYTES + value.length + Buffer.byteLength(message.key);
  let headers: Record<string, string> | undefined;
  if (message.headers) {
    headers = { ...message.headers };
    for (const name in headers) bytes += 8 + Buffer.byteLength(name) + Buffer.byteLength(headers[name]);
  }
  return { key: message.key, value, headers, bytes };
}

/**
 * The messages encoded, in consecutive slices of at most `maxRequestBytes` each: one produce
 * request per slice, sent one after the other.
 * @throws {@link InvalidBusRequest} `bus.invalid-message` for a message larger than that alone; nothing is sent.
 */
export function splitByBytes(messages: readonly BusMessage[], maxRequestBytes: number): EncodedMessage[][] {
  const requests: EncodedMessage[][] = [];
  let request: EncodedMessage[] = [];
  let bytes = 0;
  for (let i = 0; i < messages.length; i++) {
    const message = encode(messages[i]);
    if (message.bytes > maxRequestBytes) {
      throw new InvalidBusRequest(
        'bus.invalid-message',
        `messages[${i}]`,
        `A message is at most maxRequestBytes (${maxRequestBytes}) bytes`,
      );
    }
    if (bytes + message.bytes > maxRequestBytes) {
      requests.push(request);
      request = [];
      bytes = 0;
    }
    request.push(message);
    bytes += message.bytes;
  }
  requests.push(request);
  return requests;
}
