import { boolean, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { councilId, withdrawal } from '#src/db/columns.ts';
import { councils, people } from '../councils/schema.ts';

/*
 * The Powers module's records. Who holds a function on a date is never stored: it
 * is derived (rules.ts) from the Directions, restorations and allocations in force.
 * Every table carries the council, and every row is ledgered (src/db/ledgered.ts).
 */

/** The groups of the functions register (seed 002: what the Commissioners took). */
export const FUNCTION_SERVICES = [
  'executive',
  'licensing',
  'statutory_appointments',
  'nominations',
  'other',
] as const;
export type FunctionService = (typeof FUNCTION_SERVICES)[number];

/** One function of the council, in the register. */
export const councilFunctions = pgTable(
  'council_functions',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    /** A short stable code, unique in the council (e.g. `exec-highways`). */
    code: text('code').notNull(),
    name: text('name').notNull(),
    service: text('service', { enum: FUNCTION_SERVICES }).notNull(),
    /** For executive functions, the portfolio it sits in. */
    portfolio: text('portfolio'),
    /** Who holds it in the council's own constitution when no Direction applies (e.g. "Cabinet"). */
    councilHolder: text('council_holder').notNull(),
    ...withdrawal,
  },
  (t) => [uniqueIndex('council_functions_code_idx').on(t.councilId, t.code)],
);

/** A statutory Direction under s15 of the Local Government Act 1999. */
export const directions = pgTable(
  'directions',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    title: text('title').notNull(),
    issuedBy: text('issued_by').notNull(),
    madeOn: date('made_on', { mode: 'string' }).notNull(),
    inForceFrom: date('in_force_from', { mode: 'string' }).notNull(),
    /** The last day it is in force when it was revoked or expired; null while it stands. */
    inForceUntil: date('in_force_until', { mode: 'string' }),
    /** The earlier Direction this one replaces from its own date; that one stays readable. */
    supersedesId: uuid('supersedes_id'),
    legalBasis: text('legal_basis').notNull(),
    body: text('body').notNull(),
    source: text('source'),
    ...withdrawal,
  },
  (t) => [index('directions_council_idx').on(t.councilId, t.inForceFrom)],
);

/** How a Direction leaves a function. */
export const PROVISION_MODES = ['commissioners', 'with_agreement', 'council'] as const;
export type ProvisionMode = (typeof PROVISION_MODES)[number];

/** What one Direction says about one function. */
export const directionProvisions = pgTable(
  'direction_provisions',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    directionId: uuid('direction_id')
      .notNull()
      .references(() => directions.id),
    functionId: uuid('function_id')
      .notNull()
      .references(() => councilFunctions.id),
    mode: text('mode', { enum: PROVISION_MODES }).notNull(),
    ...withdrawal,
  },
  (t) => [
    uniqueIndex('direction_provisions_idx').on(t.directionId, t.functionId),
    index('direction_provisions_function_idx').on(t.councilId, t.functionId),
  ],
);

export const COMMISSIONER_ROLES = [
  'lead',
  'managing_director',
  'childrens',
  'licensing',
  'commissioner',
] as const;
export type CommissionerRole = (typeof COMMISSIONER_ROLES)[number];

/** A Commissioner's appointment to the team, in a role, for a period. */
export const commissionerAppointments = pgTable(
  'commissioner_appointments',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    /** Null for a role the public record does not name. */
    personId: uuid('person_id').references(() => people.id),
    role: text('role', { enum: COMMISSIONER_ROLES }).notNull(),
    appointedBy: text('appointed_by').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    ...withdrawal,
  },
  (t) => [index('commissioner_appointments_council_idx').on(t.councilId)],
);

export const HOLDER_KINDS = [
  'commissioner',
  'cabinet',
  'cabinet_member',
  'committee',
  'full_council',
  'officer',
] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

/**
 * Who exercises a function for a period: a named Commissioner (when the function
 * is with the Commissioners) or a body or member of the council (when it is not).
 * A restoration's revised allocation is one of these, naming the restoration.
 */
export const allocations = pgTable(
  'allocations',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    functionId: uuid('function_id')
      .notNull()
      .references(() => councilFunctions.id),
    holderKind: text('holder_kind', { enum: HOLDER_KINDS }).notNull(),
    /** The person: the Commissioner, the Cabinet member or the officer. */
    personId: uuid('person_id').references(() => people.id),
    /** The body or post as the public record names it ("Licensing Sub-Committee"). */
    holderName: text('holder_name').notNull(),
    fromDate: date('from_date', { mode: 'string' }).notNull(),
    toDate: date('to_date', { mode: 'string' }),
    restorationId: uuid('restoration_id'),
    reason: text('reason').notNull(),
    ...withdrawal,
  },
  (t) => [index('allocations_function_idx').on(t.councilId, t.functionId, t.fromDate)],
);

/** A proposal to return functions to the council under the restoration protocol. */
export const restorations = pgTable(
  'restorations',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    title: text('title').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    /** The date the functions are to return; the holder changes only once step (h) records it. */
    proposedEffectiveDate: date('proposed_effective_date', { mode: 'string' }).notNull(),
    ...withdrawal,
  },
  (t) => [index('restorations_council_idx').on(t.councilId)],
);

/** Criterion (a)'s assessment outcome. */
export const CRITERIA = ['service', 'leadership', 'assurance', 'councillors'] as const;
export type Criterion = (typeof CRITERIA)[number];

/**
 * A function named in a restoration proposal, with its four criteria (seed 001)
 * assessed met or not met with evidence, and the allocation it is to return to.
 */
export const restorationFunctions = pgTable(
  'restoration_functions',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    restorationId: uuid('restoration_id')
      .notNull()
      .references(() => restorations.id),
    functionId: uuid('function_id')
      .notNull()
      .references(() => councilFunctions.id),
    serviceMet: boolean('service_met').notNull(),
    serviceEvidence: text('service_evidence').notNull(),
    leadershipMet: boolean('leadership_met').notNull(),
    leadershipEvidence: text('leadership_evidence').notNull(),
    assuranceMet: boolean('assurance_met').notNull(),
    assuranceEvidence: text('assurance_evidence').notNull(),
    councillorsMet: boolean('councillors_met').notNull(),
    councillorsEvidence: text('councillors_evidence').notNull(),
    /** The revised allocation: who holds it once restored. */
    returnsToKind: text('returns_to_kind', { enum: HOLDER_KINDS }).notNull(),
    returnsToPersonId: uuid('returns_to_person_id').references(() => people.id),
    returnsToName: text('returns_to_name').notNull(),
    ...withdrawal,
  },
  (t) => [uniqueIndex('restoration_functions_idx').on(t.restorationId, t.functionId)],
);

/** The protocol's steps, in the order they must be completed (seed 001, Appendix A). */
export const RESTORATION_STEPS = [
  'criteria',
  'expert_panel',
  'lay_panel',
  'leader_request',
  'proposal',
  'reply',
  'public_notice',
  'effective',
] as const;
export type RestorationStep = (typeof RESTORATION_STEPS)[number];

export const STEP_OUTCOMES = ['passed', 'failed'] as const;

/** One completed step of a restoration, with its date, people and documents. */
export const restorationSteps = pgTable(
  'restoration_steps',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    restorationId: uuid('restoration_id')
      .notNull()
      .references(() => restorations.id),
    step: text('step', { enum: RESTORATION_STEPS }).notNull(),
    completedOn: date('completed_on', { mode: 'string' }).notNull(),
    outcome: text('outcome', { enum: STEP_OUTCOMES }).notNull(),
    people: text('people').notNull(),
    documents: text('documents').notNull(),
    notes: text('notes'),
    ...withdrawal,
  },
  (t) => [uniqueIndex('restoration_steps_idx').on(t.restorationId, t.step)],
);

export const PAUSE_CAUSES = ['representation', 'conduct'] as const;

/** A pause of a restoration before its effective date, and how it was resolved. */
export const restorationPauses = pgTable('restoration_pauses', {
  id: uuid('id').primaryKey(),
  councilId: councilId(),
  restorationId: uuid('restoration_id')
    .notNull()
    .references(() => restorations.id),
  cause: text('cause', { enum: PAUSE_CAUSES }).notNull(),
  pausedOn: date('paused_on', { mode: 'string' }).notNull(),
  detail: text('detail').notNull(),
  resolvedOn: date('resolved_on', { mode: 'string' }),
  resolution: text('resolution'),
  ...withdrawal,
});

/** A representation received on the public notice, and the Commissioners' response to it. */
export const representations = pgTable('representations', {
  id: uuid('id').primaryKey(),
  councilId: councilId(),
  restorationId: uuid('restoration_id')
    .notNull()
    .references(() => restorations.id),
  receivedOn: date('received_on', { mode: 'string' }).notNull(),
  fromWhom: text('from_whom').notNull(),
  summary: text('summary').notNull(),
  response: text('response'),
  ...withdrawal,
});

export const DECISION_OUTCOMES = ['as_proposed', 'with_changes', 'different'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/**
 * An executive decision: taken by whoever holds the function that day, on a
 * report, after an advisory councillor's proposal.
 */
export const decisions = pgTable(
  'decisions',
  {
    id: uuid('id').primaryKey(),
    councilId: councilId(),
    functionId: uuid('function_id')
      .notNull()
      .references(() => councilFunctions.id),
    decidedOn: date('decided_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    meeting: text('meeting').notNull(),
    meetingPublic: boolean('meeting_public').notNull(),
    report: text('report').notNull(),
    proposedById: uuid('proposed_by_id').references(() => people.id),
    proposal: text('proposal'),
    /** The person who decided: the holder on that date. */
    decidedById: uuid('decided_by_id')
      .notNull()
      .references(() => people.id),
    outcome: text('outcome', { enum: DECISION_OUTCOMES }).notNull(),
    reasons: text('reasons').notNull(),
    ...withdrawal,
  },
  (t) => [
    index('decisions_council_date_idx').on(t.councilId, t.decidedOn),
    index('decisions_function_idx').on(t.functionId, t.decidedOn),
    index('decisions_proposer_idx').on(t.proposedById),
  ],
);

export type CouncilFunction = typeof councilFunctions.$inferSelect;
export type Direction = typeof directions.$inferSelect;
export type DirectionProvision = typeof directionProvisions.$inferSelect;
export type CommissionerAppointment = typeof commissionerAppointments.$inferSelect;
export type Allocation = typeof allocations.$inferSelect;
export type Restoration = typeof restorations.$inferSelect;
export type RestorationFunction = typeof restorationFunctions.$inferSelect;
export type RestorationStepRecord = typeof restorationSteps.$inferSelect;
export type RestorationPause = typeof restorationPauses.$inferSelect;
export type Representation = typeof representations.$inferSelect;
export type Decision = typeof decisions.$inferSelect;
