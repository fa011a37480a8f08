import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import type { LightMyRequestResponse } from 'fastify';
import {
  CSRF_COOKIE,
  cookiesOf,
  createTestApp,
  DEMO_GSS,
  DEMO_PASSWORD,
  SESSION_COOKIE,
  type TestApp,
} from '../support/app.ts';

// Failed sign-ins count against the client address as well as the account, so
// each test that fails on purpose comes from its own address.
let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

type SetCookie = {
  name: string;
  value: string;
  path?: string;
  domain?: string;
  secure?: boolean;
  httpOnly?: boolean;
  sameSite?: string;
  expires?: Date;
  maxAge?: number;
};

function setCookie(response: LightMyRequestResponse, name: string): SetCookie | undefined {
  return (response.cookies as SetCookie[]).find((c) => c.name === name);
}

function errorSummary(html: string): { text: string; href: string }[] {
  const $ = cheerio.load(html);
  return $('.govuk-error-summary__list a')
    .toArray()
    .map((a) => ({ text: $(a).text().trim(), href: $(a).attr('href') ?? '' }));
}

describe('the sign-in page', () => {
  test('shows the form with a CSRF token and sets the CSRF secret in a __Host- cookie', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/sign-in' });
    assert.equal(response.statusCode, 200);
    const $ = cheerio.load(response.body);
    assert.equal($('h1').text().trim(), 'Sign in to Fresh Start');
    const form = $('form[action="/sign-in"]');
    assert.equal(form.attr('method'), 'post');
    assert.ok(form.find('input[name="_csrf"]').val());
    assert.equal(form.find('input#email').attr('autocomplete'), 'username');
    assert.equal(form.find('input#password').attr('type'), 'password');
    const csrf = setCookie(response, CSRF_COOKIE);
    assert.ok(csrf?.value);
    assert.equal(csrf.secure, true);
    assert.equal(csrf.httpOnly, true);
    assert.equal(csrf.path, '/');
  });

  test('sends a signed-in user straight to their home page', async () => {
    const officer = await t.signIn('officer');
    const response = await t.app.inject({ method: 'GET', url: '/sign-in', cookies: officer.cookies });
    assert.equal(response.statusCode, 302);
    assert.equal(response.headers.location, '/home');
  });
});

describe('signing in', () => {
  test('with good credentials redirects (303) and sets a __Host- session cookie that is Secure, HttpOnly, SameSite=Lax and for the whole site', async () => {
    const visitor = await t.visit();
    const response = await t.postForm('/sign-in', visitor, {
      email: t.account('commissioner').email,
      password: DEMO_PASSWORD,
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/home');
    const session = setCookie(response, SESSION_COOKIE);
    assert.ok(session?.value, 'a session cookie is set');
    assert.ok(SESSION_COOKIE.startsWith('__Host-'));
    assert.equal(session.secure, true);
    assert.equal(session.httpOnly, true);
    assert.equal(session.sameSite, 'Lax');
    assert.equal(session.path, '/');
    assert.equal(session.domain, undefined, 'a __Host- cookie has no Domain');
    assert.ok(session.value.length >= 43, 'the session id carries at least 256 bits');

    const home = await t.app.inject({
      method: 'GET',
      url: '/home',
      cookies: { [SESSION_COOKIE]: session.value },
    });
    assert.equal(home.statusCode, 200);
    assert.match(cheerio.load(home.body)('h1').text(), /Sir Derek Myers/);
  });

  test('accepts the email address in any case', async () => {
    const visitor = await t.visit();
    const response = await t.postForm('/sign-in', visitor, {
      email: t.account('monitoring_officer').email.toUpperCase(),
      password: DEMO_PASSWORD,
    });
    assert.equal(response.statusCode, 303);
    assert.ok(cookiesOf(response)[SESSION_COOKIE]);
  });

  test('starts a session with a new id every time and ends the session the browser already held', async () => {
    const first = await t.signIn('officer');
    const again = await t.postForm('/sign-in', first, {
      email: t.account('officer').email,
      password: DEMO_PASSWORD,
    });
    assert.equal(again.statusCode, 303);
    const second = cookiesOf(again)[SESSION_COOKIE];
    assert.ok(second);
    assert.notEqual(second, first.cookies[SESSION_COOKIE]);

    const withOld = await t.app.inject({ method: 'GET', url: '/home', cookies: first.cookies });
    assert.equal(withOld.statusCode, 302, 'the old session no longer works');
    assert.match(String(withOld.headers.location), /^\/sign-in/);
    const withNew = await t.app.inject({
      method: 'GET',
      url: '/home',
      cookies: { [SESSION_COOKIE]: second },
    });
    assert.equal(withNew.statusCode, 200);
  });

  test('with a wrong password is refused with 401, a GOV.UK error summary and no session', async () => {
    const remoteAddress = '192.0.2.1';
    const visitor = await t.visit({ remoteAddress });
    const email = t.account('councillor').email;
    const response = await t.postForm(
      '/sign-in',
      visitor,
      { email, password: 'not-the-password' },
      { remoteAddress },
    );
    assert.equal(response.statusCode, 401);
    assert.equal(setCookie(response, SESSION_COOKIE), undefined);
    assert.deepEqual(errorSummary(response.body), [
      { text: 'The email address or password is not right', href: '#email' },
    ]);
    const $ = cheerio.load(response.body);
    assert.match($('title').text(), /^Error: /);
    assert.equal($('input#email').val(), email, 'the email address is kept');
    assert.equal($('input#password').val(), undefined, 'the password is not sent back');
    assert.doesNotMatch(response.body, /not-the-password/);
  });

  test('with an unknown email is refused exactly as a wrong password is', async () => {
    const remoteAddress = '192.0.2.2';
    const visitor = await t.visit({ remoteAddress });
    const response = await t.postForm(
      '/sign-in',
      visitor,
      { email: 'nobody@example.org', password: DEMO_PASSWORD },
      { remoteAddress },
    );
    assert.equal(response.statusCode, 401);
    assert.equal(setCookie(response, SESSION_COOKIE), undefined);
    assert.deepEqual(errorSummary(response.body), [
      { text: 'The email address or password is not right', href: '#email' },
    ]);
  });

  test('with missing fields is refused with 400 and error summary items linking to each field', async () => {
    const visitor = await t.visit();
    const response = await t.postForm('/sign-in', visitor, { email: '', password: '' });
    assert.equal(response.statusCode, 400);
    assert.equal(setCookie(response, SESSION_COOKIE), undefined);
    assert.deepEqual(errorSummary(response.body), [
      { text: 'Enter your email address', href: '#email' },
      { text: 'Enter your password', href: '#password' },
    ]);
    const $ = cheerio.load(response.body);
    assert.match($('#email-error').text(), /Enter your email address/);
    assert.match($('#password-error').text(), /Enter your password/);
  });

  test('with an email address in the wrong format names the format', async () => {
    const visitor = await t.visit();
    const response = await t.postForm('/sign-in', visitor, { email: 'not-an-email', password: 'x' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(errorSummary(response.body), [
      { text: 'Enter an email address in the correct format, like name@example.org', href: '#email' },
    ]);
  });
});

describe('throttling', () => {
  test('after 5 failures an account is locked: 429 even with the right password, from any address', async () => {
    const email = t.account('licensing_officer').email;
    for (let i = 1; i <= 5; i += 1) {
      const remoteAddress = `198.51.100.${i}`;
      const visitor = await t.visit({ remoteAddress });
      const failed = await t.postForm(
        '/sign-in',
        visitor,
        { email, password: `wrong-${i}` },
        { remoteAddress },
      );
      assert.equal(failed.statusCode, 401, `attempt ${i} is refused as a wrong password`);
    }
    const remoteAddress = '198.51.100.99';
    const visitor = await t.visit({ remoteAddress });
    const response = await t.postForm(
      '/sign-in',
      visitor,
      { email, password: DEMO_PASSWORD },
      { remoteAddress },
    );
    assert.equal(response.statusCode, 429);
    assert.equal(setCookie(response, SESSION_COOKIE), undefined);
    const [item] = errorSummary(response.body);
    assert.match(item?.text ?? '', /^Too many failed attempts\. Wait 15 minutes and try again\.$/);
  });

  test('after 5 failures from one address, every account is locked from that address but not from others', async () => {
    const remoteAddress = '203.0.113.7';
    for (let i = 1; i <= 5; i += 1) {
      const visitor = await t.visit({ remoteAddress });
      const failed = await t.postForm(
        '/sign-in',
        visitor,
        { email: `guess-${i}@example.org`, password: 'guess' },
        { remoteAddress },
      );
      assert.equal(failed.statusCode, 401);
    }
    const visitor = await t.visit({ remoteAddress });
    const locked = await t.postForm(
      '/sign-in',
      visitor,
      { email: t.account('auditor').email, password: DEMO_PASSWORD },
      { remoteAddress },
    );
    assert.equal(locked.statusCode, 429);
    assert.equal(setCookie(locked, SESSION_COOKIE), undefined);
    await t.signIn('auditor', { remoteAddress: '203.0.113.8' });
  });
});

describe('signing out', () => {
  test('ends the session on the server, so the old cookie no longer signs anyone in', async () => {
    const officer = await t.signIn('officer');
    const home = await t.app.inject({ method: 'GET', url: '/home', cookies: officer.cookies });
    const token = cheerio.load(home.body)('form[action="/sign-out"] input[name="_csrf"]').val();
    assert.ok(typeof token === 'string' && token, 'the home page has a sign-out form');

    const response = await t.postForm('/sign-out', { ...officer, csrfToken: token }, {});
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/sign-in?signedOut=1');
    const cleared = setCookie(response, SESSION_COOKIE);
    assert.equal(cleared?.value, '', 'the browser is told to forget the cookie');
    assert.ok(cleared?.expires && cleared.expires.getTime() < Date.now());

    // A browser that kept the cookie anyway is signed out.
    const after = await t.app.inject({ method: 'GET', url: '/home', cookies: officer.cookies });
    assert.equal(after.statusCode, 302);
    assert.match(String(after.headers.location), /^\/sign-in\?returnTo=/);
    const page = await t.app.inject({
      method: 'GET',
      url: `/councils/${DEMO_GSS}`,
      cookies: officer.cookies,
    });
    assert.equal(page.statusCode, 302);
  });

  test('has no GET route, so a link or image cannot sign anyone out', async () => {
    const officer = await t.signIn('officer');
    const response = await t.app.inject({ method: 'GET', url: '/sign-out', cookies: officer.cookies });
    assert.equal(response.statusCode, 404);
    const home = await t.app.inject({ method: 'GET', url: '/home', cookies: officer.cookies });
    assert.equal(home.statusCode, 200);
  });
});

describe('returning after sign-in', () => {
  test('a signed-out visitor to a page is sent to sign in, and back to that page afterwards', async () => {
    const page = `/councils/${DEMO_GSS}/ledger`;
    const refused = await t.app.inject({ method: 'GET', url: page });
    assert.equal(refused.statusCode, 302);
    assert.equal(refused.headers.location, `/sign-in?returnTo=${encodeURIComponent(page)}`);

    const form = await t.app.inject({ method: 'GET', url: String(refused.headers.location) });
    const $ = cheerio.load(form.body);
    assert.equal($('input[name="returnTo"]').val(), page);
    const response = await t.postForm(
      '/sign-in',
      { cookies: cookiesOf(form), csrfToken: String($('input[name="_csrf"]').val()) },
      { email: t.account('auditor').email, password: DEMO_PASSWORD, returnTo: page },
    );
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, page);
  });

  for (const returnTo of [
    'https://evil.example/',
    '//evil.example/',
    '/\\evil.example/',
    '\\\\evil.example',
    'javascript:alert(1)',
    '/home\r\nSet-Cookie: x=1',
    'home',
  ]) {
    test(`returnTo ${JSON.stringify(returnTo)} is not followed: the user goes to /home`, async () => {
      const form = await t.app.inject({
        method: 'GET',
        url: `/sign-in?returnTo=${encodeURIComponent(returnTo)}`,
      });
      assert.equal(cheerio.load(form.body)('input[name="returnTo"]').val(), '/home');
      const visitor = await t.visit();
      const response = await t.postForm('/sign-in', visitor, {
        email: t.account('department').email,
        password: DEMO_PASSWORD,
        returnTo,
      });
      assert.equal(response.statusCode, 303);
      assert.equal(response.headers.location, '/home');
    });
  }
});
