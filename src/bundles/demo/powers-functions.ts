/*
 * The demo council's functions register, and the path each function took
 * through the intervention. Seed 002 says what the Commissioners took (every
 * executive function, including children's and adult services; all licensing;
 * the statutory appointments; nominations to other bodies); seed 001 which
 * functions were proposed for return in November 2015 and which were excluded;
 * seed 004 which were still with the Commissioners in March 2018. The list of
 * functions, their portfolios and which Commissioner exercised each are
 * illustrative: the seeds do not give them.
 */
import type { FunctionService } from '#src/modules/powers/schema.ts';
import type { Portfolio } from './powers-people.ts';

/** The path a function took through the intervention. */
export type Track =
  /** Restored on 1 February 2016 (seed 001, Appendix B; which functions is illustrative). */
  | 'appendixB'
  /** Returned to the Licensing Committee in 2017 (illustrative). */
  | 'licensing'
  /** Kept by the September 2017 Directions, returned in March 2018 (seed 004). */
  | 'children'
  /** Still with the Commissioners on 21 March 2018 (seed 004). */
  | 'remaining'
  /** With the Commissioners until the September 2017 Directions (seed 004). */
  | 'returned2017'
  /** With the Commissioners, then with their agreement from February 2016 (illustrative). */
  | 'nominations'
  /** Never directed: seed 002 lists what the Commissioners took, and this was not among it. */
  | 'undirected';

/** A Commissioner of the original team of five (seed 002). */
export type Commissioner = 'myers' | 'manzie' | 'neyLicensing' | 'newsam' | 'unnamed';

export interface FunctionSpec {
  code: string;
  name: string;
  service: FunctionService;
  portfolio: Portfolio | null;
  councilHolder: string;
  track: Track;
  /** Who exercised it under the Directions of February 2015. */
  from2015?: Commissioner;
  /** Who took it from Commissioner Manzie on 1 February 2016 (seed 001), if it was hers and stayed. */
  from2016?: Commissioner;
  /** The item of seed 001's list of functions Appendix B specifically does not include. */
  excludedAs?: string;
}

/** Seed 001's list of the functions Appendix B specifically does not include. */
const EXCLUDED = {
  licensing: 'Licensing',
  children: 'Children’s Services',
  adults: 'Adult Social Care',
  audit: 'Audit',
  waste: 'Waste Collection and Cleaning Services; grounds maintenance',
  assets: 'Asset Management',
  safety: 'Community Safety',
  economy: 'Economic Development and allied functions',
};

/** An executive function: code (after `exec-`), name, track, and who exercised it from February 2015. */
type Executive = [code: string, name: string, track: Track, from2015: Commissioner];

const EXECUTIVE: Record<Portfolio, Executive[]> = {
  leader: [
    ['corporate-strategy', 'Corporate strategy, the Council Plan and partnerships', 'appendixB', 'myers'],
    ['neighbourhoods', 'Neighbourhood working and community engagement', 'appendixB', 'manzie'],
  ],
  jobs: [
    ['planning-policy', 'Planning policy and the Local Plan', 'appendixB', 'manzie'],
    ['economic-development', 'Economic development and business growth', 'returned2017', 'myers'],
    ['town-centre', 'Town centre regeneration and the Masterplan', 'returned2017', 'myers'],
    ['skills', 'Adult skills and employment support', 'returned2017', 'myers'],
  ],
  streets: [
    ['highways', 'Highways and transport', 'appendixB', 'manzie'],
    ['flood-risk', 'Flood risk management and drainage', 'appendixB', 'manzie'],
    ['environmental-health', 'Environmental health and trading standards', 'appendixB', 'manzie'],
    ['waste', 'Waste collection and street cleaning', 'returned2017', 'unnamed'],
    ['grounds', 'Grounds maintenance, parks and green spaces', 'returned2017', 'unnamed'],
    ['community-safety', 'Community safety and anti-social behaviour', 'returned2017', 'myers'],
    ['domestic-abuse', 'Domestic abuse services', 'remaining', 'myers'],
  ],
  housing: [
    ['council-housing', 'Council housing: tenancies, repairs and landlord services', 'appendixB', 'manzie'],
    ['housing-strategy', 'Housing strategy and the Housing Growth Plan', 'appendixB', 'manzie'],
    ['homelessness', 'Homelessness and housing advice', 'appendixB', 'manzie'],
  ],
  adults: [
    // Seed 001: the Adult Social Care transformation is under the Commissioner Managing Director.
    ['adult-social-care', 'Adult social care', 'remaining', 'manzie'],
    ['health-integration', 'Health and social care integration, Better Care Fund', 'returned2017', 'manzie'],
    ['public-health', 'Public health', 'appendixB', 'manzie'],
  ],
  children: [
    ['childrens-social-care', 'Children’s Services: social care and early help', 'children', 'newsam'],
    ['schools', 'Children’s Services: schools and special educational needs', 'children', 'newsam'],
  ],
  corporate: [
    ['budget', 'Budget proposals and the Medium-Term Financial Strategy', 'returned2017', 'myers'],
    ['revenues-benefits', 'Revenues and benefits', 'appendixB', 'manzie'],
    ['customer-ict', 'Customer services and ICT', 'appendixB', 'manzie'],
    ['procurement', 'Procurement and commissioning', 'appendixB', 'manzie'],
    ['workforce', 'Human resources and the workforce strategy', 'returned2017', 'manzie'],
    ['asset-management', 'Asset management: the council’s land and property', 'returned2017', 'manzie'],
    ['audit', 'Internal audit and risk management', 'returned2017', 'myers'],
  ],
  culture: [
    ['leisure', 'Leisure and sport', 'returned2017', 'manzie'],
    ['culture', 'Libraries, museums, arts and heritage', 'returned2017', 'manzie'],
  ],
};

/** Who took Commissioner Manzie's functions that stayed with the Commissioners (illustrative). */
const FROM_2016: Record<string, Commissioner> = {
  'exec-adult-social-care': 'myers',
  'exec-health-integration': 'myers',
  'exec-workforce': 'neyLicensing',
  'exec-asset-management': 'neyLicensing',
  'exec-leisure': 'unnamed',
  'exec-culture': 'unnamed',
};

const EXCLUDED_AS: Record<string, string> = {
  'exec-economic-development': EXCLUDED.economy,
  'exec-town-centre': EXCLUDED.economy,
  'exec-skills': EXCLUDED.economy,
  'exec-waste': EXCLUDED.waste,
  'exec-grounds': EXCLUDED.waste,
  'exec-community-safety': EXCLUDED.safety,
  'exec-adult-social-care': EXCLUDED.adults,
  'exec-childrens-social-care': EXCLUDED.children,
  'exec-schools': EXCLUDED.children,
  'exec-asset-management': EXCLUDED.assets,
  'exec-audit': EXCLUDED.audit,
};

/** A function outside the executive: code, name, and who holds it under the constitution. */
type NonExecutive = [code: string, name: string, councilHolder: string];

const LICENSING_ACT = 'Licensing Committee (Licensing Act 2003)';
const NON_EXECUTIVE: {
  service: FunctionService;
  track: Track;
  from2015?: Commissioner;
  rows: NonExecutive[];
}[] = [
  {
    service: 'licensing',
    track: 'licensing',
    from2015: 'neyLicensing',
    rows: [
      ['lic-taxi', 'Taxi and private hire licensing: drivers, vehicles and operators', 'Licensing Committee'],
      ['lic-alcohol', 'Alcohol, entertainment and late night refreshment licensing', LICENSING_ACT],
      ['lic-gambling', 'Gambling premises licensing (Gambling Act 2005)', LICENSING_ACT],
      [
        'lic-other',
        'Other licensing: street trading, sex establishments, scrap metal',
        'Licensing Committee',
      ],
    ],
  },
  {
    service: 'statutory_appointments',
    track: 'returned2017',
    from2015: 'myers',
    rows: [
      [
        'appoint-head-of-paid-service',
        'Appointment and dismissal of the Head of Paid Service (Chief Executive)',
        'Full Council, on the Staffing Committee’s recommendation',
      ],
      [
        'appoint-chief-finance-officer',
        'Appointment and dismissal of the Chief Finance Officer',
        'Staffing Committee',
      ],
      [
        'appoint-monitoring-officer',
        'Appointment and dismissal of the Monitoring Officer',
        'Staffing Committee',
      ],
      [
        'appoint-chief-officers',
        'Appointment of the strategic directors and assistant directors',
        'Staffing Committee',
      ],
    ],
  },
  {
    service: 'nominations',
    track: 'nominations',
    from2015: 'myers',
    rows: [
      ['nominate-outside-bodies', 'Nominations of councillors to outside bodies', 'Full Council'],
      ['nominate-city-region', 'Nominations to the Sheffield City Region Combined Authority', 'Full Council'],
    ],
  },
  {
    service: 'other',
    track: 'undirected',
    rows: [
      ['planning-applications', 'Determination of planning applications', 'Planning Board'],
      ['members-conduct', 'Members’ conduct: the codes of conduct and complaints', 'Standards Committee'],
    ],
  },
];

export const FUNCTIONS: FunctionSpec[] = [
  ...Object.entries(EXECUTIVE).flatMap(([portfolio, rows]) =>
    rows.map(([code, name, track, from2015]): FunctionSpec => {
      const full = `exec-${code}`;
      return {
        code: full,
        name,
        service: 'executive',
        portfolio: portfolio as Portfolio,
        councilHolder: 'Cabinet',
        track,
        from2015,
        from2016: FROM_2016[full],
        excludedAs: EXCLUDED_AS[full],
      };
    }),
  ),
  ...NON_EXECUTIVE.flatMap(({ service, track, from2015, rows }) =>
    rows.map(([code, name, councilHolder]): FunctionSpec => {
      const excludedAs = service === 'licensing' ? EXCLUDED.licensing : undefined;
      return { code, name, service, portfolio: null, councilHolder, track, from2015, excludedAs };
    }),
  ),
];

/** A function of the register by its code; throws on a code it does not hold. */
export function functionSpec(code: string): FunctionSpec {
  const spec = FUNCTIONS.find((f) => f.code === code);
  if (!spec) throw new Error(`The demo register has no function ${code}.`);
  return spec;
}
