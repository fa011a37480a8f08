/*
 * The decisions taken on their own dates rather than at the monthly meetings:
 * the two appointments of 2015 that seed 001 reports, the senior appointments
 * of early 2016 (seed 001 lists the posts being recruited to; the dates are
 * illustrative), a nomination, and the licensing Commissioner's decisions with
 * the Advisory Committee of Councillors in 2016 (illustrative).
 */
import type { DecisionOutcome } from '#src/modules/powers/schema.ts';
import { SEED } from './powers-model.ts';

export const ILLUSTRATIVE_REPORT =
  'Illustrative: report of the responsible Strategic Director (the seeds list no individual decisions)';

export interface Scheduled {
  code: string;
  on: string;
  /** Its own title; otherwise the function's next topic. */
  title?: string;
  proposal: string | null;
  reasons: string;
  report: string;
  /** As proposed unless said. */
  outcome?: DecisionOutcome;
}

const RECRUITMENT = `${SEED.report}: the recruitment to the senior management structure agreed in June 2015 is under way. Illustrative: the date, and that the panel’s preference stood.`;
const recruitment = (code: string, on: string): Scheduled => ({
  code,
  on,
  proposal: 'That the candidate the appointments panel preferred be appointed.',
  reasons: RECRUITMENT,
  report: ILLUSTRATIVE_REPORT,
});

const LICENSING_REASONS: Record<DecisionOutcome, string> = {
  as_proposed:
    'Commissioner Ney agreed the Advisory Committee’s proposal: the Councillors had questioned the report thoroughly before proposing it (seed 001: the graduated build-up of their part in decisions).',
  with_changes:
    'Commissioner Ney agreed the Advisory Committee’s proposal with a change: the safeguarding conditions are to apply from the next renewal, not the one after.',
  different:
    'Commissioner Ney did not agree the proposal: it fell short of the higher expectations of personal conduct and vehicle safety in the new licensing policy (seed 001).',
};

/** Illustrative: the licensing Commissioner's meetings with the Advisory Committee in 2016; its proposals stand more often as it goes on. */
const licensing = (code: string, on: string, outcome: DecisionOutcome): Scheduled => ({
  code,
  on,
  proposal: 'That the policy the Advisory Committee recommends be agreed.',
  reasons: LICENSING_REASONS[outcome],
  report: 'Illustrative: report of the licensing service manager (the seeds list no individual decisions)',
  outcome,
});

/** Appointments, nominations and licensing, decided on their own dates rather than at the monthly meetings. */
export const SCHEDULED: Scheduled[] = [
  {
    code: 'appoint-monitoring-officer',
    on: '2015-09-01',
    title: 'Appointment of an Acting Monitoring Officer and Head of Legal Services',
    proposal: null,
    reasons: `${SEED.report}: after the Monitoring Officer’s resignation in the summer, the Commissioners appointed an Acting Monitoring Officer and Head of Legal Services with effect from September 2015. The day is illustrative.`,
    report: SEED.report,
  },
  {
    code: 'appoint-head-of-paid-service',
    on: '2015-11-12',
    title: 'Appointment of Sharon Kemp as Chief Executive and Head of Paid Service',
    proposal: 'That Sharon Kemp, the preferred candidate of all three parties on the Council, be appointed.',
    reasons: `${SEED.report}: Sharon Kemp was the preferred candidate of all three parties and the choice was supported by the Commissioner Team; announced on 12 November 2015, she takes over on 1 February 2016. That the Leader put the proposal is illustrative.`,
    report: SEED.report,
  },
  {
    code: 'nominate-city-region',
    on: '2016-01-11',
    proposal: 'That the Leader be nominated, as the Council’s place in the Combined Authority requires.',
    reasons: `${SEED.report}: Rotherham is establishing its place within the Sheffield City Region Combined Authority. Illustrative: the nomination and its date.`,
    report: ILLUSTRATIVE_REPORT,
  },
  recruitment('appoint-chief-finance-officer', '2016-01-25'),
  recruitment('appoint-chief-officers', '2016-02-22'),
  recruitment('appoint-chief-officers', '2016-03-07'),
  recruitment('appoint-monitoring-officer', '2016-03-21'),
  recruitment('appoint-chief-officers', '2016-04-18'),
  licensing('lic-taxi', '2016-01-21', 'with_changes'),
  licensing('lic-alcohol', '2016-02-25', 'as_proposed'),
  licensing('lic-taxi', '2016-03-24', 'different'),
  licensing('lic-other', '2016-04-28', 'with_changes'),
  licensing('lic-taxi', '2016-05-26', 'as_proposed'),
  licensing('lic-gambling', '2016-06-23', 'as_proposed'),
  licensing('lic-taxi', '2016-07-21', 'with_changes'),
  licensing('lic-alcohol', '2016-09-22', 'as_proposed'),
  licensing('lic-other', '2016-10-27', 'as_proposed'),
  licensing('lic-taxi', '2016-11-24', 'as_proposed'),
];
