/*
 * What the demo's Powers records are made of: the row types (each table's fields
 * without the council, which is the bundle's), the seeds they cite, and the dates
 * the story turns on, with the ones the seeds do not give marked as illustrative.
 */
import type {
  Allocation,
  CommissionerAppointment,
  CouncilFunction,
  Decision,
  Direction,
  DirectionProvision,
  Representation,
  Restoration,
  RestorationFunction,
  RestorationPause,
  RestorationStepRecord,
} from '#src/modules/powers/schema.ts';

/** A record as the bundle holds it: the table's fields without the council, never withdrawn. */
export type Row<T> = Omit<T, 'councilId' | 'withdrawnAt' | 'withdrawnReason'> & {
  withdrawnAt: null;
  withdrawnReason: null;
};

/** The bundle's `powers` section. */
export interface PowersSection {
  functions: Row<CouncilFunction>[];
  directions: Row<Direction>[];
  provisions: Row<DirectionProvision>[];
  commissionerAppointments: Row<CommissionerAppointment>[];
  allocations: Row<Allocation>[];
  restorations: Row<Restoration>[];
  restorationFunctions: Row<RestorationFunction>[];
  restorationSteps: Row<RestorationStepRecord>[];
  restorationPauses: Row<RestorationPause>[];
  representations: Row<Representation>[];
  decisions: Row<Decision>[];
}

/** A person in a public role, in the shape build.ts gives its own. */
export interface PersonToAdd {
  id: string;
  name: string;
  kind: 'commissioner' | 'councillor' | 'officer' | 'independent' | 'minister';
  publicRole: string;
  party: string | null;
  fromDate: string | null;
  toDate: string | null;
  source: string;
  withdrawnAt: null;
  withdrawnReason: null;
}

/** What buildPowers needs to know of a person already in the bundle. */
export interface KnownPerson {
  id: string;
  name: string;
  publicRole: string;
  kind: string;
}

export const NOT_WITHDRAWN = { withdrawnAt: null, withdrawnReason: null } as const;

/** The seed documents, as build.ts cites them. */
export const SEED = {
  casey: 'Seed 000: inspector’s letter, 27 January 2015',
  news: 'Seed 002: news report of the intervention, February 2015',
  report: 'Seed 001: Lead Commissioner’s report, 27 November 2015',
  inspection: 'Seed 003: extracts of the inspection report',
  exit: 'Seed 004: Lead Commissioner’s letter, 21 March 2018',
} as const;

/** The dates the demo's story turns on. */
export const DATES = {
  /** Seed 002/001: the Directions of February 2015; the day is illustrative. */
  directions2015: '2015-02-26',
  /** Seed 001: Commissioner Manzie's contract expires as the new Chief Executive takes over. */
  manzieLast: '2016-01-31',
  /** Seed 001: Appendix B functions restored, revised Directions (Appendix C) in force. */
  restored2016: '2016-02-01',
  /** Illustrative: the seeds do not say when Councillor Bradwell succeeded Malcolm Newsam. */
  newsamLast: '2016-08-31',
  bradwellFrom: '2016-09-01',
  /** Illustrative: licensing returned to the Licensing Committee. */
  licensingReturned: '2017-02-01',
  /** Illustrative: seed 004 has Mary Ney as Lead Commissioner by March 2018, not from when. */
  myersLast: '2017-03-31',
  neyLeadFrom: '2017-04-01',
  /** Seed 004: Directions issued in September 2017; the day is illustrative. */
  directions2017: '2017-09-20',
  /** Seed 004: return recommended on 9 February 2018; the effective day is illustrative. */
  childrensReturned: '2018-03-19',
} as const;

/** Whether a period (toDate null when open) covers a date. */
export function covers(period: { fromDate: string; toDate: string | null }, date: string): boolean {
  return period.fromDate <= date && (period.toDate === null || date <= period.toDate);
}
