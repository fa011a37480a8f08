/*
 * The plan's workstream on children's social care and early help, overseen by
 * the Children, Young People and Families Improvement Board. Projects whose
 * description cites a seed follow it; the rest, and every date and milestone,
 * are illustrative.
 */
import { project, type WorkstreamSpec } from './improvement-model.ts';

const BOARD = 'Children, Young People and Families Improvement Board';

export const CHILDREN: WorkstreamSpec = {
  code: 'CYP',
  title: 'Children and young people’s services',
  board: 'children',
  officer: 'Strategic Director, Children and Young People’s Services',
  lead: 'newsam',
  projects: [
    project(
      'Multi-Agency Safeguarding Hub: thresholds applied consistently',
      'service',
      '2015-03',
      '2015-09',
      {
        note: 'Seed 001: Ofsted’s first improvement visit confirmed that thresholds at the Multi-Agency Safeguarding Hub were applied securely, with timely decisions.',
      },
    ),
    project('Lower caseloads in the child protection teams', 'service', '2015-03', '2015-10', {
      note: 'Seed 001: Ofsted reported more stable teams and significantly reduced caseloads in child protection.',
    }),
    project('Regular supervision in the long-term social work teams', 'service', '2015-04', '2015-10', {
      note: 'Seed 001: Ofsted found supervision regular in the long-term teams and management rationale clear on most records.',
    }),
    project('Early Help Action Plan', 'policy', '2015-05', '2015-10', {
      note: 'Seed 001: an Early Help Action Plan is in place and performance reports are beginning to be produced.',
    }),
    project('Remuneration package for social workers', 'policy', '2015-05', '2015-09', {
      note: 'Seed 001: the Council approved a new remuneration package for social workers in September 2015.',
      officer: 'Director of Human Resources',
    }),
    project('Quality of assessments in the duty team', 'service', '2015-07', '2016-03', {
      note: 'Seed 001: Ofsted inspectors were concerned that the duty team’s assessments were poor.',
      late: {
        m: 0,
        doneOn: '2015-11-27',
        action: {
          text: 'Audit every duty team assessment completed since the Ofsted visit, with weekly case-file audits by team managers until quality is secure',
          owner: 'Head of Service, Duty and Assessment',
          agreedOn: '2015-10-16',
          dueOn: '2015-12-11',
        },
      },
    }),
    project(
      'Recruitment of permanent social workers under the new package',
      'recruit',
      '2015-05',
      '2016-02',
      {
        note: 'Seed 001: the service remains too reliant on interim social workers and managers; recruitment under the new package has not yet taken off.',
        officer: 'Director of Human Resources',
        late: {
          m: 1,
          doneOn: '2015-11-13',
          action: {
            text: 'Launch a national campaign for permanent social workers on the new package, with agency cover for the gaps until then',
            owner: 'Director of Human Resources',
            agreedOn: '2015-10-07',
            dueOn: '2015-11-30',
          },
        },
      },
    ),
    project('Recruitment of foster carers', 'recruit', '2015-04', '2016-03', {
      note: 'Seed 001: longstanding fundamental weaknesses in the Council’s adoption and fostering provision.',
      late: {
        m: 1,
        doneOn: '2015-12-10',
        action: {
          text: 'Relaunch the campaign with the regional fostering partners and a dedicated recruitment officer',
          owner: 'Head of Service, Fostering and Adoption',
          agreedOn: '2015-10-22',
          dueOn: '2015-12-18',
        },
      },
    }),
    project('Early Help: new locality structure', 'recruit', '2015-04', '2016-03', {
      note: 'Seed 001: after a slow start, a new Early Help structure is being embedded; Heads of Service and all team managers have been appointed.',
      slips: [
        {
          m: 0,
          to: '2015-08-14',
          approvedOn: '2015-06-24',
          approvedBy: BOARD,
          reason:
            'The locality model is redrawn to follow the referral routes of the Multi-Agency Safeguarding Hub',
        },
        {
          m: 0,
          to: '2015-09-25',
          approvedOn: '2015-08-12',
          approvedBy: BOARD,
          reason: 'Consultation with staff and trade unions on the new structure took longer than planned',
        },
      ],
    }),
    project('Early Help performance reports to the board', 'service', '2015-08', '2016-03'),
    project(
      'Social work workforce strategy, ‘Enabling Excellence in Practice’',
      'policy',
      '2015-05',
      '2016-03',
      {
        note: 'Seed 001: after a slow start, the workforce strategy has been drafted: pay, progression, development and supervision, ICT, equipment and accommodation.',
        officer: 'Director of Human Resources',
        slips: [
          {
            m: 0,
            to: '2015-09-30',
            approvedOn: '2015-07-15',
            approvedBy: BOARD,
            reason:
              'The draft is rewritten with social workers so that it covers ICT, accommodation and car parking as well as pay',
          },
        ],
      },
    ),
    project('Fundamental review of in-house residential services', 'review', '2015-10', '2016-03', {
      note: 'Seed 001: commissioned by the Director for Children’s Services after three inadequate Ofsted judgements of Woodview and one of St Edmunds.',
    }),
    project('Consultation on the closure of Woodview children’s home', 'policy', '2015-09', '2016-02', {
      note: 'Seed 001: the Council is consulting on closing Woodview after three successive inadequate judgements.',
    }),
    project('Case-file audit programme in child protection', 'service', '2015-06', '2016-03'),
    project(
      'Replacement of the children’s social care case management system',
      'system',
      '2015-06',
      '2016-09',
      {
        officer: 'Head of ICT',
      },
    ),
    project('A Deputy Director of Children’s Services', 'recruit', '2015-10', '2016-03', {
      note: 'Seed 001: a Deputy Director for Children’s Services is planned, to strengthen resilience.',
      officer: 'Director of Human Resources',
    }),
    project(
      'Permanent Strategic Director of Children and Young People’s Services',
      'recruit',
      '2015-09',
      '2016-01',
      {
        note: 'Seed 001: the Interim Strategic Director for Children’s and Young People’s Services becomes a permanent member of staff.',
        officer: 'Director of Human Resources',
      },
    ),
    project('Sufficiency strategy for looked after children’s placements', 'policy', '2015-07', '2016-03'),
    project('Pathway plans and accommodation for care leavers', 'service', '2015-08', '2016-06'),
    project('The voice of the child in assessments and plans', 'training', '2015-07', '2016-02'),
    project('Return interviews for children missing from home and care', 'service', '2015-06', '2016-01'),
    project('Timeliness of adoption matching', 'service', '2015-09', '2016-06'),
    project('Health and police staff in the Multi-Agency Safeguarding Hub', 'service', '2015-09', '2016-03', {
      slips: [
        {
          m: 1,
          to: '2016-02-12',
          approvedOn: '2015-11-18',
          approvedBy: BOARD,
          reason: 'The health partners’ staff move in later, once their new posts are funded',
        },
      ],
    }),
    project(
      'Multi-agency training offer of the Local Safeguarding Children Board',
      'training',
      '2015-06',
      '2016-03',
    ),
    project('Reports on children’s social care that Members can challenge', 'report', '2015-08', '2015-12', {
      note: 'Seed 003 found reports to Members obscure and over-positive; this project is illustrative.',
    }),
    project('A joined-up plan on teenage pregnancy with health partners', 'service', '2015-09', '2016-07', {
      note: 'Seed 003 lists teenage pregnancy among the inspections’ recurring concerns (2006, 2008, 2014); this project is illustrative.',
    }),
  ],
};
