import { eq } from 'drizzle-orm';
import type { Tx } from '#src/db/client.ts';
import { passwordMatches } from './passwords.ts';
import { type User, users } from './schema.ts';
import { startSession } from './sessions.ts';
import { clearFailures, lockedUntil, recordFailure } from './throttle.ts';

export type SignInResult =
  | { outcome: 'signed-in'; user: User; token: string }
  | { outcome: 'refused'; reason: 'bad-credentials' | 'withdrawn' }
  | { outcome: 'throttled'; until: Date };

/**
 * Checks an email and password, throttling per account and per client address,
 * and starts a new session (a new id every time) when they match.
 */
export async function signIn(
  tx: Tx,
  email: string,
  password: string,
  clientAddress: string,
  now = new Date(),
): Promise<SignInResult> {
  const accountKey = `account:${email.toLowerCase()}`;
  const addressKey = `address:${clientAddress}`;
  const locked = (await lockedUntil(tx, accountKey, now)) ?? (await lockedUntil(tx, addressKey, now));
  if (locked) return { outcome: 'throttled', until: locked };
  const [user] = await tx.select().from(users).where(eq(users.email, email.toLowerCase()));
  const matches = await passwordMatches(user?.passwordHash, password);
  if (!user || !matches) {
    await recordFailure(tx, accountKey, now);
    await recordFailure(tx, addressKey, now);
    return { outcome: 'refused', reason: 'bad-credentials' };
  }
  if (user.withdrawnAt) return { outcome: 'refused', reason: 'withdrawn' };
  await clearFailures(tx, accountKey);
  return { outcome: 'signed-in', user, token: await startSession(tx, user.id, now) };
}
