/*
 * The plan's Adult Social Care workstream. Projects whose description cites a
 * seed follow it; the rest, and every date and milestone, are illustrative.
 */
import { project, type WorkstreamSpec } from './improvement-model.ts';

const BOARD = 'Improvement Board';

export const ADULT_CARE: WorkstreamSpec = {
  code: 'ASC',
  title: 'Adult Social Care',
  board: 'council',
  officer: 'Interim Chief Officer, Adult Social Care',
  lead: 'manzie',
  projects: [
    project('Diagnostic review of Adult Social Care', 'review', '2015-06', '2015-09', {
      note: 'Seed 001: a pattern of old-fashioned, poor value for money services and insufficient financial control of care packages.',
    }),
    project('Financial control of care packages', 'service', '2015-07', '2016-03', {
      note: 'Seed 001: insufficient financial control of care packages contributes to a projected £3m overspend.',
      slips: [
        {
          m: 0,
          to: '2015-10-16',
          approvedOn: '2015-09-16',
          approvedBy: BOARD,
          reason: 'The baseline waits for care package data to be cleansed in the social care system',
        },
      ],
      late: {
        m: 0,
        doneOn: '2015-11-20',
        action: {
          text: 'A weekly panel approves every new or increased care package until the baseline is agreed',
          owner: 'Interim Chief Officer, Adult Social Care',
          agreedOn: '2015-10-21',
          dueOn: '2015-11-27',
        },
      },
    }),
    project('Adult Social Care transformation programme', 'service', '2015-10', '2016-09', {
      note: 'Seed 001: a major transformation programme under the Interim Chief Officer and the Commissioner Managing Director.',
    }),
    project('Recommissioning of home care', 'service', '2015-09', '2016-06'),
    project('Review of care home fees', 'review', '2015-10', '2016-03'),
    project(
      'Modern day opportunities for people with learning disabilities',
      'service',
      '2015-09',
      '2016-09',
    ),
    project('Integrated locality teams with the NHS', 'service', '2015-08', '2016-06'),
    project('Review of adult safeguarding practice', 'review', '2015-08', '2016-01'),
  ],
};
