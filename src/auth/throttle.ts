import { eq, sql } from 'drizzle-orm';
import type { Tx } from '#src/db/client.ts';
import { signInThrottle } from './schema.ts';

/** Failures allowed within the window before a key is locked, and for how long. */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60 * 1000;
export const LOCK_MS = 15 * 60 * 1000;

/** When a key (an account or a client address) may next try to sign in, if it is locked. */
export async function lockedUntil(tx: Tx, key: string, now = new Date()): Promise<Date | undefined> {
  const [row] = await tx.select().from(signInThrottle).where(eq(signInThrottle.key, key));
  return row?.lockedUntil && row.lockedUntil > now ? row.lockedUntil : undefined;
}

/** Counts a failed sign-in against a key, locking it after too many in the window. */
export async function recordFailure(tx: Tx, key: string, now = new Date()): Promise<void> {
  const windowStart = new Date(now.getTime() - WINDOW_MS);
  const lockUntil = new Date(now.getTime() + LOCK_MS);
  await tx.execute(sql`
    INSERT INTO sign_in_throttle (key, failures, window_started_at, locked_until)
    VALUES (${key}, 1, ${now.toISOString()}, NULL)
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN sign_in_throttle.window_started_at < ${windowStart.toISOString()} THEN 1 ELSE sign_in_throttle.failures + 1 END,
      window_started_at = CASE WHEN sign_in_throttle.window_started_at < ${windowStart.toISOString()} THEN ${now.toISOString()}::timestamptz ELSE sign_in_throttle.window_started_at END,
      locked_until = CASE WHEN sign_in_throttle.window_started_at >= ${windowStart.toISOString()} AND sign_in_throttle.failures + 1 >= ${MAX_FAILURES}
                          THEN ${lockUntil.toISOString()}::timestamptz ELSE sign_in_throttle.locked_until END`);
}

/** Clears a key's failures after a successful sign-in. */
export async function clearFailures(tx: Tx, key: string): Promise<void> {
  await tx.update(signInThrottle).set({ failures: 0, lockedUntil: null }).where(eq(signInThrottle.key, key));
}
