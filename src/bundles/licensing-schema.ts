import { z } from 'zod';
import {
  BARRED_LISTS,
  CHECK_KINDS,
  CHECK_OUTCOMES,
  GATE_ACTIONS,
  HOLDER_KINDS,
  LICENCE_KINDS,
  LICENCE_STATUSES,
  REGISTER_ACTIONS,
  REVIEW_OUTCOMES,
  REVIEW_RISKS,
  REVIEW_SOURCES,
  VEHICLE_CHECK_RESULTS,
} from '#src/modules/licensing/rules/types.ts';
import { bundleRecord, calendarDate, datesInOrder, givenTogether, id, instant, text } from './fields.ts';

/*
 * The Licensing module's records in a bundle. Each record has the fields of its
 * table (src/modules/licensing/schema.ts) in the same order, without the council,
 * which is the bundle's. Nothing derived is carried: where a check stands, a
 * holder's compliance, a case's stage and the register's search keys are worked
 * out by the rules, and import derives the keys.
 */

const REF = 40;
const NAME = 200;
const PROSE = 5000;

const optional = <T extends z.ZodType>(schema: T) => schema.nullable().default(null);
const uniqueList = <T extends z.ZodType>(item: T) =>
  z.array(item).refine((xs) => new Set(xs).size === xs.length, 'must not name the same value twice');

export const bundleHolder = bundleRecord({
  id,
  kind: z.enum(HOLDER_KINDS),
  name: text(NAME),
  dateOfBirth: optional(calendarDate),
});

export const bundleLicence = bundleRecord({
  id,
  holderId: id,
  number: text(REF),
  kind: z.enum(LICENCE_KINDS),
  status: z.enum(LICENCE_STATUSES),
  startOn: calendarDate,
  endOn: optional(calendarDate),
  statusFrom: optional(calendarDate),
  conditions: optional(text(PROSE)),
}).refine(...datesInOrder('startOn', 'endOn'));

export const bundleCheck = bundleRecord({
  id,
  holderId: id,
  kind: z.enum(CHECK_KINDS),
  doneOn: calendarDate,
  outcome: z.enum(CHECK_OUTCOMES),
  certificateNumber: optional(text(REF)),
  barredLists: uniqueList(z.enum(BARRED_LISTS)).default([]),
  course: optional(text(NAME)),
  validUntil: optional(calendarDate),
}).refine(...datesInOrder('doneOn', 'validUntil'));

export const bundleGateAttempt = bundleRecord({
  id,
  licenceId: id,
  action: z.enum(GATE_ACTIONS),
  attemptedOn: calendarDate,
  allowed: z.boolean({ message: 'must be true or false' }),
  problems: z.array(text(PROSE)).default([]),
  newEndOn: optional(calendarDate),
});

export const bundleReviewCase = bundleRecord({
  id,
  reference: text(REF),
  holderId: id,
  licenceId: optional(id),
  functionId: id,
  openedOn: calendarDate,
  source: z.enum(REVIEW_SOURCES),
  risk: z.enum(REVIEW_RISKS),
  information: text(PROSE),
  investigationStartedOn: optional(calendarDate),
  closedOn: optional(calendarDate),
  closedReason: optional(text(PROSE)),
})
  .refine(...datesInOrder('openedOn', 'investigationStartedOn'))
  .refine(...datesInOrder('openedOn', 'closedOn'))
  .refine(...givenTogether('closedOn', 'closedReason'));

export const bundleReviewHearing = bundleRecord({
  id,
  caseId: id,
  scheduledOn: calendarDate,
  hearingOn: calendarDate,
  adjournedOn: optional(calendarDate),
  adjournedReason: optional(text(PROSE)),
  panelPersonIds: uniqueList(id),
})
  .refine(...datesInOrder('scheduledOn', 'hearingOn'))
  .refine(...givenTogether('adjournedOn', 'adjournedReason'));

export const bundleReviewDecision = bundleRecord({
  id,
  caseId: id,
  hearingId: id,
  decidedOn: calendarDate,
  proposedOutcome: optional(z.enum(REVIEW_OUTCOMES)),
  proposedByPersonId: optional(id),
  outcome: z.enum(REVIEW_OUTCOMES),
  reasons: z.string().max(PROSE, `must be ${PROSE} characters or fewer`),
  effectiveOn: calendarDate,
  immediate: z.boolean({ message: 'must be true or false' }),
  suspensionDays: optional(z.int({ message: 'must be a whole number of days' })),
  decidedByPersonId: id,
  powersDecisionId: id,
});

export const bundleRegisterEntry = bundleRecord({
  id,
  holderId: id,
  licenceId: id,
  action: z.enum(REGISTER_ACTIONS),
  decidedOn: calendarDate,
  effectiveOn: calendarDate,
  reasons: text(PROSE),
  name: text(NAME),
  dateOfBirth: optional(calendarDate),
  licenceNumber: text(REF),
  licenceKind: z.enum(LICENCE_KINDS),
  reviewDecisionId: optional(id),
});

export const bundleVehicleCheck = bundleRecord({
  id,
  holderId: id,
  checkedOn: calendarDate,
  announced: z.boolean({ message: 'must be true or false' }),
  result: z.enum(VEHICLE_CHECK_RESULTS),
  notes: optional(text(PROSE)),
});

export const bundleRegisterSearch = bundleRecord({
  id,
  searchedAt: instant,
  name: optional(text(NAME)),
  dateOfBirth: optional(calendarDate),
  licenceNumber: optional(text(REF)),
  found: z.int({ message: 'must be a whole number' }).nonnegative('must be 0 or more'),
});

/** The Licensing section: every list optional and empty by default, in the order of import. */
export const bundleLicensing = z.strictObject({
  holders: z.array(bundleHolder).default([]),
  licences: z.array(bundleLicence).default([]),
  checks: z.array(bundleCheck).default([]),
  gateAttempts: z.array(bundleGateAttempt).default([]),
  reviewCases: z.array(bundleReviewCase).default([]),
  reviewHearings: z.array(bundleReviewHearing).default([]),
  reviewDecisions: z.array(bundleReviewDecision).default([]),
  registerEntries: z.array(bundleRegisterEntry).default([]),
  vehicleChecks: z.array(bundleVehicleCheck).default([]),
  registerSearches: z.array(bundleRegisterSearch).default([]),
});

export type BundleLicensing = z.output<typeof bundleLicensing>;
export type LicensingList = keyof BundleLicensing;

/** The fields of a record of one list, in schema order: the order of its table's columns. */
export function licensingFieldsOf(list: LicensingList): string[] {
  return Object.keys((bundleLicensing.shape[list].unwrap().element as z.ZodObject).shape);
}
