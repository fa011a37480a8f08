/*
 * Seed 001's restoration: the protocol the Commissioners operated from November
 * 2015 to return the Appendix B functions to Cabinet Members on 1 February 2016.
 * Which functions Appendix B lists is illustrative (the seeds do not reproduce
 * it); so are the days the seeds do not give, and the representations and pause.
 */
import { DATES, SEED } from './powers-model.ts';
import { cabinetMember, type RestorationSpec } from './powers-restoration-types.ts';

const COMMISSIONER_TEAM_2015 =
  'The Commissioner Team: Sir Derek Myers (Lead Commissioner), Stella Manzie (Commissioner Managing Director), Mary Ney, Malcolm Newsam (Children’s Commissioner) and a fifth Commissioner the seeds do not name';

/** The LGA peer review that covered a function (seed 001), if one did. */
const PEER_REVIEWS: Record<string, string> = {
  'exec-highways': 'Highways and Transport',
  'exec-flood-risk': 'Highways and Transport',
  'exec-planning-policy': 'Planning',
  'exec-council-housing': 'Housing',
  'exec-housing-strategy': 'Housing',
  'exec-homelessness': 'Housing',
};

export const appendixB: RestorationSpec = {
  key: '2015-11',
  title: 'Restoration of the executive functions in Appendix B to Advisory Cabinet Members',
  openedOn: '2015-11-02',
  proposedEffectiveDate: DATES.restored2016,
  track: 'appendixB',
  criteria: (spec) => {
    const review = PEER_REVIEWS[spec.code];
    return {
      service: review
        ? `${SEED.report}: the LGA Peer Review of ${review} showed an overall good enough service, with suggestions for further improvement, and no significant value for money deficits. Appendix B is not reproduced in the seeds: this function’s place in it is illustrative.`
        : `${SEED.report}: the Commissioners are satisfied the service operates at a good enough level with no significant value for money deficits. Illustrative: Appendix B is not reproduced in the seeds and they do not say which reviews covered this function.`,
      leadership: `${SEED.report}: good enough officer leadership, with definitions of service quality and plans for further improvement in place.`,
      assurance: review
        ? `${SEED.report}: assured by the Peer Review of ${review}, organised through the LGA.`
        : `${SEED.report}: assured by review by experienced interim Chief Officers appointed from outside the authority, under the direction of the Commissioners (illustrative for this function).`,
      councillors: `${SEED.report}: the Commissioners feel individual Councillors are now in a position to exercise executive authority; the Advisory Cabinet Members have shown conscientious commitment and growing confidence.`,
    };
  },
  returnsTo: cabinetMember,
  steps: {
    criteria: {
      on: '2015-11-13',
      people: COMMISSIONER_TEAM_2015,
      documents: `LGA Peer Reviews of Highways and Transport, Planning, Housing, Waste Collections and Street Cleaning, and Leisure, Culture and Sport; reviews by interim Chief Officers (${SEED.report})`,
      notes:
        'Waste Collections and Street Cleaning (more critical) and Leisure, Culture and Sport (needs coherent strategic direction) did not meet the service criterion. The day is illustrative: seed 001 says November 2015.',
    },
    expert_panel: {
      on: '2015-11-18',
      people:
        'The core membership of the LGA-appointed Improvement Panel (seed 001; its members are not named)',
      documents: 'The Commissioners’ proposition and the list of functions (Appendix B)',
      notes: 'The day is illustrative.',
    },
    lay_panel: {
      on: '2015-11-20',
      people:
        'The Independent Members of the Standards Committee and the two Independent Persons appointed by the Council (seed 001; not named)',
      documents: 'The Commissioners’ proposition and the list of functions (Appendix B)',
      notes: 'The day is illustrative.',
    },
    leader_request: {
      on: '2015-11-24',
      people: 'Councillor Chris Read, Leader of the Council',
      documents:
        'Appendix D: letter from the Leader of the Council, Cllr Chris Read, asking for executive powers to be restored (seed 001)',
      notes: 'The day is illustrative: the letter is an appendix of the report of 27 November 2015.',
    },
    proposal: {
      on: '2015-11-27',
      people:
        'Sir Derek Myers, Lead Commissioner, to Greg Clark, Secretary of State for Communities and Local Government',
      documents: `The Commissioners’ three-month report with Appendix A (Restoration Protocol), Appendix B (Proposed Restoration of Executive Powers), Appendix C (proposed revised Directions) and Appendix D (${SEED.report})`,
    },
    reply: {
      on: '2015-12-16',
      people: 'Greg Clark, Secretary of State for Communities and Local Government',
      documents:
        'The Secretary of State’s reply agreeing that public notice be given (illustrative: the seeds do not include the reply)',
    },
    public_notice: {
      on: '2016-01-22',
      people: 'The Commissioner Team; the Council’s Monitoring Officer',
      documents:
        'Public notice of the intention to restore the Appendix B functions from 1 February 2016, and the representations received',
      notes:
        'Illustrative: notice given on 21 December 2015 and closed on 22 January 2016. Seed 001: the Commissioners reserve the right to further advise the Secretary of State up to 1 February if public reaction brings new information or new conduct issues arise.',
    },
    effective: {
      on: DATES.restored2016,
      people:
        'Sharon Kemp takes over as Chief Executive and Head of Paid Service; the Cabinet Members take up the restored functions',
      documents: 'Revised Directions from 1 February 2016 (Appendix C of seed 001)',
      notes: `${SEED.report}: the functions in Appendix B are restored to individual Cabinet Members with effect from 1 February 2016.`,
    },
  },
  pauses: [
    {
      cause: 'representation',
      on: '2016-01-11',
      detail:
        'Illustrative: a representation questioned the housing repairs backlog. The Commissioners paused the proposal for the housing functions while they checked whether it was new information (seed 001 reserves the right to advise the Secretary of State up to 1 February).',
      resolvedOn: '2016-01-20',
      resolution:
        'Illustrative: the backlog was known to the Peer Review of Housing and is in the service’s improvement plan; no new information. The proposal continued unchanged.',
    },
  ],
  representations: [
    {
      on: '2016-01-06',
      fromWhom: 'A tenants’ and residents’ association (illustrative)',
      summary:
        'Asked that the housing functions stay with the Commissioners until after the all-out elections of May 2016.',
      response:
        'The criteria are met now. The Leader and the Labour Group have undertaken that the Advisory Cabinet as expanded in December 2015 will continue to at least May 2017 (seed 001), and the Commissioners keep influence through the revised Directions. No change.',
    },
    {
      on: '2016-01-08',
      fromWhom: 'A member of the public (illustrative)',
      summary:
        'Reported a backlog of housing repairs and asked whether the housing service was ready to return to councillors.',
      response:
        'The Commissioners paused the housing functions to check this (see the pause of 11 January 2016). The backlog was known to the Peer Review of Housing and is in the improvement plan: the proposal continues.',
    },
  ],
};
