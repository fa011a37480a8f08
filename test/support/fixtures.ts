import { randomUUID } from 'node:crypto';
import { getTableName, sql } from 'drizzle-orm';
import type { Role } from '#src/auth/roles.ts';
import type { User } from '#src/auth/schema.ts';
import { IMPROVEMENT_TABLES, recycledItemsOfBundle } from '#src/bundles/improvement-tables.ts';
import { LICENSING_TABLES } from '#src/bundles/licensing-tables.ts';
import { POWERS_TABLES } from '#src/bundles/powers-tables.ts';
import type { Bundle } from '#src/bundles/schema.ts';
import { queryRows, type Tx } from '#src/db/client.ts';
import { councilEntity, personEntity, userEntity } from '#src/db/ledgered.ts';
import { lastEntry } from '#src/ledger/append.ts';
import { insertRecord } from '#src/ledger/records.ts';
import type { Council, Person } from '#src/modules/councils/schema.ts';

let next = 0;

/** A GSS code no other test in this process has used. */
export function uniqueGssCode(): string {
  next += 1;
  return `E${String((process.pid * 1000 + next) % 100_000_000).padStart(8, '0')}`;
}

const BY = { actor: 'test' };

/** Records a council through the ledger, as the application does. */
export function addCouncil(tx: Tx, name = 'Testshire Council'): Promise<Council> {
  return insertRecord(
    tx,
    councilEntity,
    { id: randomUUID(), gssCode: uniqueGssCode(), name, shortName: name },
    BY,
  );
}

/** Records a person at a council through the ledger. */
export function addPersonAt(tx: Tx, councilId: string, name = `Person ${randomUUID()}`): Promise<Person> {
  return insertRecord(
    tx,
    personEntity,
    {
      id: randomUUID(),
      councilId,
      name,
      kind: 'commissioner',
      publicRole: 'Commissioner',
      fromDate: '2015-02-26',
    },
    BY,
  );
}

/** Records an account through the ledger. */
export function addUser(
  tx: Tx,
  values: { councilId: string | null; passwordHash: string; role?: Role; email?: string },
): Promise<User> {
  return insertRecord(
    tx,
    userEntity,
    {
      id: randomUUID(),
      councilId: values.councilId,
      email: values.email ?? `${randomUUID()}@example.org`,
      name: 'Test User',
      role: values.role ?? 'officer',
      passwordHash: values.passwordHash,
    },
    BY,
  );
}

/** Counts the rows of a table (the name is always a literal in the tests). */
export async function countRows(tx: Tx, table: string): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(tx, sql.raw(`SELECT count(*) AS n FROM ${table}`));
  return Number(row?.n);
}

/** The counts of every table a bundle import writes to, and the ledger head. */
/** How many records importing a bundle writes, each with its own ledger entry: its records and the recycled-plan flags import derives. */
export const recordsInBundle = (bundle: Bundle) =>
  1 +
  bundle.people.length +
  bundle.users.length +
  Object.values(bundle.powers).flat().length +
  Object.values(bundle.improvement).flat().length +
  Object.values(bundle.licensing).flat().length +
  recycledItemsOfBundle(bundle).length;

export async function snapshotCounts(tx: Tx): Promise<Record<string, number | string>> {
  const head = await lastEntry(tx);
  const counts: Record<string, number | string> = {};
  for (const table of [
    'councils',
    'people',
    'users',
    ...POWERS_TABLES.map((t) => getTableName(t.entity.table)),
    ...IMPROVEMENT_TABLES.map((t) => getTableName(t.entity.table)),
    ...LICENSING_TABLES.map((t) => getTableName(t.entity.table)),
    'recycled_items',
  ])
    counts[table] = await countRows(tx, table);
  return {
    ...counts,
    ledgerEntries: await countRows(tx, 'ledger_entries'),
    headSeq: head.count,
    headHash: head.rootHash,
  };
}
