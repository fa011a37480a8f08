import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import type { LightMyRequestResponse } from 'fastify';
import { BODY_LIMIT } from '#src/app.ts';
import { createTestApp, DEMO_PASSWORD, SESSION_COOKIE, type TestApp } from '../support/app.ts';

const SECRET = 'connection to db-primary.internal refused for user freshstart_admin';

let t: TestApp;
before(async () => {
  t = await createTestApp();
  // Routes that fail as a bug would, added before the app is ready.
  t.app.get('/test/fails', async () => {
    throw new Error(SECRET);
  });
  t.app.get('/api/v1/test/fails', async () => {
    throw new TypeError(SECRET);
  });
});
after(() => t.close());

function errorPage(response: LightMyRequestResponse) {
  assert.match(String(response.headers['content-type']), /^text\/html; charset=utf-8/);
  const $ = cheerio.load(response.body);
  assert.ok($('html.govuk-template').length, 'a GOV.UK page');
  return {
    title: $('title').text().trim(),
    h1: $('h1').text().trim(),
    message: $('[data-testid="error-message"]').text().trim(),
  };
}

function problem(response: LightMyRequestResponse) {
  assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
  const body = response.json() as { type: string; title: string; status: number; detail: string };
  assert.equal(body.type, 'about:blank');
  assert.equal(body.status, response.statusCode);
  return body;
}

describe('pages that do not exist', () => {
  test('an unknown path is answered with a 404 GOV.UK page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/no/such/page' });
    assert.equal(response.statusCode, 404);
    const page = errorPage(response);
    assert.equal(page.title, 'Page not found – Fresh Start');
    assert.equal(page.h1, 'Page not found');
    assert.equal(page.message, 'If you typed the web address, check it is correct.');
  });

  test('an unknown council is answered with a 404 page that names the code', async () => {
    const commissioner = await t.signIn('commissioner');
    const response = await t.app.inject({
      method: 'GET',
      url: '/councils/E09999999',
      cookies: commissioner.cookies,
    });
    assert.equal(response.statusCode, 404);
    assert.equal(errorPage(response).message, 'There is no council with the GSS code E09999999.');
  });

  test('text in an unknown council code is shown escaped, never as markup', async () => {
    const commissioner = await t.signIn('commissioner');
    const response = await t.app.inject({
      method: 'GET',
      url: `/councils/${encodeURIComponent('<script>alert(1)</script>')}`,
      cookies: commissioner.cookies,
    });
    assert.equal(response.statusCode, 404);
    assert.doesNotMatch(response.body, /<script>alert\(1\)<\/script>/);
    assert.match(errorPage(response).message, /<script>alert\(1\)<\/script>/);
  });
});

describe('a route that fails', () => {
  test('is answered with a 500 GOV.UK page that shows no error message or stack trace', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/test/fails' });
    assert.equal(response.statusCode, 500);
    const page = errorPage(response);
    assert.equal(page.h1, 'Sorry, there is a problem with the service');
    assert.equal(page.message, 'Try again later. Nothing you sent has been changed.');
    assert.ok(!response.body.includes(SECRET), 'the error message is not shown');
    assert.doesNotMatch(response.body, /\bat .*\.(ts|js):\d+/, 'no stack frame is shown');
    assert.doesNotMatch(response.body, /\/work\/|node_modules|Error:/);
  });

  test('under /api is answered with a problem+json 500 that shows no error message or stack trace', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/test/fails' });
    assert.equal(response.statusCode, 500);
    const body = problem(response);
    assert.equal(body.title, 'Sorry, there is a problem with the service');
    assert.ok(!response.body.includes(SECRET));
    assert.doesNotMatch(response.body, /stack|TypeError|\.ts:\d+/);
  });
});

describe('API errors', () => {
  test('an unknown API path is answered with a problem+json 404', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing' });
    assert.equal(response.statusCode, 404);
    assert.equal(problem(response).title, 'Page not found');
  });

  test('an unknown council is answered with a problem+json 404 that names the code', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/councils/E09999999' });
    assert.equal(response.statusCode, 404);
    assert.equal(problem(response).detail, 'There is no council with the GSS code E09999999.');
  });

  test('an invalid council code is answered with a problem+json 400 that names the parameter', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/councils/notacode' });
    assert.equal(response.statusCode, 400);
    const body = problem(response);
    assert.equal(body.title, 'There is a problem with your request');
    assert.match(body.detail, /^params\.gss: must be an ONS GSS code such as E08000018$/);
  });
});

describe('request bodies', () => {
  test(`a form larger than ${BODY_LIMIT / 1024} KB is refused with 413 and a clear message, and signs no one in`, async () => {
    const visitor = await t.visit();
    const response = await t.postForm('/sign-in', visitor, {
      email: t.account('commissioner').email,
      password: DEMO_PASSWORD,
      padding: 'x'.repeat(BODY_LIMIT + 1),
    });
    assert.equal(response.statusCode, 413);
    const page = errorPage(response);
    assert.equal(page.h1, 'What you sent is too large');
    assert.equal(page.message, 'What you sent is larger than this service accepts (100 KB).');
    assert.equal(
      (response.cookies as { name: string }[]).find((c) => c.name === SESSION_COOKIE),
      undefined,
    );
  });

  test('a form just under the limit is read as usual', async () => {
    const visitor = await t.visit();
    const response = await t.postForm('/sign-in', visitor, {
      email: t.account('commissioner').email,
      password: DEMO_PASSWORD,
      padding: 'x'.repeat(BODY_LIMIT - 1024),
    });
    assert.equal(response.statusCode, 303);
  });
});
