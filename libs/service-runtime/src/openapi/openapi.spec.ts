import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bootSpecApp, getJson, post, type SpecApp } from '../testing/runtime-spec.harness';
import { OpenApiProbeModule } from './openapi-probe.fixture';

type Json = Record<string, unknown>;

let spec: SpecApp;
let document: Json;
beforeAll(async () => {
  spec = await bootSpecApp(OpenApiProbeModule);
  document = (await getJson(`${spec.url}/docs/openapi.json`)).body;
});
afterAll(() => spec.dispose());

const schemas = () => (document['components'] as { schemas: Record<string, Json> }).schemas;
const operation = (path: string, method: string) =>
  (document['paths'] as Record<string, Record<string, Json>>)[path][method];
const valid = { code: '510000', title: 'ok', count: 1, codes: ['51'], kind: { kind: 'plain' } };

/** Any method, TRACE included (fetch refuses to send it). */
function send(method: string, path: string): Promise<{ status: number; allow?: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(`${spec.url}${path}`, { method }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, allow: res.headers.allow, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the OpenAPI document states what validation enforces', () => {
  it('patterns (ASCII digits), lengths, integer types, bounds, item rules and optionality come from the DTO rules', () => {
    const body = schemas()['ProbeBodyDto'];
    expect(body['properties']).toMatchObject({
      code: { type: 'string', pattern: '^[0-9]{6}$' },
      title: { type: 'string', minLength: 1, maxLength: 20 },
      count: { type: 'integer', minimum: 0 },
      codes: { type: 'array', minItems: 1, items: { pattern: '^[0-9]{2}$' } },
      note: { type: 'string', minLength: 1, maxLength: 5 },
    });
    expect(body['required']).toEqual(expect.arrayContaining(['code', 'title', 'count', 'codes', 'kind']));
    expect(body['required']).not.toContain('note');
    expect(body['additionalProperties']).toBe(false);
  });

  it('a conditional requirement becomes an anyOf: the discriminator is another value, or the property is there', () => {
    expect(schemas()['ProbeKindDto']['allOf']).toEqual([
      { anyOf: [{ properties: { kind: { not: { enum: ['graded'] } } } }, { required: ['grade'] }] },
    ]);
  });

  it('path parameters carry their type and bounds; every error response has the error body', () => {
    const create = operation('/probe/{year}', 'post');
    expect(create['parameters']).toEqual([
      expect.objectContaining({
        name: 'year',
        in: 'path',
        schema: expect.objectContaining({ type: 'integer', minimum: 2000, maximum: 2100 }),
      }),
    ]);
    const responses = create['responses'] as Record<string, Json>;
    expect(Object.keys(responses).sort()).toEqual(['201', '400', '413']);
    expect(responses['400']).toMatchObject({
      content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiErrorBody' } } },
    });
    expect(schemas()['ApiErrorBody']).toMatchObject({ required: ['code', 'message'] });
  });

  it('a read-your-writes route documents X-Min-Position with its pattern, and its 409 and 503', () => {
    const read = operation('/probe/{year}', 'get');
    expect(read['parameters']).toContainEqual(
      expect.objectContaining({
        name: 'X-Min-Position',
        in: 'header',
        required: false,
        schema: { type: 'string', pattern: '^[0-9]{1,15}$' },
      }),
    );
    expect(Object.keys(read['responses'] as Json).sort()).toEqual(['200', '400', '409', '503']);
  });
});

describe('the server agrees with the document', () => {
  it('accepts a valid body, with the path year as a number', async () => {
    const res = await post(`${spec.url}/probe/2024`, valid);
    expect(res).toMatchObject({ status: 201, body: { year: 2024, yearType: 'number', kind: 'plain' } });
  });

  it.each([
    ['a missing nested object', { ...valid, kind: undefined }, 'kind'],
    ['null for an optional property', { ...valid, note: null }, 'note'],
    ['a missing conditional property', { ...valid, kind: { kind: 'graded' } }, 'kind.grade'],
    ['a present conditional property breaking its rule', { ...valid, kind: { kind: 'plain', grade: 9 } }, 'kind.grade'],
    ['non-ASCII digits', { ...valid, code: '٥١٠٠٠٠' }, 'code'],
    ['an item breaking its pattern', { ...valid, codes: ['5'] }, 'codes'],
    ['an unlisted property', { ...valid, colour: 'red' }, 'colour'],
  ])('refuses %s with 400 naming the field', async (_case, body, field) => {
    const res = await post(`${spec.url}/probe/2024`, body);
    expect(res.status).toBe(400);
    expect(res.body['errors']).toContainEqual(expect.objectContaining({ field }));
  });

  it.each(['2024.0', '1e3', '1999', '2101', 'abc'])('refuses the path year %j with 400 naming it', async (year) => {
    const res = await post(`${spec.url}/probe/${year}`, valid);
    expect(res).toMatchObject({ status: 400, body: { code: 'validation.failed' } });
    expect(res.body['errors']).toContainEqual(expect.objectContaining({ field: 'year' }));
  });
});

describe('405 for a method a documented path does not list', () => {
  it.each(['TRACE', 'PATCH', 'DELETE', 'PUT'])('%s answers 405 with Allow and the error body', async (method) => {
    const res = await send(method, '/probe/2024');
    expect(res.status).toBe(405);
    expect(res.allow).toBe('GET, HEAD, POST, OPTIONS');
    expect(JSON.parse(res.body)).toMatchObject({
      code: 'request.method-not-allowed',
      message: expect.stringContaining(' / '),
    });
  });

  it('OPTIONS answers 204 with Allow; HEAD is allowed where GET is; an unknown path stays 404', async () => {
    expect(await send('OPTIONS', '/probe/2024')).toMatchObject({ status: 204, allow: 'GET, HEAD, POST, OPTIONS' });
    expect((await send('HEAD', '/probe/2024')).status).toBe(200);
    expect(await send('TRACE', '/no/such/route')).toMatchObject({ status: 404, allow: undefined });
  });

  it('the runtime routes answer their undeclared methods with 405 too', async () => {
    expect(await send('DELETE', '/health/live')).toMatchObject({ status: 405, allow: 'GET, HEAD, OPTIONS' });
  });
});
