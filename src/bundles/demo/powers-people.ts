/*
 * The people the Powers records need beyond build.ts's: the Advisory Cabinet
 * Members the seeds count but do not name (recorded by their role, never with
 * an invented name), the chair of the licensing Advisory Committee, and the
 * Children's Commissioner seed 004 names.
 */
import { stableId } from './ids.ts';
import { type KnownPerson, NOT_WITHDRAWN, type PersonToAdd, SEED } from './powers-model.ts';

/** The executive portfolios. Illustrative: the seeds name no portfolio. */
export const PORTFOLIOS = {
  leader: 'Corporate Strategy and Partnerships',
  jobs: 'Jobs and the Local Economy',
  streets: 'Waste, Roads and Community Safety',
  housing: 'Housing',
  adults: 'Adult Social Care and Health',
  children: 'Children and Young People’s Services',
  corporate: 'Corporate Services and Finance',
  culture: 'Culture, Tourism and Leisure',
} as const;
export type Portfolio = keyof typeof PORTFOLIOS;

/** Seed 001: five Members before December 2015 (the Leader and four others), eight after. */
const FIRST_FIVE: Portfolio[] = ['jobs', 'streets', 'housing', 'children'];
const JOINED_DECEMBER_2015: Portfolio[] = ['adults', 'corporate', 'culture'];
/** Illustrative day: seed 001 says the Advisory Cabinet was enlarged in December 2015. */
const ENLARGED_ON = '2015-12-09';

function person(
  name: string,
  kind: PersonToAdd['kind'],
  publicRole: string,
  source: string,
  fromDate: string | null = null,
): PersonToAdd {
  // The same id build.ts gives a person, so either file may add them.
  return {
    id: stableId(`person:${name}:${publicRole}`),
    name,
    kind,
    publicRole,
    party: null,
    fromDate,
    toDate: null,
    source,
    ...NOT_WITHDRAWN,
  };
}

function advisoryMember(portfolio: Portfolio): PersonToAdd {
  const title = PORTFOLIOS[portfolio];
  const joined = JOINED_DECEMBER_2015.includes(portfolio);
  return person(
    `Advisory Cabinet Member for ${title}`,
    'councillor',
    `Advisory Cabinet Member for ${title}; Cabinet Member for the portfolio once its functions were restored. Not named in the seeds; the portfolio is illustrative`,
    joined
      ? `${SEED.report}: the Advisory Cabinet grew from five to eight Members in December 2015 (the day is illustrative)`
      : `${SEED.report}: one of the five Advisory Cabinet Members of November 2015`,
    joined ? ENLARGED_ON : null,
  );
}

const LICENSING_CHAIR = person(
  'Chair of the Licensing Advisory Committee',
  'councillor',
  'Chair of the Advisory Committee of Councillors sitting with the licensing Commissioner. Not named in the seeds; that it has a chair who proposes decisions is illustrative',
  `${SEED.report}: Commissioner Ney sits with an Advisory Committee of the Councillors who would otherwise form the Licensing Sub-Committee`,
);

const BRADWELL = person(
  'Councillor Bradwell',
  'commissioner',
  'Children’s Commissioner (in office in March 2018)',
  `${SEED.exit}; the seeds give no first name or date of appointment`,
);

/** Everyone the Powers records name who is not among build.ts's people. */
export const POWERS_PEOPLE: PersonToAdd[] = [
  ...[...FIRST_FIVE, ...JOINED_DECEMBER_2015].map(advisoryMember),
  LICENSING_CHAIR,
  BRADWELL,
];

/** The people of the Powers records by their part in the story. */
export interface Cast {
  myers: string;
  manzie: string;
  neyLicensing: string;
  neyLead: string;
  newsam: string;
  bradwell: string;
  leader: string;
  licensingChair: string;
  /** The Member for each portfolio; the Leader holds the Leader's own. */
  members: Record<Portfolio, string>;
}

/** Finds each person of the story among the bundle's people and the ones added here. */
export function castOf(people: KnownPerson[]): Cast {
  const find = (name: string, publicRole: string): string => {
    const found = people.find((p) => p.name === name && p.publicRole === publicRole);
    if (!found) throw new Error(`The demo has no ${name} as ${publicRole}.`);
    return found.id;
  };
  const member = (p: Portfolio) => {
    const m = advisoryMember(p);
    return find(m.name, m.publicRole);
  };
  const leader = find('Chris Read', 'Leader of the Council');
  return {
    myers: find('Sir Derek Myers', 'Lead Commissioner'),
    manzie: find('Stella Manzie', 'Commissioner Managing Director'),
    neyLicensing: find('Mary Ney', 'Commissioner (licensing functions)'),
    neyLead: find('Mary Ney', 'Lead Commissioner'),
    newsam: find('Malcolm Newsam', 'Children’s Commissioner (appointed by the Department for Education)'),
    bradwell: find(BRADWELL.name, BRADWELL.publicRole),
    leader,
    licensingChair: find(LICENSING_CHAIR.name, LICENSING_CHAIR.publicRole),
    members: {
      leader,
      jobs: member('jobs'),
      streets: member('streets'),
      housing: member('housing'),
      adults: member('adults'),
      children: member('children'),
      corporate: member('corporate'),
      culture: member('culture'),
    },
  };
}
