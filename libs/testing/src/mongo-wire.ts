import net from 'node:net';

/**
 * Sends `{ping: 1}` to a MongoDB wire-protocol server (OP_MSG) and resolves with the reply's
 * `ok` field — 1 from a healthy FerretDB. Needs no driver; rejects on a connection error, a
 * malformed reply or after `timeoutMs`.
 */
export function mongoWirePing(host: string, port: number, timeoutMs = 5_000): Promise<number> {
  const doc = bsonDocument([
    [0x10, 'ping', int32(1)],
    [0x02, '$db', bsonString('admin')],
  ]);
  const body = Buffer.concat([int32(0), Buffer.from([0]), doc]); // flagBits, section kind 0
  const header = Buffer.concat([int32(16 + body.length), int32(1), int32(0), int32(2013)]); // OP_MSG
  const request = Buffer.concat([header, body]);

  return new Promise((resolve, reject) => {
    const socket = net.connect({ host, port });
    let received = Buffer.alloc(0);
    const fail = (error: Error) => {
      socket.destroy();
      reject(error);
    };
    socket.setTimeout(timeoutMs, () => fail(new Error(`no reply from ${host}:${port} within ${timeoutMs} ms`)));
    socket.on('error', fail);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk) => {
      received = Buffer.concat([received, chunk]);
      if (received.length < 4 || received.length < received.readInt32LE(0)) return;
      socket.destroy();
      try {
        resolve(readOk(received));
      } catch (error) {
        reject(error);
      }
    });
  });
}

function int32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeInt32LE(n);
  return b;
}

function bsonString(s: string): Buffer {
  const bytes = Buffer.from(`${s}\0`, 'utf8');
  return Buffer.concat([int32(bytes.length), bytes]);
}

function bsonDocument(elements: [type: number, name: string, value: Buffer][]): Buffer {
  const parts = elements.map(([type, name, value]) =>
    Buffer.concat([Buffer.from([type]), Buffer.from(`${name}\0`), value]),
  );
  const content = Buffer.concat([...parts, Buffer.from([0])]);
  return Buffer.concat([int32(4 + content.length), content]);
}

/** The numeric `ok` of an OP_MSG reply whose first section is a kind-0 document. */
function readOk(reply: Buffer): number {
  if (reply.readInt32LE(12) !== 2013) throw new Error(`reply opCode ${reply.readInt32LE(12)} is not OP_MSG`);
  if (reply[20] !== 0) throw new Error('reply does not start with a kind-0 section');
  const start = 21;
  const end = start + reply.readInt32LE(start) - 1;
  for (let i = start + 4; i < end;) {
    const type = reply[i];
    const nameEnd = reply.indexOf(0, i + 1);
    const name = reply.toString('utf8', i + 1, nameEnd);
    const at = nameEnd + 1;
    if (name === 'ok') {
      if (type === 0x01) return reply.readDoubleLE(at);
      if (type === 0x10) return reply.readInt32LE(at);
      throw new Error(`reply field ok has BSON type ${type}`);
    }
    i = at + bsonValueLength(reply, type, at);
  }
  throw new Error('reply has no ok field');
}

function bsonValueLength(buf: Buffer, type: number, at: number): number {
  switch (type) {
    case 0x01: // double
    case 0x09: // UTC datetime
    case 0x11: // timestamp
    case 0x12: // int64
      return 8;
    case 0x02: // string
      return 4 + buf.readInt32LE(at);
    case 0x03: // document
    case 0x04: // array
      return buf.readInt32LE(at);
    case 0x05: // binary
      return 5 + buf.readInt32LE(at);
    case 0x07: // ObjectId
      return 12;
    case 0x08: // boolean
      return 1;
    case 0x0a: // null
      return 0;
    case 0x10: // int32
      return 4;
    case 0x13: // decimal128
      return 16;
    default:
      throw new Error(`unsupported BSON type ${type} in reply`);
  }
}
