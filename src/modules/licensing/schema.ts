import {
  boolean,
  date,
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
import { councilFunctions, decisions } from '../powers/schema.ts';
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
} from './rules/types.ts';

/*
 * The Licensing module's records. Nothing derived is stored as a record: where a
 * check stands on a date, whether a holder is compliant, the stage of a review
 * case and the review summary are worked out by the rules (rules/). Every table
 * carries the council, and every row is ledgered (src/db/ledgered.ts).
 */

/** A driver, a vehicle (by its registration mark) or an operator that holds or seeks a licence. */
export const licenceHolders = pgTable(
  'licence_holders',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    kind: text('kind', { enum: HOLDER_KINDS }).notNull(),
    name: text('name').notNull(),
    /** A driver's date of birth; null for a vehicle or an operator. */
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    ...withdrawal,
  },
  (t) => [index('licence_holders_council_idx').on(t.councilId, t.name)],
);

/** A licence, from its application on; its status as recorded (expiry is read from its end date). */
export const licences = pgTable(
  'licences',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => licenceHolders.id),
    number: text('number').notNull(),
    kind: text('kind', { enum: LICENCE_KINDS }).notNull(),
    status: text('status', { enum: LICENCE_STATUSES }).notNull(),
    startOn: date('start_on', { mode: 'string' }).notNull(),
    endOn: date('end_on', { mode: 'string' }),
    statusFrom: date('status_from', { mode: 'string' }),
    conditions: text('conditions'),
    ...withdrawal,
  },
  (t) => [
    uniqueIndex('licences_number_idx').on(t.councilId, t.number),
    index('licences_holder_idx').on(t.holderId),
  ],
);

/** A check or a training course, as done: the standing on any date is derived from it. */
export const licensingChecks = pgTable(
  'licensing_checks',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => licenceHolders.id),
    kind: text('kind', { enum: CHECK_KINDS }).notNull(),
    doneOn: date('done_on', { mode: 'string' }).notNull(),
    outcome: text('outcome', { enum: CHECK_OUTCOMES }).notNull(),
    certificateNumber: text('certificate_number'),
    barredLists: text('barred_lists', { enum: BARRED_LISTS }).array().notNull(),
    course: text('course'),
    validUntil: date('valid_until', { mode: 'string' }),
    ...withdrawal,
  },
  (t) => [index('licensing_checks_holder_idx').on(t.holderId, t.kind, t.doneOn)],
);

/** Every attempt to grant or renew a licence, allowed or refused, with what refused it. */
export const gateAttempts = pgTable(
  'licence_gate_attempts',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    licenceId: uuid('licence_id')
      .notNull()
      .references(() => licences.id),
    action: text('action', { enum: GATE_ACTIONS }).notNull(),
    /** The day the grant or renewal was to take effect. */
    attemptedOn: date('attempted_on', { mode: 'string' }).notNull(),
    allowed: boolean('allowed').notNull(),
    /** What refused it, as the person read it; empty when allowed. */
    problems: text('problems').array().notNull(),
    /** The new end date, for a grant or renewal allowed. */
    newEndOn: date('new_end_on', { mode: 'string' }),
    ...withdrawal,
  },
  (t) => [index('licence_gate_attempts_licence_idx').on(t.licenceId)],
);

/**
 * An entry of the register of refusals, suspensions and revocations. It keeps the
 * holder's name, date of birth and licence number as they were when it was made,
 * as the national register does, with the words of the name for search.
 */
export const registerEntries = pgTable(
  'licensing_register_entries',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => licenceHolders.id),
    licenceId: uuid('licence_id')
      .notNull()
      .references(() => licences.id),
    action: text('action', { enum: REGISTER_ACTIONS }).notNull(),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    reasons: text('reasons').notNull(),
    name: text('name').notNull(),
    dateOfBirth: date('date_of_birth', { mode: 'string' }),
    licenceNumber: text('licence_number').notNull(),
    licenceKind: text('licence_kind', { enum: LICENCE_KINDS }).notNull(),
    /** The review decision it records, when it came from a review. */
    reviewDecisionId: uuid('review_decision_id'),
    /** Derived from the name (rules/register.ts nameKey): never given in a bundle. */
    nameWords: text('name_words').array().notNull(),
    /** Derived from the licence number (licenceNumberKey). */
    licenceNumberKey: text('licence_number_key').notNull(),
    ...withdrawal,
  },
  // No index holds the council: without statistics (PGlite never gathers them, nor a server
  // without autovacuum) the planner would read every entry of the council through such an index
  // beside the name index; each search's own key is selective enough, the council checked after.
  // The name index takes entries straight into the index rather than into a pending list that
  // every search would read (entries are few a day, and nothing vacuums PGlite).
  (t) => [
    index('licensing_register_words_idx').using('gin', t.nameWords).with({ fastupdate: false }),
    index('licensing_register_dob_idx').on(t.dateOfBirth),
    index('licensing_register_number_idx').on(t.licenceNumberKey),
    index('licensing_register_holder_idx').on(t.holderId),
  ],
);

/** A fit-and-proper review of a holder, opened on information. Its stage is derived. */
export const reviewCases = pgTable(
  'licensing_review_cases',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    /** The council's reference, unique in the council (e.g. `FPR-2015-001`). */
    reference: text('reference').notNull(),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => licenceHolders.id),
    licenceId: uuid('licence_id').references(() => licences.id),
    /** The function of the Powers register the decision is taken under (taxi and private hire licensing). */
    functionId: uuid('function_id')
      .notNull()
      .references(() => councilFunctions.id),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    source: text('source', { enum: REVIEW_SOURCES }).notNull(),
    risk: text('risk', { enum: REVIEW_RISKS }).notNull(),
    information: text('information').notNull(),
    investigationStartedOn: date('investigation_started_on', { mode: 'string' }),
    closedOn: date('closed_on', { mode: 'string' }),
    closedReason: text('closed_reason'),
    ...withdrawal,
  },
  (t) => [
    uniqueIndex('licensing_review_cases_ref_idx').on(t.councilId, t.reference),
    index('licensing_review_cases_holder_idx').on(t.holderId),
  ],
);

/** A hearing of a case, with the advisory councillors sitting with the decision-maker. */
export const reviewHearings = pgTable(
  'licensing_review_hearings',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => reviewCases.id),
    scheduledOn: date('scheduled_on', { mode: 'string' }).notNull(),
    hearingOn: date('hearing_on', { mode: 'string' }).notNull(),
    adjournedOn: date('adjourned_on', { mode: 'string' }),
    adjournedReason: text('adjourned_reason'),
    panelPersonIds: uuid('panel_person_ids').array().notNull(),
    ...withdrawal,
  },
  (t) => [index('licensing_review_hearings_case_idx').on(t.caseId)],
);

/** The decision on a case, taken at a hearing and recorded as a Powers decision too. */
export const reviewDecisions = pgTable(
  'licensing_review_decisions',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => reviewCases.id),
    hearingId: uuid('hearing_id')
      .notNull()
      .references(() => reviewHearings.id),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    proposedOutcome: text('proposed_outcome', { enum: REVIEW_OUTCOMES }),
    proposedByPersonId: uuid('proposed_by_person_id').references(() => people.id),
    outcome: text('outcome', { enum: REVIEW_OUTCOMES }).notNull(),
    reasons: text('reasons').notNull(),
    effectiveOn: date('effective_on', { mode: 'string' }).notNull(),
    immediate: boolean('immediate').notNull(),
    suspensionDays: integer('suspension_days'),
    decidedByPersonId: uuid('decided_by_person_id')
      .notNull()
      .references(() => people.id),
    /** The same decision in the Powers register, which feeds the licensing function's readiness. */
    powersDecisionId: uuid('powers_decision_id')
      .notNull()
      .references(() => decisions.id),
    ...withdrawal,
  },
  (t) => [uniqueIndex('licensing_review_decisions_case_idx').on(t.caseId)],
);

/** A compliance check of a licensed vehicle, announced beforehand or not. */
export const vehicleChecks = pgTable(
  'licensing_vehicle_checks',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    holderId: uuid('holder_id')
      .notNull()
      .references(() => licenceHolders.id),
    checkedOn: date('checked_on', { mode: 'string' }).notNull(),
    announced: boolean('announced').notNull(),
    result: text('result', { enum: VEHICLE_CHECK_RESULTS }).notNull(),
    notes: text('notes'),
    ...withdrawal,
  },
  (t) => [index('licensing_vehicle_checks_council_idx').on(t.councilId, t.checkedOn)],
);

/** A search of the register, as it was made: who, when, what was asked and how many entries it found. */
export const registerSearches = pgTable('licensing_register_searches', {
  id: uuid('id').primaryKey(),
  councilId: councilId(),
  searchedAt: timestamp('searched_at', { withTimezone: true }).notNull(),
  name: text('name'),
  dateOfBirth: date('date_of_birth', { mode: 'string' }),
  licenceNumber: text('licence_number'),
  found: integer('found').notNull(),
  ...withdrawal,
});

export type LicenceHolder = typeof licenceHolders.$inferSelect;
export type Licence = typeof licences.$inferSelect;
export type LicensingCheck = typeof licensingChecks.$inferSelect;
export type GateAttempt = typeof gateAttempts.$inferSelect;
export type RegisterEntry = typeof registerEntries.$inferSelect;
export type ReviewCase = typeof reviewCases.$inferSelect;
export type ReviewHearing = typeof reviewHearings.$inferSelect;
export type ReviewDecision = typeof reviewDecisions.$inferSelect;
export type VehicleCheck = typeof vehicleChecks.$inferSelect;
