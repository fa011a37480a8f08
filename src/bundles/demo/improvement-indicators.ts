/*
 * The demo's performance indicators, from seed 001: the 'not known' NEET
 * figure reduced from 26.5% to 5.2%, the projected overspend of £12m against
 * the original 2015/16 budget, and Adult Social Care's projected £3m of it.
 * The seed gives the first and last NEET figures and the overspends; every
 * figure between, the targets, tolerances and the benchmark are illustrative
 * and say so. Every value carries its commentary and the measure it came from,
 * and some periods have none, so that 'no data' shows: the inspection found
 * an indicator reported green all year with nothing to say how it was measured.
 */
import { addMonths, monthYear } from '#src/modules/improvement/rules/calendar.ts';
import { stableId } from './ids.ts';
import { type ImprovementSection, NOT_WITHDRAWN, SEED } from './improvement-model.ts';

type Indicator = ImprovementSection['indicators'][number];
type Value = [periodStart: string, value: number, commentary: string];

const NEET: Value[] = [
  [
    '2015-01-01',
    26.5,
    'The figure seed 001 reports from before the new Early Help structure: the Council did not know what more than a quarter of its 16–18 year olds were doing.',
  ],
  ['2015-02-01', 26.3, 'Little change: tracking still rests with a small central team.'],
  ['2015-03-01', 25.9, 'The Early Help Action Plan sets tracking of young people as a priority.'],
  ['2015-04-01', 24.8, 'Schools and colleges asked to confirm the destinations of last year’s leavers.'],
  [
    '2015-05-01',
    22.6,
    'First contacts by the new locality teams with young people whose activity is not known.',
  ],
  // No value for June 2015: the period shows as 'no data', never green.
  [
    '2015-07-01',
    17.9,
    'No figure was recorded for June 2015 while tracking moved to the new locality teams. The July figure reflects the teams’ first full month of follow-up visits.',
  ],
  ['2015-08-01', 14.1, 'Data shared with the colleges on their summer enrolments.'],
  ['2015-09-01', 8.4, 'A concerted effort across the locality teams before the new academic year.'],
  [
    '2015-10-01',
    5.2,
    'Seed 001: the reported ‘Not Known’ NEET figure of 26.5% reduced to 5.2% after a concerted effort across the new Locality Teams.',
  ],
];

const OVERSPEND: Value[] = [
  [
    '2015-04-01',
    1_200_000,
    'First forecast: pressure on children’s placements, expected to be offset by underspends elsewhere in Children’s Services.',
  ],
  ['2015-05-01', 2_900_000, 'Placements pressure growing; the hoped-for underspends are not appearing.'],
  ['2015-06-01', 4_700_000, 'Adult Social Care care packages now forecast to overspend as well.'],
  ['2015-07-01', 6_300_000, 'Interim managers find further operational financial problems.'],
  [
    '2015-08-01',
    8_400_000,
    'The special reserve for intervention costs is fully committed, mostly to Children’s Services.',
  ],
  ['2015-09-01', 10_600_000, 'Adult Social Care forecast at about £3m over budget.'],
  [
    '2015-10-01',
    12_000_000,
    'Seed 001: an overall projected overspend for the year of £12m against original budgets, to be met from reserves this year.',
  ],
];

const ADULT_CARE: Value[] = [
  ['2015-04-01', 1_600_000, 'Care packages approved without enough financial control.'],
  [
    '2015-07-01',
    3_000_000,
    'Seed 001: some projected £3m of overspending in Adult Social Care; efforts will be made to bring it down.',
  ],
];

function indicator(
  code: string,
  fields: Omit<Indicator, 'id' | 'code' | 'planId' | 'withdrawnAt' | 'withdrawnReason'>,
  planId: string,
): Indicator {
  return { id: stableId(`improvement:indicator:${code}`), code, ...fields, planId, ...NOT_WITHDRAWN };
}

/** The values of one indicator, each recorded on the 12th of the month after its period ended. */
function valuesOf(ind: Indicator, months: number, values: Value[], measure: (start: string) => string) {
  return values.map(([periodStart, value, commentary]) => ({
    id: stableId(`improvement:indicator-value:${ind.code}:${periodStart}`),
    indicatorId: ind.id,
    periodStart,
    value,
    commentary,
    measure: measure(periodStart),
    recordedOn: addMonths(periodStart, months).replace(/-01$/, '-12'),
    ...NOT_WITHDRAWN,
  }));
}

/** The indicators and their values, the first two measuring the Fresh Start plan `planId`. */
export function indicatorsOf(planId: string): Pick<ImprovementSection, 'indicators' | 'indicatorValues'> {
  const neet = indicator(
    'CYP-NEET-NOT-KNOWN',
    {
      name: 'Young people aged 16 to 18 whose activity is not known',
      definition:
        'The percentage of young people aged 16 to 18 living in the borough whose current education, employment or training the Council does not know.',
      method:
        'Young people recorded as ‘not known’ on the last day of the month, divided by all young people aged 16 to 18 resident in the borough (illustrative method).',
      source: `${SEED.report}: 26.5% reduced to 5.2%. The monthly figures between are illustrative.`,
      unit: 'percent',
      polarity: 'lower_is_better',
      frequency: 'monthly',
      firstPeriodStart: '2015-01-01',
      lastPeriodEnd: '2015-10-31',
      target: 8,
      tolerance: 2,
      benchmark: 8,
      benchmarkLabel: 'England average (illustrative figure, not the published statistic)',
    },
    planId,
  );
  const overspend = indicator(
    'FIN-OVERSPEND-2015-16',
    {
      name: 'Projected revenue overspend for 2015/16 against the original budget',
      definition:
        'The Council’s forecast revenue outturn for 2015/16 less the original budget, in pounds: above zero is an overspend.',
      method:
        'The forecast outturn in each month’s budget monitoring report, against the budget set in March 2015 (illustrative method).',
      source: `${SEED.report}: an overall projected overspend of £12m. The figures before October 2015 are illustrative.`,
      unit: 'gbp',
      polarity: 'lower_is_better',
      frequency: 'monthly',
      firstPeriodStart: '2015-04-01',
      lastPeriodEnd: '2016-03-31',
      target: 0,
      tolerance: 500_000,
      benchmark: null,
      benchmarkLabel: null,
    },
    planId,
  );
  const adultCare = indicator(
    'ASC-OVERSPEND-2015-16',
    {
      name: 'Projected Adult Social Care overspend for 2015/16',
      definition:
        'Adult Social Care’s forecast revenue outturn for 2015/16 less its original budget, in pounds.',
      method:
        'The Adult Social Care forecast in the quarter’s budget monitoring report (illustrative method).',
      source: `${SEED.report}: some projected £3m of overspending. The first quarter’s figure is illustrative.`,
      unit: 'gbp',
      polarity: 'lower_is_better',
      frequency: 'quarterly',
      firstPeriodStart: '2015-04-01',
      lastPeriodEnd: '2016-03-31',
      target: 0,
      tolerance: 250_000,
      benchmark: null,
      benchmarkLabel: null,
    },
    planId,
  );
  const monitoring = (start: string) =>
    `Revenue budget monitoring report to Commissioners, ${monthYear(start)} (illustrative)`;
  return {
    indicators: [neet, overspend, adultCare],
    indicatorValues: [
      ...valuesOf(
        neet,
        1,
        NEET,
        (start) =>
          `Young people’s activity tracking extract, ${monthYear(start)}, Early Help performance report (illustrative)`,
      ),
      ...valuesOf(overspend, 1, OVERSPEND, monitoring),
      ...valuesOf(
        adultCare,
        3,
        ADULT_CARE,
        (start) => `Adult Social Care budget monitoring, quarter from ${monthYear(start)} (illustrative)`,
      ),
    ],
  };
}
