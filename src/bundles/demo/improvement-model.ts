/*
 * What the demo's Improvement records are made of: the rows of the bundle's
 * `improvement` section (each table's fields without the council), and the small
 * model each project of the Fresh Start Improvement Plan is described by: its
 * dates, its kind of work (which gives its milestones), and what happened to it
 * (dates moved with approval, a milestone that ran late and what was done about
 * it). No status is written anywhere: the rules derive it from what this model
 * generates.
 */
import type {
  improvementBoards,
  indicators,
  indicatorValues,
  managementActions,
  milestones,
  peerReviewRecommendations,
  peerReviews,
  plans,
  projectCommentary,
  projects,
  rebaselines,
  workstreams,
} from '#src/modules/improvement/schema.ts';
import type { Row } from './powers-model.ts';
import type { Portfolio } from './powers-people.ts';

export { NOT_WITHDRAWN, SEED } from './powers-model.ts';

type Of<T extends { $inferSelect: object }> = Row<T['$inferSelect']>;

/** The bundle's `improvement` section, its lists in the order of import. */
export interface ImprovementSection {
  boards: Of<typeof improvementBoards>[];
  plans: Of<typeof plans>[];
  workstreams: Of<typeof workstreams>[];
  projects: Of<typeof projects>[];
  milestones: Of<typeof milestones>[];
  rebaselines: Of<typeof rebaselines>[];
  managementActions: Of<typeof managementActions>[];
  commentary: Of<typeof projectCommentary>[];
  indicators: Of<typeof indicators>[];
  indicatorValues: Of<typeof indicatorValues>[];
  peerReviews: Of<typeof peerReviews>[];
  recommendations: Of<typeof peerReviewRecommendations>[];
}

export type ProjectRow = ImprovementSection['projects'][number];
export type MilestoneRow = ImprovementSection['milestones'][number];

/** The day seed 001 reports the plan's figures for. */
export const REPORT_DATE = '2015-10-31';

/**
 * Illustrative: seed 001 names the Fresh Start Improvement Plan and says the
 * Commissioners held their first public meeting in June 2015, not the day.
 */
export const PLAN_ADOPTED = '2015-06-17';

/** Who may lead a project: a Commissioner, or the Member for a portfolio (see castOf in powers-people.ts). */
export type Lead = 'myers' | 'manzie' | 'ney' | 'newsam' | Portfolio;

/** The milestones of each kind of work, in order. Illustrative. */
export const MILESTONES = {
  policy: [
    'Draft agreed for consultation',
    'Consultation closed and responses reported',
    'Adopted by the decision-maker',
    'In force and communicated to staff',
  ],
  review: ['Scope and terms of reference agreed', 'Findings reported to the board', 'Action plan agreed'],
  recruit: [
    'Structure and role profiles agreed',
    'Posts advertised',
    'Appointments made',
    'Inductions completed',
  ],
  training: [
    'Programme designed',
    'First sessions delivered',
    'Everyone in the target group trained',
    'Evaluation reported to the board',
  ],
  system: [
    'Requirements agreed',
    'Solution procured',
    'Tested with users',
    'Live',
    'Post-implementation review reported',
  ],
  service: [
    'Baseline and project plan agreed',
    'New arrangements piloted',
    'Rolled out',
    'First impact report to the board',
  ],
  report: ['Approach agreed', 'Evidence gathered', 'Report published'],
  launch: [
    'Partners and funding agreed',
    'Staff appointed',
    'Premises ready',
    'Service launched',
    'Six-month review reported',
  ],
} as const;
export type WorkKind = keyof typeof MILESTONES;

/** A milestone's due date moved (by position, from 0), with its reason and approver. */
export interface Slip {
  m: number;
  to: string;
  approvedOn: string;
  approvedBy: string;
  reason: string;
}

/** A milestone done after its due date, and the management action agreed meanwhile, if any was. */
export interface Late {
  m: number;
  doneOn: string;
  action?: { text: string; owner: string; agreedOn: string; dueOn: string };
}

/** One project of the plan as the demo describes it. */
export interface ProjectSpec {
  title: string;
  kind: WorkKind;
  /** Its own milestones, when the seeds say what they were; otherwise its kind's. */
  steps?: readonly string[];
  /** The first of its first month and the last of its last, YYYY-MM-DD. */
  startOn: string;
  dueOn: string;
  /** What it is; when absent, a sentence saying the project is illustrative. */
  note?: string;
  officer?: string;
  lead?: Lead | null;
  slips?: Slip[];
  late?: Late;
  /** The title of a Powers decision that evidences its last milestone. */
  decision?: string;
}

/** A workstream of the plan, with what its projects share unless they say otherwise. */
export interface WorkstreamSpec {
  code: string;
  title: string;
  board: 'council' | 'children';
  officer: string;
  lead: Lead | null;
  projects: ProjectSpec[];
}

/** The last day of a month written YYYY-MM. */
export const lastDayOf = (month: string) =>
  new Date(Date.UTC(+month.slice(0, 4), +month.slice(5, 7), 0)).toISOString().slice(0, 10);

/**
 * A project from its first and last months (YYYY-MM), its kind of work and what
 * else the story says of it.
 *
 * @example project('Members’ Code of Conduct', 'policy', '2015-06', '2016-01', { lead: 'myers' })
 */
export function project(
  title: string,
  kind: WorkKind,
  from: string,
  to: string,
  more: Omit<ProjectSpec, 'title' | 'kind' | 'startOn' | 'dueOn'> = {},
): ProjectSpec {
  return { title, kind, startOn: `${from}-01`, dueOn: lastDayOf(to), ...more };
}
