import { describe, it } from '@jest/globals';
import { deciderSpecification } from '@relapse-watch/event-store-testing';
import { HASH_A } from '../testing/identity-samples.fixture';
import { clientDecider } from './client.decider';
import type { AddClient } from './client.events';

const spec = deciderSpecification(clientDecider);
const add: AddClient = {
  type: 'AddClient',
  data: {
    clientId: 'civil-affairs',
    secretHash: HASH_A,
    scopes: ['registry.read', 'personal.read', 'registry.read'],
    unitCode: '510000000000',
    reason: '民政低保系统对接 / minimum-living-allowance system',
  },
};
const added = {
  type: 'ClientAdded' as const,
  data: { ...add.data, scopes: ['personal.read', 'registry.read'] as const },
};

describe('client system', () => {
  it('adds a client with its scopes deduplicated', () => {
    spec
      .given([])
      .when(add)
      .thenEmits([{ ...added, data: { ...added.data, scopes: [...added.data.scopes] } }]);
  });

  it('refuses a client id already in use, even with the same details (its secret was shown once)', () => {
    spec.given([added]).when(add).thenRejects({ code: 'client.already-exists', field: 'clientId' });
  });

  it('refuses an unknown scope, no scope, a bad id and a bad unit', () => {
    spec
      .given([])
      .when({ ...add, data: { ...add.data, scopes: ['registry.read', 'everything' as never] } })
      .thenRejects({ code: 'client.scopes-invalid', field: 'scopes' });
    spec
      .given([])
      .when({ ...add, data: { ...add.data, scopes: [] } })
      .thenRejects({ code: 'client.scopes-invalid', field: 'scopes' });
    spec
      .given([])
      .when({ ...add, data: { ...add.data, clientId: 'X' } })
      .thenRejects({ code: 'client.id-format', field: 'clientId' });
    spec
      .given([])
      .when({ ...add, data: { ...add.data, unitCode: '51' } })
      .thenRejects({ code: 'client.unit-code-format', field: 'unitCode' });
  });

  it('disables once; again is a no-op; an unknown client is refused', () => {
    const disable = { type: 'DisableClient' as const, data: { clientId: 'civil-affairs', reason: '停止对接 / ended' } };
    spec
      .given([added])
      .when(disable)
      .thenEmits([{ type: 'ClientDisabled', data: disable.data }]);
    spec
      .given([added, { type: 'ClientDisabled', data: disable.data }])
      .when(disable)
      .thenEmitsNothing();
    spec.given([]).when(disable).thenRejects({ code: 'client.not-found', field: 'clientId' });
  });
});
