import { z } from 'zod';
import {
  EVIDENCE_KINDS,
  FREQUENCIES,
  INDICATOR_UNITS,
  PEER_REVIEW_CONCLUSIONS,
  PLAN_KINDS,
  POLARITIES,
} from '#src/modules/improvement/schema.ts';
import { bundleRecord, calendarDate, datesInOrder, id, text } from './fields.ts';

/*
 * The Improvement module's records in a bundle. Each record has the fields of
 * its table (src/modules/improvement/schema.ts) in the same order, without the
 * council, which is the bundle's. No status is carried anywhere: a project's
 * status, an indicator's status and the recycled-plan flags are derived, and a
 * bundle that types one in is refused.
 */

/** Lengths: a reference, a name or a post, a title, a piece of evidence, and prose. */
const REF = 100;
const NAME = 300;
const TITLE = 500;
const EVIDENCE = 2000;
const PROSE = 10_000;

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);
const position = z.int({ message: 'must be a whole number' }).nonnegative('must be 0 or more');
const figure = z.number({ message: 'must be a number' });

export const bundleBoard = bundleRecord({
  id,
  name: text(NAME),
  chairPersonId: optional(id),
});

export const bundlePlan = bundleRecord({
  id,
  title: text(TITLE),
  kind: z.enum(PLAN_KINDS),
  adoptedOn: calendarDate,
  summary: optional(text(PROSE)),
  source: optional(text(NAME)),
});

export const bundleWorkstream = bundleRecord({
  id,
  planId: id,
  title: text(TITLE),
  position,
});

export const bundleProject = bundleRecord({
  id,
  planId: id,
  workstreamId: optional(id),
  ref: text(REF),
  title: text(TITLE),
  description: optional(text(PROSE)),
  accountableOfficer: text(NAME),
  leadMemberPersonId: optional(id),
  boardId: optional(id),
  startOn: calendarDate,
  dueOn: calendarDate,
}).refine(...datesInOrder('startOn', 'dueOn'));

/** A completion counts only with its evidence, so a bundle may not hold one without it, nor evidence of nothing. */
const completionWithEvidence = (
  field: 'evidenceKind' | 'evidence',
): [
  (m: { completedOn: string | null; evidenceKind: string | null; evidence: string | null }) => boolean,
  { message: string; path: string[] },
] => [
  (m) => (m.completedOn === null) === (m[field] === null),
  {
    message:
      field === 'evidence'
        ? 'must be given when completedOn is, and only then: a milestone is done only with the evidence that it is'
        : 'must be given when completedOn is, and only then: say whether the evidence is a document, a link or a record',
    path: [field],
  },
];

export const bundleMilestone = bundleRecord({
  id,
  projectId: id,
  title: text(TITLE),
  dueOn: calendarDate,
  position,
  completedOn: optional(calendarDate),
  evidenceKind: optional(z.enum(EVIDENCE_KINDS)),
  evidence: optional(text(EVIDENCE)),
})
  .refine(...completionWithEvidence('evidenceKind'))
  .refine(...completionWithEvidence('evidence'));

export const bundleRebaseline = bundleRecord({
  id,
  projectId: id,
  milestoneId: optional(id),
  fromDate: calendarDate,
  toDate: calendarDate,
  reason: text(PROSE),
  approvedBy: text(NAME),
  approvedOn: calendarDate,
});

export const bundleManagementAction = bundleRecord({
  id,
  projectId: id,
  milestoneId: optional(id),
  action: text(PROSE),
  owner: text(NAME),
  agreedOn: calendarDate,
  dueOn: calendarDate,
}).refine(...datesInOrder('agreedOn', 'dueOn'));

export const bundleCommentary = bundleRecord({
  id,
  projectId: id,
  writtenOn: calendarDate,
  author: text(NAME),
  body: text(PROSE),
});

export const bundleIndicator = bundleRecord({
  id,
  code: text(REF),
  name: text(TITLE),
  definition: text(PROSE),
  method: text(PROSE),
  source: text(NAME),
  unit: z.enum(INDICATOR_UNITS),
  polarity: z.enum(POLARITIES),
  frequency: z.enum(FREQUENCIES),
  firstPeriodStart: calendarDate,
  lastPeriodEnd: optional(calendarDate),
  target: figure,
  tolerance: figure.nonnegative('must be 0 or more'),
  benchmark: optional(figure),
  benchmarkLabel: optional(text(NAME)),
  planId: optional(id),
}).refine(...datesInOrder('firstPeriodStart', 'lastPeriodEnd'));

export const bundleIndicatorValue = bundleRecord({
  id,
  indicatorId: id,
  periodStart: calendarDate,
  value: figure,
  commentary: text(PROSE),
  measure: text(EVIDENCE),
  recordedOn: calendarDate,
});

export const bundlePeerReview = bundleRecord({
  id,
  service: text(NAME),
  reviewedOn: calendarDate,
  reviewers: text(PROSE),
  conclusion: z.enum(PEER_REVIEW_CONCLUSIONS),
  summary: text(PROSE),
  source: optional(text(NAME)),
});

export const bundleRecommendation = bundleRecord({
  id,
  peerReviewId: id,
  text: text(PROSE),
  projectId: optional(id),
});

/**
 * The Improvement section: every list optional and empty by default, in the
 * order of import. Recycled-plan flags are not a list: import derives them.
 */
export const bundleImprovement = z.strictObject({
  boards: z.array(bundleBoard).default([]),
  plans: z.array(bundlePlan).default([]),
  workstreams: z.array(bundleWorkstream).default([]),
  projects: z.array(bundleProject).default([]),
  milestones: z.array(bundleMilestone).default([]),
  rebaselines: z.array(bundleRebaseline).default([]),
  managementActions: z.array(bundleManagementAction).default([]),
  commentary: z.array(bundleCommentary).default([]),
  indicators: z.array(bundleIndicator).default([]),
  indicatorValues: z.array(bundleIndicatorValue).default([]),
  peerReviews: z.array(bundlePeerReview).default([]),
  recommendations: z.array(bundleRecommendation).default([]),
});

export type BundleImprovement = z.output<typeof bundleImprovement>;

/** The name of one list of the Improvement section. */
export type ImprovementList = keyof BundleImprovement;

/** The fields of a record of one list, in schema order: the order of its table's columns. */
export function improvementFieldsOf(list: ImprovementList): string[] {
  return Object.keys((bundleImprovement.shape[list].unwrap().element as z.ZodObject).shape);
}

const STATUS_OF_PROJECT =
  'is not a known field: a status is derived from the milestones and their evidence, and cannot be imported';
const STATUS_OF_INDICATOR =
  'is not a known field: an indicator’s status is derived from its values, target and tolerance, and cannot be imported';

/** Fields a bundle might carry that Fresh Start derives, by list, with what to say when one is typed in. */
const DERIVED: Partial<Record<ImprovementList | 'section', Record<string, string>>> = {
  section: {
    recycledItems:
      'is not a known field: recycled-plan flags are derived on import by comparing each plan with the earlier ones, and cannot be imported',
  },
  plans: { status: STATUS_OF_PROJECT },
  projects: { status: STATUS_OF_PROJECT, derivedStatus: STATUS_OF_PROJECT, rag: STATUS_OF_PROJECT },
  milestones: {
    status: STATUS_OF_PROJECT,
    done: 'is not a known field: whether a milestone is done is derived from completedOn and its evidence, and cannot be imported',
  },
  indicators: {
    status: STATUS_OF_INDICATOR,
    rag: STATUS_OF_INDICATOR,
    directionOfTravel:
      'is not a known field: the direction of travel is derived from the values of the last periods, and cannot be imported',
  },
  indicatorValues: { status: STATUS_OF_INDICATOR, rag: STATUS_OF_INDICATOR },
};

/**
 * What to say of an unknown field `key` found at `path` (the path of the object
 * holding it) when it is one the Improvement module derives, such as a
 * project's `status`; undefined for any other field.
 *
 * @example derivedFieldMessage(['improvement', 'projects', 3], 'status')
 */
export function derivedFieldMessage(path: readonly PropertyKey[], key: string): string | undefined {
  if (path[0] !== 'improvement') return undefined;
  if (path.length === 1) return DERIVED.section?.[key];
  if (path.length !== 3 || typeof path[2] !== 'number') return undefined;
  return DERIVED[path[1] as ImprovementList]?.[key];
}
