import { and, count, desc, eq, gte, inArray, isNotNull, isNull, lte, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Tx } from '#src/db/client.ts';
import { people } from '#src/modules/councils/schema.ts';
import { type ReadinessFigure, readiness } from './rules/readiness.ts';
import { councilFunctions, type Decision, decisions } from './schema.ts';

/** Which decisions to list. */
export interface DecisionFilter {
  functionId?: string;
  proposedById?: string;
  decidedById?: string;
  from?: string;
  to?: string;
  ids?: string[];
  /** Only decisions taken on a councillor's proposal: the ones readiness counts. */
  proposedOnly?: boolean;
}

export const DECISIONS_PAGE_SIZE = 50;

/** An id no record has: an empty list of ids matches nothing. */
const NO_ID = '00000000-0000-0000-0000-000000000000';

const proposer = alias(people, 'proposer');
const decider = alias(people, 'decider');

function conditions(councilId: string, filter: DecisionFilter): SQL[] {
  const where: SQL[] = [eq(decisions.councilId, councilId), isNull(decisions.withdrawnAt)];
  if (filter.functionId) where.push(eq(decisions.functionId, filter.functionId));
  if (filter.proposedById) where.push(eq(decisions.proposedById, filter.proposedById));
  if (filter.decidedById) where.push(eq(decisions.decidedById, filter.decidedById));
  if (filter.proposedOnly) where.push(isNotNull(decisions.proposedById));
  if (filter.from) where.push(gte(decisions.decidedOn, filter.from));
  if (filter.to) where.push(lte(decisions.decidedOn, filter.to));
  if (filter.ids) where.push(inArray(decisions.id, filter.ids.length ? filter.ids : [NO_ID]));
  return where;
}

/** A decision with the names a reader needs beside it. */
export interface DecisionRow extends Decision {
  functionName: string;
  functionCode: string;
  proposedByName: string | null;
  decidedByName: string;
}

/** One page of a council's decisions, newest first, and how many match in all. */
export async function decisionsOf(
  tx: Tx,
  councilId: string,
  filter: DecisionFilter,
  page = 1,
  pageSize = DECISIONS_PAGE_SIZE,
): Promise<{ rows: DecisionRow[]; total: number }> {
  const where = and(...conditions(councilId, filter));
  // One after the other: the caller may pass a transaction, whose connection runs one at a time.
  const rows = await tx
    .select({
      decision: decisions,
      functionName: councilFunctions.name,
      functionCode: councilFunctions.code,
      proposedByName: proposer.name,
      decidedByName: decider.name,
    })
    .from(decisions)
    .innerJoin(councilFunctions, eq(councilFunctions.id, decisions.functionId))
    .innerJoin(decider, eq(decider.id, decisions.decidedById))
    .leftJoin(proposer, eq(proposer.id, decisions.proposedById))
    .where(where)
    .orderBy(desc(decisions.decidedOn), decisions.id)
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const [total] = await tx.select({ n: count() }).from(decisions).where(where);
  return {
    rows: rows.map((r) => ({
      ...r.decision,
      functionName: r.functionName,
      functionCode: r.functionCode,
      proposedByName: r.proposedByName,
      decidedByName: r.decidedByName,
    })),
    total: total?.n ?? 0,
  };
}

/** One decision of a council, with names, or undefined. */
export async function decisionOf(tx: Tx, councilId: string, id: string): Promise<DecisionRow | undefined> {
  const { rows } = await decisionsOf(tx, councilId, { ids: [id] }, 1, 1);
  return rows[0];
}

/**
 * The readiness evidence of a council: per function and per proposing councillor,
 * how many decisions and what share stood as proposed, by quarter. Counted from
 * every decision that had a proposer.
 */
export async function readinessOf(
  tx: Tx,
  councilId: string,
  functionIds?: string[],
): Promise<{ byFunction: ReadinessFigure[]; byCouncillor: ReadinessFigure[] }> {
  const where = [eq(decisions.councilId, councilId), isNull(decisions.withdrawnAt)];
  // A page about some functions counts only their decisions, not the whole council's.
  if (functionIds) where.push(inArray(decisions.functionId, functionIds.length ? functionIds : [NO_ID]));
  const rows = await tx
    .select({
      id: decisions.id,
      functionId: decisions.functionId,
      proposedById: decisions.proposedById,
      decidedOn: decisions.decidedOn,
      outcome: decisions.outcome,
      withdrawnAt: decisions.withdrawnAt,
    })
    .from(decisions)
    .where(and(...where));
  return readiness(rows);
}
