import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '#src/db/client.ts';
import { personEntity } from '#src/db/ledgered.ts';
import { type Actor, insertRecord } from '#src/ledger/records.ts';
import { type Council, councils, type Person, people } from './schema.ts';
import type { PersonInput } from './validation.ts';

/** Every council of the deployment that has not been withdrawn, by name. */
export function listCouncils(tx: Tx): Promise<Council[]> {
  return tx.select().from(councils).where(isNull(councils.withdrawnAt)).orderBy(asc(councils.name));
}

/** The council with a GSS code, or undefined. */
export async function councilByGss(tx: Tx, gssCode: string): Promise<Council | undefined> {
  const [council] = await tx.select().from(councils).where(eq(councils.gssCode, gssCode));
  return council;
}

/** The people in public roles at a council (not withdrawn), grouped by kind then name. */
export function peopleOf(tx: Tx, councilId: string): Promise<Person[]> {
  return tx
    .select()
    .from(people)
    .where(and(eq(people.councilId, councilId), isNull(people.withdrawnAt)))
    .orderBy(asc(people.kind), asc(people.name));
}

/** How many people in public roles a council has of one kind. */
export interface PeopleCount {
  kind: Person['kind'];
  count: number;
}

/** The name the count of a council's people is prepared under on a server. */
export const PEOPLE_COUNTS = 'freshstart_people_counts';

/** The statement that counts a council's people per kind; exported for the bench, whose floor runs it raw. */
export function preparePeopleCounts(tx: Tx) {
  return tx
    .select({ kind: people.kind, count: sql<number>`count(*)::int` })
    .from(people)
    .where(and(eq(people.councilId, sql.placeholder('councilId')), isNull(people.withdrawnAt)))
    .groupBy(people.kind)
    .prepare(PEOPLE_COUNTS);
}

const peopleCountsQueries = new WeakMap<Tx, ReturnType<typeof preparePeopleCounts>>();

/**
 * How many people in public roles (not withdrawn) a council has, per kind, counted
 * by the database: the home page shows the numbers, not the people. The statement
 * is built once per database and prepared (named) on a server.
 */
export function peopleCountsOf(tx: Tx, councilId: string): Promise<PeopleCount[]> {
  let query = peopleCountsQueries.get(tx);
  if (!query) {
    query = preparePeopleCounts(tx);
    peopleCountsQueries.set(tx, query);
  }
  return query.execute({ councilId });
}

/** Records a person in a public role, with its ledger entry. */
export function addPerson(tx: Tx, councilId: string, input: PersonInput, by: Actor): Promise<Person> {
  return insertRecord(tx, personEntity, { id: randomUUID(), councilId, ...input }, by);
}
