/*
 * The plan's resources workstreams: finance and value for money, and workforce
 * and organisation. Projects whose description cites a seed follow it; the
 * rest, and every date and milestone, are illustrative.
 */
import { project, type WorkstreamSpec } from './improvement-model.ts';

export const FINANCE: WorkstreamSpec = {
  code: 'FIN',
  title: 'Finance and value for money',
  board: 'council',
  officer: 'Director of Finance',
  lead: 'manzie',
  projects: [
    project('The special reserve for the costs of intervention', 'review', '2015-04', '2015-09', {
      note: 'Seed 001: the original 2015/16 budget created a special reserve for the Commissioners and the Improvement Plans; it is now fully committed, mostly to Children’s Services.',
    }),
    project('Statement of accounts for 2014/15', 'report', '2015-04', '2015-09'),
    project('Monthly budget monitoring reported to Commissioners', 'service', '2015-04', '2015-10'),
    project('Children’s placements: cost control and commissioning', 'service', '2015-06', '2016-01', {
      note: 'Seed 001: overspending on children’s placements was not, as hoped, balanced by underspending elsewhere in Children’s Services.',
      late: {
        m: 1,
        doneOn: '2015-12-14',
        action: {
          text: 'Review every external residential placement and its cost at a weekly placements panel, with a finance officer attending',
          owner: 'Director of Finance',
          agreedOn: '2015-10-28',
          dueOn: '2015-12-18',
        },
      },
    }),
    project('Medium-Term Financial Strategy', 'policy', '2015-06', '2016-03', {
      note: 'Seed 001: a new Medium-Term Financial Strategy goes to Council on 9 December 2015; the budget requirement for 2015/16 and the next three years is estimated at £41m.',
    }),
    project('Budget for 2016/17 and savings proposals', 'policy', '2015-07', '2016-03'),
    project('Reserves strategy after the 2015/16 overspend', 'policy', '2015-10', '2016-02', {
      note: 'Seed 001: reserves cover this year’s overspend, but using them cuts down the options for the following year.',
    }),
    project('Internal audit plan covering every high-risk area', 'review', '2015-07', '2016-03', {
      note: 'Seed 003 found gaps in audit coverage; this project is illustrative.',
      officer: 'Head of Internal Audit',
    }),
    project('Risk register: scores changed only with a recorded rationale', 'policy', '2015-08', '2016-02', {
      note: 'Seed 003 found risks downgraded without rationale; this project is illustrative.',
      officer: 'Head of Internal Audit',
    }),
    project('Contract standing orders and procurement rules', 'policy', '2015-08', '2016-03'),
    project('Council tax collection', 'service', '2015-07', '2016-06', {
      // Late in the spring with nothing agreed about it: off track for three weeks of April 2016.
      late: { m: 2, doneOn: '2016-04-22' },
    }),
    project('Counter fraud arrangements', 'policy', '2015-09', '2016-03'),
    project('Value for money reviews of high-cost services', 'review', '2015-10', '2016-04'),
    project('Financial training for Members', 'training', '2015-09', '2016-02'),
  ],
};

export const WORKFORCE: WorkstreamSpec = {
  code: 'WRK',
  title: 'Workforce and organisation',
  board: 'council',
  officer: 'Director of Human Resources',
  lead: 'manzie',
  projects: [
    project('Staff survey and what staff said', 'report', '2015-04', '2015-08'),
    project('Induction and handover for interim managers', 'service', '2015-03', '2015-07'),
    project('Backlog of staff DBS checks cleared', 'service', '2015-04', '2015-10', {
      note: 'Seed 003 found staff DBS checks overdue; this project is illustrative.',
    }),
    project('Performance reviews for every member of staff', 'service', '2015-05', '2016-01', {
      note: 'Seed 003: in Children’s Services only 60–80% of staff were having performance reviews, with HR spot checking.',
      slips: [
        {
          m: 0,
          to: '2015-08-28',
          approvedOn: '2015-07-17',
          approvedBy: 'Improvement Board',
          reason: 'The new appraisal form is rewritten after consultation with the trade unions',
        },
      ],
      late: {
        m: 1,
        doneOn: '2015-12-11',
        action: {
          text: 'Directors report appraisal completion weekly to the Commissioner Managing Director, and HR audits every team instead of spot checking',
          owner: 'Director of Human Resources',
          agreedOn: '2015-10-19',
          dueOn: '2015-12-18',
        },
      },
    }),
    project('Workforce strategy for the whole Council', 'policy', '2015-07', '2016-03'),
    project('Management development programme', 'training', '2015-09', '2016-06'),
    project('Sickness absence management', 'service', '2015-08', '2016-03'),
    project('Whistleblowing policy and a confidential reporting line', 'policy', '2015-07', '2016-01', {
      note: 'Seed 003 describes a culture of ‘keeping your head down’ and of cover-up; this project is illustrative.',
    }),
    project('Pay policy statement for 2016/17', 'policy', '2015-10', '2016-03'),
    project('Less reliance on interim and agency managers', 'recruit', '2015-08', '2016-06'),
    project('Upgrade of the HR and payroll system', 'system', '2015-06', '2016-06', {
      officer: 'Head of ICT',
    }),
    project('Equality and diversity training for managers', 'training', '2015-08', '2016-03'),
    project('Office accommodation and parking for social work teams', 'service', '2015-09', '2016-05', {
      note: 'Seed 001: the workforce strategy for social workers covers accommodation and accessible car parking.',
      officer: 'Head of Asset Management',
    }),
    project('Employee code of conduct', 'policy', '2015-09', '2016-02'),
  ],
};
