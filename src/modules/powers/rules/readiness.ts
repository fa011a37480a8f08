import type { Decision } from '../schema.ts';
import { dayNumber, nextQuarter, quarterOf } from './dates.ts';

/*
 * Readiness evidence (seed 001): how often the Commissioners' decisions stood as an
 * advisory councillor proposed them, per function and per councillor, by quarter.
 * Every figure carries the ids of the decisions it counts.
 */

/** One calendar quarter of a figure. `share` is null in a quarter with no decisions. */
export interface QuarterFigure {
  /** Written like '2016 Q1'. */
  quarter: string;
  decisions: number;
  asProposed: number;
  share: number | null;
  decisionIds: string[];
}

/** The evidence for one function or one councillor, with its quarters in order and no quarter missed. */
export interface ReadinessFigure {
  /** The function's id (by function) or the proposing councillor's person id (by councillor). */
  key: string;
  decisions: number;
  asProposed: number;
  /** The share agreed as proposed, from 0 to 1. */
  share: number | null;
  quarters: QuarterFigure[];
  decisionIds: string[];
}

/** Which way the share agreed as proposed moved between the last two quarters with decisions. */
export type Trend = 'rising' | 'falling' | 'steady' | 'too few quarters';

/** The parts of a decision the readiness evidence counts. */
export type ReadinessDecision = Pick<
  Decision,
  'id' | 'functionId' | 'proposedById' | 'decidedOn' | 'outcome' | 'withdrawnAt'
>;

interface Tally {
  key: string;
  asProposed: number;
  decisionIds: string[];
  quarters: QuarterFigure[];
}

type Counted = ReadinessDecision & { proposedById: string };

/**
 * The decisions on a proposal, not withdrawn, by day in date order, each day's by
 * id. Grouping by day and sorting the days as numbers is several times faster
 * than sorting tens of thousands of decisions by their date strings.
 */
function byDay(decisions: ReadinessDecision[]): Map<number, Counted[]> {
  const days = new Map<number, Counted[]>();
  for (const d of decisions) {
    if (d.withdrawnAt !== null || d.proposedById === null) continue;
    const day = dayNumber(d.decidedOn);
    const list = days.get(day);
    if (list) list.push(d as Counted);
    else days.set(day, [d as Counted]);
  }
  const ordered = new Map<number, Counted[]>();
  for (const day of Float64Array.from(days.keys()).sort())
    ordered.set(
      day,
      (days.get(day) as Counted[]).sort((a, b) => (a.id < b.id ? -1 : 1)), // ids are unique: never equal
    );
  return ordered;
}

function count(tallies: Map<string, Tally>, key: string, d: ReadinessDecision, quarter: string): void {
  let tally = tallies.get(key);
  if (!tally) {
    tally = { key, asProposed: 0, decisionIds: [], quarters: [] };
    tallies.set(key, tally);
  }
  let q = tally.quarters.at(-1);
  if (q?.quarter !== quarter) {
    q = { quarter, decisions: 0, asProposed: 0, share: null, decisionIds: [] };
    tally.quarters.push(q);
  }
  const agreed = d.outcome === 'as_proposed' ? 1 : 0;
  tally.asProposed += agreed;
  tally.decisionIds.push(d.id);
  q.asProposed += agreed;
  q.decisions += 1;
  q.decisionIds.push(d.id);
}

/** A tally as a figure: shares worked out and the quarters without decisions put in. */
function figure(t: Tally): ReadinessFigure {
  const quarters: QuarterFigure[] = [];
  for (const q of t.quarters) {
    const last = quarters.at(-1);
    if (last)
      for (let gap = nextQuarter(last.quarter); gap !== q.quarter; gap = nextQuarter(gap))
        quarters.push({ quarter: gap, decisions: 0, asProposed: 0, share: null, decisionIds: [] });
    quarters.push({ ...q, share: q.asProposed / q.decisions });
  }
  const decisions = t.decisionIds.length;
  return {
    key: t.key,
    decisions,
    asProposed: t.asProposed,
    share: t.asProposed / decisions,
    quarters,
    decisionIds: t.decisionIds,
  };
}

const figures = (tallies: Map<string, Tally>) =>
  [...tallies.values()].map(figure).sort((a, b) => b.decisions - a.decisions || a.key.localeCompare(b.key));

/**
 * The readiness evidence from decisions taken on a councillor's proposal (those
 * with a proposer and not withdrawn): per function and per proposing councillor,
 * how many there were and what share was agreed as proposed, overall and by
 * calendar quarter. Figures with the most decisions come first; decision ids are
 * in date order.
 */
export function readiness(decisions: ReadinessDecision[]): {
  byFunction: ReadinessFigure[];
  byCouncillor: ReadinessFigure[];
} {
  const byFunction = new Map<string, Tally>();
  const byCouncillor = new Map<string, Tally>();
  for (const list of byDay(decisions).values()) {
    const quarter = quarterOf((list[0] as Counted).decidedOn); // a day is listed only with a decision on it
    for (const d of list) {
      count(byFunction, d.functionId, d, quarter);
      count(byCouncillor, d.proposedById, d, quarter);
    }
  }
  return { byFunction: figures(byFunction), byCouncillor: figures(byCouncillor) };
}

/**
 * Whether the share agreed as proposed rose, fell or held between the last two
 * quarters that had decisions; 'too few quarters' when fewer than two had any.
 */
export function trend(quarters: Pick<QuarterFigure, 'decisions' | 'asProposed'>[]): Trend {
  const withDecisions = quarters.filter((q) => q.decisions > 0);
  const [before, last] = withDecisions.slice(-2);
  if (!before || !last) return 'too few quarters';
  // Compared as cross-products, so that equal shares (2 of 3, 4 of 6) are equal exactly.
  const difference = last.asProposed * before.decisions - before.asProposed * last.decisions;
  return difference > 0 ? 'rising' : difference < 0 ? 'falling' : 'steady';
}
