import { text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { councils } from '#src/modules/councils/schema.ts';

/*
 * Columns every module's records share. Nothing is deleted: a record that should
 * no longer count is withdrawn, with when and why, and stays on the ledger.
 */

/** When a record was withdrawn and why; both null while it stands. */
export const withdrawal = {
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
  withdrawnReason: text('withdrawn_reason'),
};

/** The council a record belongs to: every module's table carries it. */
export const councilId = () =>
  uuid('council_id')
    .notNull()
    .references(() => councils.id);
