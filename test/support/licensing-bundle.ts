import { randomUUID } from 'node:crypto';
import type { BundleLicensing } from '#src/bundles/licensing-schema.ts';
import type { BundlePowers } from '#src/bundles/powers-schema.ts';

const standing = { withdrawnAt: null, withdrawnReason: null };

/**
 * A small, consistent Licensing section with new ids, for a Powers section made
 * by powersSection: a driver granted through the gate after one refusal, whose
 * licence was revoked at a hearing (the Powers section's taxi licensing
 * decision), a case closed without a hearing, a vehicle with a check and a
 * register search. Every list has a record.
 */
export function licensingSection(powers: BundlePowers, councillor: string): BundleLicensing {
  const taxiDecision = powers.decisions.find((d) => d.title === 'Taxi licensing policy');
  const taxis = powers.functions.find((f) => f.code === 'lic-taxi');
  if (!taxiDecision || !taxis) throw new Error('powersSection has changed: no taxi licensing decision');
  const [driver, vehicle] = [randomUUID(), randomUUID()];
  const [licence, plate] = [randomUUID(), randomUUID()];
  const [decided, closed, hearing, decision] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const check = (kind: BundleLicensing['checks'][number]['kind'], doneOn: string, extra = {}) => ({
    id: randomUUID(),
    holderId: driver,
    kind,
    doneOn,
    outcome: 'clear' as const,
    certificateNumber: null,
    barredLists: [],
    course: null,
    validUntil: null,
    ...standing,
    ...extra,
  });
  return {
    holders: [
      { id: driver, kind: 'driver', name: 'Testa Sampleton', dateOfBirth: '1970-04-01', ...standing },
      { id: vehicle, kind: 'vehicle', name: 'YT12 ABC', dateOfBirth: null, ...standing },
    ],
    licences: [
      {
        id: licence,
        holderId: driver,
        number: 'PHD-0001',
        kind: 'private_hire_driver',
        status: 'revoked',
        startOn: '2015-02-02',
        endOn: '2018-02-01',
        statusFrom: '2015-07-01',
        conditions: 'Must not carry unaccompanied children',
        ...standing,
      },
      {
        id: plate,
        holderId: vehicle,
        number: 'PHV-0001',
        kind: 'private_hire_vehicle',
        status: 'granted',
        startOn: '2014-06-01',
        endOn: '2015-05-31',
        statusFrom: null,
        conditions: null,
        ...standing,
      },
    ],
    checks: [
      check('dbs_enhanced', '2015-01-05', {
        certificateNumber: '001234567890',
        barredLists: ['children', 'adults'],
      }),
      check('dbs_update_service', '2015-01-05', { validUntil: '2016-01-04' }),
      check('dbs_status_check', '2015-01-20'),
      check('driving_licence', '2015-01-10'),
      check('right_to_work', '2015-01-10'),
      check('medical', '2015-01-12'),
      check('safeguarding_training', '2015-01-28', { course: 'Safeguarding children and vulnerable adults' }),
      {
        ...check('vehicle_inspection', '2014-05-20'),
        holderId: vehicle,
        outcome: 'information_disclosed' as const,
      },
    ],
    gateAttempts: [
      {
        id: randomUUID(),
        licenceId: licence,
        action: 'grant',
        attemptedOn: '2015-01-26',
        allowed: false,
        problems: ['Safeguarding training is missing: none is recorded'],
        newEndOn: null,
        ...standing,
      },
      {
        id: randomUUID(),
        licenceId: licence,
        action: 'grant',
        attemptedOn: '2015-02-02',
        allowed: true,
        problems: [],
        newEndOn: '2018-02-01',
        ...standing,
      },
    ],
    reviewCases: [
      {
        id: decided,
        reference: 'FPR-2015-001',
        holderId: driver,
        licenceId: licence,
        functionId: taxis.id,
        openedOn: '2015-05-01',
        source: 'police_information',
        risk: 'high',
        information: 'Information shared by the police',
        investigationStartedOn: '2015-05-04',
        closedOn: null,
        closedReason: null,
        ...standing,
      },
      {
        id: closed,
        reference: 'FPR-2015-002',
        holderId: driver,
        licenceId: null,
        functionId: taxis.id,
        openedOn: '2015-05-10',
        source: 'complaint',
        risk: 'low',
        information: 'A complaint from a passenger',
        investigationStartedOn: null,
        closedOn: '2015-06-01',
        closedReason: 'The complaint was withdrawn',
        ...standing,
      },
    ],
    reviewHearings: [
      {
        id: hearing,
        caseId: decided,
        scheduledOn: '2015-06-10',
        hearingOn: '2015-07-01',
        adjournedOn: null,
        adjournedReason: null,
        panelPersonIds: [councillor],
        ...standing,
      },
    ],
    reviewDecisions: [
      {
        id: decision,
        caseId: decided,
        hearingId: hearing,
        decidedOn: taxiDecision.decidedOn,
        proposedOutcome: null,
        proposedByPersonId: null,
        outcome: 'revoke',
        reasons: 'Safeguarding comes first',
        effectiveOn: taxiDecision.decidedOn,
        immediate: true,
        suspensionDays: null,
        decidedByPersonId: taxiDecision.decidedById,
        powersDecisionId: taxiDecision.id,
        ...standing,
      },
    ],
    registerEntries: [
      {
        id: randomUUID(),
        holderId: driver,
        licenceId: licence,
        action: 'revoked',
        decidedOn: taxiDecision.decidedOn,
        effectiveOn: taxiDecision.decidedOn,
        reasons: 'Safeguarding comes first',
        name: 'Testa Sampleton',
        dateOfBirth: '1970-04-01',
        licenceNumber: 'PHD-0001',
        licenceKind: 'private_hire_driver',
        reviewDecisionId: decision,
        ...standing,
      },
    ],
    vehicleChecks: [
      {
        id: randomUUID(),
        holderId: vehicle,
        checkedOn: '2015-03-03',
        announced: false,
        result: 'advisory',
        notes: 'Tyre tread near the limit',
        ...standing,
      },
    ],
    registerSearches: [
      {
        id: randomUUID(),
        searchedAt: '2015-08-01T10:00:00.000Z',
        name: 'Sampleton',
        dateOfBirth: null,
        licenceNumber: null,
        found: 1,
        ...standing,
      },
    ],
  };
}
