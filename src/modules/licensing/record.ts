import { type AnyColumn, and, asc, count, eq, ilike, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import { oneTransactionAtATime, type Tx } from '#src/db/client.ts';
import type { ComplianceHolder } from './rules/compliance.ts';
import { licenceNumberKey, nameKey, type RegisterCriteria } from './rules/register.ts';
import type { CheckFacts, LicenceFacts, ReviewCaseFacts, VehicleCheckFacts } from './rules/types.ts';
import {
  type GateAttempt,
  gateAttempts,
  type Licence,
  type LicenceHolder,
  type LicensingCheck,
  licenceHolders,
  licences,
  licensingChecks,
  type RegisterEntry,
  type ReviewCase,
  type ReviewDecision,
  type ReviewHearing,
  registerEntries,
  reviewCases,
  reviewDecisions,
  reviewHearings,
  type VehicleCheck,
  vehicleChecks,
} from './schema.ts';

/*
 * Reading the Licensing records: every read leaves out withdrawn records, and
 * hands the rules plain facts. Nothing here decides anything.
 */

const standing = <T extends { withdrawnAt: unknown }>(table: T) => isNull(table.withdrawnAt as never);

/** A review case with its hearings and decision, as the rules read it, beside its record. */
export interface CaseRecord {
  record: ReviewCase;
  hearings: ReviewHearing[];
  decision: ReviewDecision | null;
  facts: ReviewCaseFacts;
}

/** The facts of a case from its records. */
export function caseFacts(
  c: ReviewCase,
  hearings: readonly ReviewHearing[],
  decision: ReviewDecision | null,
): ReviewCaseFacts {
  return {
    id: c.id,
    holderId: c.holderId,
    licenceId: c.licenceId,
    openedOn: c.openedOn,
    source: c.source,
    risk: c.risk,
    investigationStartedOn: c.investigationStartedOn,
    hearings: [...hearings].sort(
      (a, b) => a.scheduledOn.localeCompare(b.scheduledOn) || a.id.localeCompare(b.id),
    ),
    decision,
    closedOtherwise:
      c.closedOn === null ? null : { on: c.closedOn, reason: c.closedReason ?? 'No reason recorded' },
  };
}

/** The council's standing review cases (or those of `caseIds`), in reference order, with hearings and decisions. */
export async function casesOf(tx: Tx, councilId: string, caseIds?: readonly string[]): Promise<CaseRecord[]> {
  const only = caseIds ? [inArray(reviewCases.id, [...caseIds])] : [];
  if (caseIds && caseIds.length === 0) return [];
  const cases = await tx
    .select()
    .from(reviewCases)
    .where(and(eq(reviewCases.councilId, councilId), standing(reviewCases), ...only))
    .orderBy(asc(reviewCases.reference));
  // One case's page reads that case's hearings and decision, not the whole council's.
  const ofCases = <T extends { caseId: unknown }>(t: T) =>
    caseIds ? [inArray(t.caseId as never, [...caseIds])] : [];
  const hearingRows = await tx
    .select()
    .from(reviewHearings)
    .where(
      and(eq(reviewHearings.councilId, councilId), standing(reviewHearings), ...ofCases(reviewHearings)),
    );
  const decisionRows = await tx
    .select()
    .from(reviewDecisions)
    .where(
      and(eq(reviewDecisions.councilId, councilId), standing(reviewDecisions), ...ofCases(reviewDecisions)),
    );
  const hearingsOf = new Map<string, ReviewHearing[]>();
  for (const h of hearingRows) hearingsOf.set(h.caseId, [...(hearingsOf.get(h.caseId) ?? []), h]);
  const decisionOf = new Map(decisionRows.map((d) => [d.caseId, d]));
  return cases.map((record) => {
    const hearings = hearingsOf.get(record.id) ?? [];
    const decision = decisionOf.get(record.id) ?? null;
    return { record, hearings, decision, facts: caseFacts(record, hearings, decision) };
  });
}

/** One case, or undefined when the council has no such standing case. */
export async function caseOf(tx: Tx, councilId: string, caseId: string): Promise<CaseRecord | undefined> {
  return (await casesOf(tx, councilId, [caseId]))[0];
}

/** A holder with their licences, checks, gate attempts, review cases and vehicle checks. */
export interface HolderRecord {
  holder: LicenceHolder;
  licences: Licence[];
  checks: LicensingCheck[];
  attempts: GateAttempt[];
  cases: ReviewCase[];
  vehicleChecks: VehicleCheck[];
  register: RegisterEntry[];
}

export async function holderOf(
  tx: Tx,
  councilId: string,
  holderId: string,
): Promise<HolderRecord | undefined> {
  const [holder] = await tx
    .select()
    .from(licenceHolders)
    .where(
      and(eq(licenceHolders.councilId, councilId), eq(licenceHolders.id, holderId), standing(licenceHolders)),
    );
  if (!holder) return undefined;
  const ofHolder = <T extends { holderId: unknown; withdrawnAt: unknown }>(t: T) =>
    and(eq(t.holderId as never, holderId), standing(t));
  const held = await tx
    .select()
    .from(licences)
    .where(ofHolder(licences))
    .orderBy(asc(licences.startOn), asc(licences.number));
  const ids = held.map((l) => l.id);
  return {
    holder,
    licences: held,
    checks: await tx
      .select()
      .from(licensingChecks)
      .where(ofHolder(licensingChecks))
      .orderBy(asc(licensingChecks.kind), asc(licensingChecks.doneOn)),
    attempts: ids.length
      ? await tx
          .select()
          .from(gateAttempts)
          .where(and(inArray(gateAttempts.licenceId, ids), standing(gateAttempts)))
          .orderBy(asc(gateAttempts.attemptedOn))
      : [],
    cases: await tx
      .select()
      .from(reviewCases)
      .where(ofHolder(reviewCases))
      .orderBy(asc(reviewCases.openedOn)),
    vehicleChecks: await tx
      .select()
      .from(vehicleChecks)
      .where(ofHolder(vehicleChecks))
      .orderBy(asc(vehicleChecks.checkedOn)),
    register: await tx
      .select()
      .from(registerEntries)
      .where(ofHolder(registerEntries))
      .orderBy(asc(registerEntries.decidedOn)),
  };
}

/** One licence of the council, or undefined. */
export async function licenceOf(tx: Tx, councilId: string, licenceId: string): Promise<Licence | undefined> {
  const [row] = await tx
    .select()
    .from(licences)
    .where(and(eq(licences.councilId, councilId), eq(licences.id, licenceId), standing(licences)));
  return row;
}

/**
 * Takes the licensing lock of the holder of one licence of the council: the
 * lock every change to a holder's licences or checks takes first, so that until
 * the transaction ends what a statement reads of them after this one stays true.
 * False when the council has no such licence. On PGlite, which runs one
 * transaction at a time, there is nothing to order: no statement is run and the
 * answer is true, the caller's own read finding whether the licence exists.
 */
export async function lockLicenceHolder(tx: Tx, councilId: string, licenceId: string): Promise<boolean> {
  if (oneTransactionAtATime(tx)) return true;
  const rows = await tx
    .select({ locked: holderLock(licences.holderId) })
    .from(licences)
    .where(
      and(
        eq(licences.councilId, sql.placeholder('councilId')),
        eq(licences.id, sql.placeholder('licenceId')),
        standing(licences),
      ),
    )
    .prepare('freshstart_licensing_lock_holder')
    .execute({ councilId, licenceId });
  return rows.length > 0;
}

/**
 * Takes one holder's licensing lock, serialising the changes to their records
 * (the gate, checks, reviews) for the rest of the transaction; on PGlite, which
 * runs one transaction at a time, there is nothing to order and no statement.
 */
export async function lockHolder(tx: Tx, holderId: string): Promise<void> {
  if (!oneTransactionAtATime(tx)) await tx.execute(sql`select ${holderLock(holderId)}`);
}

/** The advisory lock that serialises the changes to one holder's checks and licences. */
export const holderLock = (holderId: SQL | AnyColumn | string) =>
  sql<string>`pg_advisory_xact_lock(hashtext(${'licensing:'} || ${holderId}::text))`.mapWith(String);

/** What the gate reads: the licence, its holder's date of birth and every standing check of theirs. */
export interface GateFacts {
  licence: Licence;
  dateOfBirth: string | null;
  checks: CheckFacts[];
}

/**
 * A standing licence of the council with its standing holder's date of birth and
 * standing checks, in one statement (the licence joined to its holder and their
 * checks); undefined when there is no such licence or holder.
 */
export async function gateFacts(
  tx: Tx,
  councilId: string,
  licenceId: string,
): Promise<GateFacts | undefined> {
  const rows = await tx
    .select({
      licence: licences,
      dateOfBirth: licenceHolders.dateOfBirth,
      check: {
        id: licensingChecks.id,
        holderId: licensingChecks.holderId,
        kind: licensingChecks.kind,
        doneOn: licensingChecks.doneOn,
        outcome: licensingChecks.outcome,
        certificateNumber: licensingChecks.certificateNumber,
        barredLists: licensingChecks.barredLists,
        course: licensingChecks.course,
        validUntil: licensingChecks.validUntil,
      },
    })
    .from(licences)
    .innerJoin(licenceHolders, and(eq(licenceHolders.id, licences.holderId), standing(licenceHolders)))
    .leftJoin(
      licensingChecks,
      and(eq(licensingChecks.holderId, licences.holderId), standing(licensingChecks)),
    )
    .where(
      and(
        eq(licences.councilId, sql.placeholder('councilId')),
        eq(licences.id, sql.placeholder('licenceId')),
        standing(licences),
      ),
    )
    .prepare('freshstart_licensing_gate_facts')
    .execute({ councilId, licenceId });
  const [first] = rows;
  if (!first) return undefined;
  return {
    licence: first.licence,
    dateOfBirth: first.dateOfBirth,
    checks: rows.flatMap((r) => (r.check ? [r.check] : [])),
  };
}

/**
 * Every standing holder of the council with their licences and checks, as the
 * compliance view reads them, in three queries whatever the number of holders.
 */
export async function complianceHolders(tx: Tx, councilId: string): Promise<ComplianceHolder[]> {
  const holders = await tx
    .select({
      id: licenceHolders.id,
      kind: licenceHolders.kind,
      name: licenceHolders.name,
      dateOfBirth: licenceHolders.dateOfBirth,
    })
    .from(licenceHolders)
    .where(and(eq(licenceHolders.councilId, councilId), standing(licenceHolders)));
  const licenceRows: LicenceFacts[] = await tx
    .select({
      id: licences.id,
      holderId: licences.holderId,
      number: licences.number,
      kind: licences.kind,
      status: licences.status,
      startOn: licences.startOn,
      endOn: licences.endOn,
      statusFrom: licences.statusFrom,
    })
    .from(licences)
    .where(and(eq(licences.councilId, councilId), standing(licences)));
  const checkRows: CheckFacts[] = await tx
    .select({
      id: licensingChecks.id,
      holderId: licensingChecks.holderId,
      kind: licensingChecks.kind,
      doneOn: licensingChecks.doneOn,
      outcome: licensingChecks.outcome,
      certificateNumber: sql<null>`null`,
      barredLists: licensingChecks.barredLists,
      course: sql<null>`null`,
      validUntil: licensingChecks.validUntil,
    })
    .from(licensingChecks)
    .where(and(eq(licensingChecks.councilId, councilId), standing(licensingChecks)));
  const byHolder = new Map<string, { licences: LicenceFacts[]; checks: CheckFacts[] }>(
    holders.map((h) => [h.id, { licences: [], checks: [] }]),
  );
  for (const l of licenceRows) byHolder.get(l.holderId)?.licences.push(l);
  for (const c of checkRows) byHolder.get(c.holderId)?.checks.push(c);
  return holders.map((h) => ({ ...h, ...(byHolder.get(h.id) as { licences: []; checks: [] }) }));
}

/** Entries a register search lists at most; the count is always the whole. */
export const REGISTER_LIMIT = 200;

/**
 * The register entries that match every criterion given: each word of the name
 * among the entry's name words (so "Sampleton" finds "Alex Sampleton"), the
 * date of birth, the licence number compared by its key.
 */
export async function searchRegisterEntries(
  tx: Tx,
  councilId: string,
  c: RegisterCriteria,
): Promise<{ rows: RegisterEntry[]; total: number }> {
  const where: SQL[] = [eq(registerEntries.councilId, councilId), standing(registerEntries) as SQL];
  if (c.name !== null) {
    const words = nameKey(c.name).split(' ');
    where.push(sql`${registerEntries.nameWords} @> ${sql.param(words, registerEntries.nameWords)}::text[]`);
  }
  if (c.dateOfBirth !== null) where.push(eq(registerEntries.dateOfBirth, c.dateOfBirth));
  if (c.licenceNumber !== null)
    where.push(eq(registerEntries.licenceNumberKey, licenceNumberKey(c.licenceNumber)));
  const [{ total } = { total: 0 }] = await tx
    .select({ total: count() })
    .from(registerEntries)
    .where(and(...where));
  const rows = await tx
    .select()
    .from(registerEntries)
    .where(and(...where))
    .orderBy(asc(registerEntries.name), asc(registerEntries.decidedOn), asc(registerEntries.id))
    .limit(REGISTER_LIMIT);
  return { rows, total };
}

/** Holders listed on one page of the holders' list. */
export const HOLDERS_LIMIT = 50;

/**
 * The council's standing holders whose name contains `name` (any case), of
 * `kind` when given, in name order: the first `limit` and how many match.
 */
export async function findHolders(
  tx: Tx,
  councilId: string,
  filter: { name: string | null; kind: LicenceHolder['kind'] | null },
  limit = HOLDERS_LIMIT,
): Promise<{ rows: LicenceHolder[]; total: number }> {
  const where: SQL[] = [eq(licenceHolders.councilId, councilId), standing(licenceHolders) as SQL];
  if (filter.name) where.push(ilike(licenceHolders.name, `%${filter.name.replace(/[\\%_]/g, '\\$&')}%`));
  if (filter.kind) where.push(eq(licenceHolders.kind, filter.kind));
  const [{ total } = { total: 0 }] = await tx
    .select({ total: count() })
    .from(licenceHolders)
    .where(and(...where));
  const rows = await tx
    .select()
    .from(licenceHolders)
    .where(and(...where))
    .orderBy(asc(licenceHolders.name), asc(licenceHolders.id))
    .limit(limit);
  return { rows, total };
}

/** The council's vehicle checks as the rules read them. */
export async function vehicleChecksOf(tx: Tx, councilId: string): Promise<VehicleCheckFacts[]> {
  return tx
    .select({
      id: vehicleChecks.id,
      holderId: vehicleChecks.holderId,
      checkedOn: vehicleChecks.checkedOn,
      announced: vehicleChecks.announced,
      result: vehicleChecks.result,
    })
    .from(vehicleChecks)
    .where(and(eq(vehicleChecks.councilId, councilId), standing(vehicleChecks)));
}
