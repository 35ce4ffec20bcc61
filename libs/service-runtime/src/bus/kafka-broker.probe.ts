import { connect } from 'node:net';

const API_VERSIONS_KEY = 18;
const CLIENT_ID = 'relapse-watch-readiness';

/**
 * Asks each bootstrap broker in turn for its API versions (the first request of every Kafka
 * client) and resolves with the first that answers without error. It proves a broker speaks
 * the Kafka protocol without creating topics or writing records, so orchestrators may call it
 * every few seconds. Spoken directly on a socket because the Bus port has no health call and
 * the runtime does not depend on a Kafka client of its own.
 *
 * @throws an Error naming each broker's failure when none answers within `timeoutMs` each.
 */
export async function probeKafkaBrokers(
  brokers: readonly string[],
  timeoutMs: number,
): Promise<{ broker: string; apiKeys: number }> {
  const failures: string[] = [];
  for (const broker of brokers) {
    try {
      return { broker, apiKeys: await apiVersions(broker, timeoutMs) };
    } catch (error) {
      failures.push(`${broker}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  throw new Error(`no Kafka broker answered (${failures.join('; ')})`);
}

/** One ApiVersions v0 round trip; resolves with the number of APIs the broker lists. */
function apiVersions(broker: string, timeoutMs: number): Promise<number> {
  const colon = broker.lastIndexOf(':');
  const host = broker.slice(0, colon).replace(/^\[(.*)\]$/, '$1');
  const port = Number(broker.slice(colon + 1));
  const correlationId = Math.floor(Math.random() * 0x7fffffff);
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    let received = Buffer.alloc(0);
    const fail = (error: Error): void => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no answer within ${timeoutMs} ms`)));
    socket.once('error', fail);
    socket.once('connect', () => socket.write(apiVersionsRequest(correlationId)));
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4 || received.length < 4 + received.readInt32BE(0)) return;
      socket.destroy();
      // Response header v0 (correlation id), then the v0 body: error code, [api key, min, max].
      if (received.readInt32BE(4) !== correlationId) return reject(new Error('answer to another request'));
      const errorCode = received.readInt16BE(8);
      if (errorCode !== 0) return reject(new Error(`broker error code ${errorCode}`));
      resolve(received.readInt32BE(10));
    });
    socket.once('close', () => reject(new Error('connection closed before an answer')));
  });
}

function apiVersionsRequest(correlationId: number): Buffer {
  const clientId = Buffer.from(CLIENT_ID, 'utf8');
  const body = Buffer.alloc(10 + clientId.length);
  body.writeInt16BE(API_VERSIONS_KEY, 0);
  body.writeInt16BE(0, 2);
  body.writeInt32BE(correlationId, 4);
  body.writeInt16BE(clientId.length, 8);
  clientId.copy(body, 10);
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length, 0);
  return Buffer.concat([size, body]);
}
