/*
 * The plan's service workstreams: licensing, and services, growth and the LGA
 * peer reviews. Projects whose description cites a seed follow it; the rest,
 * and every date and milestone, are illustrative.
 */
import { project, type WorkstreamSpec } from './improvement-model.ts';

const BOARD = 'Improvement Board';

export const LICENSING: WorkstreamSpec = {
  code: 'LIC',
  title: 'Licensing',
  board: 'council',
  officer: 'Head of Licensing',
  lead: 'ney',
  projects: [
    project('New hackney carriage and private hire licensing policy', 'policy', '2015-03', '2015-08', {
      note: 'Seed 001: a new policy with higher expectations of licence holders’ personal conduct and of vehicle safety.',
    }),
    project(
      'Safeguarding training for taxi and private hire licence holders',
      'training',
      '2015-04',
      '2015-10',
      {
        note: 'Seed 001: 818 licence holders have attended training on safeguarding children and vulnerable adults.',
      },
    ),
    project('Licences at risk under the new standards identified', 'review', '2015-05', '2015-07', {
      note: 'Seed 001: Commissioner Ney identified 67 at-risk cases and cases for review from what is known of past offences.',
    }),
    project(
      'Advisory Committee of Councillors sitting with the licensing Commissioner',
      'service',
      '2015-05',
      '2015-10',
      {
        note: 'Seed 001: Commissioner Ney decides each case sitting with an Advisory Committee of the Councillors who would otherwise form the Licensing Sub-Committee.',
      },
    ),
    project('Panel Hearings of the 67 licence reviews', 'service', '2015-07', '2016-03', {
      note: 'Seed 001: 24 cases heard by November 2015 (16 licences revoked, 1 suspended, 4 formal warnings, 3 no further action); 41 to be heard by the end of March 2016.',
      slips: [
        {
          m: 0,
          to: '2015-11-13',
          approvedOn: '2015-08-19',
          approvedBy: BOARD,
          reason:
            'Each hearing needs a full inquiry into the licence holder’s past, so fewer cases are heard at each sitting',
        },
        {
          m: 1,
          to: '2015-12-18',
          approvedOn: '2015-10-21',
          approvedBy: BOARD,
          reason: 'Hearing dates rearranged around licence holders’ legal representatives',
        },
      ],
    }),
    project(
      'Councillors taking the lead in questioning at licensing hearings',
      'training',
      '2015-10',
      '2016-03',
      {
        note: 'Seed 001: Commissioner Ney plans to move to a model where Councillors take the main burden of questioning and propose the decision.',
      },
    ),
    project('Cameras in licensed vehicles', 'policy', '2015-09', '2016-12', {
      decision: 'In-vehicle camera requirement: implementation',
    }),
    project('Vehicle age and specification standards', 'policy', '2015-10', '2016-07', {
      decision: 'Vehicle age and specification standards',
    }),
    project(
      'Joint licensing enforcement operations with South Yorkshire Police',
      'service',
      '2015-08',
      '2016-03',
    ),
    project('Statement of licensing policy for alcohol and entertainment', 'policy', '2015-09', '2016-03'),
    project('One case management system for licensing records', 'system', '2015-07', '2016-05'),
    project('Readiness of the Licensing Committee to take its powers back', 'review', '2015-10', '2016-02', {
      note: 'Seed 001: the Commissioners hope to consider handing licensing back in their report of February 2016.',
    }),
  ],
};

export const SERVICES: WorkstreamSpec = {
  code: 'SVC',
  title: 'Services, growth and peer reviews',
  board: 'council',
  officer: 'Strategic Director, Environment and Development Services',
  lead: 'streets',
  projects: [
    project('LGA peer reviews of key services', 'review', '2015-06', '2015-10', {
      note: 'Seed 001: as agreed in the Improvement Plan, short peer reviews organised through the LGA of key services other than Children’s Services.',
      officer: 'Assistant Chief Executive',
      lead: 'myers',
    }),
    project('Economic Growth Strategy', 'policy', '2015-05', '2015-10', {
      note: 'Seed 001: signed off in October 2015: 10,000 new private sector jobs over ten years, 700 new businesses and 14,000 new homes by 2030.',
      lead: 'jobs',
    }),
    project(
      'A board of local businesses to deliver the Economic Growth Strategy',
      'service',
      '2015-06',
      '2015-10',
      {
        note: 'Seed 001: a new board of over 26 businesses.',
        lead: 'jobs',
      },
    ),
    project(
      'Higher Education Campus with Rotherham College of Arts and Technology',
      'policy',
      '2015-04',
      '2015-10',
      {
        note: 'Seed 001: agreement to site the campus on Council land; £4m of Sheffield City Region Skills Capital Funding through its first phase.',
        lead: 'jobs',
      },
    ),
    project('Gulliver’s World investment on Council land', 'policy', '2015-04', '2015-09', {
      note: 'Seed 001: £37m for a children’s attraction, hotel, chalets and nature trail, with 250 full-time equivalent jobs.',
      lead: 'jobs',
    }),
    project('Review of the Council’s land and property holdings', 'review', '2015-04', '2015-12', {
      note: 'Seed 001 keeps asset management among the functions not yet ready to return; the review is illustrative.',
      officer: 'Head of Asset Management',
      lead: 'manzie',
      late: {
        m: 1,
        doneOn: '2015-12-03',
        action: {
          text: 'Bring in interim estates surveyors to finish valuing the remaining sites',
          owner: 'Head of Asset Management',
          agreedOn: '2015-10-05',
          dueOn: '2015-12-04',
        },
      },
    }),
    project('Waste collection and street cleaning: improvement programme', 'service', '2015-11', '2016-09', {
      note: 'Seed 001: the peer review found an obvious improvement agenda to deliver better services and greater value for money.',
    }),
    project('Leisure, culture and sport: strategic direction', 'policy', '2016-01', '2016-09', {
      note: 'Seed 001: the peer review called for a coherent strategic direction and better positioning of the service.',
      lead: 'culture',
    }),
    project('Town Centre Masterplan', 'report', '2015-07', '2016-03', {
      note: 'Seed 001: commissioned as part of the Economic Growth Strategy to replace a ten-year-old plan; available in early 2016.',
      lead: 'jobs',
      slips: [
        {
          m: 1,
          to: '2016-02-26',
          approvedOn: '2015-10-14',
          approvedBy: BOARD,
          reason:
            'The evidence base is widened to take in the Higher Education Campus and the Sheffield City Region’s plans',
        },
      ],
    }),
    project('Housing Growth Plan', 'policy', '2015-07', '2016-04', {
      note: 'Seed 001: the Housing Growth Plan aims for a net gain of 1,000 homes a year.',
      lead: 'housing',
      slips: [
        {
          m: 2,
          to: '2016-03-24',
          approvedOn: '2016-01-13',
          approvedBy: BOARD,
          reason: 'Adoption waits for consultation on the Local Plan’s sites to close',
        },
      ],
    }),
    project('Highways and transport: acting on the peer review', 'service', '2015-09', '2016-06'),
    project('Planning: acting on the peer review', 'service', '2015-09', '2016-03', { lead: 'jobs' }),
    project('Housing: acting on the peer review', 'service', '2015-10', '2016-06', { lead: 'housing' }),
    project('LED lanterns for street lighting', 'system', '2015-06', '2016-09', {
      // Late in the winter with nothing agreed about it: off track in January and February 2016.
      late: { m: 1, doneOn: '2016-02-19' },
    }),
    project(
      'The Council’s part in the Sheffield City Region devolution deal',
      'policy',
      '2015-09',
      '2016-03',
      {
        note: 'Seed 001: the Council agreed the devolution settlement in principle; the Leader leads on planning the new skills agenda.',
        officer: 'Assistant Chief Executive',
        lead: 'leader',
      },
    ),
    project('Fly-tipping enforcement', 'service', '2015-08', '2016-03'),
    project('Highway maintenance programme for 2016/17', 'policy', '2015-10', '2016-03'),
    project('Homelessness prevention', 'service', '2015-07', '2016-03', { lead: 'housing' }),
    project('Council housing repairs performance', 'service', '2015-08', '2016-05', { lead: 'housing' }),
    project('Parks and green spaces strategy', 'policy', '2015-09', '2016-06'),
  ],
};
