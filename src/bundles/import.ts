import { inArray, or } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { users } from '#src/auth/schema.ts';
import type { Tx } from '#src/db/client.ts';
import { councilEntity, personEntity, userEntity } from '#src/db/ledgered.ts';
import { appendBatchToLedger, type Change } from '#src/ledger/append.ts';
import { type LedgeredTable, stateOf } from '#src/ledger/records.ts';
import { councils, people } from '#src/modules/councils/schema.ts';
import { BundleError, type BundleProblem, jsonPath } from './problems.ts';
import { type Bundle, bundleSchema } from './schema.ts';

/** Validates the shape of a parsed bundle; every problem is named by its JSON path. */
export function parseBundle(data: unknown): Bundle {
  const parsed = bundleSchema.safeParse(data);
  if (!parsed.success) throw new BundleError(parsed.error.issues.flatMap(problemsOf));
  const problems = [...duplicates(parsed.data), ...danglingReferences(parsed.data)];
  if (problems.length) throw new BundleError(problems);
  return parsed.data;
}

/** The problems of one validation issue; an unknown field is named by its own path. */
function problemsOf(issue: z.core.$ZodIssue): BundleProblem[] {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({
      path: jsonPath([...issue.path, key]),
      message: 'is not a known field',
    }));
  return [{ path: jsonPath(issue.path), message: issue.message }];
}

/** Parses the text of a bundle file, naming a JSON syntax error plainly. */
export function parseBundleText(text: string): Bundle {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BundleError([{ path: '$', message: `is not valid JSON (${(error as Error).message})` }]);
  }
  return parseBundle(data);
}

function duplicates(bundle: Bundle): BundleProblem[] {
  const problems: BundleProblem[] = [];
  const ids = new Map<string, string>([[bundle.council.id, '$.council.id']]);
  const emails = new Map<string, string>();
  const see = (map: Map<string, string>, value: string, path: string, what: string) => {
    const first = map.get(value);
    if (first) problems.push({ path, message: `${what} ${value} is already used at ${first}` });
    else map.set(value, path);
  };
  // The database holds one record per name and public role at a council.
  const roles = new Map<string, string>();
  bundle.people.forEach((p, i) => {
    see(ids, p.id, `$.people[${i}].id`, 'id');
    const first = roles.get(`${p.name}\n${p.publicRole}`);
    if (first)
      problems.push({
        path: `$.people[${i}].name`,
        message: `${p.name} is already recorded as ${p.publicRole} at ${first}`,
      });
    else roles.set(`${p.name}\n${p.publicRole}`, `$.people[${i}]`);
  });
  bundle.users.forEach((u, i) => {
    see(ids, u.id, `$.users[${i}].id`, 'id');
    see(emails, u.email, `$.users[${i}].email`, 'email');
  });
  return problems;
}

function danglingReferences(bundle: Bundle): BundleProblem[] {
  const personIds = new Set(bundle.people.map((p) => p.id));
  return bundle.users.flatMap((u, i) =>
    u.personId && !personIds.has(u.personId)
      ? [
          {
            path: `$.users[${i}].personId`,
            message: `must be the id of a person in $.people; ${u.personId} is not`,
          },
        ]
      : [],
  );
}

/** Problems that only the database can reveal: the council, an id or an email already present. */
/** Values a statement may bind at once stay well under PostgreSQL's limit of 65,535 parameters. */
const LOOKUP_CHUNK = 10_000;

/** Which of the values are already in a column, looked up in chunks of bound parameters. */
async function existingValues(tx: Tx, column: PgColumn, values: string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < values.length; i += LOOKUP_CHUNK) {
    const rows = await tx
      .select({ value: column })
      .from(column.table)
      .where(inArray(column, values.slice(i, i + LOOKUP_CHUNK)));
    for (const row of rows) found.add(String(row.value));
  }
  return found;
}

async function conflictsWithDatabase(tx: Tx, bundle: Bundle): Promise<BundleProblem[]> {
  const problems: BundleProblem[] = [];
  const existing = await tx
    .select({ id: councils.id, gssCode: councils.gssCode })
    .from(councils)
    .where(
      or(inArray(councils.id, [bundle.council.id]), inArray(councils.gssCode, [bundle.council.gssCode])),
    );
  if (existing.length)
    problems.push({
      path: '$.council.gssCode',
      message: `council ${bundle.council.gssCode} is already in this database`,
    });
  const takenPeople = await existingValues(
    tx,
    people.id,
    bundle.people.map((p) => p.id),
  );
  bundle.people.forEach((p, i) => {
    if (takenPeople.has(p.id))
      problems.push({ path: `$.people[${i}].id`, message: `${p.id} is already in this database` });
  });
  const takenUserIds = await existingValues(
    tx,
    users.id,
    bundle.users.map((u) => u.id),
  );
  const takenEmails = await existingValues(
    tx,
    users.email,
    bundle.users.map((u) => u.email),
  );
  bundle.users.forEach((u, i) => {
    if (takenUserIds.has(u.id))
      problems.push({ path: `$.users[${i}].id`, message: `${u.id} is already in this database` });
    if (takenEmails.has(u.email))
      problems.push({ path: `$.users[${i}].email`, message: `an account with ${u.email} already exists` });
  });
  return problems;
}

const CHUNK = 1000;

async function insertLedgered<T extends LedgeredTable>(
  tx: Tx,
  entity: T,
  rows: Record<string, unknown>[],
  actor: string,
  changes: Change[],
) {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const inserted = (await tx
      .insert(entity.table)
      .values(rows.slice(i, i + CHUNK) as never)
      .returning()) as Record<string, unknown>[];
    for (const row of inserted) {
      changes.push({
        councilId: entity.councilOf(row as never),
        actor,
        action: 'import',
        entityType: entity.entityType,
        entityId: String(row.id),
        before: null,
        after: stateOf(entity, row as never),
      });
    }
  }
}

const toDate = (iso: string | null) => (iso === null ? null : new Date(iso));

/**
 * Imports a validated bundle in the caller's transaction: all of it, with a ledger
 * entry for every record, or (on any problem) none of it.
 */
export async function importBundle(
  tx: Tx,
  bundle: Bundle,
  actor: string,
): Promise<{ council: string; records: number }> {
  const conflicts = await conflictsWithDatabase(tx, bundle);
  if (conflicts.length) throw new BundleError(conflicts);
  const councilId = bundle.council.id;
  const changes: Change[] = [];
  await insertLedgered(
    tx,
    councilEntity,
    [{ ...bundle.council, withdrawnAt: toDate(bundle.council.withdrawnAt) }],
    actor,
    changes,
  );
  await insertLedgered(
    tx,
    personEntity,
    bundle.people.map((p) => ({ ...p, councilId, withdrawnAt: toDate(p.withdrawnAt) })),
    actor,
    changes,
  );
  await insertLedgered(
    tx,
    userEntity,
    bundle.users.map((u) => ({
      ...u,
      councilId: u.role === 'department' ? null : councilId,
      withdrawnAt: toDate(u.withdrawnAt),
    })),
    actor,
    changes,
  );
  await appendBatchToLedger(tx, changes);
  return { council: bundle.council.gssCode, records: changes.length };
}
