import { randomUUID } from 'node:crypto';
import type { Tx } from '#src/db/client.ts';
import {
  allocationEntity,
  appointmentEntity,
  councilEntity,
  functionEntity,
  personEntity,
} from '#src/db/ledgered.ts';
import { insertRecord } from '#src/ledger/records.ts';
import type { Council, Person } from '#src/modules/councils/schema.ts';
import type { CouncilFunction } from '#src/modules/powers/schema.ts';
import { uniqueGssCode } from './fixtures.ts';

const BY = { actor: 'test' };

/** A small intervened council: a register of three functions, a Commissioner, a councillor. */
export interface PowersCouncil {
  council: Council;
  licensing: CouncilFunction;
  highways: CouncilFunction;
  housing: CouncilFunction;
  commissioner: Person;
  otherCommissioner: Person;
  councillor: Person;
}

function person(tx: Tx, councilId: string, name: string, kind: Person['kind'], publicRole: string) {
  return insertRecord(tx, personEntity, { id: randomUUID(), councilId, name, kind, publicRole }, BY);
}

function fn(tx: Tx, councilId: string, code: string, name: string, service: CouncilFunction['service']) {
  return insertRecord(
    tx,
    functionEntity,
    {
      id: randomUUID(),
      councilId,
      code,
      name,
      service,
      portfolio: null,
      councilHolder: service === 'licensing' ? 'Licensing Committee' : 'Cabinet',
    },
    BY,
  );
}

/**
 * Records a council with its register, two Commissioners (appointed from
 * 2015-02-26, the first allocated licensing) and a councillor, through the ledger.
 */
export async function addPowersCouncil(tx: Tx): Promise<PowersCouncil> {
  const council = await insertRecord(
    tx,
    councilEntity,
    { id: randomUUID(), gssCode: uniqueGssCode(), name: 'Testshire Council', shortName: 'Testshire' },
    BY,
  );
  const licensing = await fn(
    tx,
    council.id,
    'licensing-taxi',
    'Taxi and private hire licensing',
    'licensing',
  );
  const highways = await fn(tx, council.id, 'exec-highways', 'Highways and transport', 'executive');
  const housing = await fn(tx, council.id, 'exec-housing', 'Housing', 'executive');
  const commissioner = await person(tx, council.id, 'Cara Commissioner', 'commissioner', 'Commissioner');
  const otherCommissioner = await person(tx, council.id, 'Owen Other', 'commissioner', 'Lead Commissioner');
  const councillor = await person(
    tx,
    council.id,
    'Colin Councillor',
    'councillor',
    'Advisory Cabinet Member',
  );
  for (const [p, role] of [
    [commissioner, 'licensing'],
    [otherCommissioner, 'lead'],
  ] as const)
    await insertRecord(
      tx,
      appointmentEntity,
      {
        id: randomUUID(),
        councilId: council.id,
        personId: p.id,
        role,
        appointedBy: 'Secretary of State',
        fromDate: '2015-02-26',
        toDate: null,
      },
      BY,
    );
  for (const [f, p] of [
    [licensing, commissioner],
    [highways, otherCommissioner],
    [housing, otherCommissioner],
  ] as const)
    await insertRecord(
      tx,
      allocationEntity,
      {
        id: randomUUID(),
        councilId: council.id,
        functionId: f.id,
        holderKind: 'commissioner',
        personId: p.id,
        holderName: p.name,
        fromDate: '2015-02-26',
        toDate: null,
        restorationId: null,
        reason: 'Allocated by the Lead Commissioner',
      },
      BY,
    );
  return { council, licensing, highways, housing, commissioner, otherCommissioner, councillor };
}

/** The Direction of 2015 transferring every function of the test council to Commissioners. */
export function direction2015(c: PowersCouncil) {
  return {
    title: 'Directions of 26 February 2015',
    issuedBy: 'Secretary of State',
    madeOn: '2015-02-26',
    inForceFrom: '2015-02-26',
    inForceUntil: null,
    supersedesId: null,
    legalBasis: 'Local Government Act 1999, section 15',
    body: 'The functions listed are to be exercised by the Commissioners.',
    source: null,
    provisions: [c.licensing, c.highways, c.housing].map((f) => ({
      functionId: f.id,
      mode: 'commissioners' as const,
    })),
  };
}

/** A restoration function input for `f` with every criterion met, returning to the councillor. */
export function allCriteriaMet(f: CouncilFunction, councillor: Person) {
  return {
    functionId: f.id,
    serviceMet: true,
    serviceEvidence: 'Peer review found a good enough service',
    leadershipMet: true,
    leadershipEvidence: 'Permanent head of service in post',
    assuranceMet: true,
    assuranceEvidence: 'LGA peer review',
    councillorsMet: true,
    councillorsEvidence: 'Proposals stood in most decisions',
    returnsToKind: 'cabinet_member' as const,
    returnsToPersonId: councillor.id,
    returnsToName: `Cabinet Member for ${f.name}`,
  };
}

/** A step input completed (passed) on a date. */
export function step(name: string, completedOn: string, outcome: 'passed' | 'failed' = 'passed') {
  return {
    step: name as never,
    completedOn,
    outcome,
    people: 'The panel',
    documents: 'Minutes',
    notes: null,
  };
}
