import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Tx } from '#src/db/client.ts';
import { councils } from '../modules/councils/schema.ts';
import { sessions, type User, users } from './schema.ts';

/** Idle and absolute lifetimes of a session (OWASP ASVS 3.3). */
export const IDLE_TIMEOUT_MS = 30 * 60 * 1000;
export const ABSOLUTE_TIMEOUT_MS = 12 * 60 * 60 * 1000;
/** A session's last-seen time is written at most this often. */
const TOUCH_EVERY_MS = 60 * 1000;

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a new session for the user: 256 random bits, of which only a digest is stored. */
export async function startSession(tx: Tx, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await tx.insert(sessions).values({
    tokenHash: digest(token),
    userId,
    createdAt: now,
    lastSeenAt: now,
  });
  return token;
}

/** The signed-in user of a session token (with their council's GSS code), or undefined when the session is unknown, ended or expired. */
export async function userOfSession(
  tx: Tx,
  token: string,
  now = new Date(),
): Promise<{ user: User; councilGss: string | null } | undefined> {
  const tokenHash = digest(token);
  const found = await tx
    .select({ session: sessions, user: users, councilGss: councils.gssCode })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(councils, eq(councils.id, users.councilId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)));
  const row = found[0];
  if (!row || row.user.withdrawnAt) return undefined;
  const idle = now.getTime() - row.session.lastSeenAt.getTime();
  const age = now.getTime() - row.session.createdAt.getTime();
  if (idle > IDLE_TIMEOUT_MS || age > ABSOLUTE_TIMEOUT_MS) {
    await tx.update(sessions).set({ endedAt: now }).where(eq(sessions.tokenHash, tokenHash));
    return undefined;
  }
  if (idle > TOUCH_EVERY_MS)
    await tx.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.tokenHash, tokenHash));
  return { user: row.user, councilGss: row.councilGss };
}

/** Ends a session on the server, so the cookie is worthless even if kept. */
export async function endSession(tx: Tx, token: string, now = new Date()): Promise<void> {
  await tx
    .update(sessions)
    .set({ endedAt: now })
    .where(and(eq(sessions.tokenHash, digest(token)), isNull(sessions.endedAt)));
}
