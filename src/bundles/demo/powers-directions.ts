/*
 * The three sets of Directions of the demo. Each restates every function it
 * covers and supersedes the one before, so that no function is ever under two
 * Directions on one day. The seeds name the Directions but reproduce none of
 * their text: each body is a summary of what the seeds say, marked as such.
 */

import { dayBefore } from '#src/modules/powers/rules/dates.ts';
import type { Direction, DirectionProvision, ProvisionMode } from '#src/modules/powers/schema.ts';
import { stableId } from './ids.ts';
import type { FunctionSpec, Track } from './powers-functions.ts';
import { DATES, NOT_WITHDRAWN, type Row, SEED } from './powers-model.ts';

const LEGAL_BASIS = 'Local Government Act 1999, section 15';

interface DirectionSpec {
  key: string;
  direction: Omit<Row<Direction>, 'id' | 'supersedesId' | 'legalBasis' | 'withdrawnAt' | 'withdrawnReason'>;
  /** What it provides for the functions of each track; a track it leaves out, it does not cover. */
  modes: Partial<Record<Track, ProvisionMode>>;
}

const DIRECTIONS: DirectionSpec[] = [
  {
    key: '2015-02',
    direction: {
      title: 'Directions to Rotherham Metropolitan Borough Council, February 2015',
      issuedBy: 'Eric Pickles, Secretary of State for Communities and Local Government',
      madeOn: DATES.directions2015,
      inForceFrom: DATES.directions2015,
      inForceUntil: dayBefore(DATES.restored2016),
      body: [
        'A summary of what the seeds say; the seeds do not reproduce the text of the Directions.',
        'Having considered the inspection report of Louise Casey CB (seed 000), the Secretary of State is satisfied that the Council is failing to comply with its best value duty (seed 002).',
        'The Directions are to address the deep-seated culture of poor governance and leadership, to drive improvements in services and outcomes for local people, and to restore public trust and confidence in Rotherham (seed 000).',
        'The Commissioners exercise all the functions exercised by the Cabinet, including responsibility for children’s and adult services; all the Council’s licensing functions (“there can be no confidence in the council’s licensing committee”); the functions of appointing the Chief Executive, the Chief Finance Officer and the Monitoring Officer; and the nomination of members to other bodies. Members may provide input to these decisions (seed 002).',
        'The Council may periodically make a case for powers to be restored to Councillors (seed 001).',
      ].join('\n\n'),
      source: `${SEED.news}; ${SEED.casey}; ${SEED.report}. The seeds say February 2015: the day is illustrative`,
    },
    modes: {
      appendixB: 'commissioners',
      licensing: 'commissioners',
      children: 'commissioners',
      remaining: 'commissioners',
      returned2017: 'commissioners',
      nominations: 'commissioners',
    },
  },
  {
    key: '2016-02',
    direction: {
      title: 'Revised Directions from 1 February 2016',
      issuedBy: 'Greg Clark, Secretary of State for Communities and Local Government',
      madeOn: '2016-01-28',
      inForceFrom: DATES.restored2016,
      inForceUntil: dayBefore(DATES.directions2017),
      body: [
        'A summary of Appendix C of the Commissioners’ report of 27 November 2015 (seed 001), which the seeds name but do not reproduce.',
        'The executive functions restored under Appendix B are exercised by Cabinet Members, with the Commissioners’ agreement, so that the Commissioners can influence decision-making and allied matters without clouding where ultimate authority and responsibilities lie.',
        'The Commissioners continue to exercise the functions Appendix B does not include: Licensing; Children’s Services; Adult Social Care; Audit; Waste Collection and Cleaning Services and grounds maintenance; Asset Management; Community Safety; Economic Development and allied functions; and the other executive functions not restored. They also keep the statutory appointments (illustrative: the seeds do not say).',
        'Nominations to other bodies are made by the Council with the Commissioners’ agreement (illustrative).',
        'The incoming Chief Executive becomes Head of Paid Service on 1 February 2016 and does not hold Commissioner powers (seed 001).',
      ].join('\n\n'),
      source: `${SEED.report}, Appendices B and C. The day made and the mode of each function are illustrative`,
    },
    modes: {
      appendixB: 'with_agreement',
      licensing: 'commissioners',
      children: 'commissioners',
      remaining: 'commissioners',
      returned2017: 'commissioners',
      nominations: 'with_agreement',
    },
  },
  {
    key: '2017-09',
    direction: {
      title: 'Directions of September 2017',
      issuedBy: 'Sajid Javid, Secretary of State for Communities and Local Government',
      madeOn: DATES.directions2017,
      inForceFrom: DATES.directions2017,
      inForceUntil: null,
      body: [
        'A summary of what seed 004 says of the Directions issued in September 2017; the seeds do not reproduce their text.',
        'The Commissioners continue to exercise the executive functions for Children’s Services, Adult Social Care and Domestic Abuse Services. Every other function returns to the Council.',
        'On 9 February 2018, after the Ofsted report, the Lead Commissioner recommended the return of the executive powers for Children’s Services. On 21 March 2018 Domestic Abuse and Adult Social Care were the functions still subject to the Directions, and the Commissioners recommended that the intervention be concluded (seed 004).',
      ].join('\n\n'),
      source: `${SEED.exit}. The day in September 2017 is illustrative`,
    },
    modes: { children: 'commissioners', remaining: 'commissioners' },
  },
];

/** The Directions, each superseding the one before, and what each provides for each function. */
export function directionsOf(functions: { spec: FunctionSpec; id: string }[]): {
  directions: Row<Direction>[];
  provisions: Row<DirectionProvision>[];
} {
  const directions: Row<Direction>[] = [];
  const provisions: Row<DirectionProvision>[] = [];
  let previous: string | null = null;
  for (const d of DIRECTIONS) {
    const id = stableId(`direction:${d.key}`);
    directions.push({
      id,
      ...d.direction,
      supersedesId: previous,
      legalBasis: LEGAL_BASIS,
      ...NOT_WITHDRAWN,
    });
    for (const f of functions) {
      const mode = d.modes[f.spec.track];
      if (mode)
        provisions.push({
          id: stableId(`provision:${d.key}:${f.spec.code}`),
          directionId: id,
          functionId: f.id,
          mode,
          ...NOT_WITHDRAWN,
        });
    }
    previous = id;
  }
  return { directions, provisions };
}

/** The id of the Direction with a key ('2015-02', '2016-02', '2017-09'). */
export const directionId = (key: string) => stableId(`direction:${key}`);
