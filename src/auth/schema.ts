import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { councils, people } from '../modules/councils/schema.ts';
import { ROLES } from './roles.ts';

/** A local account. Department users have no council: they read every council. */
export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id').references(() => councils.id),
    email: text('email').notNull().unique(),
    name: text('name').notNull(),
    role: text('role', { enum: ROLES }).notNull(),
    personId: uuid('person_id').references(() => people.id),
    passwordHash: text('password_hash').notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [index('users_council_idx').on(t.councilId)],
);

/**
 * Server-side sessions. Only a SHA-256 digest of the session token is stored, so a
 * copy of the table cannot be replayed as cookies. Security state, not a domain record:
 * it is not written to the ledger (sign-ins are logged instead).
 */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    endedAt: timestamp('ended_at', { withTimezone: true }),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** Failed sign-in counters, per account and per client address, for throttling. */
export const signInThrottle = pgTable('sign_in_throttle', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull(),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

export type User = typeof users.$inferSelect;
