import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { ApiError } from '../errors/api-error';
import { probeReadModel } from '../openapi/openapi-probe.fixture';
import { bootSpecApp, getJson, type SpecApp } from '../testing/runtime-spec.harness';
import { waitForMinPosition, type CatchingUpReadModel } from './min-position';
import { OpenApiProbeModule } from '../openapi/openapi-probe.fixture';

/** A read model at `checkpoint` that will reach `reaches` (and never further). */
function readModel(checkpoint: number, reaches: number): CatchingUpReadModel & { waits: number[] } {
  const waits: number[] = [];
  return {
    checkpoint,
    waits,
    waitUntilCaughtUp(position, { signal }) {
      waits.push(position);
      if (position <= reaches) return Promise.resolve();
      return new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted'))));
    },
  };
}
const head = (position: number) => () => Promise.resolve(position);

async function refusal(work: Promise<void>): Promise<ApiError> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof ApiError)) throw new Error(`expected an ApiError, got ${String(error)}`);
  return error;
}

describe('waitForMinPosition (read-your-writes)', () => {
  it('does not wait without the header, nor for a position the read model already holds', async () => {
    const model = readModel(7, 7);
    await waitForMinPosition(model, head(9), undefined);
    await waitForMinPosition(model, head(9), '7');
    expect(model.waits).toEqual([]);
  });

  it('waits for a position between its checkpoint and the store head, and returns once it is held', async () => {
    const model = readModel(3, 8);
    await waitForMinPosition(model, head(9), '8');
    expect(model.waits).toEqual([8]);
  });

  it.each(['', '-1', '1.5', 'abc', '1234567890123456', ' 7'])(
    'refuses %j with 400 min-position.invalid',
    async (value) => {
      const error = await refusal(waitForMinPosition(readModel(0, 0), head(0), value));
      expect(error.status).toBe(400);
      expect(error.body).toMatchObject({ code: 'min-position.invalid', field: 'X-Min-Position' });
    },
  );

  it('answers 409 min-position.ahead-of-store for a position no write has reached, without waiting', async () => {
    const model = readModel(3, 1_000);
    const error = await refusal(waitForMinPosition(model, head(9), '10'));
    expect(error.status).toBe(409);
    expect(error.body).toMatchObject({ code: 'min-position.ahead-of-store', headPosition: 9 });
    expect(model.waits).toEqual([]);
  });

  it('answers 503 read-model.behind with its checkpoint when the read model does not get there in time', async () => {
    const error = await refusal(waitForMinPosition(readModel(3, 5), head(9), '8', 20));
    expect(error.status).toBe(503);
    expect(error.body).toMatchObject({ code: 'read-model.behind', checkpoint: 3 });
  });
});

describe('@ReadsYourWrites on a route', () => {
  let spec: SpecApp;
  beforeAll(async () => {
    spec = await bootSpecApp(OpenApiProbeModule);
  });
  afterAll(() => spec.dispose());
  beforeEach(() => {
    probeReadModel.checkpoint = 0;
    probeReadModel.caughtUpTo = 0;
  });

  it('reads once the read model holds the position, and refuses a malformed header with 400', async () => {
    expect(await getJson(`${spec.url}/probe/2024`, { 'x-min-position': '0' })).toMatchObject({ status: 200 });
    expect(await getJson(`${spec.url}/probe/2024`, { 'x-min-position': 'soon' })).toMatchObject({
      status: 400,
      body: { code: 'min-position.invalid', field: 'X-Min-Position' },
    });
  });

  it('answers 409 for a position past the event store head', async () => {
    expect(await getJson(`${spec.url}/probe/2024`, { 'x-min-position': '999999' })).toMatchObject({
      status: 409,
      body: { code: 'min-position.ahead-of-store' },
    });
  });
});
