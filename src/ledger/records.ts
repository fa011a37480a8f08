import { eq, getTableColumns, type InferInsertModel, type InferSelectModel } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '#src/db/client.ts';
import { appendToLedger, writeWithLedger } from './append.ts';
import { ledgerState } from './canonical.ts';

/**
 * A domain table whose every change is ledgered, and how its rows appear in the
 * ledger. `state` may redact a field (a password hash is kept as its digest).
 */
export interface LedgeredTable<T extends PgTable = PgTable> {
  readonly entityType: string;
  readonly table: T;
  readonly id: PgColumn;
  // Method syntax on purpose: a descriptor of one table must be usable where any table's is.
  councilOf(row: InferSelectModel<T>): string | null;
  state?(row: InferSelectModel<T>): Record<string, unknown>;
}

/** Who is making a change, and why when the change needs a reason. */
export interface Actor {
  readonly actor: string;
  readonly reason?: string | null;
}

/** The JSON state the ledger keeps for a row of a ledgered table. */
export function stateOf<T extends PgTable>(
  entity: LedgeredTable<T>,
  row: InferSelectModel<T>,
): Record<string, unknown> {
  return ledgerState(entity.state ? entity.state(row) : (row as object));
}

/** Thrown when the record a change names does not exist. */
export class RecordNotFoundError extends Error {}

/**
 * The row an insert of these values stores, when it can be known beforehand: every
 * column given or, having no default, null. Undefined when a column would take a
 * default from the database.
 */
function rowOf<T extends PgTable>(table: T, values: InferInsertModel<T>): InferSelectModel<T> | undefined {
  const given = values as Record<string, unknown>;
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) {
    if (given[key] === undefined && (column.hasDefault || column.generated)) return undefined;
    row[key] = given[key] ?? null;
  }
  return row as InferSelectModel<T>;
}

/**
 * Inserts a record and its ledger entry in the caller's transaction. When the row
 * is known beforehand (no database defaults), the insert and the entry go to the
 * database as one statement.
 */
export async function insertRecord<T extends PgTable>(
  tx: Tx,
  entity: LedgeredTable<T>,
  values: InferInsertModel<T>,
  by: Actor,
  action = 'create',
): Promise<InferSelectModel<T>> {
  const change = (row: InferSelectModel<T>) => ({
    councilId: entity.councilOf(row),
    actor: by.actor,
    action,
    entityType: entity.entityType,
    entityId: String((row as { id: unknown }).id),
    reason: by.reason ?? null,
    before: null,
    after: stateOf(entity, row),
  });
  const known = rowOf(entity.table, values);
  if (known) {
    await writeWithLedger(
      tx,
      tx
        .insert(entity.table)
        .values(values as never)
        .getSQL(),
      change(known),
    );
    return known;
  }
  const rows = (await tx
    .insert(entity.table)
    .values(values as never)
    .returning()) as InferSelectModel<T>[];
  const row = rows[0] as InferSelectModel<T>;
  await appendToLedger(tx, change(row));
  return row;
}

/**
 * Changes a record and writes its before and after states to the ledger, in the
 * caller's transaction. The row is locked first so the "before" is the truth.
 */
export async function updateRecord<T extends PgTable>(
  tx: Tx,
  entity: LedgeredTable<T>,
  id: string,
  patch: Partial<InferInsertModel<T>>,
  by: Actor,
  action = 'update',
): Promise<InferSelectModel<T>> {
  const found = (await tx
    .select()
    .from(entity.table as PgTable)
    .where(eq(entity.id, id))
    .for('update')) as InferSelectModel<T>[];
  const before = found[0];
  if (!before) throw new RecordNotFoundError(`${entity.entityType} ${id} does not exist`);
  const rows = (await tx
    .update(entity.table)
    .set(patch as never)
    .where(eq(entity.id, id))
    .returning()) as InferSelectModel<T>[];
  const after = rows[0] as InferSelectModel<T>;
  await appendToLedger(tx, updateChange(entity, id, before, after, by, action));
  return after;
}

/** The ledger's account of a change to a record: who, why, and its states before and after. */
function updateChange<T extends PgTable>(
  entity: LedgeredTable<T>,
  id: string,
  before: InferSelectModel<T>,
  after: InferSelectModel<T>,
  by: Actor,
  action: string,
) {
  return {
    councilId: entity.councilOf(after),
    actor: by.actor,
    action,
    entityType: entity.entityType,
    entityId: id,
    reason: by.reason ?? null,
    before: stateOf(entity, before),
    after: stateOf(entity, after),
  };
}

/**
 * Changes a record the caller has already read in this transaction under a lock
 * that every writer of the record takes first (its row locked `FOR UPDATE`, or an
 * advisory lock such as a licence holder's), so `before` is the truth and the new
 * row is `before` with `patch` applied: the update and its ledger entry go to the
 * database as one statement. Only for tables whose columns change by nothing but
 * the patch.
 */
export async function updateLockedRecord<T extends PgTable>(
  tx: Tx,
  entity: LedgeredTable<T>,
  before: InferSelectModel<T>,
  patch: Partial<InferInsertModel<T>>,
  by: Actor,
  action = 'update',
): Promise<InferSelectModel<T>> {
  const after = { ...before, ...patch } as InferSelectModel<T>;
  const id = String((before as { id: unknown }).id);
  await writeWithLedger(
    tx,
    tx
      .update(entity.table)
      .set(patch as never)
      .where(eq(entity.id, id))
      .getSQL(),
    updateChange(entity, id, before, after, by, action),
  );
  return after;
}

/** Withdraws a record with a reason: nothing in Fresh Start is deleted. */
export function withdrawRecord<T extends PgTable>(
  tx: Tx,
  entity: LedgeredTable<T>,
  id: string,
  by: Actor & { reason: string },
): Promise<InferSelectModel<T>> {
  return updateRecord(
    tx,
    entity,
    id,
    { withdrawnAt: new Date(), withdrawnReason: by.reason } as unknown as Partial<InferInsertModel<T>>,
    by,
    'withdraw',
  );
}
