import { and, inArray, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#src/db/client.ts';
import { holderEntity, licenceEntity, licensingCheckEntity } from '#src/db/ledgered.ts';
import { lastEntry } from '#src/ledger/append.ts';
import { ledgerEntries } from '#src/ledger/schema.ts';
import { snapshot } from '#src/modules/improvement/record.ts';
import { complianceHolders } from './record.ts';
import type { ComplianceHolder } from './rules/compliance.ts';
import {
  BARRED_LISTS,
  CHECK_KINDS,
  CHECK_OUTCOMES,
  type CheckFacts,
  HOLDER_KINDS,
  type HolderFacts,
  LICENCE_KINDS,
  LICENCE_STATUSES,
  type LicenceFacts,
} from './rules/types.ts';

/*
 * The facts the compliance view reads (every standing holder of a council with
 * their licences and checks), kept in memory between requests and brought up
 * to date from the ledger. Every change to a holder, a licence or a check is a
 * ledger entry carrying the record's new state, and entries are numbered in the
 * order they were committed, so the facts as at ledger entry n, plus the
 * entries after n, are the facts now. Reading twenty thousand holders' checks
 * afresh takes about a second; reading the few entries since the last request
 * takes a millisecond. Nothing is decided here: the rules read these facts as
 * they would read the tables.
 */

/** The ledger's names for the records the compliance view reads. */
const ENTITY_TYPES = [holderEntity.entityType, licenceEntity.entityType, licensingCheckEntity.entityType];

/** One council's facts as at ledger entry `seq`, each holder's an immutable object. */
interface KeptFacts {
  seq: number;
  byHolder: Map<string, ComplianceHolder>;
  /** Every holder in id order; rebuilt after a change, shared by readers until the next. */
  list: readonly ComplianceHolder[];
}

/** Per database (its root handle), per council. A database closed and dropped takes its facts with it. */
const kept = new WeakMap<object, Map<string, KeptFacts>>();

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The words the records are made of (kinds, statuses, outcomes) as the rules' own
 * constants: a word read from the database is a string of its own, which the
 * rules' comparisons would read character by character on every check; the
 * constant is compared at once.
 */
const WORDS = new Map<string, string>(
  [
    ...HOLDER_KINDS,
    ...LICENCE_KINDS,
    ...LICENCE_STATUSES,
    ...CHECK_KINDS,
    ...CHECK_OUTCOMES,
    ...BARRED_LISTS,
  ].map((w) => [w, w]),
);
const word = <T extends string>(w: T): T => (WORDS.get(w) as T | undefined) ?? w;

/** Dates likewise: one string for each date, so that equal dates compare, and are looked up, at once. */
const DATES = new Map<string, string>();
function day<T extends string | null>(date: T): T {
  if (date === null) return date;
  const known = DATES.get(date);
  if (known !== undefined) return known as T;
  if (DATES.size >= 100_000) DATES.clear();
  DATES.set(date, date);
  return date;
}

function keep(seq: number, holders: readonly ComplianceHolder[]): KeptFacts {
  const list = holders
    .map((h) => ({
      ...holderFacts(h as unknown as Record<string, unknown>),
      licences: h.licences.map((l) => licenceFacts(l as unknown as Record<string, unknown>)),
      checks: h.checks.map((c) => checkFacts(c as unknown as Record<string, unknown>)),
    }))
    .sort(byId);
  return { seq, byHolder: new Map(list.map((h) => [h.id, h])), list };
}

/** A change the ledger records, as far as the facts need it. */
interface Entry {
  seq: number;
  entityType: string;
  entityId: string;
  after: Record<string, unknown> | null;
}

const standingState = (after: Record<string, unknown> | null) =>
  after !== null && (after.withdrawnAt ?? null) === null ? after : null;

const holderFacts = (s: Record<string, unknown>): HolderFacts => ({
  id: s.id as string,
  kind: word(s.kind as HolderFacts['kind']),
  name: s.name as string,
  dateOfBirth: day((s.dateOfBirth as string | null) ?? null),
});

const licenceFacts = (s: Record<string, unknown>): LicenceFacts => ({
  id: s.id as string,
  holderId: s.holderId as string,
  number: s.number as string,
  kind: word(s.kind as LicenceFacts['kind']),
  status: word(s.status as LicenceFacts['status']),
  startOn: day(s.startOn as string),
  endOn: day((s.endOn as string | null) ?? null),
  statusFrom: day((s.statusFrom as string | null) ?? null),
});

const checkFacts = (s: Record<string, unknown>): CheckFacts => ({
  id: s.id as string,
  holderId: s.holderId as string,
  kind: word(s.kind as CheckFacts['kind']),
  doneOn: day(s.doneOn as string),
  outcome: word(s.outcome as CheckFacts['outcome']),
  certificateNumber: null,
  barredLists: ((s.barredLists as CheckFacts['barredLists']) ?? []).map(word),
  course: null,
  validUntil: day((s.validUntil as string | null) ?? null),
});

/** `list` without the item of `id`, and with `item` when it stands. */
function replaced<T extends { id: string }>(list: readonly T[], id: string, item: T | null): T[] {
  const rest = list.filter((x) => x.id !== id);
  return item ? [...rest, item] : rest;
}

/**
 * Applies `entries` (after `facts.seq`, in order) to the facts in place; false when
 * one names a holder the facts do not have (a licence or a check of a holder not
 * yet standing), which only a fresh read can place.
 */
function apply(facts: KeptFacts, entries: readonly Entry[]): boolean {
  for (const entry of entries) {
    const state = standingState(entry.after);
    if (entry.entityType === holderEntity.entityType) {
      const known = facts.byHolder.get(entry.entityId);
      if (!state) facts.byHolder.delete(entry.entityId);
      else
        facts.byHolder.set(entry.entityId, {
          ...holderFacts(state),
          licences: known?.licences ?? [],
          checks: known?.checks ?? [],
        });
      continue;
    }
    const holderId = (entry.after?.holderId as string | undefined) ?? '';
    const holder = facts.byHolder.get(holderId);
    if (!holder) {
      if (!state) continue; // a record of a holder no longer standing, withdrawn too
      return false;
    }
    facts.byHolder.set(
      holderId,
      entry.entityType === licenceEntity.entityType
        ? { ...holder, licences: replaced(holder.licences, entry.entityId, state && licenceFacts(state)) }
        : { ...holder, checks: replaced(holder.checks, entry.entityId, state && checkFacts(state)) },
    );
  }
  return true;
}

/** The ledger entries of the council's holders, licences and checks after `from`, up to `to`. */
async function entriesBetween(tx: Tx, councilId: string, from: number, to: number): Promise<Entry[]> {
  const rows = await queryRows<{ seq: number | string; body: string }>(
    tx,
    sql`SELECT seq, body FROM ${ledgerEntries}
        WHERE ${and(
          sql`${ledgerEntries.councilId} = ${councilId}`,
          sql`${ledgerEntries.seq} > ${from}`,
          sql`${ledgerEntries.seq} <= ${to}`,
          inArray(ledgerEntries.entityType, ENTITY_TYPES),
        )}
        ORDER BY ${ledgerEntries.seq}`,
  );
  return rows.map((r) => {
    const body = JSON.parse(r.body) as { entityType: string; entityId: string; after: Entry['after'] };
    return { seq: Number(r.seq), entityType: body.entityType, entityId: body.entityId, after: body.after };
  });
}

/**
 * Every standing holder of the council with their licences and checks, as
 * `complianceHolders` reads them from the tables, in id order, read in one
 * snapshot of `db` (the database's root handle, not a transaction). The first
 * read of a council reads the tables; later reads apply the ledger entries
 * written since. A snapshot older than the facts kept (a request that began
 * before another finished) reads the tables and keeps nothing.
 */
export function complianceFacts(db: Tx, councilId: string): Promise<readonly ComplianceHolder[]> {
  return snapshot(db, async (tx) => {
    const head = (await lastEntry(tx)).count;
    const councils = kept.get(db) ?? new Map<string, KeptFacts>();
    kept.set(db, councils);
    const known = councils.get(councilId);
    if (known && known.seq <= head) {
      if (known.seq === head) return known.list;
      const entries = await entriesBetween(tx, councilId, known.seq, head);
      // Another request may have brought the facts further on while this one read.
      const now = councils.get(councilId);
      if (now && now.seq <= head) {
        if (now.seq === head) return now.list;
        const later = entries.filter((e) => e.seq > now.seq);
        if (apply(now, later)) {
          now.seq = head;
          if (later.length) now.list = [...now.byHolder.values()].sort(byId);
          return now.list;
        }
        councils.delete(councilId);
      }
    }
    const fresh = keep(head, await complianceHolders(tx, councilId));
    const now = councils.get(councilId);
    if (!now || now.seq < head) councils.set(councilId, fresh);
    return fresh.list;
  });
}

/** Forgets the facts kept for `db` (the bench's cold reads, and a database restored under a running server). */
export function forgetComplianceFacts(db: Tx): void {
  kept.delete(db);
}
