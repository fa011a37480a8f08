import {
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { councilId, withdrawal } from '#src/db/columns.ts';
import { councils, people } from '../councils/schema.ts';

/*
 * The Improvement module's records. No status is stored anywhere: a project's
 * status on a date, an indicator's status in a period and a plan's board
 * summary are derived (rules/) from milestones, completions with evidence,
 * re-baselines, management actions and measured values. Every table carries
 * the council, and every row is ledgered (src/db/ledgered.ts).
 */

/** A board that oversees projects (e.g. the all-party Improvement Board chaired by the Lead Commissioner). */
export const improvementBoards = pgTable('improvement_boards', {
  id: uuid('id').primaryKey(),
  councilId: councilId(),
  name: text('name').notNull(),
  /** Who chairs it, when they are a person of the council's record. */
  chairPersonId: uuid('chair_person_id').references(() => people.id),
  ...withdrawal,
});

/** An improvement plan or an action list. Plans are compared with every earlier plan when added. */
export const PLAN_KINDS = ['improvement_plan', 'action_plan'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const plans = pgTable(
  'plans',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    title: text('title').notNull(),
    kind: text('kind', { enum: PLAN_KINDS }).notNull(),
    /** The day the plan was agreed; "earlier plans" are those adopted before it. */
    adoptedOn: date('adopted_on', { mode: 'string' }).notNull(),
    summary: text('summary'),
    /** Where the plan comes from (a document, a meeting). */
    source: text('source'),
    ...withdrawal,
  },
  (t) => [index('plans_council_idx').on(t.councilId, t.adoptedOn)],
);

export const workstreams = pgTable(
  'workstreams',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    title: text('title').notNull(),
    position: integer('position').notNull(),
    ...withdrawal,
  },
  (t) => [index('workstreams_plan_idx').on(t.planId)],
);

/** A project of a plan (for an action list, one action). */
export const projects = pgTable(
  'projects',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    planId: uuid('plan_id')
      .notNull()
      .references(() => plans.id),
    workstreamId: uuid('workstream_id').references(() => workstreams.id),
    /** The plan's own reference for it, unique in the plan (e.g. `P017`). */
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    /** The officer accountable for it (a post or a name). */
    accountableOfficer: text('accountable_officer').notNull(),
    /** The lead member (Cabinet member or Commissioner), when it has one. */
    leadMemberPersonId: uuid('lead_member_person_id').references(() => people.id),
    boardId: uuid('board_id').references(() => improvementBoards.id),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    /** The due date as first planned; later dates are re-baselines, kept beside it. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    ...withdrawal,
  },
  (t) => [index('projects_plan_idx').on(t.planId), uniqueIndex('projects_ref_idx').on(t.planId, t.ref)],
);

/** What counts as evidence that a milestone is done. */
export const EVIDENCE_KINDS = ['document', 'link', 'record'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const milestones = pgTable(
  'milestones',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    title: text('title').notNull(),
    /** The due date as first planned; re-baselines are kept in `rebaselines`. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    position: integer('position').notNull(),
    /** The day it was done; it counts as done only with evidence. */
    completedOn: date('completed_on', { mode: 'string' }),
    evidenceKind: text('evidence_kind', { enum: EVIDENCE_KINDS }),
    /** A document's title and reference, a URL, or `entity-type/uuid` of a record in Fresh Start. */
    evidence: text('evidence'),
    ...withdrawal,
  },
  (t) => [index('milestones_project_idx').on(t.projectId)],
);

/**
 * A due date moved, with its reason and approver. The project's or milestone's
 * own `dueOn` is never changed; the date in force on a day is the baseline or
 * the last re-baseline approved by then.
 */
export const rebaselines = pgTable(
  'rebaselines',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    /** Null when the project's own due date moved. */
    milestoneId: uuid('milestone_id').references(() => milestones.id),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    /** Who approved it: a post or a name. */
    approvedBy: text('approved_by').notNull(),
    approvedOn: date('approved_on', { mode: 'string' }).notNull(),
    ...withdrawal,
  },
  (t) => [index('rebaselines_project_idx').on(t.projectId)],
);

/** What is being done about an overdue milestone: with an owner and a date it makes the project "behind with management action". */
export const managementActions = pgTable(
  'management_actions',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    milestoneId: uuid('milestone_id').references(() => milestones.id),
    action: text('action').notNull(),
    owner: text('owner').notNull(),
    /** The day it was agreed. */
    agreedOn: date('agreed_on', { mode: 'string' }).notNull(),
    /** The day it is to be done by. */
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    ...withdrawal,
  },
  (t) => [index('management_actions_project_idx').on(t.projectId)],
);

/** A note on a project. Users add commentary; they never set a status. */
export const projectCommentary = pgTable(
  'project_commentary',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    writtenOn: date('written_on', { mode: 'string' }).notNull(),
    author: text('author').notNull(),
    body: text('body').notNull(),
    ...withdrawal,
  },
  (t) => [index('project_commentary_project_idx').on(t.projectId)],
);

/** An earlier item that an item of a later plan repeats, found by the recycled-plan check when the later plan was added. */
export const recycledItems = pgTable(
  'recycled_items',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id),
    earlierProjectId: uuid('earlier_project_id')
      .notNull()
      .references(() => projects.id),
    /** Similarity of the two items' texts, 0–1, by the measure named in `method`. */
    similarity: doublePrecision('similarity').notNull(),
    method: text('method').notNull(),
    /** The day the check ran: the later plan's adoption. */
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    ...withdrawal,
  },
  (t) => [index('recycled_items_project_idx').on(t.projectId)],
);

export const INDICATOR_UNITS = ['percent', 'count', 'gbp', 'days', 'rate_per_10000'] as const;
export type IndicatorUnit = (typeof INDICATOR_UNITS)[number];
export const POLARITIES = ['higher_is_better', 'lower_is_better'] as const;
export type Polarity = (typeof POLARITIES)[number];
export const FREQUENCIES = ['monthly', 'quarterly', 'annual'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** A performance indicator and its definition. */
export const indicators = pgTable(
  'indicators',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** What is measured. */
    definition: text('definition').notNull(),
    /** How it is measured. */
    method: text('method').notNull(),
    /** Where the figures come from. */
    source: text('source').notNull(),
    unit: text('unit', { enum: INDICATOR_UNITS }).notNull(),
    polarity: text('polarity', { enum: POLARITIES }).notNull(),
    frequency: text('frequency', { enum: FREQUENCIES }).notNull(),
    /** The first day of the first period it is reported for. */
    firstPeriodStart: date('first_period_start', { mode: 'string' }).notNull(),
    /** The last day reported, when it has stopped being reported. */
    lastPeriodEnd: date('last_period_end', { mode: 'string' }),
    target: doublePrecision('target').notNull(),
    /** How far on the wrong side of the target a value may be and still be amber. */
    tolerance: doublePrecision('tolerance').notNull(),
    benchmark: doublePrecision('benchmark'),
    /** What the benchmark is (e.g. "England average 2014/15", "statistical neighbours"). */
    benchmarkLabel: text('benchmark_label'),
    planId: uuid('plan_id').references(() => plans.id),
    ...withdrawal,
  },
  (t) => [uniqueIndex('indicators_code_idx').on(t.councilId, t.code)],
);

/** One measured value of an indicator for one period, with its commentary and the measure it came from. */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    indicatorId: uuid('indicator_id')
      .notNull()
      .references(() => indicators.id),
    /** The first day of the period (the period follows from the indicator's frequency). */
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    value: doublePrecision('value').notNull(),
    commentary: text('commentary').notNull(),
    /** The measure the value came from: the report, system extract or record it was taken from. */
    measure: text('measure').notNull(),
    recordedOn: date('recorded_on', { mode: 'string' }).notNull(),
    ...withdrawal,
  },
  (t) => [index('indicator_values_indicator_idx').on(t.indicatorId, t.periodStart)],
);

export const PEER_REVIEW_CONCLUSIONS = ['good_enough', 'improvement_needed', 'critical'] as const;
export type PeerReviewConclusion = (typeof PEER_REVIEW_CONCLUSIONS)[number];

/** An external peer review of a service (e.g. organised through the LGA). */
export const peerReviews = pgTable(
  'peer_reviews',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    service: text('service').notNull(),
    reviewedOn: date('reviewed_on', { mode: 'string' }).notNull(),
    reviewers: text('reviewers').notNull(),
    conclusion: text('conclusion', { enum: PEER_REVIEW_CONCLUSIONS }).notNull(),
    /** The review's own words on its conclusion. */
    summary: text('summary').notNull(),
    source: text('source'),
    ...withdrawal,
  },
  (t) => [index('peer_reviews_council_idx').on(t.councilId, t.reviewedOn)],
);

/** A recommendation of a peer review; once accepted it becomes a project on a plan. */
export const peerReviewRecommendations = pgTable(
  'peer_review_recommendations',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    peerReviewId: uuid('peer_review_id')
      .notNull()
      .references(() => peerReviews.id),
    text: text('text').notNull(),
    /** The project that carries it out, once it is on a plan. */
    projectId: uuid('project_id').references(() => projects.id),
    ...withdrawal,
  },
  (t) => [index('peer_review_recommendations_review_idx').on(t.peerReviewId)],
);
