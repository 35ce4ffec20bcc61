import { DomainError, residentIdCheckCharacter } from '@relapse-watch/domain-kernel';
import type { MemberSketch } from './member.generator';
import type { SeededRandom } from './seeded-random';

const DAY_MS = 86_400_000;
const EPOCH_1900 = Date.UTC(1900, 0, 1);

/**
 * Issues resident IDs (GB 11643: registration prefix, birth date, sequence with the sex in its
 * parity, MOD 11-2 check character) never issued before in this run. Remembers each as one small
 * integer (day, sequence) in a set per prefix, so uniqueness costs a few tens of bytes per person.
 */
export class ResidentIdRegistry {
  private readonly issued = new Map<string, Set<number>>();
  private readonly asOf: { readonly year: number; readonly month: number; readonly day: number };

  constructor(asOf: string) {
    const date = new Date(`${asOf}T00:00:00Z`);
    this.asOf = { year: date.getUTCFullYear(), month: date.getUTCMonth(), day: date.getUTCDate() };
  }

  /**
   * A new ID for a member of `sketch.age` on the reference date; `prefixFor` gives the
   * registration prefix from the birth year (a number keeps the code in force when it was issued).
   */
  issue(random: SeededRandom, sketch: MemberSketch, prefixFor: (birthYear: number) => string): string {
    // Born `age` years and up to a year before the reference date: old enough, never after it.
    const birthMs = Date.UTC(this.asOf.year - sketch.age, this.asOf.month, this.asOf.day) - random.int(0, 364) * DAY_MS;
    const day = Math.round((birthMs - EPOCH_1900) / DAY_MS);
    const birth = new Date(EPOCH_1900 + day * DAY_MS);
    const prefix = prefixFor(birth.getUTCFullYear());
    let issued = this.issued.get(prefix);
    if (issued === undefined) this.issued.set(prefix, (issued = new Set()));
    const parity = sketch.sex === 'male' ? 1 : 0;
    let sequence = random.int(0, 499) * 2 + parity;
    // Below 2^31 (80,000 days × 1,000): small integers, which a Set hashes fastest.
    const base = day * 1_000;
    for (let tries = 0; issued.has(base + sequence); tries++) {
      if (tries >= 500)
        throw new DomainError({
          code: 'generator.options',
          message:
            '某县某日出生的人数超过身份证顺序码容量 / more people born on one day in one county than ID sequence numbers',
        });
      sequence = (sequence + 2) % 1_000;
    }
    issued.add(base + sequence);
    const date = birth.getUTCFullYear() * 10_000 + (birth.getUTCMonth() + 1) * 100 + birth.getUTCDate();
    const first17 = `${prefix}${date}${String(sequence).padStart(3, '0')}`;
    return first17 + residentIdCheckCharacter(first17);
  }
}
