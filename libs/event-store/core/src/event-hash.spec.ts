import { eventHash, type HashedFields } from './event-hash';

const fields: HashedFields = {
  streamId: 'registry-household-1',
  revision: 0,
  id: '0190f5e2-7b1c-7a00-8000-000000000001',
  type: 'HouseholdRegistered',
  schemaVersion: 1,
  dataJson: '{"户主":"张三"}',
  metadataJson: '{"correlationId":"c"}',
  recordedAt: '2024-08-20T10:00:00.000Z',
};

describe('eventHash', () => {
  it('is a stable SHA-256 of the canonical form', () => {
    expect(eventHash(fields, null)).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash({ ...fields }, null)).toBe(eventHash(fields, null));
  });

  it.each(Object.keys(fields) as (keyof HashedFields)[])('changes when %s changes', (key) => {
    const changed = {
      ...fields,
      [key]: typeof fields[key] === 'number' ? (fields[key] as number) + 1 : `${fields[key]}x`,
    };
    expect(eventHash(changed, null)).not.toBe(eventHash(fields, null));
  });

  it('chains: a different previous hash gives a different hash', () => {
    expect(eventHash(fields, 'a'.repeat(64))).not.toBe(eventHash(fields, null));
  });
});

describe('eventHash canonical form', () => {
  it('is the stored fields joined by newlines, previous hash last', () => {
    const { createHash } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const canonical = [
      fields.streamId,
      '0',
      fields.id,
      fields.type,
      '1',
      fields.dataJson,
      fields.metadataJson,
      fields.recordedAt,
      'f'.repeat(64),
    ].join('\n');
    expect(eventHash(fields, 'f'.repeat(64))).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
  });
});
