import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import { count } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { ROLES } from '#src/auth/roles.ts';
import { sessions, users } from '#src/auth/schema.ts';
import { councils, people } from '#src/modules/councils/schema.ts';
import {
  CSRF_COOKIE,
  createTestApp,
  DEMO_GSS,
  DEMO_PASSWORD,
  ledgerHeadOf,
  routesOf,
  SESSION_COOKIE,
  type TestApp,
  type Visitor,
} from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const PERSON = { name: 'Ada Forged', kind: 'officer', publicRole: 'Forged Officer' };

function assertRefusedAsForged(response: LightMyRequestResponse): void {
  assert.equal(response.statusCode, 403);
  const $ = cheerio.load(response.body);
  assert.equal($('h1').text().trim(), 'You cannot do this');
  assert.match($('[data-testid="error-message"]').text(), /This form was not sent from this service/);
}

/** Everything a POST could change: the ledger, and the rows of each table behind it. */
async function stateOf(): Promise<Record<string, unknown>> {
  const db = t.database.db;
  const [p] = await db.select({ n: count() }).from(people);
  const [u] = await db.select({ n: count() }).from(users);
  const [c] = await db.select({ n: count() }).from(councils);
  return { ledger: await ledgerHeadOf(t.app), people: p?.n, users: u?.n, councils: c?.n };
}

async function personIsListed(officer: Visitor): Promise<boolean> {
  const page = await t.app.inject({ method: 'GET', url: `/councils/${DEMO_GSS}`, cookies: officer.cookies });
  assert.equal(page.statusCode, 200);
  return cheerio.load(page.body)('td').text().includes(PERSON.name);
}

describe('a form posted without its CSRF token', () => {
  test('recording a person with no token is refused with a 403 page, and no person or ledger entry is written', async () => {
    const officer = await t.signIn('officer');
    const before = await stateOf();
    const response = await t.app.inject({
      method: 'POST',
      url: `/councils/${DEMO_GSS}/people`,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      cookies: officer.cookies,
      payload: new URLSearchParams(PERSON).toString(),
    });
    assertRefusedAsForged(response);
    assert.deepEqual(await stateOf(), before);
    assert.equal(await personIsListed(officer), false);
  });

  test('recording a person with a wrong token is refused, and nothing is written', async () => {
    const officer = await t.signIn('officer');
    const before = await stateOf();
    const response = await t.postForm(
      `/councils/${DEMO_GSS}/people`,
      { ...officer, csrfToken: 'a-forged-token' },
      PERSON,
    );
    assertRefusedAsForged(response);
    assert.deepEqual(await stateOf(), before);
    assert.equal(await personIsListed(officer), false);
  });

  test('a real token without its CSRF cookie is refused, and nothing is written', async () => {
    const officer = await t.signIn('officer');
    const before = await stateOf();
    const response = await t.postForm(
      `/councils/${DEMO_GSS}/people`,
      { ...officer, cookies: { [SESSION_COOKIE]: officer.cookies[SESSION_COOKIE] ?? '' } },
      PERSON,
    );
    assertRefusedAsForged(response);
    assert.deepEqual(await stateOf(), before);
  });

  test('a token from another browser’s form is refused, and nothing is written', async () => {
    const officer = await t.signIn('officer');
    const attacker = await t.visit({ remoteAddress: '192.0.2.66' });
    const before = await stateOf();
    const response = await t.postForm(
      `/councils/${DEMO_GSS}/people`,
      { ...officer, csrfToken: attacker.csrfToken },
      PERSON,
    );
    assertRefusedAsForged(response);
    assert.deepEqual(await stateOf(), before);
  });

  test('signing in with no token is refused and starts no session, even with the right password', async () => {
    const visitor = await t.visit();
    const response = await t.app.inject({
      method: 'POST',
      url: '/sign-in',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      cookies: visitor.cookies,
      payload: new URLSearchParams({
        email: t.account('commissioner').email,
        password: DEMO_PASSWORD,
      }).toString(),
    });
    assertRefusedAsForged(response);
    assert.equal(
      (response.cookies as { name: string }[]).find((c) => c.name === SESSION_COOKIE),
      undefined,
    );
  });

  test('signing out with no token is refused and the session goes on', async () => {
    const officer = await t.signIn('officer');
    const response = await t.app.inject({
      method: 'POST',
      url: '/sign-out',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      cookies: officer.cookies,
      payload: '',
    });
    assertRefusedAsForged(response);
    const home = await t.app.inject({ method: 'GET', url: '/home', cookies: officer.cookies });
    assert.equal(home.statusCode, 200);
  });

  test('a JSON body is held to the same token check as a form', async () => {
    const officer = await t.signIn('officer');
    const before = await stateOf();
    const response = await t.app.inject({
      method: 'POST',
      url: `/councils/${DEMO_GSS}/people`,
      cookies: officer.cookies,
      payload: PERSON,
    });
    assertRefusedAsForged(response);
    assert.deepEqual(await stateOf(), before);
  });
});

describe('the CSRF cookie', () => {
  test('is a __Host- cookie that is Secure, HttpOnly and SameSite=Lax', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/sign-in' });
    const cookie = (
      response.cookies as {
        name: string;
        secure?: boolean;
        httpOnly?: boolean;
        sameSite?: string;
        path?: string;
      }[]
    ).find((c) => c.name === CSRF_COOKIE);
    assert.ok(CSRF_COOKIE.startsWith('__Host-'));
    assert.equal(cookie?.secure, true);
    assert.equal(cookie?.httpOnly, true);
    assert.equal(cookie?.sameSite, 'Lax');
    assert.equal(cookie?.path, '/');
  });
});

describe('GET requests', () => {
  test('no GET route changes anything, whoever asks', async () => {
    const visitors: (Visitor | undefined)[] = [undefined];
    for (const role of ROLES) visitors.push(await t.signIn(role));
    const db = t.database.db;
    const liveSessions = async () => (await db.select({ n: count() }).from(sessions))[0]?.n;
    const before = { ...(await stateOf()), sessions: await liveSessions() };

    const gets = routesOf(t.app).filter((r) => r.method === 'GET' && !r.url.endsWith('*'));
    assert.ok(gets.length >= 10, 'the routes were found');
    for (const route of gets) {
      const url = route.url.replace(':gss', DEMO_GSS);
      for (const visitor of visitors) {
        const response = await t.app.inject({ method: 'GET', url, cookies: visitor?.cookies ?? {} });
        assert.ok(response.statusCode < 500, `GET ${url} answered ${response.statusCode}`);
      }
    }
    assert.deepEqual({ ...(await stateOf()), sessions: await liveSessions() }, before);
    for (const visitor of visitors.slice(1)) {
      const home = await t.app.inject({ method: 'GET', url: '/home', cookies: visitor?.cookies ?? {} });
      assert.equal(home.statusCode, 200, 'every session is still alive');
    }
  });
});
