import { describe, expect, it } from '@jest/globals';
import { SignInAttempts, TooManySignInAttempts } from './sign-in-attempts';

describe('SignInAttempts (sliding window)', () => {
  it('lets failures age out of the window, and a success clear the name but not the address', () => {
    let now = 0;
    const attempts = new SignInAttempts({ perUser: 2, perAddress: 3, windowSeconds: 60 }, () => now);
    attempts.recordFailure('a', '10.0.0.1');
    now = 10_000;
    attempts.recordFailure('a', '10.0.0.1');
    let refused: unknown;
    try {
      attempts.check('a', '10.0.0.2');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(TooManySignInAttempts);
    expect((refused as TooManySignInAttempts).retryAfterSeconds).toBe(50);
    now = 60_001; // the first failure has left the window
    expect(() => attempts.check('a', '10.0.0.2')).not.toThrow();

    attempts.recordFailure('b', '10.0.0.1');
    attempts.recordSuccess('b');
    attempts.recordSuccess('a');
    expect(() => attempts.check('a', '10.0.0.3')).not.toThrow();
    // The address still holds a's second failure and b's: one more and it is blocked.
    attempts.recordFailure('c', '10.0.0.1');
    expect(() => attempts.check('d', '10.0.0.1')).toThrow(TooManySignInAttempts);
  });
});
