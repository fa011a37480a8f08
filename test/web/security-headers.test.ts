import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp } from '../support/app.ts';

let t: TestApp;
let behindProxy: TestApp;
before(async () => {
  t = await createTestApp();
  // Deployed behind a TLS-terminating proxy, which says the scheme in X-Forwarded-Proto.
  behindProxy = await createTestApp({ env: { FRESHSTART_TRUST_PROXY: 'true' } });
});
after(async () => {
  await t.close();
  await behindProxy.close();
});

/** The directives of a Content-Security-Policy header, by name. */
function directives(response: LightMyRequestResponse): Map<string, string[]> {
  const header = String(response.headers['content-security-policy'] ?? '');
  assert.ok(header, 'there is a Content-Security-Policy');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

describe('the Content-Security-Policy', () => {
  test('allows only this service’s own resources and never inline code without a nonce', async () => {
    const csp = directives(await t.app.inject({ method: 'GET', url: '/' }));
    assert.deepEqual(csp.get('default-src'), ["'self'"]);
    assert.deepEqual(csp.get('frame-ancestors'), ["'none'"]);
    assert.deepEqual(csp.get('object-src'), ["'none'"]);
    assert.deepEqual(csp.get('base-uri'), ["'none'"]);
    assert.deepEqual(csp.get('form-action'), ["'self'"]);
    for (const [name, values] of csp) {
      assert.ok(!values.includes("'unsafe-inline'"), `${name} does not allow 'unsafe-inline'`);
      assert.ok(!values.includes("'unsafe-eval'"), `${name} does not allow 'unsafe-eval'`);
      assert.ok(!values.includes('*'), `${name} does not allow everything`);
    }
  });

  test('the script nonce in the header is the nonce of every inline script in the page, and is new for each response', async () => {
    const nonces: string[] = [];
    for (const url of ['/', '/sign-in', '/no/such/page']) {
      const response = await t.app.inject({ method: 'GET', url });
      const scriptSrc = directives(response).get('script-src') ?? [];
      const nonce = scriptSrc.find((v) => v.startsWith("'nonce-"))?.slice(7, -1);
      assert.ok(nonce && nonce.length >= 16, `${url} has a script nonce`);
      const $ = cheerio.load(response.body);
      const inline = $('script:not([src])').toArray();
      assert.ok(inline.length > 0, `${url} has the GOV.UK inline script`);
      for (const script of inline) assert.equal($(script).attr('nonce'), nonce);
      for (const script of $('script[src]').toArray())
        assert.match(String($(script).attr('src')), /^\/(public|govuk)\//, 'scripts come from this service');
      nonces.push(nonce);
    }
    assert.equal(new Set(nonces).size, nonces.length);
  });
});

describe('Strict-Transport-Security', () => {
  test('is not sent over plain http', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    assert.equal(response.headers['strict-transport-security'], undefined);
  });

  test('is sent when the request came over https through a trusted proxy', async () => {
    for (const url of ['/', '/api/v1/councils', '/no/such/page']) {
      const response = await behindProxy.app.inject({
        method: 'GET',
        url,
        headers: { 'x-forwarded-proto': 'https' },
      });
      assert.equal(response.headers['strict-transport-security'], 'max-age=31536000; includeSubDomains', url);
    }
  });

  test('is not sent because of an X-Forwarded-Proto header when no proxy is trusted', async () => {
    const response = await t.app.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-forwarded-proto': 'https' },
    });
    assert.equal(response.headers['strict-transport-security'], undefined);
  });

  test('is not sent behind the proxy when it says the request was plain http', async () => {
    const response = await behindProxy.app.inject({
      method: 'GET',
      url: '/',
      headers: { 'x-forwarded-proto': 'http' },
    });
    assert.equal(response.headers['strict-transport-security'], undefined);
  });
});

describe('other security headers', () => {
  for (const url of ['/', '/sign-in', '/api/v1/councils', '/no/such/page', '/api/v1/no-such-thing']) {
    test(`${url} forbids sniffing, framing and referrers`, async () => {
      const response = await t.app.inject({ method: 'GET', url });
      assert.equal(response.headers['x-content-type-options'], 'nosniff');
      assert.equal(response.headers['x-frame-options'], 'SAMEORIGIN');
      assert.equal(response.headers['referrer-policy'], 'no-referrer');
      assert.equal(response.headers['cross-origin-opener-policy'], 'same-origin');
      assert.equal(response.headers['x-powered-by'], undefined);
      assert.ok(response.headers['content-security-policy']);
    });
  }
});

describe('caching', () => {
  test('pages shown to a signed-in user are marked no-store; public pages are not', async () => {
    const session = await t.signIn('commissioner');
    const home = await t.app.inject({ method: 'GET', url: '/home', cookies: session.cookies });
    assert.equal(home.statusCode, 200);
    assert.equal(home.headers['cache-control'], 'no-store');
    const start = await t.app.inject({ method: 'GET', url: '/' });
    assert.notEqual(start.headers['cache-control'], 'no-store');
  });
});
