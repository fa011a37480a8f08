import { asc, eq } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { users } from '#src/auth/schema.ts';
import type { Tx } from '#src/db/client.ts';
import type { LedgeredTable } from '#src/ledger/records.ts';
import { councils, people } from '#src/modules/councils/schema.ts';
import { type BundleImprovement, bundleImprovement, improvementFieldsOf } from './improvement-schema.ts';
import { IMPROVEMENT_TABLES } from './improvement-tables.ts';
import { type BundleLicensing, bundleLicensing, licensingFieldsOf } from './licensing-schema.ts';
import { LICENSING_TABLES } from './licensing-tables.ts';
import { type BundlePowers, bundlePowers, fieldsOf } from './powers-schema.ts';
import { POWERS_TABLES } from './powers-tables.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from './schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** A table of a section and the list it is exported as. */
interface SectionTable<L extends string> {
  list: L;
  entity: LedgeredTable;
  councilId: PgColumn;
}

/**
 * A council's records of one section, each list in id order with the fields of
 * its bundle schema in order, and the lists in the section's own order
 * (`order`), whatever the order of import.
 */
async function exportSection<L extends string>(
  tx: Tx,
  councilId: string,
  tables: readonly SectionTable<L>[],
  fieldsOf: (list: L) => string[],
  order: readonly string[],
): Promise<Record<string, unknown[]>> {
  const lists: Record<string, unknown[]> = {};
  for (const { list, entity, councilId: column } of tables) {
    const fields = fieldsOf(list);
    const rows = (await tx
      .select()
      .from(entity.table)
      .where(eq(column, councilId))
      .orderBy(asc(entity.id))) as Record<string, unknown>[];
    lists[list] = rows.map((row) =>
      Object.fromEntries(fields.map((f) => [f, row[f] instanceof Date ? row[f].toISOString() : row[f]])),
    );
  }
  return Object.fromEntries(order.map((list) => [list, lists[list] ?? []]));
}

/**
 * The whole record of one council as a bundle. Output is deterministic (records
 * in id order, keys in schema order), so exporting the same record twice gives the
 * same bytes. Department accounts belong to the deployment, not the council, and
 * are not exported; nor are recycled-plan flags, which import derives.
 */
export async function exportBundle(tx: Tx, gssCode: string): Promise<Bundle | undefined> {
  const [council] = await tx.select().from(councils).where(eq(councils.gssCode, gssCode));
  if (!council) return undefined;
  const personRows = await tx
    .select()
    .from(people)
    .where(eq(people.councilId, council.id))
    .orderBy(asc(people.id));
  const userRows = await tx
    .select()
    .from(users)
    .where(eq(users.councilId, council.id))
    .orderBy(asc(users.id));
  return {
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    council: {
      id: council.id,
      gssCode: council.gssCode,
      name: council.name,
      shortName: council.shortName,
      withdrawnAt: iso(council.withdrawnAt),
      withdrawnReason: council.withdrawnReason,
    },
    people: personRows.map((p) => ({
      id: p.id,
      name: p.name,
      kind: p.kind,
      publicRole: p.publicRole,
      party: p.party,
      fromDate: p.fromDate,
      toDate: p.toDate,
      source: p.source,
      withdrawnAt: iso(p.withdrawnAt),
      withdrawnReason: p.withdrawnReason,
    })),
    users: userRows.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      role: u.role,
      personId: u.personId,
      passwordHash: u.passwordHash,
      withdrawnAt: iso(u.withdrawnAt),
      withdrawnReason: u.withdrawnReason,
    })),
    powers: (await exportSection(
      tx,
      council.id,
      POWERS_TABLES,
      fieldsOf,
      Object.keys(bundlePowers.shape),
    )) as BundlePowers,
    // Recycled-plan flags are derived on import, so they are not exported.
    improvement: (await exportSection(
      tx,
      council.id,
      IMPROVEMENT_TABLES,
      improvementFieldsOf,
      Object.keys(bundleImprovement.shape),
    )) as BundleImprovement,
    // The register's search keys are derived on import, so they are not exported.
    licensing: (await exportSection(
      tx,
      council.id,
      LICENSING_TABLES,
      licensingFieldsOf,
      Object.keys(bundleLicensing.shape),
    )) as BundleLicensing,
  };
}

/** A bundle as the text of its file. */
export function bundleText(bundle: Bundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
