import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { demoBundle } from '#src/bundles/demo/index.ts';
import { writeCheckpointIfChanged } from '#src/ledger/checkpoint.ts';
import { createTestApp, DEMO_GSS, type TestApp } from '../support/app.ts';
import { recordsInBundle } from '../support/fixtures.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const demo = demoBundle();

async function getJson(url: string): Promise<unknown> {
  const response = await t.app.inject({ method: 'GET', url });
  assert.equal(response.statusCode, 200, `GET ${url} answered ${response.statusCode}`);
  assert.match(String(response.headers['content-type']), /^application\/json/);
  return response.json();
}

describe('the councils API', () => {
  test('lists every council without sign-in', async () => {
    assert.deepEqual(await getJson('/api/v1/councils'), {
      councils: [
        { gssCode: DEMO_GSS, name: 'Rotherham Metropolitan Borough Council', shortName: 'Rotherham' },
      ],
    });
  });

  test('gives a council with every person in a public role, and nothing about accounts', async () => {
    const response = await t.app.inject({ method: 'GET', url: `/api/v1/councils/${DEMO_GSS}` });
    const body = (await getJson(`/api/v1/councils/${DEMO_GSS}`)) as {
      gssCode: string;
      name: string;
      people: { name: string; kind: string; publicRole: string; party: string | null }[];
    };
    assert.equal(body.gssCode, DEMO_GSS);
    assert.equal(body.name, 'Rotherham Metropolitan Borough Council');
    assert.equal(body.people.length, demo.people.length);
    assert.deepEqual(
      body.people.find((p) => p.name === 'Sir Derek Myers'),
      {
        name: 'Sir Derek Myers',
        kind: 'commissioner',
        publicRole: 'Lead Commissioner',
        party: null,
        fromDate: null,
        toDate: null,
        source: 'Seed 001: Lead Commissioner’s report, 27 November 2015',
      },
    );
    for (const person of body.people)
      assert.deepEqual(Object.keys(person).sort(), [
        'fromDate',
        'kind',
        'name',
        'party',
        'publicRole',
        'source',
        'toDate',
      ]);
    assert.doesNotMatch(response.body, /@demo\.freshstart\.test|argon2|passwordHash|"id"/);
  });
});

describe('the ledger head API', () => {
  test('gives the count of entries and the root hash, with no checkpoint before one is written', async () => {
    const head = (await getJson('/api/v1/ledger/head')) as {
      count: number;
      rootHash: string;
      checkpoint: unknown;
    };
    assert.equal(head.count, recordsInBundle(demo), 'one entry per imported record');
    assert.match(head.rootHash, /^[0-9a-f]{64}$/);
    assert.equal(head.checkpoint, null);
  });

  test('gives the latest signed checkpoint once one is written', async () => {
    const written = await writeCheckpointIfChanged(t.database.db, {
      keyFile: t.app.config.ledgerKeyFile,
      checkpointFile: t.app.config.checkpointFile,
    });
    assert.ok(written);
    const head = (await getJson('/api/v1/ledger/head')) as {
      count: number;
      rootHash: string;
      checkpoint: { count: number; rootHash: string; at: string; signature: string };
    };
    assert.deepEqual(head.checkpoint, {
      count: written.count,
      rootHash: written.rootHash,
      at: written.at,
      signature: written.signature,
    });
    assert.equal(head.checkpoint.count, head.count);
    assert.equal(head.checkpoint.rootHash, head.rootHash);
  });
});

describe('the OpenAPI document', () => {
  type Operation = {
    summary?: string;
    parameters?: { in: string; name: string; required?: boolean }[];
    responses?: Record<string, unknown>;
  };
  type Document = {
    openapi: string;
    info: { title: string; version: string };
    paths: Record<string, Record<string, Operation>>;
  };

  test('is an OpenAPI 3 document listing every API path, each operation with its responses and path parameters', async () => {
    const doc = (await getJson('/api/v1/openapi.json')) as Document;
    assert.match(doc.openapi, /^3\.\d+\.\d+$/);
    assert.equal(doc.info.title, 'Fresh Start API');
    assert.ok(doc.info.version);
    assert.deepEqual(Object.keys(doc.paths).sort(), [
      '/api/v1/councils',
      '/api/v1/councils/{gss}',
      '/api/v1/councils/{gss}/decisions',
      '/api/v1/councils/{gss}/directions',
      '/api/v1/councils/{gss}/indicators',
      '/api/v1/councils/{gss}/licensing/compliance',
      '/api/v1/councils/{gss}/licensing/register',
      '/api/v1/councils/{gss}/licensing/reviews/summary',
      '/api/v1/councils/{gss}/plans',
      '/api/v1/councils/{gss}/plans/{planId}/projects',
      '/api/v1/councils/{gss}/plans/{planId}/summary',
      '/api/v1/councils/{gss}/powers',
      '/api/v1/councils/{gss}/powers/{code}/history',
      '/api/v1/councils/{gss}/readiness',
      '/api/v1/councils/{gss}/recycled-items',
      '/api/v1/councils/{gss}/restorations',
      '/api/v1/ledger/head',
    ]);
    for (const [path, operations] of Object.entries(doc.paths)) {
      const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const [method, operation] of Object.entries(operations)) {
        assert.ok(['get', 'post', 'put', 'patch', 'delete'].includes(method), `${path} ${method}`);
        assert.ok(operation.summary, `${method} ${path} has a summary`);
        assert.ok(operation.responses?.['200'], `${method} ${path} describes its 200 response`);
        const declared = (operation.parameters ?? []).filter((p) => p.in === 'path');
        assert.deepEqual(
          declared.map((p) => p.name),
          templated,
          `${method} ${path} declares its path parameters`,
        );
        for (const p of declared) assert.equal(p.required, true);
      }
    }
  });

  test('describes the GSS code parameter with the same pattern the API enforces', async () => {
    const doc = (await getJson('/api/v1/openapi.json')) as {
      paths: Record<string, { get: { parameters: { name: string; schema: { pattern: string } }[] } }>;
    };
    const gss = doc.paths['/api/v1/councils/{gss}']?.get.parameters.find((p) => p.name === 'gss');
    assert.ok(gss);
    const pattern = new RegExp(gss.schema.pattern);
    assert.ok(pattern.test(DEMO_GSS));
    assert.ok(!pattern.test('notacode'));
  });
});
