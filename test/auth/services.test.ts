import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { eq } from 'drizzle-orm';
import { hashPassword } from '#src/auth/passwords.ts';
import { sessions, type User } from '#src/auth/schema.ts';
import { signIn } from '#src/auth/service.ts';
import {
  ABSOLUTE_TIMEOUT_MS,
  endSession,
  IDLE_TIMEOUT_MS,
  startSession,
  userOfSession,
} from '#src/auth/sessions.ts';
import {
  clearFailures,
  LOCK_MS,
  lockedUntil,
  MAX_FAILURES,
  recordFailure,
  WINDOW_MS,
} from '#src/auth/throttle.ts';
import type { Tx } from '#src/db/client.ts';
import { userEntity } from '#src/db/ledgered.ts';
import { ledgerHeadOf } from '#src/ledger/checkpoint.ts';
import { withdrawRecord } from '#src/ledger/records.ts';
import type { Council } from '#src/modules/councils/schema.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { addCouncil, addUser } from '../support/fixtures.ts';

const PASSWORD = 'correct horse battery staple';
const T0 = new Date('2025-03-01T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const MINUTE = 60_000;

let database: TestDatabase;
let db: Tx;
let council: Council;
let passwordHash: string;

before(async () => {
  database = await createTestDatabase();
  db = database.db;
  council = await db.transaction((tx) => addCouncil(tx));
  passwordHash = await hashPassword(PASSWORD);
});
after(() => database.close());

const newUser = (): Promise<User> =>
  db.transaction((tx) => addUser(tx, { councilId: council.id, passwordHash }));

describe('sign-in throttling', () => {
  it(`locks a key for ${LOCK_MS / MINUTE} minutes at the ${MAX_FAILURES}th failure within the window`, async () => {
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < MAX_FAILURES - 1; i++) {
      await recordFailure(db, key, at(i * MINUTE));
      assert.equal(await lockedUntil(db, key, at(i * MINUTE)), undefined, `after ${i + 1} failures`);
    }
    const last = at((MAX_FAILURES - 1) * MINUTE);
    await recordFailure(db, key, last);
    assert.deepEqual(await lockedUntil(db, key, last), new Date(last.getTime() + LOCK_MS));
    assert.ok(await lockedUntil(db, key, new Date(last.getTime() + LOCK_MS - 1)), 'still locked just before');
    assert.equal(
      await lockedUntil(db, key, new Date(last.getTime() + LOCK_MS)),
      undefined,
      'free when it ends',
    );
  });

  it('starts counting again when the window has passed', async () => {
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordFailure(db, key, T0);
    const later = at(WINDOW_MS + 1);
    await recordFailure(db, key, later);
    assert.equal(await lockedUntil(db, key, later), undefined);
    for (let i = 0; i < MAX_FAILURES - 2; i++) await recordFailure(db, key, later);
    assert.equal(
      await lockedUntil(db, key, later),
      undefined,
      `${MAX_FAILURES - 1} failures in the new window`,
    );
    await recordFailure(db, key, later);
    assert.ok(await lockedUntil(db, key, later));
  });

  it('forgets a key’s failures when they are cleared', async () => {
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < MAX_FAILURES - 1; i++) await recordFailure(db, key, T0);
    await clearFailures(db, key);
    await recordFailure(db, key, T0);
    assert.equal(await lockedUntil(db, key, T0), undefined);
  });

  it('knows nothing of a key that never failed', async () => {
    assert.equal(await lockedUntil(db, `test:${randomUUID()}`, T0), undefined);
  });
});

describe('sessions', () => {
  let user: User;
  before(async () => {
    user = await newUser();
  });

  it('get a new random token each time, of which only a digest is stored', async () => {
    const first = await startSession(db, user.id, T0);
    const second = await startSession(db, user.id, T0);
    assert.notEqual(first, second);
    assert.match(first, /^[\w-]{43}$/, '256 bits, base64url');
    const stored = await db.select().from(sessions).where(eq(sessions.userId, user.id));
    assert.ok(stored.every((s) => s.tokenHash !== first && s.tokenHash !== second));
    const found = await userOfSession(db, first, T0);
    assert.equal(found?.user.id, user.id);
    assert.equal(found?.councilGss, council.gssCode);
  });

  it('know nothing of a token they did not issue', async () => {
    assert.equal(await userOfSession(db, 'made-up-token', T0), undefined);
  });

  it(`expire after ${IDLE_TIMEOUT_MS / MINUTE} minutes without use, and use keeps them alive`, async () => {
    const token = await startSession(db, user.id, T0);
    assert.ok(await userOfSession(db, token, at(IDLE_TIMEOUT_MS)), 'in use exactly at the limit');
    assert.ok(await userOfSession(db, token, at(2 * IDLE_TIMEOUT_MS)), 'kept alive by the last use');
    assert.equal(await userOfSession(db, token, at(3 * IDLE_TIMEOUT_MS + 1)), undefined);
    assert.equal(
      await userOfSession(db, token, at(3 * IDLE_TIMEOUT_MS)),
      undefined,
      'an expired session stays ended',
    );
  });

  it(`expire ${ABSOLUTE_TIMEOUT_MS / (60 * MINUTE)} hours after sign-in however busy`, async () => {
    const token = await startSession(db, user.id, T0);
    for (let t = 20 * MINUTE; t <= ABSOLUTE_TIMEOUT_MS; t += 20 * MINUTE) {
      assert.ok(await userOfSession(db, token, at(t)), `in use at ${t / MINUTE} minutes`);
    }
    assert.equal(await userOfSession(db, token, at(ABSOLUTE_TIMEOUT_MS + 1)), undefined);
  });

  it('end when signed out, and stay ended', async () => {
    const token = await startSession(db, user.id, T0);
    const other = await startSession(db, user.id, T0);
    await endSession(db, token, T0);
    assert.equal(await userOfSession(db, token, T0), undefined);
    assert.ok(await userOfSession(db, other, T0), 'the user’s other sessions go on');
  });

  it('end when the account is withdrawn', async () => {
    const withdrawn = await newUser();
    const token = await startSession(db, withdrawn.id, T0);
    await db.transaction((tx) =>
      withdrawRecord(tx, userEntity, withdrawn.id, { actor: 'test', reason: 'left' }),
    );
    assert.equal(await userOfSession(db, token, T0), undefined);
  });
});

describe('signing in', () => {
  const address = () => `192.0.2.${Math.floor(Math.random() * 250)}-${randomUUID()}`;

  it('starts a new session for the right email and password, whatever the email’s case', async () => {
    const user = await newUser();
    const first = await signIn(db, user.email.toUpperCase(), PASSWORD, address(), T0);
    assert.equal(first.outcome, 'signed-in');
    assert.equal(first.outcome === 'signed-in' && first.user.id, user.id);
    const second = await signIn(db, user.email, PASSWORD, address(), T0);
    assert.ok(first.outcome === 'signed-in' && second.outcome === 'signed-in');
    assert.notEqual(first.token, second.token, 'a new session id at every sign-in');
    assert.equal((await userOfSession(db, second.token, T0))?.user.id, user.id);
  });

  it('refuses a wrong password and an unknown email alike', async () => {
    const user = await newUser();
    assert.deepEqual(await signIn(db, user.email, 'wrong', address(), T0), {
      outcome: 'refused',
      reason: 'bad-credentials',
    });
    assert.deepEqual(await signIn(db, `${randomUUID()}@example.org`, PASSWORD, address(), T0), {
      outcome: 'refused',
      reason: 'bad-credentials',
    });
  });

  it('refuses a withdrawn account even with the right password', async () => {
    const user = await newUser();
    await db.transaction((tx) => withdrawRecord(tx, userEntity, user.id, { actor: 'test', reason: 'left' }));
    assert.deepEqual(await signIn(db, user.email, PASSWORD, address(), T0), {
      outcome: 'refused',
      reason: 'withdrawn',
    });
  });

  it('throttles an account after too many failures, even from other addresses and with the right password', async () => {
    const user = await newUser();
    for (let i = 0; i < MAX_FAILURES; i++) await signIn(db, user.email, 'wrong', address(), T0);
    assert.deepEqual(await signIn(db, user.email, PASSWORD, address(), at(MINUTE)), {
      outcome: 'throttled',
      until: at(LOCK_MS),
    });
    assert.equal((await signIn(db, user.email, PASSWORD, address(), at(LOCK_MS))).outcome, 'signed-in');
  });

  it('throttles an address that fails against many accounts, but not other addresses', async () => {
    const from = address();
    for (let i = 0; i < MAX_FAILURES; i++) await signIn(db, `${randomUUID()}@example.org`, 'guess', from, T0);
    const user = await newUser();
    assert.equal((await signIn(db, user.email, PASSWORD, from, T0)).outcome, 'throttled');
    assert.equal((await signIn(db, user.email, PASSWORD, address(), T0)).outcome, 'signed-in');
  });

  it('forgets an account’s failures after it signs in', async () => {
    const user = await newUser();
    for (let i = 0; i < MAX_FAILURES - 1; i++) await signIn(db, user.email, 'wrong', address(), T0);
    assert.equal((await signIn(db, user.email, PASSWORD, address(), T0)).outcome, 'signed-in');
    for (let i = 0; i < MAX_FAILURES - 1; i++) await signIn(db, user.email, 'wrong', address(), T0);
    assert.equal((await signIn(db, user.email, PASSWORD, address(), T0)).outcome, 'signed-in');
  });

  it('leaves the ledger out of sign-ins, as sessions are security state', async () => {
    const before = await ledgerHeadOf(db);
    const user = await newUser();
    const afterUser = await ledgerHeadOf(db);
    await signIn(db, user.email, PASSWORD, address(), T0);
    await signIn(db, user.email, 'wrong', address(), T0);
    const afterSignIns = await ledgerHeadOf(db);
    assert.notDeepEqual(before, afterUser, 'creating the account is ledgered');
    assert.deepEqual(afterSignIns, afterUser);
  });
});
