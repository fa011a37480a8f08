import { daysBetween } from './calendar.ts';
import { type RebaselineInPeriod, rebaselinesInPeriod } from './slippage.ts';
import { type OverdueMilestone, projectStatusOn, type StatusFacts } from './status.ts';
import { PROJECT_STATUSES, type ProjectStatus, type RebaselineFacts } from './types.ts';

/*
 * The board summary of a plan as at a date: how many projects derive to each
 * status and which, the off-track and slipped projects, and the re-baselines
 * approved in the reporting period. Every figure carries the ids it counts, so
 * a page can link each number to the records behind it.
 */

/** How many projects have one status, as a whole percentage of all, and which they are. */
export interface StatusCount {
  status: ProjectStatus;
  count: number;
  percent: number;
  projectIds: string[];
}

/** A project off track, with the milestones that make it so. */
export interface OffTrackProject {
  projectId: string;
  ref: string;
  title: string;
  overdue: OverdueMilestone[];
}

/** A project whose dates have moved, with how often and by how much. */
export interface SlippedProject {
  projectId: string;
  ref: string;
  title: string;
  rebaselines: number;
  daysSlipped: number;
}

/**
 * What a board summary reads of a project: a project in full (ProjectFacts) is
 * one, and so is the leaner record the summary's reader gives (record.ts).
 */
export interface SummaryFacts extends StatusFacts {
  ref: string;
  title: string;
  rebaselines: readonly RebaselineFacts[];
}

export interface BoardSummary {
  on: string;
  total: number;
  /** One entry per status, in the order of PROJECT_STATUSES, none left out. */
  counts: StatusCount[];
  offTrack: OffTrackProject[];
  /** Projects with a re-baseline approved by the date, most days slipped first. */
  slipped: SlippedProject[];
  rebaselinesInPeriod: RebaselineInPeriod[];
}

/** The day dates are counted from: the days between two dates are the difference of their counts. */
const EPOCH = '1970-01-01';

/**
 * A whole percentage of `total`, rounded to the nearest (a half rounds up), 0
 * when there is nothing to count: 87 of 132 is 66%. Rounded shares need not
 * add up to 100.
 */
export function wholePercent(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count * 100) / total);
}

/**
 * The board summary of `projects` as at `on`, with the re-baselines approved
 * from `period.from` to `period.to`. Each project is derived once, in time
 * proportional to its own records, so a plan of 10,000 projects costs no more
 * per project than a plan of ten. Slipped projects with the same days slipped
 * come in order of more re-baselines, then as given.
 */
export function boardSummary(
  projects: readonly SummaryFacts[],
  on: string,
  period: { from: string; to: string },
): BoardSummary {
  const ids = new Map<ProjectStatus, string[]>(PROJECT_STATUSES.map((s) => [s, []]));
  const offTrack: OffTrackProject[] = [];
  const slipped: SlippedProject[] = [];
  // Each date's day number, worked out once: thousands of milestones share a few hundred dates.
  const dayNumbers = new Map<string, number>();
  const dayOf = (date: string) => {
    let n = dayNumbers.get(date);
    if (n === undefined) {
      n = daysBetween(EPOCH, date);
      dayNumbers.set(date, n);
    }
    return n;
  };
  const today = dayOf(on);
  const daysTo = (dueOn: string) => today - dayOf(dueOn);
  const overdue: OverdueMilestone[] = [];
  for (const p of projects) {
    const status = projectStatusOn(p, on, overdue, daysTo);
    ids.get(status)?.push(p.id);
    if (status === 'off_track') {
      offTrack.push({ projectId: p.id, ref: p.ref, title: p.title, overdue: overdue.slice() });
    }
    if (p.rebaselines.length === 0) continue;
    // As projectSlippage counts them: the re-baselines approved by the day, and the days they moved dates.
    let rebaselines = 0;
    let daysSlipped = 0;
    for (const r of p.rebaselines) {
      if (r.approvedOn > on) continue;
      rebaselines++;
      daysSlipped += dayOf(r.toDate) - dayOf(r.fromDate);
    }
    if (rebaselines > 0) {
      slipped.push({ projectId: p.id, ref: p.ref, title: p.title, rebaselines, daysSlipped });
    }
  }
  slipped.sort((a, b) => b.daysSlipped - a.daysSlipped || b.rebaselines - a.rebaselines);
  const total = projects.length;
  return {
    on,
    total,
    counts: PROJECT_STATUSES.map((status) => {
      const projectIds = ids.get(status) ?? [];
      return {
        status,
        count: projectIds.length,
        percent: wholePercent(projectIds.length, total),
        projectIds,
      };
    }),
    offTrack,
    slipped,
    rebaselinesInPeriod: rebaselinesInPeriod(projects, period.from, period.to),
  };
}
