import { asc, eq } from 'drizzle-orm';
import { users } from '#src/auth/schema.ts';
import type { Tx } from '#src/db/client.ts';
import { councils, people } from '#src/modules/councils/schema.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION, type Bundle } from './schema.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The whole record of one council as a bundle. Output is deterministic (records
 * in id order, keys in schema order), so exporting the same record twice gives the
 * same bytes. Department accounts belong to the deployment, not the council, and
 * are not exported.
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
  };
}

/** A bundle as the text of its file. */
export function bundleText(bundle: Bundle): string {
  return `${JSON.stringify(bundle, null, 2)}\n`;
}
