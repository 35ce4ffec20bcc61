import { serviceUrl } from '@relapse-watch/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from '@jest/globals';
import { startGateway } from '../gateway-process.fixture';

const dataDirs: string[] = [];
afterAll(() => dataDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

describe('the gateway in distributed mode issues tokens', () => {
  it('refuses to start with only the verify key: one stderr line naming ACCESS_TOKEN_SIGNING_KEY', async () => {
    const id = randomUUID().replaceAll('-', '').slice(0, 16);
    const dataDir = mkdtempSync(join(tmpdir(), 'rw-gateway-signing-'));
    dataDirs.push(dataDir);
    const mongo = new URL(serviceUrl('MONGODB_URL'));
    mongo.pathname = `/gateway_signing_${id}`;
    const { publicKey } = generateKeyPairSync('ed25519');
    const gateway = startGateway({
      PORT: '0',
      DATA_DIR: dataDir,
      EVENT_STORE_URL: `${serviceUrl('POSTGRES_URL')}?schema=gateway_signing_${id}`,
      READ_STORE_URL: mongo.toString(),
      BUS_URL: serviceUrl('KAFKA_URL'),
      ACCESS_TOKEN_VERIFY_KEY: JSON.stringify(publicKey.export({ format: 'jwk' })),
      // The fixture gives every gateway the test key pair; empty counts as unset.
      ACCESS_TOKEN_SIGNING_KEY: '',
    });
    expect((await gateway.exited).code).toBe(1);
    expect(gateway.stderr).toEqual([
      '配置错误 / configuration error: ACCESS_TOKEN_SIGNING_KEY 网关签发访问令牌，必须设置 / is required: the gateway issues the access tokens',
    ]);
  });
});
