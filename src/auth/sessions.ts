import * as crypto from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '#src/db/client.ts';
import { type Council, councils } from '../modules/councils/schema.ts';
import { sessions, type User, users } from './schema.ts';

/** Idle and absolute lifetimes of a session (OWASP ASVS 3.3). */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** A session's last-seen time is written at most this often. */
const TOUCH_EVERY_MS = 60 * 1000;

// `crypto.hash` (Node 20.12 and later) hashes in one call, without a Hash object:
// every request of a signed-in user digests its token.
const oneShot = typeof crypto.hash === 'function';

function digest(token: string): string {
  return oneShot
    ? crypto.hash('sha256', token, 'hex')
    : crypto.createHash('sha256').update(token).digest('hex');
}

/** Starts a new session for the user: 256 random bits, of which only a digest is stored. */
export async function startSession(tx: Tx, userId: string, now = new Date()): Promise<string> {
  const token = crypto.randomBytes(32).toString('base64url');
  await tx.insert(sessions).values({
    tokenHash: digest(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
  });
  return token;
}

/** The name the session lookup is prepared under on a server. */
export const SESSION_LOOKUP = 'freshstart_session_lookup';

/**
 * The statement that finds a session, its user and the user's council: one round
 * trip, built once per database and prepared (named) on a server, because every
 * request of a signed-in user runs it. Exported for the bench, whose floor runs it raw.
 */
export function prepareSessionLookup(tx: Tx) {
  return tx
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      user: users,
      council: councils,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(councils, eq(councils.id, users.councilId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), isNull(sessions.endedAt)))
    .prepare(SESSION_LOOKUP);
}

const lookups = new WeakMap<Tx, ReturnType<typeof prepareSessionLookup>>();

/** A session as the request sees it: who is signed in, and their council (none for the department). */
export interface SignedIn {
  user: User;
  council: Council | null;
  councilGss: string | null;
}

/**
 * The signed-in user of a session token (with their council), or undefined when the
 * session is unknown, ended or expired. Checked on the database on every call.
 */
export async function userOfSession(tx: Tx, token: string, now = new Date()): Promise<SignedIn | undefined> {
  const tokenHash = digest(token);
  let lookup = lookups.get(tx);
  if (!lookup) {
    lookup = prepareSessionLookup(tx);
    lookups.set(tx, lookup);
  }
  const row = (await lookup.execute({ tokenHash }))[0];
  if (!row || row.user.withdrawnAt) return undefined;
  const idle = now.getTime() - row.lastSeenAt.getTime();
  const age = now.getTime() - row.createdAt.getTime();
  if (idle > IDLE_TIMEOUT_MS || age > ABSOLUTE_TIMEOUT_MS) {
    await tx.update(sessions).set({ endedAt: now }).where(eq(sessions.tokenHash, tokenHash));
    return undefined;
  }
  if (idle > TOUCH_EVERY_MS)
    await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  return { user: row.user, council: row.council, councilGss: row.council?.gssCode ?? null };
}

/** Ends a session on the server, so the cookie is worthless even if kept. */
export async function endSession(tx: Tx, token: string, now = new Date()): Promise<void> {
  await tx
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.tokenHash, digest(token)), isNull(sessions.endedAt)));
}
