/*
 * The plan's governance workstreams: leadership, governance and standards, and
 * communities and public trust. Projects whose description cites a seed follow
 * it; the rest, and every date and milestone, are illustrative.
 */
import { project, type WorkstreamSpec } from './improvement-model.ts';

const BOARD = 'Improvement Board';

export const GOVERNANCE: WorkstreamSpec = {
  code: 'GOV',
  title: 'Leadership, governance and standards',
  board: 'council',
  officer: 'Monitoring Officer',
  lead: 'myers',
  projects: [
    project('Restoration protocol for returning powers to Councillors', 'policy', '2015-03', '2015-06', {
      note: 'Seed 001: the restoration protocol the Commissioners put forward at their first public meeting in June 2015.',
    }),
    project('Acting Monitoring Officer and Head of Legal Services', 'recruit', '2015-07', '2015-09', {
      note: 'Seed 001: after the Monitoring Officer resigned in the summer, the Commissioners appointed an Acting Monitoring Officer and Head of Legal Services from September 2015.',
      officer: 'Director of Human Resources',
      lead: 'manzie',
    }),
    project('Interim scheme of delegation under the Directions', 'policy', '2015-03', '2015-07'),
    project('Forward plan of key decisions published every month', 'service', '2015-04', '2015-09', {
      officer: 'Head of Democratic Services',
    }),
    project(
      'Induction of all Members to the Fresh Start governance arrangements',
      'training',
      '2015-04',
      '2015-10',
      {
        officer: 'Head of Democratic Services',
      },
    ),
    project(
      '‘Be a Councillor’ sessions for candidates for the May 2016 elections',
      'training',
      '2015-06',
      '2015-10',
      {
        note: 'Seed 001: LGA-run ‘Be a Councillor’ sessions; some 2,200 people visited the web pages, 547 took the quiz, 74 completed the e-learning module and 69 attended workshops.',
        officer: 'Head of Democratic Services',
        lead: 'leader',
      },
    ),
    project('Revised senior management structure', 'review', '2015-04', '2015-06', {
      note: 'Seed 001: the revised senior management structure agreed in June 2015.',
      officer: 'Director of Human Resources',
      lead: 'manzie',
    }),
    project(
      'Register of Members’ interests, gifts and hospitality: full refresh',
      'service',
      '2015-06',
      '2015-12',
      {
        note: 'Seed 003 lists Members’ conduct (interests, gifts and hospitality) among the failings to guard against; the refresh itself is illustrative.',
        late: {
          m: 1,
          doneOn: '2015-11-20',
          action: {
            text: 'Write to each Member with a declaration outstanding, and report the returns to the Standards Committee',
            owner: 'Monitoring Officer',
            agreedOn: '2015-10-12',
            dueOn: '2015-11-30',
          },
        },
      },
    ),
    project(
      'Advisory Cabinet meetings in public, with Commissioners deciding there',
      'service',
      '2016-01',
      '2016-06',
      {
        note: 'Seed 001: from January 2016 the Advisory Cabinet meets in public, and Commissioners take their decisions at those meetings.',
        lead: 'leader',
      },
    ),
    project('Corporate Plan and Performance Management Framework', 'policy', '2015-05', '2016-01', {
      note: 'Seed 001: a new Corporate Plan and Performance Management Framework go to Council on 9 December 2015.',
      officer: 'Assistant Chief Executive',
      lead: 'leader',
      slips: [
        {
          m: 1,
          to: '2015-11-20',
          approvedOn: '2015-09-23',
          approvedBy: BOARD,
          reason:
            'Consultation kept open so that the new Vision the Leader is to announce in October can shape the Plan',
        },
        {
          m: 2,
          to: '2015-12-09',
          approvedOn: '2015-09-23',
          approvedBy: BOARD,
          reason:
            'The Plan goes to the Council meeting of 9 December 2015, with the Medium-Term Financial Strategy',
        },
      ],
    }),
    project('Local Code of Conduct for Members, beside the National Code', 'policy', '2015-07', '2016-01', {
      note: 'Seed 001: a new local Code of Conduct for Members goes to Council on 9 December 2015 and is presented publicly to the lay Members of the Standards Committee.',
    }),
    project('Protocol for Officer and Member working relationships', 'policy', '2015-07', '2016-01', {
      note: 'Seed 001: a new Code of Conduct for Officer and Member working relationships goes to Council on 9 December 2015.',
    }),
    project(
      'Standing item on the Improvement Plan at every Overview and Scrutiny Management Board',
      'service',
      '2015-09',
      '2016-03',
      {
        note: 'Seed 003 describes scrutiny starved of information and a standing scrutiny item as a preventive response; this project is illustrative.',
        officer: 'Head of Scrutiny and Member Development',
        lead: 'leader',
      },
    ),
    project('Scrutiny task group on the quality of reports to Members', 'review', '2015-10', '2016-03', {
      officer: 'Head of Scrutiny and Member Development',
      lead: 'leader',
    }),
    project('Development programme for Advisory Cabinet Members', 'training', '2015-06', '2016-05', {
      note: 'Seed 001: development activity aimed at Advisory Cabinet Members; the Advisory Cabinet grows from five Members to eight in December 2015.',
      officer: 'Head of Scrutiny and Member Development',
      lead: 'leader',
      slips: [
        {
          m: 2,
          to: '2016-04-29',
          approvedOn: '2015-12-09',
          approvedBy: BOARD,
          reason:
            'Three Members joined the Advisory Cabinet in December 2015; the programme is extended so that they take it in full',
        },
      ],
    }),
    project('Recruitment of the Chief Executive', 'recruit', '2015-07', '2016-02', {
      note: 'Seed 001: Sharon Kemp was announced as Chief Executive on 12 November 2015 and takes over on 1 February 2016.',
      officer: 'Director of Human Resources',
      lead: 'myers',
    }),
    project(
      'Recruitment of Strategic Directors, the Assistant Chief Executive and Assistant Directors',
      'recruit',
      '2015-07',
      '2016-04',
      {
        note: 'Seed 001: appointments of Strategic Directors for Finance and Customer Services, Adult Care, and Regeneration and Environment, an Assistant Chief Executive, and Assistant Directors.',
        officer: 'Director of Human Resources',
        lead: 'manzie',
      },
    ),
    project(
      'Independent members of the Standards Committee and Independent Persons',
      'review',
      '2015-08',
      '2016-01',
    ),
    project('Members’ council tax arrears: annual check and disclosure', 'policy', '2015-08', '2016-03', {
      note: 'Seed 003 lists Members’ council tax arrears among the conduct failings to guard against; the project is illustrative.',
    }),
    project('DBS checks for all Councillors', 'policy', '2015-09', '2016-03', {
      note: 'Seed 003 lists Members’ DBS checks among the conduct failings to guard against; the project is illustrative.',
    }),
  ],
};

export const PUBLIC_TRUST: WorkstreamSpec = {
  code: 'PUB',
  title: 'Communities and public trust',
  board: 'council',
  officer: 'Assistant Chief Executive',
  lead: 'leader',
  projects: [
    project(
      'Roadshows on the Council’s future and a report of what people said',
      'report',
      '2015-04',
      '2015-09',
      {
        note: 'Seed 001: the views of 1,800 people at 27 roadshows and other events, the largest face-to-face consultation the Council has held, published as a report.',
        slips: [
          {
            m: 1,
            to: '2015-08-28',
            approvedOn: '2015-07-22',
            approvedBy: BOARD,
            reason: 'More roadshows added in the summer holidays to hear from families and young people',
          },
        ],
      },
    ),
    project('A new Vision for the Council', 'report', '2015-07', '2015-10', {
      note: 'Seed 001: the Leader announced the Council’s new Vision in October 2015, shaped by the roadshows.',
    }),
    project('Rotherham Together partnership and a new Community Strategy', 'report', '2015-09', '2016-03', {
      note: 'Seed 001: the refreshed ‘Rotherham Together’ partnership is writing the borough’s new Community Strategy for March 2016.',
    }),
    project('Reporting the intervention’s progress to residents', 'policy', '2015-06', '2015-12', {
      officer: 'Head of Communications',
    }),
    project('Publishing Commissioners’ decisions and reports online', 'system', '2015-05', '2016-02', {
      officer: 'Head of Communications',
      lead: 'myers',
    }),
    project('Neighbourhood engagement and ward Member surgeries', 'service', '2015-09', '2016-06'),
    project('Equality scheme tested against frontline practice', 'review', '2015-08', '2016-02', {
      note: 'Seed 003 found an equality scheme that read well but did not connect with staff’s day-to-day experience; the review is illustrative.',
    }),
    project('Review of the corporate complaints process', 'review', '2015-10', '2016-01'),
  ],
};
