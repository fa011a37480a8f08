import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, test } from 'node:test';
import { createTestApp, DEMO_PASSWORD, SESSION_COOKIE, type TestApp } from '../support/app.ts';

/** The log lines the app writes, parsed, as a pino logger writes them. */
const lines: string[] = [];
const entries = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>);

let t: TestApp;
before(async () => {
  t = await createTestApp({ logStream: { write: (line) => void lines.push(line) } });
  t.app.get('/test/fails', async () => {
    throw new Error('the disk is on fire');
  });
});
beforeEach(() => {
  lines.length = 0;
});
after(() => t.close());

const WARN = 40;
const ERROR = 50;

describe('the security log', () => {
  test('records a successful sign-in with the account, and never the password or the session id', async () => {
    const officer = await t.signIn('officer');
    const signIns = entries().filter((e) => e.event === 'sign-in');
    assert.equal(signIns.length, 1);
    assert.equal(signIns[0]?.outcome, 'signed-in');
    assert.equal(signIns[0]?.email, t.account('officer').email);
    const all = lines.join('\n');
    assert.ok(!all.includes(DEMO_PASSWORD), 'no password is logged');
    assert.ok(!all.includes(String(officer.cookies[SESSION_COOKIE])), 'no session id is logged');
  });

  test('records a refused sign-in with its reason, and never the password tried', async () => {
    const remoteAddress = '192.0.2.10';
    const visitor = await t.visit({ remoteAddress });
    await t.postForm(
      '/sign-in',
      visitor,
      { email: t.account('auditor').email, password: 'hunter2-guess' },
      { remoteAddress },
    );
    const [entry] = entries().filter((e) => e.event === 'sign-in');
    assert.equal(entry?.outcome, 'refused');
    assert.equal(entry?.reason, 'bad-credentials');
    assert.equal(entry?.ip, remoteAddress);
    assert.ok(!lines.join('\n').includes('hunter2-guess'));
  });

  test('records a throttled sign-in', async () => {
    const remoteAddress = '192.0.2.11';
    for (let i = 0; i < 6; i += 1) {
      const visitor = await t.visit({ remoteAddress });
      await t.postForm(
        '/sign-in',
        visitor,
        { email: 'someone@example.org', password: 'x' },
        { remoteAddress },
      );
    }
    const outcomes = entries()
      .filter((e) => e.event === 'sign-in')
      .map((e) => e.outcome);
    assert.deepEqual(outcomes, ['refused', 'refused', 'refused', 'refused', 'refused', 'throttled']);
  });

  test('records a refused authorisation as a warning with the user, role and address asked for', async () => {
    const councillor = await t.signIn('councillor');
    lines.length = 0;
    const response = await t.app.inject({
      method: 'GET',
      url: '/ledger/verify',
      cookies: councillor.cookies,
    });
    assert.equal(response.statusCode, 403);
    const [entry] = entries().filter((e) => e.event === 'access-refused');
    assert.ok(entry, 'the refusal is logged');
    assert.equal(entry.level, WARN);
    assert.equal(entry.role, 'councillor');
    assert.equal(entry.url, '/ledger/verify');
    assert.ok(entry.userId);
    assert.match(String(entry.why), /may not ledger:verify/);
  });

  test('records a signed-out request for a protected page', async () => {
    await t.app.inject({ method: 'GET', url: '/home' });
    const [entry] = entries().filter((e) => e.event === 'access-refused');
    assert.equal(entry?.why, 'not signed in');
    assert.equal(entry?.url, '/home');
  });

  test('records a signing-out', async () => {
    const officer = await t.signIn('officer');
    lines.length = 0;
    await t.postForm('/sign-out', officer, {});
    assert.equal(entries().filter((e) => e.event === 'sign-out').length, 1);
  });

  test('records a failure with its stack, which the person who met it never sees', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/test/fails' });
    assert.equal(response.statusCode, 500);
    const [entry] = entries().filter((e) => e.level === ERROR);
    const err = entry?.err as { message?: string; stack?: string } | undefined;
    assert.equal(err?.message, 'the disk is on fire');
    assert.match(String(err?.stack), /logging\.test\.ts/);
    assert.ok(!response.body.includes('the disk is on fire'));
  });

  test('never logs the cookies a browser sends', async () => {
    const officer = await t.signIn('officer');
    lines.length = 0;
    await t.app.inject({ method: 'GET', url: '/home', cookies: officer.cookies });
    assert.ok(lines.length > 0);
    assert.ok(!lines.join('\n').includes(String(officer.cookies[SESSION_COOKIE])));
  });
});
