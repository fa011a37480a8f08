import { longDate } from '#src/modules/powers/rules/dates.ts';
import { daysBetween } from './calendar.ts';
import type { ManagementActionFacts, MilestoneFacts, ProjectStatus, RebaselineFacts } from './types.ts';

/*
 * A project's status on a date, derived from its milestones, their evidence,
 * the re-baselines approved and the management actions agreed; never typed in.
 *
 * The rules, applied in this order:
 * 1. complete: it has at least one milestone and every one is done as at the
 *    date. Done means completed on or before the date with a kind of evidence
 *    and the evidence itself; a completion without evidence does not count.
 * 2. not yet due: the date is before the project's start (not started by plan).
 * 3. A milestone is overdue when it is not done and the due date in force (the
 *    baseline, or the latest re-baseline approved by then) is before the date;
 *    on its due date it is not yet overdue.
 * 4. on track: nothing overdue.
 * 5. behind with management action: every overdue milestone is covered by an
 *    action agreed on or before the date and not yet past its own due date,
 *    for that milestone or for the whole project (milestoneId null).
 * 6. off track: otherwise.
 *
 * A project with no milestones is judged on its own due date in force (the
 * re-baselines with milestoneId null) as if that were its single milestone,
 * one that is never done: such a project can be on track, behind or off track,
 * but never complete, since nothing evidences that it is. In its overdue entry
 * the project's own id stands in for a milestone's, and only project-wide
 * actions cover it.
 *
 * An overdue milestone names the action covering it: its own, if any, before
 * a project-wide one, and of several the first listed. The reason is one
 * sentence without a closing full stop, to sit beside a status tag or in a
 * table cell.
 */

/** How each status is written for people. */
export const PROJECT_STATUS_LABELS: Record<ProjectStatus, string> = {
  complete: 'Complete',
  on_track: 'On track',
  behind_with_action: 'Behind, with management action',
  off_track: 'Off track',
  not_yet_due: 'Not yet due',
};

/** A milestone (or a project with none) past its due date in force and not done. */
export interface OverdueMilestone {
  /** The milestone's id; the project's own id for a project with no milestones. */
  milestoneId: string;
  /** The due date in force on the day asked about. */
  dueOn: string;
  daysOverdue: number;
  /** The management action covering it, if any. */
  actionId: string | null;
}

/** A project's derived status, what is overdue, and why, in one sentence. */
export interface ProjectStatusResult {
  status: ProjectStatus;
  overdue: OverdueMilestone[];
  reason: string;
}

/**
 * A milestone as a board summary reads it: its evidence already reduced to the
 * day it was done (`doneOn`, its completion date when it was completed with a
 * kind of evidence and the evidence itself, else null). `milestoneDone` reads
 * it exactly as it reads the milestone in full.
 */
export interface MilestoneDates {
  id: string;
  /** The due date as first planned. */
  dueOn: string;
  doneOn: string | null;
}

/** What the status rules read of a re-baseline. */
export type RebaselineDates = Pick<RebaselineFacts, 'milestoneId' | 'toDate' | 'approvedOn'>;

/** What the status rules read of a management action. */
export type ActionDates = Pick<ManagementActionFacts, 'id' | 'milestoneId' | 'agreedOn' | 'dueOn'>;

/**
 * What a project's status is derived from: a project in full (ProjectFacts) is
 * one, and so is the leaner record a board summary reads, whose milestones are
 * MilestoneDates.
 */
export interface StatusFacts {
  id: string;
  startOn: string;
  /** The project's due date as first planned. */
  dueOn: string;
  milestones: readonly (MilestoneFacts | MilestoneDates)[];
  rebaselines: readonly RebaselineDates[];
  actions: readonly ActionDates[];
}

/**
 * The due date in force on `on`: the `baseline`, or the `toDate` of the latest
 * re-baseline approved on or before `on` (latest by approval date; of two
 * approved the same day, the later in the list). Pass only the re-baselines of
 * the one milestone, or of the project itself (milestoneId null).
 */
export function dueDateOn(baseline: string, rebaselines: readonly RebaselineDates[], on: string): string {
  let due = baseline;
  let latest = '';
  for (const r of rebaselines) {
    if (r.approvedOn <= on && r.approvedOn >= latest) {
      latest = r.approvedOn;
      due = r.toDate;
    }
  }
  return due;
}

/**
 * The day a milestone was done: its completion date when it was completed
 * with both a kind of evidence and the evidence itself (not blank), else null.
 */
export function doneDate(m: MilestoneFacts | MilestoneDates): string | null {
  if ('doneOn' in m) return m.doneOn;
  return m.completedOn !== null && m.evidenceKind !== null && m.evidence !== null && m.evidence.trim() !== ''
    ? m.completedOn
    : null;
}

/**
 * Whether a milestone is done as at `on`: completed on or before that day, with
 * both a kind of evidence and the evidence itself. A completion without evidence
 * does not count.
 */
export function milestoneDone(m: MilestoneFacts | MilestoneDates, on: string): boolean {
  const done = doneDate(m);
  return done !== null && done <= on;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Items of a list grouped by their milestone id (null for the project's own). */
function byMilestone<T extends { milestoneId: string | null }>(items: readonly T[]): Map<string | null, T[]> {
  const map = new Map<string | null, T[]>();
  for (const item of items) {
    const list = map.get(item.milestoneId);
    if (list) list.push(item);
    else map.set(item.milestoneId, [item]);
  }
  return map;
}

const NONE: readonly never[] = [];

/** Past this many re-baselines or actions, a project's are grouped by milestone once rather than read through for each. */
const GROUP_FROM = 8;

/**
 * What the rules need of one project's re-baselines and actions on `on`: the
 * due date in force of a milestone (or of the project, `id` null), and the
 * action covering an overdue one. A project's few are read through for each
 * milestone, in the order listed, which gives what grouping them by milestone
 * gives (`dueDateOn` of the milestone's own; see `coveringAction`).
 */
function dueInForce(
  baseline: string,
  rebaselines: readonly RebaselineDates[],
  grouped: Map<string | null, RebaselineDates[]> | null,
  id: string | null,
  on: string,
): string {
  if (grouped) return dueDateOn(baseline, grouped.get(id) ?? NONE, on);
  let due = baseline;
  let latest = '';
  for (const r of rebaselines) {
    if (r.milestoneId === id && r.approvedOn <= on && r.approvedOn >= latest) {
      latest = r.approvedOn;
      due = r.toDate;
    }
  }
  return due;
}

/**
 * The action covering an overdue milestone on `on`: one agreed by then and not
 * past its own due date, for that milestone or, failing that, for the whole
 * project; the first such in the list.
 */
function coveringAction(
  actions: readonly ActionDates[],
  grouped: Map<string | null, ActionDates[]> | null,
  milestoneId: string | null,
  on: string,
): string | null {
  if (grouped) {
    const live = (a: ActionDates) => a.agreedOn <= on && on <= a.dueOn;
    const own = milestoneId === null ? undefined : grouped.get(milestoneId)?.find(live);
    return (own ?? grouped.get(null)?.find(live))?.id ?? null;
  }
  let whole: string | null = null;
  for (const a of actions) {
    if (a.agreedOn > on || on > a.dueOn) continue;
    if (milestoneId !== null && a.milestoneId === milestoneId) return a.id;
    if (a.milestoneId === null && whole === null) whole = a.id;
  }
  return whole;
}

/** An overdue milestone, with the action covering it: pushed onto `overdue`; whether it is covered. */
function overdueEntry(
  overdue: OverdueMilestone[],
  milestoneId: string,
  dueOn: string,
  key: string | null,
  p: StatusFacts,
  actionsOf: Map<string | null, ActionDates[]> | null,
  on: string,
  daysTo: (dueOn: string) => number,
): boolean {
  const actionId = p.actions.length === 0 ? null : coveringAction(p.actions, actionsOf, key, on);
  overdue.push({ milestoneId, dueOn, daysOverdue: daysTo(dueOn), actionId });
  return actionId !== null;
}

/**
 * A project's status on `on`, by the rules at the head of this file, with its
 * overdue milestones pushed onto `overdue` (emptied first), and without the
 * sentence saying why: what a board summary needs of each of thousands of
 * projects, with nothing made for a project that a summary does not list.
 * `daysTo(dueOn)` is the days from a due date to `on` (`daysBetween`, which a
 * caller deriving many projects may remember date by date).
 */
export function projectStatusOn(
  p: StatusFacts,
  on: string,
  overdue: OverdueMilestone[],
  daysTo: (dueOn: string) => number = (dueOn) => daysBetween(dueOn, on),
): ProjectStatus {
  overdue.length = 0;
  const ms = p.milestones;
  let done = 0;
  for (const m of ms) if (milestoneDone(m, on)) done++;
  if (ms.length > 0 && done === ms.length) return 'complete';
  if (on < p.startOn) return 'not_yet_due';

  const moves = p.rebaselines;
  const movesOf = moves.length > GROUP_FROM ? byMilestone(moves) : null;
  const actionsOf = p.actions.length > GROUP_FROM ? byMilestone(p.actions) : null;
  let uncovered = 0;
  if (ms.length === 0) {
    const due = dueInForce(p.dueOn, moves, movesOf, null, on);
    if (due < on && !overdueEntry(overdue, p.id, due, null, p, actionsOf, on, daysTo)) uncovered++;
  } else {
    for (const m of ms) {
      if (done > 0 && milestoneDone(m, on)) continue;
      const due = moves.length === 0 ? m.dueOn : dueInForce(m.dueOn, moves, movesOf, m.id, on);
      if (due < on && !overdueEntry(overdue, m.id, due, m.id, p, actionsOf, on, daysTo)) uncovered++;
    }
  }
  if (overdue.length === 0) return 'on_track';
  return uncovered === 0 ? 'behind_with_action' : 'off_track';
}

/**
 * A project's status on `on`, with its overdue milestones and a sentence saying
 * why. See the rules at the head of this file.
 */
export function deriveProjectStatus(p: StatusFacts, on: string): ProjectStatusResult {
  const overdue: OverdueMilestone[] = [];
  const status = projectStatusOn(p, on, overdue);
  const ms = p.milestones;
  switch (status) {
    case 'complete':
      return {
        status,
        overdue,
        reason:
          ms.length === 1
            ? 'Its one milestone is done, with evidence'
            : `All ${ms.length} milestones are done, with evidence`,
      };
    case 'not_yet_due':
      return { status, overdue, reason: `Not started by plan: it starts on ${longDate(p.startOn)}` };
    case 'on_track': {
      const reason =
        ms.length === 0
          ? `It has no milestones and its due date, ${longDate(dueInForce(p.dueOn, p.rebaselines, null, null, on))}, has not passed`
          : `No milestone is overdue (${ms.filter((m) => milestoneDone(m, on)).length} of ${ms.length} done)`;
      return { status, overdue, reason };
    }
    default: {
      const uncovered = overdue.filter((o) => o.actionId === null).length;
      return { status, overdue, reason: overdueReason(ms.length === 0, overdue, uncovered) };
    }
  }
}

function overdueReason(
  noMilestones: boolean,
  overdue: readonly OverdueMilestone[],
  uncovered: number,
): string {
  if (noMilestones) {
    const due = longDate((overdue[0] as OverdueMilestone).dueOn);
    return uncovered === 0
      ? `Past its due date of ${due}, with a management action`
      : `Past its due date of ${due} with no management action`;
  }
  const n = overdue.length;
  if (uncovered === 0) {
    return n === 1
      ? '1 milestone overdue, with a management action'
      : `${n} milestones overdue, each with a management action`;
  }
  if (uncovered === n) return `${plural(n, 'milestone')} overdue with no management action`;
  return `${n} milestones overdue, ${uncovered} of them with no management action`;
}
