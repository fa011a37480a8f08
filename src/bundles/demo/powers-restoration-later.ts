/*
 * The later restorations. The return of licensing in 2017 is illustrative; the
 * return of Children's Services in March 2018 follows seed 004's recommendation
 * of 9 February 2018, with illustrative dates for the other steps.
 */
import { DATES, SEED } from './powers-model.ts';
import { cabinetMember, type RestorationSpec } from './powers-restoration-types.ts';

export const licensing: RestorationSpec = {
  key: '2016-09',
  title: 'Restoration of the licensing functions to the Licensing Committee (illustrative)',
  openedOn: '2016-09-05',
  proposedEffectiveDate: DATES.licensingReturned,
  track: 'licensing',
  criteria: () => ({
    service: `${SEED.report}: a new licensing policy with higher expectations of personal conduct and vehicle safety; 818 licence holders trained in safeguarding children and vulnerable adults; 67 cases identified for review (24 heard by November 2015, 41 due by March 2016). Illustrative: the reviews were complete when this was assessed.`,
    leadership:
      'Illustrative: a permanent licensing manager in post, with the licensing policy and its checks embedded.',
    assurance:
      'Illustrative: an audit of licence files found every required check in place before grant or renewal.',
    councillors: `${SEED.report}: Councillors of all three political groups on the Advisory Committee are engaged and showing new skills; Commissioner Ney planned a graduated build-up in which they question and propose decisions. Illustrative: their proposals stood in the decisions of 2016.`,
  }),
  returnsTo: (spec) => ({ kind: 'committee', personId: null, name: spec.councilHolder }),
  steps: {
    criteria: {
      on: '2016-10-17',
      people: 'Mary Ney, Commissioner',
      documents: 'Illustrative: licensing review report',
    },
    expert_panel: {
      on: '2016-10-31',
      people: 'An expert panel on licensing (illustrative)',
      documents: 'Illustrative: the Commissioner’s assessment',
    },
    lay_panel: {
      on: '2016-11-07',
      people: 'The Independent Members of the Standards Committee and the Independent Persons (illustrative)',
      documents: 'Illustrative: the Commissioner’s assessment',
    },
    leader_request: {
      on: '2016-11-14',
      people: 'Councillor Chris Read, Leader of the Council',
      documents: 'Illustrative: the Leader’s letter',
    },
    proposal: {
      on: '2016-11-30',
      people: 'Sir Derek Myers, Lead Commissioner',
      documents: 'Illustrative: the Commissioners’ report of November 2016',
    },
    reply: {
      on: '2016-12-21',
      people: 'The Secretary of State for Communities and Local Government',
      documents: 'Illustrative: the reply',
    },
    public_notice: {
      on: '2017-01-20',
      people: 'The Commissioner Team',
      documents: 'Illustrative: public notice; no representations received',
    },
    effective: {
      on: DATES.licensingReturned,
      people: 'The Licensing Committee',
      documents: 'Illustrative: notice of the return',
    },
  },
  pauses: [],
  representations: [],
};

export const childrens: RestorationSpec = {
  key: '2018-01',
  title: 'Restoration of the executive functions for Children’s Services',
  openedOn: '2018-01-22',
  proposedEffectiveDate: DATES.childrensReturned,
  track: 'children',
  criteria: () => ({
    service: `${SEED.exit}: the very encouraging report from Ofsted.`,
    leadership: `${SEED.exit}: the Director of Children’s Services, Ian Thomas, leaves on 27 April 2018; Lincolnshire County Council, the Improvement Partner, has given vital, expert and effective support for two years and will mentor the acting Director.`,
    assurance: `${SEED.exit}: the Ofsted report; the Independent Health Check commissioned by the Commissioners.`,
    councillors: `${SEED.exit}: the Commissioners’ standard is that the Council’s leadership understand their roles in ensuring the children of Rotherham are kept safe and thrive. Illustrative: judged met for the Cabinet Member.`,
  }),
  returnsTo: cabinetMember,
  steps: {
    criteria: {
      on: '2018-01-31',
      people: 'Mary Ney, Lead Commissioner; Councillor Bradwell, Children’s Commissioner',
      documents: 'The Ofsted report (seed 004)',
      notes: 'The day is illustrative.',
    },
    expert_panel: {
      on: '2018-02-05',
      people: 'An expert panel (illustrative)',
      documents: 'The Ofsted report',
      notes: 'Illustrative.',
    },
    lay_panel: {
      on: '2018-02-06',
      people: 'A lay panel (illustrative)',
      documents: 'The Ofsted report',
      notes: 'Illustrative.',
    },
    leader_request: {
      on: '2018-02-07',
      people: 'Councillor Chris Read, Leader of the Council',
      documents: 'Illustrative: the Leader’s letter',
    },
    proposal: {
      on: '2018-02-09',
      people: 'Mary Ney, Lead Commissioner, to the Secretaries of State',
      documents: `The Lead Commissioner’s letter of 9 February 2018 recommending the return of executive powers for Children’s Services (${SEED.exit})`,
    },
    reply: { on: '2018-02-23', people: 'The Secretaries of State', documents: 'Illustrative: the reply' },
    public_notice: {
      on: '2018-03-16',
      people: 'The Commissioner Team',
      documents: 'Illustrative: public notice; no representations received',
    },
    effective: {
      on: DATES.childrensReturned,
      people: 'The Cabinet Member for Children and Young People’s Services',
      documents: 'Illustrative: notice of the return',
      notes:
        'Illustrative date; seed 004 has only Domestic Abuse and Adult Social Care with the Commissioners on 21 March 2018.',
    },
  },
  pauses: [],
  representations: [],
};
