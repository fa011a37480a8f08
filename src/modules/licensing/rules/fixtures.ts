/*
 * Builders of Licensing facts for the rules' tests: each gives a complete value
 * with plain defaults, and a test states only what it is about.
 */

import type { ComplianceHolder } from './compliance.ts';
import type { DecisionCandidate } from './reviews.ts';
import type {
  CheckFacts,
  CheckKind,
  HearingFacts,
  LicenceFacts,
  ReviewCaseFacts,
  ReviewDecisionFacts,
  VehicleCheckFacts,
} from './types.ts';

/**
 * A clear check of holder h1, complete for its kind: a DBS certificate with its
 * number, an enhanced one checked against both barred lists, training with its course.
 */
export const check = (o: Partial<CheckFacts> & Pick<CheckFacts, 'id' | 'kind' | 'doneOn'>): CheckFacts => ({
  holderId: 'h1',
  outcome: 'clear',
  certificateNumber: o.kind === 'dbs_enhanced' || o.kind === 'basic_dbs' ? '001234567890' : null,
  barredLists: o.kind === 'dbs_enhanced' ? ['children', 'adults'] : [],
  course: o.kind === 'safeguarding_training' ? 'Safeguarding children and vulnerable adults' : null,
  validUntil: null,
  ...o,
});

/** One clear check of each of `kinds`, all done on `doneOn`, with ids like `dbs_enhanced-1`. */
export const checksOf = (kinds: readonly CheckKind[], doneOn: string, holderId = 'h1'): CheckFacts[] =>
  kinds.map((kind) => check({ id: `${kind}-1`, kind, doneOn, holderId }));

/** Every check a driver needs. */
export const DRIVER_CHECK_KINDS: readonly CheckKind[] = [
  'dbs_enhanced',
  'dbs_update_service',
  'dbs_status_check',
  'driving_licence',
  'right_to_work',
  'medical',
  'safeguarding_training',
];

/** A private hire driver licence of h1 granted on 1 April 2015 and running to 31 March 2016. */
export const licence = (o: Partial<LicenceFacts> & { id: string }): LicenceFacts => ({
  holderId: 'h1',
  number: `PH-${o.id}`,
  kind: 'private_hire_driver',
  status: 'granted',
  startOn: '2015-04-01',
  endOn: '2016-03-31',
  statusFrom: '2015-04-01',
  ...o,
});

/** A driver with no date of birth, no licences and no checks unless given. */
export const holder = (o: Partial<ComplianceHolder> & { id: string }): ComplianceHolder => ({
  kind: 'driver',
  name: `Driver ${o.id}`,
  dateOfBirth: null,
  licences: [],
  checks: [],
  ...o,
});

/** A hearing fixed on 1 October 2015 for 15 October 2015, with two advisory councillors. */
export const hearing = (o: Partial<HearingFacts> & { id: string }): HearingFacts => ({
  scheduledOn: '2015-10-01',
  hearingOn: '2015-10-15',
  adjournedOn: null,
  panelPersonIds: ['cllr-a', 'cllr-b'],
  ...o,
});

/** A formal warning decided at hearing hr1 on 15 October 2015, taking effect that day. */
export const decisionCandidate = (o: Partial<DecisionCandidate> = {}): DecisionCandidate => ({
  hearingId: 'hr1',
  decidedOn: '2015-10-15',
  proposedOutcome: null,
  proposedByPersonId: null,
  outcome: 'formal_warning',
  reasons: 'Three complaints of overcharging, admitted at the hearing',
  effectiveOn: '2015-10-15',
  immediate: false,
  suspensionDays: null,
  decidedByPersonId: 'licensing-manager',
  ...o,
});

/** A recorded decision: `decisionCandidate` with an id. */
export const decision = (o: Partial<ReviewDecisionFacts> = {}): ReviewDecisionFacts => ({
  id: 'd1',
  ...decisionCandidate(o),
  ...o,
});

/** A review case of h1 opened on 1 September 2015 on a complaint, with nothing done yet. */
export const reviewCase = (o: Partial<ReviewCaseFacts> & { id: string }): ReviewCaseFacts => ({
  holderId: 'h1',
  licenceId: 'l1',
  openedOn: '2015-09-01',
  source: 'complaint',
  risk: 'medium',
  investigationStartedOn: null,
  hearings: [],
  decision: null,
  closedOtherwise: null,
  ...o,
});

/** An announced vehicle check of v1 that passed. */
export const vehicleCheck = (
  o: Partial<VehicleCheckFacts> & Pick<VehicleCheckFacts, 'id' | 'checkedOn'>,
): VehicleCheckFacts => ({
  holderId: 'v1',
  announced: true,
  result: 'pass',
  ...o,
});
