// Spec-only support: one scripted registry scenario through the public HTTP API, and the read
// models it leaves, fetched back through the same API. Every id is given by the script, so two
// runs on empty systems must end in byte-identical read models whatever the adapters.
import { createHash } from 'node:crypto';
import { residentIdCheckCharacter } from '@relapse-watch/domain-kernel';
import { adminTestToken } from '@relapse-watch/testing';

const VILLAGES = ['511923101002', '511923101003', '511923101005'];
const AS_OF = '2024-08-20';

/** A person with a valid resident ID registered in Pingchang County (511923). */
function person(n: number, born: string, sex: 'male' | 'female') {
  const sequence = String(100 + n * 2 + (sex === 'male' ? 1 : 0)).padStart(3, '0');
  const first17 = `511923${born.replaceAll('-', '')}${sequence}`;
  return { name: `测试${n}号`, residentId: first17 + residentIdCheckCharacter(first17) };
}

const profile = (relationToHead: string) => ({
  relationToHead,
  health: { kind: 'healthy' },
  labourCapacity: 'ordinary',
  employment: { status: 'employed', place: 'within-county', stability: 'stable' },
  schooling: 'not-in-school',
  medicalInsuranceEnrolled: true,
  livesInHousehold: true,
});

/** The header of a request as the administrator (every permission, the whole tree), signed with the test key. */
export async function asAdministrator(): Promise<{ authorization: string }> {
  return { authorization: `Bearer ${await adminTestToken()}` };
}

/** Calls the API; a status other than `expect` fails the scenario with the body. */
async function call(base: string, method: string, path: string, body: unknown, expect: number) {
  const res = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(await asAdministrator()) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = (await res.json()) as { position?: number | null; id?: string };
  if (res.status !== expect)
    throw new Error(`${method} ${path}: ${res.status} (expected ${expect}) ${JSON.stringify(json)}`);
  return json;
}

/**
 * The scenario: a province's line and a key region, ten households with members, income, a
 * risk event, 3+1, flags and a status, a member corrected and one removed, and one refused
 * registration of a person already in another household. `run` goes into the household numbers
 * (so into the household ids), keeping one run's households apart from another's on a shared
 * broker. Returns the last event position.
 */
export async function runRegistryScenario(base: string, run = ''): Promise<number> {
  let last = 0;
  const note = (r: { position?: number | null }) => (last = Math.max(last, r.position ?? 0));
  note(
    await call(
      base,
      'PUT',
      '/api/registry/policies/51/2024/monitoring-threshold',
      { amountYuan: '7200', effectiveFrom: '2024-01-01', sourceDocument: '川乡振发〔2024〕1号' },
      200,
    ),
  );
  note(
    await call(
      base,
      'POST',
      '/api/registry/policies/51/2024/key-regions',
      {
        regionId: 'kr-pingchang',
        kind: 'priority-assistance-county',
        divisionCodes: ['511923000000'],
        reason: '国家乡村振兴重点帮扶县',
        effectiveFrom: '2024-01-01',
      },
      201,
    ),
  );
  const households: string[] = [];
  for (let i = 0; i < 10; i++) {
    const status = i % 2 === 0 ? { kind: 'poverty-alleviated', yearLeftPoverty: 2016 + (i % 5) } : { kind: 'ordinary' };
    const registered = await call(
      base,
      'POST',
      '/api/registry/households',
      { villageCode: VILLAGES[i % 3], householdNumber: `E2E${run}-${String(i).padStart(4, '0')}`, status },
      201,
    );
    const id = registered.id as string;
    households.push(id);
    note(
      await call(
        base,
        'POST',
        `/api/registry/households/${id}/members`,
        {
          memberId: `m-${i}-head`,
          personal: person(i * 2, '1970-03-0' + (1 + (i % 9)), 'male'),
          profile: profile('head'),
        },
        201,
      ),
    );
    if (i % 2 === 0)
      note(
        await call(
          base,
          'POST',
          `/api/registry/households/${id}/members`,
          {
            memberId: `m-${i}-spouse`,
            personal: person(i * 2 + 1, '1972-05-1' + (i % 9), 'female'),
            profile: profile('spouse'),
          },
          201,
        ),
      );
    const components = {
      wagesYuan: 3000 + i * 1000,
      grossBusinessYuan: '1200.50',
      propertyYuan: 0,
      transferYuan: 800,
      productionCostsYuan: '300',
    };
    note(
      await call(
        base,
        'PUT',
        `/api/registry/households/${id}/income`,
        { period: { kind: 'calendar-year', year: 2023 }, components },
        200,
      ),
    );
    note(
      await call(
        base,
        'PUT',
        `/api/registry/households/${id}/three-plus-one`,
        {
          foodAndClothingSecured: true,
          compulsoryEducationSecured: true,
          medicalInsuranceCovered: i !== 7,
          housingGrade: i === 3 ? 'C' : 'B',
          drinkingWaterSafe: true,
        },
        200,
      ),
    );
    if (i % 3 === 0)
      note(
        await call(
          base,
          'POST',
          `/api/registry/households/${id}/risk-events`,
          { riskEventId: `risk-${i}`, kind: 'illness', occurredOn: '2024-03-15', lossYuan: '18000' },
          201,
        ),
      );
    if (i % 4 === 0)
      note(
        await call(
          base,
          'PUT',
          `/api/registry/households/${id}/flags`,
          { relocatedToResettlementSite: true, urbanHukou: false },
          200,
        ),
      );
  }
  note(
    await call(
      base,
      'PUT',
      `/api/registry/households/${households[5]}/status`,
      { status: { kind: 'poverty-alleviated', yearLeftPoverty: 2020 } },
      200,
    ),
  );
  note(
    await call(
      base,
      'PUT',
      `/api/registry/households/${households[2]}/members/m-2-spouse`,
      { personal: { ...person(5, '1972-05-12', 'female'), name: '更正姓名' }, profile: profile('spouse') },
      200,
    ),
  );
  note(
    await call(
      base,
      'DELETE',
      `/api/registry/households/${households[4]}/members/m-4-spouse?reason=married-out`,
      undefined,
      200,
    ),
  );
  // The head of household 1 cannot also join household 3.
  await call(
    base,
    'POST',
    `/api/registry/households/${households[3]}/members`,
    { memberId: 'm-dup', personal: person(2, '1970-03-02', 'male'), profile: profile('other') },
    422,
  );
  return last;
}

/** The registry's read models as the API returns them once caught up with `position`, and their SHA-256. */
export async function registryReadModels(
  base: string,
  position: number,
): Promise<{ hash: string; households: unknown[]; policy: unknown }> {
  const headers = { 'x-min-position': String(position), ...(await asAdministrator()) };
  const households: unknown[] = [];
  for (let offset = 0; ; offset += 100) {
    const res = await fetch(`${base}/api/registry/households?divisionCode=510000000000&limit=100&offset=${offset}`, {
      headers,
    });
    if (res.status !== 200) throw new Error(`list: ${res.status} ${await res.text()}`);
    const page = (await res.json()) as { items: unknown[] };
    households.push(...page.items);
    if (page.items.length < 100) break;
  }
  const policy = await (
    await fetch(`${base}/api/registry/policies/51/2024?on=${AS_OF}`, { headers: await asAdministrator() })
  ).json();
  const hash = createHash('sha256').update(canonicalJson({ households, policy })).digest('hex');
  return { hash, households, policy };
}

/** JSON with object keys sorted: stores may keep a document's keys in another order, which is not a difference. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}
