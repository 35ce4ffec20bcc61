import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootSpecApp, getJson, post, type SpecApp } from '../testing/runtime-spec.harness';

describe('error responses', () => {
  let spec: SpecApp;
  beforeAll(async () => {
    spec = await bootSpecApp();
  });
  afterAll(() => spec.dispose());

  it('400 validation.failed names each field at fault and the rule it broke', async () => {
    const res = await post(`${spec.url}/test/items/v1`, { title: '', count: 'three', division: { code: '51' } });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'validation.failed', message: expect.stringContaining(' / ') });
    expect(res.body['errors']).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'title', code: 'is-length' }),
        expect.objectContaining({ field: 'count', code: 'is-int' }),
        expect.objectContaining({ field: 'division.code', code: 'is-length' }),
      ]),
    );
    // class-validator's own English comes second, after the Chinese for its rule.
    const messages = (res.body['errors'] as { field: string; code: string; message: string }[])
      .filter((e) => e.field === 'count')
      .map((e) => [e.code, e.message]);
    expect(messages).toContainEqual(['is-int', '须为整数 / count must be an integer number']);
  });

  it('400 with `field` for a single fault, and unknown properties are refused, not dropped', async () => {
    const res = await post(`${spec.url}/test/items/v2`, { title: 'ok', count: 1, colour: 'red' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'validation.failed',
      field: 'colour',
      errors: [
        { field: 'colour', code: 'property.unknown', message: '不允许的字段 / property colour should not exist' },
      ],
    });
  });

  it('valid input reaches the handler as a DTO instance', async () => {
    const res = await post(`${spec.url}/test/items/v3`, { title: 'ok', count: 4 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ isDto: true, countType: 'number' });
  });

  it('400 request.malformed-json for a body that is not JSON, with a correlation id and a log line', async () => {
    const res = await post(`${spec.url}/test/items/j1`, '{"title": "x", ');
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      code: 'request.malformed-json',
      message: '请求体不是有效的 JSON / request body is not valid JSON',
    });
    const correlationId = res.headers.get('x-correlation-id');
    expect(spec.logs().find((l) => l['correlationId'] === correlationId)).toMatchObject({ res: { statusCode: 400 } });
  });

  it('413 request.too-large for a body over the limit', async () => {
    const res = await post(`${spec.url}/test/items/big`, { title: 'x'.repeat(2 * 1024 * 1024), count: 1 });
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'request.too-large' });
  });

  it('400 with the event store code and field for an invalid append', async () => {
    const res = await post(`${spec.url}/test/streams/i1/invalid`, {});
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      code: 'event.id.invalid',
      field: 'events[0].id',
      message: expect.stringContaining(' / '),
    });
  });

  it('409 concurrency.conflict with the current revision on a wrong expected revision', async () => {
    const res = await post(`${spec.url}/test/streams/c1/conflict`, {});
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ code: 'concurrency.conflict', currentRevision: 1 });
  });

  it('404 not-found from a handler and for an unknown route', async () => {
    const thrown = await getJson(`${spec.url}/test/missing`);
    expect(thrown.status).toBe(404);
    expect(thrown.body).toEqual({ code: 'not-found', message: '未找到测试项 / test item not found' });
    const unrouted = await getJson(`${spec.url}/no/such/route`);
    expect(unrouted.status).toBe(404);
    expect(unrouted.body).toMatchObject({ code: 'not-found' });
  });

  it('500 internal hides the error from the caller and logs it with its stack, never the body', async () => {
    const res = await post(`${spec.url}/test/boom`, { residentIdNumber: 'BODY-MUST-NOT-BE-LOGGED' });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ code: 'internal', message: '服务器内部错误 / internal server error' });
    const correlationId = res.headers.get('x-correlation-id');
    const line = spec.logs().find((l) => l['correlationId'] === correlationId) as {
      level: string;
      err: { message: string; stack: string };
    };
    expect(line.level).toBe('error');
    expect(line.err.message).toBe('kaboom: an unexpected bug');
    expect(line.err.stack).toContain('ProbeController.boom');
    expect(spec.lines.join('\n')).not.toContain('BODY-MUST-NOT-BE-LOGGED');
  });
});
