import type {
  Employment,
  Health,
  LabourCapacity,
  MemberProfile,
  RelationToHead,
  SchoolingStage,
} from '../domain/household/member.values';
import type { SeededRandom } from './seeded-random';

// A member's profile drawn from age, so the facts agree with each other the way the data-quality
// rules check them (DOMAIN.md: "age agrees with schooling stage"). Rates are rounded from the
// 7th census and the 2023 rural monitoring reports for Sichuan: plausible, not statistics.

/** A member to be: relation, sex and age as of the generator's reference date. */
export interface MemberSketch {
  readonly relationToHead: RelationToHead;
  readonly sex: 'male' | 'female';
  readonly age: number;
}

/** Schooling stage for an age: compulsory school at 6–15, a few drop-outs, some go on. */
export function schoolingFor(random: SeededRandom, age: number): SchoolingStage {
  if (age >= 6 && age <= 15 && random.chance(0.002)) return 'dropped-out';
  if (age < 3) return 'not-in-school';
  if (age <= 5) return random.chance(0.85) ? 'pre-school' : 'not-in-school';
  if (age <= 11) return 'primary';
  if (age <= 14) return 'junior-secondary';
  if (age <= 17)
    return random.weighted([
      ['senior-secondary', 55],
      ['secondary-vocational', 35],
      ['not-in-school', 10],
    ] as const);
  if (age <= 21)
    return random.weighted([
      ['higher-vocational', 22],
      ['undergraduate-or-above', 18],
      ['not-in-school', 60],
    ] as const);
  return 'not-in-school';
}

function healthFor(random: SeededRandom, age: number): Health {
  const [chronic, serious, disabled] =
    age < 40 ? [0.03, 0.01, 0.03] : age < 60 ? [0.15, 0.03, 0.05] : [0.35, 0.06, 0.08];
  const r = random.next();
  if (r < disabled)
    return {
      kind: 'disabled',
      grade: random.weighted([
        [1, 10],
        [2, 20],
        [3, 35],
        [4, 35],
      ] as const),
    };
  if (r < disabled + serious) return { kind: 'serious-illness' };
  if (r < disabled + serious + chronic) return { kind: 'chronic-illness' };
  return { kind: 'healthy' };
}

function labourFor(random: SeededRandom, age: number, health: Health, schooling: SchoolingStage): LabourCapacity {
  if (age < 16 || age >= 75 || (schooling !== 'not-in-school' && schooling !== 'dropped-out')) return 'none';
  if (health.kind === 'serious-illness' || (health.kind === 'disabled' && health.grade <= 2)) return 'lost';
  if (health.kind !== 'healthy' || age >= 60) return 'weak';
  return random.chance(0.2) ? 'skilled' : 'ordinary';
}

function employmentFor(random: SeededRandom, labour: LabourCapacity): Employment {
  const rate = labour === 'skilled' ? 0.85 : labour === 'ordinary' ? 0.72 : labour === 'weak' ? 0.25 : 0;
  if (!random.chance(rate)) return { status: 'not-employed' };
  return {
    status: 'employed',
    place: random.weighted([
      ['within-county', 40],
      ['outside-county-within-province', 25],
      ['outside-province', 35],
    ] as const),
    stability: random.chance(labour === 'weak' ? 0.5 : 0.78) ? 'stable' : 'unstable',
  };
}

/** The profile of a member: every field follows from age and the draws before it. */
export function profileFor(random: SeededRandom, sketch: MemberSketch): MemberProfile {
  const schooling = schoolingFor(random, sketch.age);
  const health = healthFor(random, sketch.age);
  const labourCapacity = labourFor(random, sketch.age, health, schooling);
  const employment = employmentFor(random, labourCapacity);
  // Migrant workers outside the province mostly live away (不常住); the head lives at home by definition of the register.
  const away = employment.status === 'employed' && employment.place === 'outside-province' ? 0.7 : 0.03;
  return {
    relationToHead: sketch.relationToHead,
    health,
    labourCapacity,
    employment,
    schooling,
    medicalInsuranceEnrolled: random.chance(0.985),
    livesInHousehold: sketch.relationToHead === 'head' || !random.chance(away),
  };
}

/**
 * The people of a household of `size`: a head (mostly a man of 40–70), often a spouse, then up to
 * `maxChildren` children, sometimes a parent of the head, a child's spouse and grandchildren, with
 * ages that fit the relations.
 */
export function sketchHousehold(random: SeededRandom, size: number, maxChildren = 3): MemberSketch[] {
  const headAge = clamp(Math.round(size === 1 ? 63 + 12 * random.normal() : 52 + 12 * random.normal()), 22, 92);
  const headSex = random.chance(0.86) ? 'male' : 'female';
  const other = headSex === 'male' ? 'female' : 'male';
  const people: MemberSketch[] = [{ relationToHead: 'head', sex: headSex, age: headAge }];
  const room = () => people.length < size;
  if (room() && random.chance(headAge < 78 ? 0.88 : 0.6))
    people.push({
      relationToHead: 'spouse',
      sex: other,
      age: clamp(headAge + Math.round(3 * random.normal()) - (headSex === 'male' ? 2 : -2), 20, 95),
    });
  if (room() && headAge < 52 && random.chance(0.3))
    people.push({
      relationToHead: 'parent',
      sex: random.chance(0.6) ? 'female' : 'male',
      age: clamp(headAge + random.int(22, 32), 45, 99),
    });
  const firstChildGap = random.int(21, 30);
  let eldest: MemberSketch | undefined;
  while (room() && headAge - firstChildGap - 2 * (people.length - 1) >= 0) {
    const age = headAge - firstChildGap - random.int(0, 3) * people.filter((p) => p.relationToHead === 'child').length;
    if (age < 0) break;
    const child: MemberSketch = { relationToHead: 'child', sex: random.chance(0.52) ? 'male' : 'female', age };
    people.push(child);
    eldest ??= child;
    if (eldest.age >= 24 && room() && random.chance(0.5)) break;
    if (people.filter((p) => p.relationToHead === 'child').length >= maxChildren) break;
  }
  if (eldest !== undefined && eldest.age >= 24 && room()) {
    people.push({
      relationToHead: 'child-in-law',
      sex: eldest.sex === 'male' ? 'female' : 'male',
      age: clamp(eldest.age + random.int(-3, 3), 20, 80),
    });
    while (room() && eldest.age - 20 >= 0) {
      people.push({
        relationToHead: 'grandchild',
        sex: random.chance(0.52) ? 'male' : 'female',
        age: Math.max(0, eldest.age - random.int(20, 32)),
      });
    }
  }
  while (room())
    people.push({
      relationToHead: random.chance(0.5) ? 'other-relative' : 'sibling',
      sex: random.chance(0.5) ? 'male' : 'female',
      age: clamp(headAge + Math.round(8 * random.normal()), 16, 95),
    });
  return people;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
