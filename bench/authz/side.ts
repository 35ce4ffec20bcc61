// One side of bench/authz, in a process of its own (run by main.mjs under @swc-node/register):
// the embedded app on a fresh data folder with households seeded, serving until SIGTERM while
// main.mjs times PUT income on it. `guarded`: the app as shipped, a county official's token verified by the access
// guard and the division checked by the registry. `bypassed`: the same app with the global
// access guard swapped, in this composition only, for one that lets every request through as the
// administrator (everywhere, so the division check passes at once) — no switch in production code.
// `checked`: the guard swapped the same way but the request runs as the county official, so the
// division check is real and only the token's verification is left out.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CanActivate, ExecutionContext } from '@nestjs/common';
import type { ApplicationConfig } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { Principal } from '@relapse-watch/access';
import { residentIdCheckCharacter } from '@relapse-watch/domain-kernel';
import { EmbeddedModule, embeddedIdentity } from '@relapse-watch/embedded';
import {
  ACCESS_TOKEN_KEYS,
  AccessGuard,
  AccessTokenSigner,
  createServiceApp,
  loadRuntimeConfig,
  type AccessTokenKeys,
} from '@relapse-watch/service-runtime';

const side = process.argv[2] as 'guarded' | 'checked' | 'bypassed';
const households = Number(process.argv[3]);
const PINGCHANG = '511923000000';
const VILLAGES = ['511923002201', '511923002202'];

const county: Principal = {
  kind: 'user',
  id: 'bench-county',
  role: 'county-official',
  unitCode: PINGCHANG,
  villageCodes: [],
};
const administrator: Principal = {
  kind: 'user',
  id: 'bench-admin',
  role: 'administrator',
  unitCode: '510000000000',
  villageCodes: [],
};

const HEAD_PROFILE = {
  relationToHead: 'head',
  health: { kind: 'healthy' },
  labourCapacity: 'ordinary',
  employment: { status: 'employed', place: 'within-county', stability: 'stable' },
  schooling: 'not-in-school',
  medicalInsuranceEnrolled: true,
  livesInHousehold: true,
};

/** A well-formed resident ID of 平昌县, one birth day per household. */
function residentId(i: number): string {
  const born = new Date(Date.UTC(1960, 0, 1) + i * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '');
  const body = `511923${born}011`;
  return `${body}${residentIdCheckCharacter(body)}`;
}

/** The bypass: every request passes as `principal`, its token unread. */
class PassThroughGuard implements CanActivate {
  constructor(private readonly principal: Principal) {}
  canActivate(context: ExecutionContext): boolean {
    context.switchToHttp().getRequest<{ principal?: Principal }>().principal = this.principal;
    return true;
  }
}

function bypassAccessGuard(app: NestExpressApplication, principal: Principal): void {
  // Nest keeps APP_GUARD instances in the application config from create() on; routes read them at init.
  const guards = (app as unknown as { config: ApplicationConfig }).config.getGlobalGuards();
  const at = guards.findIndex((guard) => guard instanceof AccessGuard);
  if (at < 0) throw new Error('no AccessGuard among the global guards');
  guards.splice(at, 1, new PassThroughGuard(principal));
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), `rw-bench-authz-${side}-`));
  try {
    const config = loadRuntimeConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
    const app = await createServiceApp(EmbeddedModule.forRoot({ demo: 'none' }), {
      config,
      identity: embeddedIdentity(),
    });
    // checked: no token verified, but the county official's division check runs; bypassed: neither.
    if (side !== 'guarded') bypassAccessGuard(app, side === 'checked' ? county : administrator);
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const keys = app.get<AccessTokenKeys>(ACCESS_TOKEN_KEYS);
    const signer = new AccessTokenSigner(keys.signing!, 3600);
    const token = (await signer.sign(county, new Date())).token;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };

    const ids: string[] = [];
    for (let i = 0; i < households; i++) {
      const res = await fetch(`${url}/api/registry/households`, {
        method: 'POST',
        headers,
        body: JSON.stringify({
          villageCode: VILLAGES[i % VILLAGES.length],
          householdNumber: `bench-${i}`,
          status: { kind: 'ordinary' },
        }),
      });
      if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
      const id = ((await res.json()) as { id: string }).id;
      const head = await fetch(`${url}/api/registry/households/${id}/members`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ personal: { name: '王基准', residentId: residentId(i) }, profile: HEAD_PROFILE }),
      });
      if (head.status !== 201) throw new Error(`add head: ${head.status} ${await head.text()}`);
      ids.push(id);
    }
    // Ready: the driver (main.mjs) times the requests, interleaved across the sides.
    process.stdout.write(`${JSON.stringify({ side, url, token, householdIds: ids })}\n`);
    await new Promise<void>((resolve) => process.once('SIGTERM', () => resolve()));
    await app.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
