import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Tx } from '#src/db/client.ts';
import { personEntity } from '#src/db/ledgered.ts';
import { type Actor, insertRecord, withdrawRecord } from '#src/ledger/records.ts';
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

/** Records a person in a public role, with its ledger entry. */
export function addPerson(tx: Tx, councilId: string, input: PersonInput, by: Actor): Promise<Person> {
  return insertRecord(tx, personEntity, { id: randomUUID(), councilId, ...input }, by);
}

/** Withdraws a person's record with a reason; the record and its history stay. */
export function withdrawPerson(tx: Tx, personId: string, by: Actor & { reason: string }): Promise<Person> {
  return withdrawRecord(tx, personEntity, personId, by);
}
