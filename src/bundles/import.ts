import { inArray, or } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { users } from '#src/auth/schema.ts';
import type { Tx } from '#src/db/client.ts';
import { councilEntity, personEntity, recycledItemEntity, userEntity } from '#src/db/ledgered.ts';
import { appendBatchToLedger, type Change } from '#src/ledger/append.ts';
import { type LedgeredTable, stateOf } from '#src/ledger/records.ts';
import { councils, people } from '#src/modules/councils/schema.ts';
import { improvementReferenceProblems, improvementRuleProblems } from './improvement-rules.ts';
import { derivedFieldMessage } from './improvement-schema.ts';
import { IMPROVEMENT_TABLES, recycledItemsOfBundle } from './improvement-tables.ts';
import { licensingReferenceProblems, licensingRuleProblems } from './licensing-rules.ts';
import { LICENSING_TABLES } from './licensing-tables.ts';
import { powersRuleProblems } from './powers-rules.ts';
import { POWERS_TABLES } from './powers-tables.ts';
import { BundleError, type BundleProblem, jsonPath } from './problems.ts';
import { danglingReferences, duplicates } from './references.ts';
import { type Bundle, bundleSchema } from './schema.ts';

/**
 * Validates a parsed bundle: its shape and values, then ids and references within
 * it, then the Powers and Improvement modules' rules. Every problem is named by
 * its JSON path.
 */
export function parseBundle(data: unknown): Bundle {
  const parsed = bundleSchema.safeParse(data);
  if (!parsed.success) throw new BundleError(parsed.error.issues.flatMap(problemsOf));
  const problems = [
    ...duplicates(parsed.data),
    ...danglingReferences(parsed.data),
    ...improvementReferenceProblems(parsed.data),
    ...licensingReferenceProblems(parsed.data),
  ];
  if (problems.length) throw new BundleError(problems);
  // The rules read the records each reference names, so they run only once every reference resolves.
  const broken = [
    ...powersRuleProblems(parsed.data),
    ...improvementRuleProblems(parsed.data),
    ...licensingRuleProblems(parsed.data),
  ];
  if (broken.length) throw new BundleError(broken);
  return parsed.data;
}

/**
 * The problems of one validation issue; an unknown field is named by its own
 * path, and one that Fresh Start derives (a project's `status`) says so.
 */
function problemsOf(issue: z.core.$ZodIssue): BundleProblem[] {
  if (issue.code === 'unrecognized_keys')
    return issue.keys.map((key) => ({
      path: jsonPath([...issue.path, key]),
      message: derivedFieldMessage(issue.path, key) ?? 'is not a known field',
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

/** Problems where an id of a list is already in the database, each named at the record's id. */
async function takenIds(
  tx: Tx,
  column: PgColumn,
  items: readonly { id: string }[],
  list: string,
): Promise<BundleProblem[]> {
  const taken = await existingValues(
    tx,
    column,
    items.map((r) => r.id),
  );
  return items.flatMap((r, i) =>
    taken.has(r.id) ? [{ path: `${list}[${i}].id`, message: `${r.id} is already in this database` }] : [],
  );
}

/** Problems that only the database can reveal: the council, an id or an email already present. */
async function conflictsWithDatabase(tx: Tx, bundle: Bundle): Promise<BundleProblem[]> {
  const problems: BundleProblem[] = [];
  const existing = await tx
    .select({ id: councils.id })
    .from(councils)
    .where(
      or(inArray(councils.id, [bundle.council.id]), inArray(councils.gssCode, [bundle.council.gssCode])),
    );
  if (existing.length)
    problems.push({
      path: '$.council.gssCode',
      message: `council ${bundle.council.gssCode} is already in this database`,
    });
  problems.push(...(await takenIds(tx, people.id, bundle.people, '$.people')));
  problems.push(...(await takenIds(tx, users.id, bundle.users, '$.users')));
  const takenEmails = await existingValues(
    tx,
    users.email,
    bundle.users.map((u) => u.email),
  );
  bundle.users.forEach((u, i) => {
    if (takenEmails.has(u.email))
      problems.push({ path: `$.users[${i}].email`, message: `an account with ${u.email} already exists` });
  });
  for (const { list, entity } of POWERS_TABLES)
    problems.push(...(await takenIds(tx, entity.id, bundle.powers[list], `$.powers.${list}`)));
  for (const { list, entity } of IMPROVEMENT_TABLES)
    problems.push(...(await takenIds(tx, entity.id, bundle.improvement[list], `$.improvement.${list}`)));
  for (const { list, entity } of LICENSING_TABLES)
    problems.push(...(await takenIds(tx, entity.id, bundle.licensing[list], `$.licensing.${list}`)));
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
  for (const { list, entity } of POWERS_TABLES)
    await insertLedgered(
      tx,
      entity,
      bundle.powers[list].map((r) => ({ ...r, councilId, withdrawnAt: toDate(r.withdrawnAt) })),
      actor,
      changes,
    );
  for (const { list, entity } of IMPROVEMENT_TABLES)
    await insertLedgered(
      tx,
      entity,
      bundle.improvement[list].map((r) => ({ ...r, councilId, withdrawnAt: toDate(r.withdrawnAt) })),
      actor,
      changes,
    );
  for (const { list, entity, derive } of LICENSING_TABLES)
    await insertLedgered(
      tx,
      entity,
      bundle.licensing[list].map((r) => {
        const row = { ...r, councilId, withdrawnAt: toDate(r.withdrawnAt) } as Record<string, unknown>;
        return derive ? { ...row, ...derive(row) } : row;
      }),
      actor,
      changes,
    );
  // Recycled-plan flags are not carried in a bundle: they are derived, as when each plan was added.
  await insertLedgered(tx, recycledItemEntity, recycledItemsOfBundle(bundle), actor, changes);
  await appendBatchToLedger(tx, changes);
  return { council: bundle.council.gssCode, records: changes.length };
}
