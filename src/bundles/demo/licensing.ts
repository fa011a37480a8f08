/*
 * The demo's Licensing records. Seed 001 (27 November 2015) gives the figures:
 * 818 licence holders have attended safeguarding training; Commissioner Mary
 * Ney identified 67 cases for review on information about past offences; 24
 * have been heard (16 licences revoked, 1 suspended, 4 formal warnings, 3 no
 * further action) and 41 are due to be heard at Panel Hearings before the end
 * of March 2016; she decides, sitting with an Advisory Committee of
 * Councillors. Seed 003 gives the history: unannounced vehicle checks replaced
 * by checks on ten days' notice. Everything else is illustrative, and every
 * licence holder is fictional and plainly so: invented names, registration
 * marks beginning DM, no real person or vehicle.
 *
 * The records are written, never the figures: the review summary, training
 * coverage and compliance are derived by the module's rules (the demo's test
 * checks that they give the seed's figures on 27 November 2015).
 */
import type { BundleLicensing } from '#src/bundles/licensing-schema.ts';
import { addMonths } from '#src/modules/improvement/rules/calendar.ts';
import { heldOn } from '#src/modules/licensing/rules/compliance.ts';
import { OUTCOME_NAMES } from '#src/modules/licensing/rules/labels.ts';
import { firstDayAfterAppeal } from '#src/modules/licensing/rules/reviews.ts';
import type { LicenceKind, ReviewOutcome } from '#src/modules/licensing/rules/types.ts';
import { addDays, longDate } from '#src/modules/powers/rules/dates.ts';
import { stableId } from './ids.ts';
import {
  type KnownPerson,
  NOT_WITHDRAWN,
  type PersonToAdd,
  type PowersSection,
  SEED,
} from './powers-model.ts';

type Section = BundleLicensing;
type Holder = Section['holders'][number];
type Licence = Section['licences'][number];
type Check = Section['checks'][number];

/** The day of the Lead Commissioner's report: the demo's figures hold on it. */
export const REPORT_DAY = '2015-11-27';
const TRAINED = 818;
/** Drivers holding a licence on the report day. Illustrative: seed 001 gives no total. */
const DRIVERS = 1000;
const VEHICLES = 120;
const COURSE = 'Safeguarding children and vulnerable adults (taxi and private hire trade)';

const FIRST = [
  'Alex',
  'Sam',
  'Jo',
  'Chris',
  'Pat',
  'Robin',
  'Jamie',
  'Kim',
  'Lee',
  'Ash',
  'Drew',
  'Morgan',
  'Casey',
  'Charlie',
  'Frankie',
  'Jesse',
  'Kai',
  'Nico',
  'Remy',
  'Sasha',
  'Toni',
  'Val',
  'Ari',
  'Bo',
  'Dani',
  'Eli',
  'Indy',
  'Jules',
  'Kit',
  'Lou',
  'Max',
  'Noor',
  'Oak',
  'Quinn',
  'Rae',
  'Sky',
];
const SURNAMES = [
  'Sampleton',
  'Examplewood',
  'Mockridge',
  'Fictionby',
  'Testwell',
  'Placeholder',
  'Dummett',
  'Specimen',
  'Makebelieve',
  'Pretendley',
  'Notreal',
  'Inventor',
  'Storybrook',
  'Figmentson',
  'Imaginary',
  'Demoford',
  'Trialby',
  'Madeupton',
  'Fauxley',
  'Shamwell',
  'Fabulton',
  'Modelby',
];

/** A plainly fictional name, the same for the same number. */
const driverName = (i: number) =>
  `${FIRST[i % FIRST.length]} ${SURNAMES[Math.floor(i / FIRST.length) % SURNAMES.length]}${i >= FIRST.length * SURNAMES.length ? ` ${Math.floor(i / (FIRST.length * SURNAMES.length)) + 1}` : ''}`;

/** A day `n` days from `from` spread over `span` days by the fraction `i / of`. */
const spread = (from: string, span: number, i: number, of: number) =>
  addDays(from, Math.floor((span * i) / Math.max(1, of)));

const ILLUSTRATIVE = 'Illustrative';

/** The people of the Advisory Committee (seed 001 names none): the chair the Powers records have, and three members. */
export function advisoryCommittee(people: readonly KnownPerson[]): { chair: string; members: PersonToAdd[] } {
  const chair = people.find((p) => p.name === 'Chair of the Licensing Advisory Committee');
  if (!chair) throw new Error('The Powers records have no chair of the Licensing Advisory Committee');
  const groups = ['first', 'second', 'third'];
  const members = groups.map((g) => {
    const name = `Member of the Licensing Advisory Committee (${g} political group)`;
    const publicRole = `Councillor sitting on the Advisory Committee with the licensing Commissioner, from the ${g} of the three political groups. Not named in the seeds; the member is illustrative`;
    return {
      id: stableId(`person:${name}:${publicRole}`),
      name,
      kind: 'councillor' as const,
      publicRole,
      party: null,
      fromDate: null,
      toDate: null,
      source: `${SEED.report}: Councillors drawn from all three political groupings sit with Commissioner Ney`,
      ...NOT_WITHDRAWN,
    };
  });
  return { chair: chair.id, members };
}

interface Built {
  people: PersonToAdd[];
  decisions: PowersSection['decisions'];
  licensing: Section;
}

/** The outcomes of the 24 cases heard by the report day, in the order heard. */
const HEARD_BY_REPORT: ReviewOutcome[] = [
  ...Array<ReviewOutcome>(16).fill('revoke'),
  'suspend',
  ...Array<ReviewOutcome>(4).fill('formal_warning'),
  ...Array<ReviewOutcome>(3).fill('no_further_action'),
];
/** Illustrative: how the 41 later hearings went, in a repeating pattern. */
const LATER_PATTERN: ReviewOutcome[] = ['revoke', 'formal_warning', 'revoke', 'no_further_action', 'suspend'];

const REASONS: Record<ReviewOutcome, string> = {
  revoke:
    'Illustrative: on the information about past offences and the answers given at the hearing, the holder is not a fit and proper person to hold a licence under the higher standards of the new policy.',
  suspend:
    'Illustrative: the holder failed to disclose a matter the policy requires to be disclosed; a suspension gives time to complete the safeguarding training and a new enhanced DBS check.',
  formal_warning:
    'Illustrative: the information is old and the holder has a long record without complaint; a formal warning is recorded and the licence is kept under review.',
  no_further_action:
    'Illustrative: the information did not relate to conduct that bears on the holder’s fitness; no further action.',
};

/**
 * Builds the Licensing records. `people` are the bundle's people (the Powers
 * records' included); `functions` the Powers register, which has taxi licensing.
 */
export function buildLicensing(
  people: readonly KnownPerson[],
  functions: PowersSection['functions'],
  decider: string,
): Built {
  const taxi = functions.find((f) => f.code === 'lic-taxi');
  if (!taxi) throw new Error('The Powers register has no taxi licensing function (lic-taxi)');
  const taxiId = taxi.id;
  const committee = advisoryCommittee(people);
  const panel = [committee.chair, ...committee.members.map((m) => m.id)];
  const holders: Holder[] = [];
  const licences: Licence[] = [];
  const checks: Check[] = [];
  const s: Section = {
    holders,
    licences,
    checks,
    gateAttempts: [],
    reviewCases: [],
    reviewHearings: [],
    reviewDecisions: [],
    registerEntries: [],
    vehicleChecks: [],
    registerSearches: [],
  };
  const check = (holderId: string, kind: Check['kind'], doneOn: string, extra: Partial<Check> = {}) =>
    checks.push({
      id: stableId(`licensing-check:${holderId}:${kind}:${doneOn}`),
      holderId,
      kind,
      doneOn,
      outcome: 'clear',
      certificateNumber: null,
      barredLists: [],
      course: null,
      validUntil: null,
      ...NOT_WITHDRAWN,
      ...extra,
    });

  // Drivers: three-year licences granted on days spread over the three years to the report day.
  const KINDS: LicenceKind[] = ['private_hire_driver', 'hackney_carriage_driver', 'dual_driver'];
  for (let i = 0; i < DRIVERS; i++) {
    const id = stableId(`licence-holder:driver:${i}`);
    const born = addDays('1952-06-01', (i * 7919) % 14_600);
    holders.push({ id, kind: 'driver', name: driverName(i), dateOfBirth: born, ...NOT_WITHDRAWN });
    const startOn = spread('2012-12-03', 1090, i, DRIVERS);
    licences.push({
      id: stableId(`licence:driver:${i}`),
      holderId: id,
      number: `${i % 3 === 1 ? 'HCD' : i % 3 === 2 ? 'DD' : 'PHD'}-${String(1001 + i).padStart(5, '0')}`,
      kind: KINDS[i % 3] as LicenceKind,
      status: 'granted',
      startOn,
      endOn: addDays(addMonths(startOn, 36), -1),
      statusFrom: startOn,
      conditions: null,
      ...NOT_WITHDRAWN,
    });
    // The enhanced DBS certificate taken for the licence, or its renewal this autumn when that one runs out first.
    const first = addDays(startOn, -21);
    const dbsOn = addMonths(first, 36) > '2016-01-31' ? first : spread('2015-09-01', 80, i % 40, 40);
    check(id, 'dbs_enhanced', dbsOn, {
      certificateNumber: String(1_000_000_000_00 + i * 7919).padStart(12, '0'),
      barredLists: ['children', 'adults'],
    });
    // The update service subscription, renewed each year, and the council's six-monthly status checks.
    let subscribed = dbsOn;
    while (addMonths(subscribed, 12) <= '2015-11-20') subscribed = addMonths(subscribed, 12);
    check(id, 'dbs_update_service', subscribed);
    check(id, 'dbs_status_check', spread('2015-06-02', 170, i, DRIVERS));
    check(id, 'driving_licence', spread('2015-01-05', 320, (i * 37) % DRIVERS, DRIVERS));
    check(id, 'right_to_work', addDays(startOn, -28));
    check(id, 'medical', addDays(startOn, -35));
  }

  // The driver of the walk-through: a licence due for renewal whose update service status check is overdue.
  const overdue = DRIVERS - 7;
  const overdueHolder = holders[overdue] as Holder;
  overdueHolder.name = 'Rene Overdue-Sampleton';
  const overdueLicence = licences[overdue] as Licence;
  const statusCheck = checks.find(
    (c) => c.holderId === overdueHolder.id && c.kind === 'dbs_status_check',
  ) as Check;
  statusCheck.doneOn = '2015-04-15';
  statusCheck.id = stableId(`licensing-check:${overdueHolder.id}:dbs_status_check:2015-04-15`);
  overdueLicence.startOn = '2012-12-10';
  overdueLicence.statusFrom = '2012-12-10';
  overdueLicence.endOn = '2015-12-09';

  const decisions: PowersSection['decisions'] = [];
  // The 67 cases, among drivers spread through the list (never the walk-through's driver).
  const caseDrivers = Array.from({ length: 67 }, (_, k) => 5 + k * 14);
  caseDrivers.forEach((i, k) => {
    const holder = holders[i] as Holder;
    const licence = licences[i] as Licence;
    const caseId = stableId(`licensing-case:${k}`);
    const openedOn = spread('2015-03-02', 150, k, 67);
    s.reviewCases.push({
      id: caseId,
      reference: `FPR-2015-${String(k + 1).padStart(3, '0')}`,
      holderId: holder.id,
      licenceId: licence.id,
      functionId: taxiId,
      openedOn,
      source: k % 9 === 4 ? 'police_information' : 'past_offences',
      risk: k % 3 === 0 ? 'high' : 'medium',
      information: `${SEED.report}: one of the 67 cases Commissioner Ney identified from information held about past offences. The information itself is illustrative and not shown.`,
      investigationStartedOn: addDays(openedOn, 7),
      closedOn: null,
      closedReason: null,
      ...NOT_WITHDRAWN,
    });
    const hearing = (n: number, scheduledOn: string, hearingOn: string) => {
      const row = {
        id: stableId(`licensing-hearing:${k}:${n}`),
        caseId,
        scheduledOn,
        hearingOn,
        adjournedOn: null as string | null,
        adjournedReason: null as string | null,
        panelPersonIds: [committee.chair, panel[1 + (k % 3)] as string, panel[1 + ((k + 1) % 3)] as string],
        ...NOT_WITHDRAWN,
      };
      s.reviewHearings.push(row);
      return row;
    };
    if (k < 24) {
      // Heard by the report day: hearings from June to 26 November 2015.
      const hearingOn = spread('2015-06-04', 175, k, 23);
      const h = hearing(1, addDays(hearingOn, -28), hearingOn);
      decide(k, h, HEARD_BY_REPORT[k] as ReviewOutcome, false);
    } else if (k < 65) {
      // Fixed by the report day for hearings from December 2015 to the end of March 2016.
      const j = k - 24;
      const hearingOn = spread('2015-12-03', 118, j, 40);
      const scheduledOn = spread('2015-10-01', 57, j, 40);
      if (j === 5) {
        // Illustrative: one hearing adjourned on its day and fixed again for February.
        const first = hearing(1, scheduledOn, hearingOn);
        first.adjournedOn = hearingOn;
        first.adjournedReason =
          'Illustrative: the holder’s representative was taken ill; the hearing is fixed again.';
        const again = hearing(2, hearingOn, '2016-02-18');
        decide(k, again, LATER_PATTERN[j % LATER_PATTERN.length] as ReviewOutcome, true);
      } else
        decide(
          k,
          hearing(1, scheduledOn, hearingOn),
          LATER_PATTERN[j % LATER_PATTERN.length] as ReviewOutcome,
          true,
        );
    } else {
      // The other two, closed without a hearing.
      const c = s.reviewCases[k] as Section['reviewCases'][number];
      c.closedOn = addDays(openedOn, k === 65 ? 40 : 60);
      c.closedReason =
        k === 65
          ? 'Illustrative: the holder surrendered the licence before a hearing could be fixed.'
          : 'Illustrative: the information was found to concern another person; there is no case to answer.';
      if (k === 65) {
        licence.status = 'surrendered';
        licence.statusFrom = c.closedOn;
      }
    }

    function decide(
      k: number,
      h: Section['reviewHearings'][number],
      outcome: ReviewOutcome,
      proposals: boolean,
    ) {
      const decidedOn = h.hearingOn;
      const immediate = outcome === 'revoke' && k % 4 === 0;
      const effectiveOn =
        outcome === 'revoke' || outcome === 'suspend'
          ? immediate
            ? decidedOn
            : firstDayAfterAppeal(decidedOn)
          : decidedOn;
      // From January 2016 the Councillors propose (seed 001: the graduated build-up); the Commissioner mostly agrees.
      const proposing = proposals && decidedOn >= '2016-01-01';
      const proposedOutcome = !proposing
        ? null
        : k % 6 === 0
          ? outcome === 'revoke'
            ? 'suspend'
            : 'revoke'
          : outcome;
      const proposer = proposing ? (h.panelPersonIds[k % h.panelPersonIds.length] as string) : null;
      const decisionId = stableId(`licensing-decision:${k}`);
      const powersId = stableId(`decision:licensing-review:${k}`);
      const reference = s.reviewCases[k]?.reference as string;
      const reasons = REASONS[outcome];
      s.reviewDecisions.push({
        id: decisionId,
        caseId,
        hearingId: h.id,
        decidedOn,
        proposedOutcome,
        proposedByPersonId: proposer,
        outcome,
        reasons,
        effectiveOn,
        immediate,
        suspensionDays: outcome === 'suspend' ? 56 : null,
        decidedByPersonId: decider,
        powersDecisionId: powersId,
        ...NOT_WITHDRAWN,
      });
      decisions.push({
        id: powersId,
        functionId: taxiId,
        decidedOn,
        title: `Fit-and-proper review ${reference}: ${OUTCOME_NAMES[outcome]}`,
        meeting: `Licensing hearing of ${longDate(decidedOn)}`,
        meetingPublic: false,
        report: `Fit-and-proper review case ${reference}`,
        proposedById: proposer,
        proposal:
          proposedOutcome === null
            ? null
            : `The advisory councillors proposed: ${OUTCOME_NAMES[proposedOutcome]}.`,
        decidedById: decider,
        outcome: proposedOutcome === null || proposedOutcome !== outcome ? 'different' : 'as_proposed',
        reasons,
        ...NOT_WITHDRAWN,
      });
      if (outcome === 'revoke' || outcome === 'suspend') {
        licence.status = outcome === 'revoke' ? 'revoked' : 'suspended';
        licence.statusFrom = effectiveOn;
        s.registerEntries.push({
          id: stableId(`licensing-register:${k}`),
          holderId: holder.id,
          licenceId: licence.id,
          action: outcome === 'revoke' ? 'revoked' : 'suspended',
          decidedOn,
          effectiveOn,
          reasons,
          name: holder.name,
          dateOfBirth: holder.dateOfBirth,
          licenceNumber: licence.number,
          licenceKind: licence.kind,
          reviewDecisionId: decisionId,
          ...NOT_WITHDRAWN,
        });
      }
    }
  });

  // Safeguarding training: 818 of the drivers holding a licence on the report day, on courses through 2015.
  const held = licences.filter((l) => heldOn(l, REPORT_DAY)).map((l) => l.holderId);
  const untrained = new Set(held.filter((_, n) => n % 11 === 3).slice(0, held.length - TRAINED));
  [overdueHolder.id, ...held.filter((id) => id !== overdueHolder.id && !untrained.has(id))]
    .slice(0, TRAINED)
    .forEach((id, n) => {
      check(id, 'safeguarding_training', spread('2015-02-02', 290, n, TRAINED), { course: COURSE });
    });

  // A new applicant whose training is still to be done: the gate refuses the grant until it is.
  const applicant = stableId('licence-holder:applicant:0');
  holders.push({
    id: applicant,
    kind: 'driver',
    name: 'Jo Applicant-Examplewood',
    dateOfBirth: '1988-02-14',
    ...NOT_WITHDRAWN,
  });
  licences.push({
    id: stableId('licence:applicant:0'),
    holderId: applicant,
    number: 'PHD-09001',
    kind: 'private_hire_driver',
    status: 'application',
    startOn: '2015-11-02',
    endOn: null,
    statusFrom: null,
    conditions: null,
    ...NOT_WITHDRAWN,
  });
  check(applicant, 'dbs_enhanced', '2015-10-20', {
    certificateNumber: '009988776655',
    barredLists: ['children', 'adults'],
  });
  check(applicant, 'dbs_update_service', '2015-10-20');
  check(applicant, 'dbs_status_check', '2015-10-21');
  check(applicant, 'driving_licence', '2015-10-22');
  check(applicant, 'right_to_work', '2015-10-22');
  check(applicant, 'medical', '2015-10-26');

  // Applications refused in 2015, for the register. Illustrative.
  for (let r = 0; r < 4; r++) {
    const id = stableId(`licence-holder:refused:${r}`);
    const name = `${FIRST[(r * 5 + 2) % FIRST.length]} Refusedby-${SURNAMES[(r * 3 + 1) % SURNAMES.length]}`;
    const dateOfBirth = addDays('1975-03-01', r * 1211);
    holders.push({ id, kind: 'driver', name, dateOfBirth, ...NOT_WITHDRAWN });
    const refusedOn = spread('2015-04-14', 200, r, 4);
    const licence: Licence = {
      id: stableId(`licence:refused:${r}`),
      holderId: id,
      number: `PHD-0${9101 + r}`,
      kind: 'private_hire_driver',
      status: 'refused',
      startOn: addDays(refusedOn, -30),
      endOn: null,
      statusFrom: refusedOn,
      conditions: null,
      ...NOT_WITHDRAWN,
    };
    licences.push(licence);
    s.registerEntries.push({
      id: stableId(`licensing-register:refused:${r}`),
      holderId: id,
      licenceId: licence.id,
      action: 'refused',
      decidedOn: refusedOn,
      effectiveOn: refusedOn,
      reasons: `${ILLUSTRATIVE}: the applicant did not disclose convictions the enhanced DBS certificate showed; under the new policy the applicant is not a fit and proper person.`,
      name,
      dateOfBirth,
      licenceNumber: licence.number,
      licenceKind: 'private_hire_driver',
      reviewDecisionId: null,
      ...NOT_WITHDRAWN,
    });
  }

  // Vehicles with yearly licences and inspections, and compliance checks from 2013 (seed 003: checks on ten
  // days' notice replaced the unannounced ones; illustrative: unannounced checks return from April 2015).
  for (let v = 0; v < VEHICLES; v++) {
    const id = stableId(`licence-holder:vehicle:${v}`);
    holders.push({
      id,
      kind: 'vehicle',
      name: `DM${12 + (v % 4)} V${String(v + 1).padStart(3, '0')}`,
      dateOfBirth: null,
      ...NOT_WITHDRAWN,
    });
    const startOn = spread('2014-12-01', 360, v, VEHICLES);
    licences.push({
      id: stableId(`licence:vehicle:${v}`),
      holderId: id,
      number: `${v % 2 ? 'HCV' : 'PHV'}-${String(501 + v).padStart(5, '0')}`,
      kind: v % 2 ? 'hackney_carriage_vehicle' : 'private_hire_vehicle',
      status: 'granted',
      startOn,
      endOn: addDays(addMonths(startOn, 12), -1),
      statusFrom: startOn,
      conditions: null,
      ...NOT_WITHDRAWN,
    });
    check(id, 'vehicle_inspection', addDays(startOn, -10));
  }
  let n = 0;
  for (let q = 0; q < 13; q++) {
    const quarterStart = addMonths('2013-01-01', q * 3);
    const perQuarter = 9 + (q % 3);
    for (let c = 0; c < perQuarter; c++, n++) {
      const checkedOn = spread(quarterStart, 85, c, perQuarter);
      const unannounced = quarterStart >= '2015-04-01' && c % 4 !== 0;
      s.vehicleChecks.push({
        id: stableId(`licensing-vehicle-check:${n}`),
        holderId: stableId(`licence-holder:vehicle:${(n * 7) % VEHICLES}`),
        checkedOn,
        announced: !unannounced,
        result: n % 13 === 0 ? 'fail' : n % 5 === 0 ? 'advisory' : 'pass',
        notes: unannounced ? null : 'Checked after ten days’ notice to the proprietor',
        ...NOT_WITHDRAWN,
      });
    }
  }
  return { people: committee.members, decisions, licensing: s };
}
