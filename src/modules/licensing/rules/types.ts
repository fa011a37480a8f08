/*
 * The facts the Licensing rules work on: plain values read from the records, with
 * no database in sight. Dates are ISO calendar dates (YYYY-MM-DD), compared as
 * strings. Every rule takes the date it answers for. Statuses of checks, of
 * compliance and of review cases are derived here, never stored.
 */

/** The kinds of licence a council grants under the 1847 and 1976 Acts. */
export const LICENCE_KINDS = [
  'hackney_carriage_driver',
  'private_hire_driver',
  'dual_driver',
  'hackney_carriage_vehicle',
  'private_hire_vehicle',
  'private_hire_operator',
] as const;
export type LicenceKind = (typeof LICENCE_KINDS)[number];

/** What a holder is: a driver, a vehicle (with its proprietor) or an operator. */
export const HOLDER_KINDS = ['driver', 'vehicle', 'operator'] as const;
export type HolderKind = (typeof HOLDER_KINDS)[number];

/** A licence's recorded state; `granted` licences past their end date read as expired (rules/licences.ts). */
export const LICENCE_STATUSES = [
  'application',
  'granted',
  'suspended',
  'revoked',
  'refused',
  'surrendered',
  'expired',
] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

/**
 * The checks a licence can require. `dbs_enhanced`: an enhanced DBS certificate
 * with checks of the children's and adults' barred lists; `dbs_update_service`:
 * the holder's subscription to the DBS update service; `dbs_status_check`: the
 * council's check of that subscription's status; `basic_dbs`: a basic certificate
 * (operators); `driving_licence`: the DVLA check of the driving licence;
 * `right_to_work`; `medical` (Group 2 standard); `safeguarding_training`: a course
 * on safeguarding children and vulnerable adults attended; `vehicle_inspection`:
 * a vehicle's test of fitness.
 */
export const CHECK_KINDS = [
  'dbs_enhanced',
  'dbs_update_service',
  'dbs_status_check',
  'basic_dbs',
  'driving_licence',
  'right_to_work',
  'medical',
  'safeguarding_training',
  'vehicle_inspection',
] as const;
export type CheckKind = (typeof CHECK_KINDS)[number];

/** What a check found: clear, information a licensing officer must weigh, or a failure. */
export const CHECK_OUTCOMES = ['clear', 'information_disclosed', 'failed'] as const;
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

/** The barred lists an enhanced DBS certificate is checked against. */
export const BARRED_LISTS = ['children', 'adults'] as const;

/** One check as recorded: when it was done and what it found. */
export interface CheckFacts {
  id: string;
  holderId: string;
  kind: CheckKind;
  /** The day the check was done (for a certificate, its date of issue). */
  doneOn: string;
  /** Clear, or it found something a licensing officer must weigh before any grant. */
  outcome: CheckOutcome;
  /** A DBS certificate's number: 12 digits. */
  certificateNumber: string | null;
  /** The barred lists the DBS certificate was checked against. */
  barredLists: readonly (typeof BARRED_LISTS)[number][];
  /** The course, for safeguarding training. */
  course: string | null;
  /** An end date the check itself carries (a right to work that is time-limited, a subscription's renewal date). */
  validUntil: string | null;
}

/** Granting a new licence from its application, or renewing one already held. */
export const GATE_ACTIONS = ['grant', 'renew'] as const;
export type GateAction = (typeof GATE_ACTIONS)[number];

/** Where a required check stands on a date. */
export const CHECK_STANDINGS = ['current', 'due', 'overdue', 'missing', 'failed'] as const;
export type CheckStanding = (typeof CHECK_STANDINGS)[number];

export interface LicenceFacts {
  id: string;
  holderId: string;
  number: string;
  kind: LicenceKind;
  status: LicenceStatus;
  /** The day the licence was granted (or applied for, while an application). */
  startOn: string;
  /** The last day it runs, once granted. */
  endOn: string | null;
  /** The day the recorded status took effect (a revocation's effective date); null for an application. */
  statusFrom: string | null;
}

export interface HolderFacts {
  id: string;
  kind: HolderKind;
  /** A person's name, or a vehicle's registration mark, or an operator's trading name. */
  name: string;
  dateOfBirth: string | null;
}

/** The stages of a fit-and-proper review case, in order. */
export const REVIEW_STAGES = [
  'identified',
  'investigation',
  'hearing_scheduled',
  'decided',
  'appeal_window',
  'closed',
] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

/** What a panel decides about a licence under review. */
export const REVIEW_OUTCOMES = ['revoke', 'suspend', 'formal_warning', 'no_further_action'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

/** What a review case was opened on. */
export const REVIEW_SOURCES = [
  'past_offences',
  'complaint',
  'police_information',
  'other_authority',
  'other',
] as const;
export type ReviewSource = (typeof REVIEW_SOURCES)[number];

export const REVIEW_RISKS = ['high', 'medium', 'low'] as const;
export type ReviewRisk = (typeof REVIEW_RISKS)[number];

export interface ReviewCaseFacts {
  id: string;
  holderId: string;
  licenceId: string | null;
  openedOn: string;
  /** Why the case was opened: past offences, complaints, police or other authorities' information. */
  source: ReviewSource;
  risk: ReviewRisk;
  investigationStartedOn: string | null;
  /** Hearings in the order they were scheduled; an adjourned one is followed by the next. */
  hearings: readonly HearingFacts[];
  decision: ReviewDecisionFacts | null;
  /** A case closed without a hearing: the day and the reason (licence surrendered, holder died, no case to answer…). */
  closedOtherwise: { on: string; reason: string } | null;
}

export interface HearingFacts {
  id: string;
  /** The day the hearing was fixed: from then the case counts as scheduled. */
  scheduledOn: string;
  /** The day of the hearing. */
  hearingOn: string;
  /** The day it was adjourned (a later hearing is fixed in its place); null when it stands. */
  adjournedOn: string | null;
  /** The advisory councillors sitting with the decision-maker. The decision-maker is whoever holds the licensing function that day (Powers). */
  panelPersonIds: readonly string[];
}

export interface ReviewDecisionFacts {
  id: string;
  hearingId: string;
  decidedOn: string;
  /** What the advisory councillors proposed, when they did, and which of them proposed it. */
  proposedOutcome: ReviewOutcome | null;
  proposedByPersonId: string | null;
  outcome: ReviewOutcome;
  reasons: string;
  effectiveOn: string;
  /** Revocation or suspension with immediate effect in the interests of public safety (1976 Act s.61(2B)). */
  immediate: boolean;
  /** Days of a suspension; null for any other outcome. */
  suspensionDays: number | null;
  /** The person who decided: must hold the licensing function on decidedOn. */
  decidedByPersonId: string;
}

export const VEHICLE_CHECK_RESULTS = ['pass', 'advisory', 'fail'] as const;
export type VehicleCheckResult = (typeof VEHICLE_CHECK_RESULTS)[number];

/** What the register of refusals, suspensions and revocations records. */
export const REGISTER_ACTIONS = ['refused', 'suspended', 'revoked'] as const;
export type RegisterAction = (typeof REGISTER_ACTIONS)[number];

/** A vehicle compliance check: announced in advance, or not. */
export interface VehicleCheckFacts {
  id: string;
  holderId: string;
  checkedOn: string;
  announced: boolean;
  result: VehicleCheckResult;
}

/** An application refused: the day and the reasons, for the register of refusals, suspensions and revocations. */
export interface RefusalFacts {
  id: string;
  /** The licence record of the application (status `refused`). */
  licenceId: string;
  refusedOn: string;
  reasons: string;
}
