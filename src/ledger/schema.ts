import { bigint, index, jsonb, pgTable, smallint, text, uuid } from 'drizzle-orm/pg-core';

/**
 * The append-only ledger. `seq` numbers entries 1, 2, 3… in chain order; `hash` is
 * SHA-256(prev_hash ‖ SHA-256(canonical entry)). Rows are never updated or deleted.
 */
export const ledgerEntries = pgTable(
  'ledger_entries',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    councilId: uuid('council_id'),
    actor: text('actor').notNull(),
    at: text('at').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    reason: text('reason'),
    before: jsonb('before'),
    after: jsonb('after'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    index('ledger_entity_idx').on(t.entityType, t.entityId, t.seq),
    index('ledger_council_idx').on(t.councilId, t.seq),
  ],
);

/** One row holding the chain head; its row lock serialises writers across processes. */
export const ledgerHead = pgTable('ledger_head', {
  id: smallint('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull(),
});

export type LedgerEntry = typeof ledgerEntries.$inferSelect;
