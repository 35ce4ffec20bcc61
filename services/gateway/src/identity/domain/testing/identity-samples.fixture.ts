import type { AddUser } from '../user/user.commands';
import type { UserAdded } from '../user/user.events';

/** Made-up argon2id hashes: deciders check the shape, never the password behind it. */
export const HASH_A = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0$aGFzaGhhc2hoYXNoaGFzaA';
export const HASH_B = '$argon2id$v=19$m=19456,t=2,p=1$b3RoZXJzYWx0$b3RoZXJoYXNob3RoZXJoYXNo';

/** A village inspector of 坪河镇 (a township of Pingchang, 511923) covering two of its villages. */
export const addInspector: AddUser = {
  type: 'AddUser',
  data: {
    userId: 'u-inspector-1',
    signInName: 'inspector.pinghe',
    role: 'village-inspector',
    unitCode: '511923105000',
    villageCodes: ['511923105201', '511923105200'],
    passwordHash: HASH_A,
    mustChangePassword: true,
    reason: '新任排查员 / new inspector',
  },
};

/** The event of {@link addInspector}: villages sorted. */
export const inspectorAdded: UserAdded = {
  type: 'UserAdded',
  data: { ...addInspector.data, villageCodes: ['511923105200', '511923105201'] },
};
