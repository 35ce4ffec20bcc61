import { describe, expect, it } from '@jest/globals';
import { EMBEDDED_RESIDENT_ID_SALT } from '@relapse-watch/assistance';
import { EMBEDDED_DEVELOPMENT_SALT } from '@relapse-watch/household-registry';

// One embedded process hashes a person alike in every service: a department's warning naming a
// resident ID finds the household only by the hash the registry published.
describe('the embedded development salt', () => {
  it('is the same for the registry and the assistance service when RESIDENT_ID_SALT is unset', () => {
    expect(EMBEDDED_RESIDENT_ID_SALT).toBe(EMBEDDED_DEVELOPMENT_SALT);
  });
});
