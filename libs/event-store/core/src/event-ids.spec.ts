import { describe, expect, it } from '@jest/globals';
import { v5 as uuidv5 } from 'uuid';
import { idempotentEventId } from './event-ids';

describe('idempotentEventId', () => {
  it('is the UUIDv5 of stream, key and index in the fixed namespace (ids of earlier releases unchanged)', () => {
    const cases: [string, string, number][] = [
      ['registry-household-3abd352b-3aa3-5646-9079-08376246f587', 'sheet-import/3abd352b/register', 0],
      ['registry-person-ab12', 'sheet-import/x/member/y/户主张三', 3],
      ['s', '', 12345],
    ];
    for (const [stream, key, index] of cases) {
      expect(idempotentEventId(stream, key, index)).toBe(uuidv5(`${stream}\n${key}\n${index}`, '6f1d3a52-2b0e-4f4e-9a7c-2d0b1a7c9e11'));
    }
  });
});
