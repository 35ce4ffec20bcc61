import { randomUUID } from 'node:crypto';
import { ROLE_LABELS } from '@relapse-watch/access';
import type { IdentityCommands, NewUser } from '../application/identity-commands';
import { DEMO_SEED_ACTOR } from '../application/identity-context';

const REASON = '演示用户（空库首次启动）/ demo user (first start on an empty store)';

/**
 * One demo user per role, around the demo county Pingchang (平昌县, 511923, Bazhong 巴中市,
 * Sichuan) that the registry seeds: the township is 响滩镇 and the inspector covers three of its
 * villages, so every role sees a different slice of the same households.
 */
export const DEMO_USERS: readonly NewUser[] = [
  {
    signInName: 'province.demo',
    role: 'province-official',
    unitCode: '510000000000',
    villageCodes: [],
    reason: REASON,
  },
  { signInName: 'city.demo', role: 'city-official', unitCode: '511900000000', villageCodes: [], reason: REASON },
  { signInName: 'county.demo', role: 'county-official', unitCode: '511923000000', villageCodes: [], reason: REASON },
  {
    signInName: 'township.demo',
    role: 'township-official',
    unitCode: '511923101000',
    villageCodes: [],
    reason: REASON,
  },
  {
    signInName: 'inspector.demo',
    role: 'village-inspector',
    unitCode: '511923101000',
    villageCodes: ['511923101201', '511923101202', '511923101203'],
    reason: REASON,
  },
  { signInName: 'auditor.demo', role: 'auditor', unitCode: '510000000000', villageCodes: [], reason: REASON },
  { signInName: 'admin.demo', role: 'administrator', unitCode: '510000000000', villageCodes: [], reason: REASON },
];

/** A seeded demo user and their one-time password. */
export interface SeededDemoUser {
  readonly user: NewUser;
  readonly oneTimePassword: string;
}

/**
 * Adds the demo users when the event store was empty at start (a new embedded installation:
 * the runtime's `STORE_EMPTY_AT_START`, so the registry's demo county writing first changes
 * nothing), else nothing: a store with data in it gets its users from an administrator
 * (`relapse-watch users add`).
 * @returns the users and their one-time passwords, or null when the store was not empty.
 */
export async function seedDemoUsers(
  storeEmptyAtStart: boolean,
  commands: IdentityCommands,
  now: Date,
): Promise<SeededDemoUser[] | null> {
  if (!storeEmptyAtStart) return null;
  const correlationId = randomUUID();
  const seeded: SeededDemoUser[] = [];
  for (const user of DEMO_USERS) {
    const { oneTimePassword } = await commands.addUser(user, { actor: DEMO_SEED_ACTOR, correlationId, now });
    seeded.push({ user, oneTimePassword });
  }
  return seeded;
}

/**
 * The lines printed once at start, on the terminal and not into the log: a password in a log
 * outlives its use. Chinese first, then English, one user per line.
 */
export function demoUsersBanner(seeded: readonly SeededDemoUser[], url?: string): string {
  const width = Math.max(...seeded.map((s) => s.user.signInName.length));
  return [
    '',
    '演示用户（一次性密码仅显示这一次，首次登录须修改） / demo users (one-time passwords, shown only now, to be changed at first sign-in):',
    ...seeded.map(
      ({ user, oneTimePassword }) =>
        `  ${user.signInName.padEnd(width)}  ${oneTimePassword}  ${user.unitCode}  ${ROLE_LABELS[user.role]}`,
    ),
    `登录 / sign in: POST ${url ?? ''}/api/auth/sign-in；修改密码 / change the password: POST ${url ?? ''}/api/auth/password`,
    '',
  ].join('\n');
}
