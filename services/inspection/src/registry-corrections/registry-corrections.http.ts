import { CORRELATION_ID_HEADER } from '@relapse-watch/service-runtime';
import type { CorrectionAnswer } from '../domain/household-inspection/household-inspection.events';
import type { CorrectionKind, FieldCorrection, RegistryCorrections } from '../application/field-corrections';

/** The registry's route of each correction (all `PUT` on the household: the registry's own commands). */
const ROUTE: Readonly<Record<CorrectionKind, (householdId: string, memberId: string) => string>> = {
  'three-plus-one': (h) => `/api/registry/households/${h}/three-plus-one`,
  flags: (h) => `/api/registry/households/${h}/flags`,
  status: (h) => `/api/registry/households/${h}/status`,
  member: (h, m) => `/api/registry/households/${h}/members/${encodeURIComponent(m)}`,
};

/**
 * The registry's HTTP API as the inspection's {@link RegistryCorrections}: each correction the
 * registry's own command with the official's token, the correlation id, the inspection event as
 * `X-Causation-Id` and an idempotency key. `baseUrl` is `REGISTRY_URL` in distributed mode and
 * the process's own address in embedded mode (known once it listens).
 */
export class HttpRegistryCorrections implements RegistryCorrections {
  constructor(private readonly baseUrl: () => string) {}

  async send(
    householdId: string,
    correction: FieldCorrection,
    request: { bearerToken: string; correlationId: string; causationId: string; idempotencyKey: string },
  ): Promise<CorrectionAnswer> {
    const path = ROUTE[correction.kind](encodeURIComponent(householdId), correction.memberId ?? '');
    const res = await fetch(`${this.baseUrl().replace(/\/$/, '')}${path}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${request.bearerToken}`,
        [CORRELATION_ID_HEADER]: request.correlationId,
        'x-causation-id': request.causationId,
        'idempotency-key': request.idempotencyKey,
      },
      body: JSON.stringify(correction.body),
      signal: AbortSignal.timeout(10_000),
    });
    // A failing registry is no answer: nothing is recorded, and the official may send the visit again.
    if (res.status >= 500) throw new Error(`registry answered ${res.status}`);
    const body = (await res.json().catch(() => ({}))) as { position?: unknown; code?: unknown };
    if (res.ok) return { outcome: 'accepted', position: typeof body.position === 'number' ? body.position : null };
    return {
      outcome: 'refused',
      status: res.status,
      code: typeof body.code === 'string' ? body.code : 'registry.refused',
    };
  }
}
