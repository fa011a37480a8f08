/*
 * The facts the Improvement rules work on: plain values read from the records,
 * with no database in sight. Dates are ISO calendar dates (YYYY-MM-DD), compared
 * as strings. Every rule takes the date it answers for.
 */

/** What a project is, on a date, derived from its milestones, evidence, re-baselines and actions. */
export const PROJECT_STATUSES = [
  'complete',
  'on_track',
  'behind_with_action',
  'off_track',
  'not_yet_due',
] as const;
export type ProjectStatus = (typeof PROJECT_STATUSES)[number];

export interface MilestoneFacts {
  id: string;
  title: string;
  /** The due date as first planned. */
  dueOn: string;
  completedOn: string | null;
  evidenceKind: 'document' | 'link' | 'record' | null;
  evidence: string | null;
}

export interface RebaselineFacts {
  id: string;
  /** Null when the project's own due date moved. */
  milestoneId: string | null;
  fromDate: string;
  toDate: string;
  reason: string;
  approvedBy: string;
  approvedOn: string;
}

export interface ManagementActionFacts {
  id: string;
  /** Null when it covers the whole project. */
  milestoneId: string | null;
  action: string;
  owner: string;
  agreedOn: string;
  dueOn: string;
}

export interface ProjectFacts {
  id: string;
  ref: string;
  title: string;
  startOn: string;
  /** The project's due date as first planned. */
  dueOn: string;
  milestones: readonly MilestoneFacts[];
  rebaselines: readonly RebaselineFacts[];
  actions: readonly ManagementActionFacts[];
}

export const INDICATOR_STATUSES = ['green', 'amber', 'red', 'no_data'] as const;
export type IndicatorStatus = (typeof INDICATOR_STATUSES)[number];

export const DIRECTIONS_OF_TRAVEL = ['improving', 'steady', 'worsening', 'not_enough_data'] as const;
export type DirectionOfTravel = (typeof DIRECTIONS_OF_TRAVEL)[number];

export interface IndicatorFacts {
  id: string;
  unit: 'percent' | 'count' | 'gbp' | 'days' | 'rate_per_10000';
  polarity: 'higher_is_better' | 'lower_is_better';
  frequency: 'monthly' | 'quarterly' | 'annual';
  firstPeriodStart: string;
  lastPeriodEnd: string | null;
  target: number;
  tolerance: number;
  values: readonly { id: string; periodStart: string; value: number }[];
}

/** One item of a plan, for the recycled-plan check: a project or action and its text. */
export interface PlanItemText {
  id: string;
  planId: string;
  /** The text compared: the item's title and description. */
  text: string;
}
