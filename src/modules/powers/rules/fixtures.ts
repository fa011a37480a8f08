/*
 * Builders of Powers rows for the rules' tests: each gives a complete, live row
 * with plain defaults, and a test states only what it is about.
 */

import assert from 'node:assert/strict';
import type { Person } from '../../councils/schema.ts';
import {
  type Allocation,
  type CouncilFunction,
  type Decision,
  type Direction,
  type DirectionProvision,
  RESTORATION_STEPS,
  type Representation,
  type Restoration,
  type RestorationFunction,
  type RestorationPause,
  type RestorationStep,
  type RestorationStepRecord,
} from '../schema.ts';
import { type Holding, holdingsOn, type PowersRecord } from './holders.ts';
import type { RestorationState } from './restoration-status.ts';

const councilId = 'rotherham';
const live = { councilId, withdrawnAt: null, withdrawnReason: null };
/** A withdrawal to spread over a row in a test about withdrawn rows. */
export const withdrawn = {
  withdrawnAt: new Date('2016-06-01T12:00:00Z'),
  withdrawnReason: 'Entered in error',
};

export const councilFunction = (o: Partial<CouncilFunction> & { id: string }): CouncilFunction => ({
  code: o.id,
  name: `Function ${o.id}`,
  service: 'executive',
  portfolio: null,
  councilHolder: 'Cabinet',
  ...live,
  ...o,
});

export const direction = (o: Partial<Direction> & { id: string }): Direction => ({
  title: `Directions ${o.id}`,
  issuedBy: 'Secretary of State for Communities and Local Government',
  madeOn: o.inForceFrom ?? '2015-02-26',
  inForceFrom: '2015-02-26',
  inForceUntil: null,
  supersedesId: null,
  legalBasis: 'Local Government Act 1999, section 15',
  body: 'The Directions.',
  source: null,
  ...live,
  ...o,
});

export const provision = (
  o: Partial<DirectionProvision> & { directionId: string; functionId: string },
): DirectionProvision => ({
  id: `${o.directionId}/${o.functionId}`,
  mode: 'commissioners',
  ...live,
  ...o,
});

export const allocation = (o: Partial<Allocation> & { id: string; functionId: string }): Allocation => ({
  holderKind: 'commissioner',
  personId: `person-${o.id}`,
  holderName: `Holder ${o.id}`,
  fromDate: '2015-02-26',
  toDate: null,
  restorationId: null,
  reason: 'Allocated by the Lead Commissioner',
  ...live,
  ...o,
});

export const restoration = (o: Partial<Restoration> & { id: string }): Restoration => ({
  title: `Restoration ${o.id}`,
  openedOn: '2015-11-27',
  proposedEffectiveDate: '2016-02-01',
  ...live,
  ...o,
});

export const restorationFunction = (
  o: Partial<RestorationFunction> & { restorationId: string; functionId: string },
): RestorationFunction => ({
  id: `${o.restorationId}/${o.functionId}`,
  serviceMet: true,
  serviceEvidence: 'Peer review',
  leadershipMet: true,
  leadershipEvidence: 'Interim director in post',
  assuranceMet: true,
  assuranceEvidence: 'Peer review',
  councillorsMet: true,
  councillorsEvidence: 'Advisory Cabinet record',
  returnsToKind: 'cabinet_member',
  returnsToPersonId: `member-${o.functionId}`,
  returnsToName: `Cabinet Member for ${o.functionId}`,
  ...live,
  ...o,
});

export const step = (
  o: Partial<RestorationStepRecord> & Pick<RestorationStepRecord, 'restorationId' | 'step' | 'completedOn'>,
): RestorationStepRecord => ({
  id: `${o.restorationId}/${o.step}`,
  outcome: 'passed',
  people: 'Commissioners',
  documents: 'Minutes',
  notes: null,
  ...live,
  ...o,
});

export const pause = (
  o: Partial<RestorationPause> & Pick<RestorationPause, 'id' | 'restorationId' | 'pausedOn'>,
): RestorationPause => ({
  cause: 'representation',
  detail: 'New information in a representation',
  resolvedOn: null,
  resolution: null,
  ...live,
  ...o,
});

export const representation = (
  o: Partial<Representation> & Pick<Representation, 'id' | 'restorationId'>,
): Representation => ({
  receivedOn: '2016-01-10',
  fromWhom: 'A resident',
  summary: 'Asks that the date be later',
  response: 'The date stands',
  ...live,
  ...o,
});

export const person = (o: Partial<Person> & { id: string; name: string }): Person => ({
  kind: 'councillor',
  publicRole: 'Councillor',
  party: null,
  fromDate: null,
  toDate: null,
  source: null,
  ...live,
  ...o,
});

export const decision = (
  o: Partial<Decision> & Pick<Decision, 'id' | 'functionId' | 'decidedOn'>,
): Decision => ({
  title: 'A decision',
  meeting: 'Advisory Cabinet',
  meetingPublic: true,
  report: 'Report',
  proposedById: 'cllr-read',
  proposal: 'As in the report',
  decidedById: 'ney',
  outcome: 'as_proposed',
  reasons: 'As in the report',
  ...live,
  ...o,
});

/** A record with nothing in it but what a test gives. */
export const record = (o: Partial<PowersRecord> = {}): PowersRecord => ({
  functions: [],
  directions: [],
  provisions: [],
  allocations: [],
  restorations: [],
  restorationFunctions: [],
  restorationSteps: [],
  ...o,
});

/** The one holding of the function `id` on a date; fails the test when there is none. */
export function holdingOf(r: PowersRecord, id: string, date: string): Holding {
  const found = holdingsOn(r, date).find((h) => h.function.id === id);
  assert.ok(found, `no holding for ${id}`);
  return found;
}

/** A holding's mode and holder in one line, to compare in a test. */
export const who = (h: Holding) => `${h.mode}: ${h.holder.kind} ${h.holder.name} (${h.holder.personId})`;

export const taxis = councilFunction({
  id: 'taxis',
  name: 'Taxi and private hire licensing',
  service: 'licensing',
});
export const highways = councilFunction({ id: 'highways', name: 'Highways', portfolio: 'Environment' });
export const feb2015 = direction({
  id: 'feb2015',
  title: 'Directions of 26 February 2015',
  inForceFrom: '2015-02-26',
});
export const ney = allocation({
  id: 'ney',
  functionId: 'taxis',
  personId: 'mary-ney',
  holderName: 'Mary Ney',
});

/** The dates Rotherham's first restoration could have completed its steps on. */
export const STEP_DATES: Record<RestorationStep, string> = {
  criteria: '2015-11-30',
  expert_panel: '2015-12-02',
  lay_panel: '2015-12-04',
  leader_request: '2015-12-07',
  proposal: '2015-12-09',
  reply: '2016-01-05',
  public_notice: '2016-01-20',
  effective: '2016-02-01',
};

/** A proposal opened on 27 November 2015 with one function, and the first `passed` steps completed. */
export function proposalWith(passed: number, o: Partial<RestorationState> = {}): RestorationState {
  return {
    restoration: restoration({ id: 'r1', openedOn: '2015-11-27', proposedEffectiveDate: '2016-02-01' }),
    functions: [restorationFunction({ restorationId: 'r1', functionId: 'highways' })],
    steps: RESTORATION_STEPS.slice(0, passed).map((s) =>
      step({ restorationId: 'r1', step: s, completedOn: STEP_DATES[s] }),
    ),
    pauses: [],
    representations: [],
    ...o,
  };
}
