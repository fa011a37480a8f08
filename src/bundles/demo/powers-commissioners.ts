/*
 * The Commissioner Team (seed 002: five Commissioners) and which Commissioner
 * exercised each function while it was with them. The seeds name the Lead
 * Commissioner, the Commissioner Managing Director, the licensing Commissioner
 * and the Children's Commissioner; the fifth is recorded by role alone.
 */
import { dayBefore } from '#src/modules/powers/rules/dates.ts';
import type { Allocation, CommissionerAppointment, CommissionerRole } from '#src/modules/powers/schema.ts';
import { stableId } from './ids.ts';
import type { Commissioner, FunctionSpec } from './powers-functions.ts';
import { DATES, NOT_WITHDRAWN, type Row, SEED } from './powers-model.ts';
import type { Cast } from './powers-people.ts';

/** Every Commissioner of the story, including the two who joined the team later. */
export type TeamMember = Commissioner | 'neyLead' | 'bradwell';

const HOLDER_NAMES: Record<TeamMember, string> = {
  myers: 'Sir Derek Myers, Lead Commissioner',
  manzie: 'Stella Manzie, Commissioner Managing Director',
  neyLicensing: 'Mary Ney, Commissioner',
  neyLead: 'Mary Ney, Lead Commissioner',
  newsam: 'Malcolm Newsam, Children’s Commissioner',
  bradwell: 'Councillor Bradwell, Children’s Commissioner',
  unnamed: 'A Commissioner the seeds do not name',
};

const APPOINTED_BY_PICKLES = `Eric Pickles, Secretary of State for Communities and Local Government, with the Directions of February 2015 (${SEED.news})`;

const APPOINTMENTS: {
  who: TeamMember;
  role: CommissionerRole;
  appointedBy: string;
  from: string;
  to: string | null;
}[] = [
  {
    who: 'myers',
    role: 'lead',
    appointedBy: APPOINTED_BY_PICKLES,
    from: DATES.directions2015,
    to: DATES.myersLast,
  },
  {
    who: 'manzie',
    role: 'managing_director',
    appointedBy: `${APPOINTED_BY_PICKLES}; seed 001: the contract expires in February 2016`,
    from: DATES.directions2015,
    to: DATES.manzieLast,
  },
  {
    who: 'neyLicensing',
    role: 'licensing',
    appointedBy: APPOINTED_BY_PICKLES,
    from: DATES.directions2015,
    to: DATES.myersLast,
  },
  {
    who: 'newsam',
    role: 'childrens',
    appointedBy:
      'The Secretary of State for Education, with the Secretary of State for Communities and Local Government (seeds 000 and 003); the end date is illustrative',
    from: DATES.directions2015,
    to: DATES.newsamLast,
  },
  {
    who: 'unnamed',
    role: 'commissioner',
    appointedBy: `${APPOINTED_BY_PICKLES}; the seeds do not name this Commissioner, and the end date is illustrative`,
    from: DATES.directions2015,
    to: dayBefore(DATES.directions2017),
  },
  {
    who: 'neyLead',
    role: 'lead',
    appointedBy: `The Secretary of State for Communities and Local Government (${SEED.exit} has Mary Ney as Lead Commissioner; the start date is illustrative)`,
    from: DATES.neyLeadFrom,
    to: null,
  },
  {
    who: 'bradwell',
    role: 'childrens',
    appointedBy: `The Secretary of State for Education (${SEED.exit} names Councillor Bradwell as Children’s Commissioner; the start date is illustrative)`,
    from: DATES.bradwellFrom,
    to: null,
  },
];

/** The person of a Commissioner, or null for the one the seeds do not name. */
export function personOf(cast: Cast, who: TeamMember): string | null {
  return who === 'unnamed' ? null : cast[who];
}

/** The Commissioner Team's appointments. */
export function commissionerAppointments(cast: Cast): Row<CommissionerAppointment>[] {
  return APPOINTMENTS.map((a) => ({
    id: stableId(`appointment:${a.who}:${a.from}`),
    personId: personOf(cast, a.who),
    role: a.role,
    appointedBy: a.appointedBy,
    fromDate: a.from,
    toDate: a.to,
    ...NOT_WITHDRAWN,
  }));
}

/** The last day a function of each track was with the Commissioners; null while it still is. */
function lastDayWithCommissioners(spec: FunctionSpec): string | null | undefined {
  switch (spec.track) {
    case 'appendixB':
    case 'nominations':
      return DATES.manzieLast;
    case 'licensing':
      return dayBefore(DATES.licensingReturned);
    case 'children':
      return dayBefore(DATES.childrensReturned);
    case 'returned2017':
      return dayBefore(DATES.directions2017);
    case 'remaining':
      return null;
    case 'undirected':
      return undefined;
  }
}

function firstReason(spec: FunctionSpec, who: Commissioner): string {
  const took = `Under the Directions of February 2015 the Commissioners exercise every executive function, all licensing, the statutory appointments and nominations (${SEED.news}).`;
  if (who === 'neyLicensing')
    return `${took} ${SEED.report}: Mary Ney is the Commissioner for licensing purposes and the decision-maker in taxi licensing cases.`;
  if (who === 'newsam')
    return `${took} ${SEED.inspection}: Malcolm Newsam was appointed Children’s Commissioner by the Department for Education; seed 000 proposed an almost full-time role.`;
  if (spec.code === 'exec-adult-social-care')
    return `${took} ${SEED.report}: the Adult Social Care transformation is under the direction of the Interim Chief Officer and the Commissioner Managing Director.`;
  if (who === 'manzie')
    return `${took} ${SEED.report}: Commissioner Manzie is responsible for a number of executive functions; that this is one of them is illustrative.`;
  if (who === 'unnamed')
    return `${took} Illustrative: the seeds do not say which Commissioner exercised it; here the Commissioner they do not name.`;
  return `${took} Illustrative: the seeds do not say which Commissioner exercised it; here the Lead Commissioner.`;
}

const REDISTRIBUTED = `${SEED.report}: the executive functions of Commissioner Manzie not restored under Appendix B are distributed around the other members of the Commissioner Team when her contract expires in February 2016; which Commissioner took this one is illustrative.`;
const TO_BRADWELL = `${SEED.exit} names Councillor Bradwell as Children’s Commissioner; the date Councillor Bradwell succeeded Malcolm Newsam is illustrative.`;
const TO_NEY_LEAD = `${SEED.exit}: Mary Ney is Lead Commissioner by March 2018 and exercises the functions still with the Commissioners; the date she took over from Sir Derek Myers is illustrative.`;

/** Which Commissioner exercised a function, period by period, while it was with them. */
export function commissionerAllocations(
  spec: FunctionSpec,
  functionId: string,
  cast: Cast,
): Row<Allocation>[] {
  const last = lastDayWithCommissioners(spec);
  if (last === undefined || !spec.from2015) return [];
  const periods: { who: TeamMember; from: string; reason: string }[] = [
    { who: spec.from2015, from: DATES.directions2015, reason: firstReason(spec, spec.from2015) },
  ];
  const current = () => (periods.at(-1) as (typeof periods)[number]).who;
  const change = (from: string, who: TeamMember, reason: string) => {
    if (last === null || from <= last) periods.push({ who, from, reason });
  };
  if (current() === 'manzie') {
    if (spec.from2016) change(DATES.restored2016, spec.from2016, REDISTRIBUTED);
    else if (last === null || last >= DATES.restored2016)
      throw new Error(
        `${spec.code} stays with the Commissioners after Commissioner Manzie leaves: give it from2016.`,
      );
  }
  if (current() === 'newsam') change(DATES.bradwellFrom, 'bradwell', TO_BRADWELL);
  if (current() === 'myers' || current() === 'neyLicensing')
    change(DATES.neyLeadFrom, 'neyLead', TO_NEY_LEAD);

  return periods.map((p, i) => ({
    id: stableId(`allocation:${spec.code}:${p.from}`),
    functionId,
    holderKind: 'commissioner',
    personId: personOf(cast, p.who),
    holderName: HOLDER_NAMES[p.who],
    fromDate: p.from,
    toDate: i + 1 < periods.length ? dayBefore((periods[i + 1] as (typeof periods)[number]).from) : last,
    restorationId: null,
    reason: p.reason,
    ...NOT_WITHDRAWN,
  }));
}
