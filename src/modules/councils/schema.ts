import { date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** A principal local authority, identified by its ONS GSS code (e.g. E08000018). */
export const councils = pgTable('councils', {
  id: uuid('id').primaryKey(),
  gssCode: text('gss_code').notNull().unique(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  withdrawnReason: text('withdrawn_reason'),
});

/**
 * A person in a public role at a council: a Commissioner, councillor, statutory
 * officer or member of an independent panel. Only public roles are recorded.
 */
export const people = pgTable(
  'people',
  {
    id: uuid('id').primaryKey(),
    councilId: uuid('council_id')
      .notNull()
      .references(() => councils.id),
    name: text('name').notNull(),
    kind: text('kind', {
      enum: ['commissioner', 'councillor', 'officer', 'independent', 'minister'],
    }).notNull(),
    publicRole: text('public_role').notNull(),
    party: text('party'),
    fromDate: date('from_date', { mode: 'string' }),
    toDate: date('to_date', { mode: 'string' }),
    source: text('source'),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawnReason: text('withdrawn_reason'),
  },
  (t) => [
    index('people_council_idx').on(t.councilId),
    uniqueIndex('people_council_name_role_idx').on(t.councilId, t.name, t.publicRole),
  ],
);

export type Council = typeof councils.$inferSelect;
export type Person = typeof people.$inferSelect;
