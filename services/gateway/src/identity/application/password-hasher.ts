import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

// `Algorithm.Argon2id` of @node-rs/argon2, an ambient const enum isolated modules cannot read.
const ARGON2ID = 2;
import type { Argon2Cost } from '../config/identity.config';

/**
 * Hashes and checks passwords and client secrets with argon2id (salted, memory-hard). The
 * native binding runs the work off the event loop, so a sign-in does not stall other requests.
 */
export class PasswordHasher {
  /** A hash of a random password: verified against when the sign-in name is unknown, so both cost the same. */
  private readonly decoy: Promise<string>;

  constructor(private readonly cost: Argon2Cost) {
    this.decoy = this.hash(randomBytes(16).toString('base64url'));
  }

  hash(password: string): Promise<string> {
    return hash(password, {
      algorithm: ARGON2ID,
      memoryCost: this.cost.memoryKib,
      timeCost: this.cost.iterations,
      parallelism: this.cost.parallelism,
    });
  }

  /** True when `password` matches `passwordHash`; a malformed hash is a mismatch, not an error. */
  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }

  /** Spends the time of a verification without anything to match, and answers false. */
  async verifyNothing(password: string): Promise<false> {
    await this.verify(await this.decoy, password);
    return false;
  }
}

// 32 letters and digits without look-alikes (0/O, 1/l/I), so a password read out over the phone survives.
const ONE_TIME_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * A one-time password: 16 characters from 55 (about 92 bits), handed to the user by an
 * administrator or printed once at start, to be changed at the first sign-in.
 */
export function newOneTimePassword(): string {
  const bytes = randomBytes(32);
  let password = '';
  // Rejection sampling keeps every character equally likely.
  for (const byte of bytes) {
    if (byte >= 220) continue;
    password += ONE_TIME_ALPHABET[byte % ONE_TIME_ALPHABET.length];
    if (password.length === 16) return password;
  }
  return newOneTimePassword();
}
