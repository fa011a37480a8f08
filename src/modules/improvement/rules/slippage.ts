import { daysBetween } from './calendar.ts';
import type { ProjectFacts, RebaselineFacts } from './types.ts';

/*
 * How far plans have slipped: every re-baseline is kept, with its reason and
 * approver, and counted. A move to an earlier date counts as negative days, so
 * the total is the net movement of the project's dates.
 */

/** One due date moved: from when, to when, by how many days, why and on whose approval. */
export interface SlippageMove {
  rebaselineId: string;
  /** Null when the project's own due date moved. */
  milestoneId: string | null;
  fromDate: string;
  toDate: string;
  /** Days from the old date to the new one; negative when brought forward. */
  days: number;
  reason: string;
  approvedBy: string;
  approvedOn: string;
}

/** A project's re-baselines approved by a date, and the days they add up to. */
export interface ProjectSlippage {
  rebaselines: number;
  daysSlipped: number;
  moves: SlippageMove[];
}

/** A re-baseline in a plan-level report, with the project it belongs to. */
export interface RebaselineInPeriod extends SlippageMove {
  projectId: string;
  ref: string;
  title: string;
}

function move(r: RebaselineFacts): SlippageMove {
  return {
    rebaselineId: r.id,
    milestoneId: r.milestoneId,
    fromDate: r.fromDate,
    toDate: r.toDate,
    days: daysBetween(r.fromDate, r.toDate),
    reason: r.reason,
    approvedBy: r.approvedBy,
    approvedOn: r.approvedOn,
  };
}

const byApproval = (a: { approvedOn: string }, b: { approvedOn: string }) =>
  a.approvedOn < b.approvedOn ? -1 : a.approvedOn > b.approvedOn ? 1 : 0;

/**
 * A project's slippage as at `on`: the re-baselines of the project and of its
 * milestones approved on or before `on`, in order of approval (same-day ones in
 * the order given), with the days each moved a date and their sum.
 */
export function projectSlippage(p: Pick<ProjectFacts, 'rebaselines'>, on: string): ProjectSlippage {
  const moves: SlippageMove[] = [];
  let daysSlipped = 0;
  for (const r of p.rebaselines) {
    if (r.approvedOn > on) continue;
    const m = move(r);
    daysSlipped += m.days;
    moves.push(m);
  }
  moves.sort(byApproval); // Array sort is stable: same-day moves keep their order.
  return { rebaselines: moves.length, daysSlipped, moves };
}

/**
 * Every re-baseline approved from `from` to `to` (both days included) across
 * the projects given, each with its project's id, reference and title, in order
 * of approval, then of the projects, then as listed.
 */
export function rebaselinesInPeriod(
  projects: readonly Pick<ProjectFacts, 'id' | 'ref' | 'title' | 'rebaselines'>[],
  from: string,
  to: string,
): RebaselineInPeriod[] {
  const found: RebaselineInPeriod[] = [];
  for (const p of projects) {
    for (const r of p.rebaselines) {
      if (r.approvedOn < from || r.approvedOn > to) continue;
      found.push({ projectId: p.id, ref: p.ref, title: p.title, ...move(r) });
    }
  }
  return found.sort(byApproval);
}
