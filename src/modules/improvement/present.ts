import { addDays } from '#src/modules/powers/rules/dates.ts';
import type { IndicatorRecord, PlanRecord, PlanSummaryRecord } from './record.ts';
import { addMonths } from './rules/calendar.ts';
import { directionOfTravel, type IndicatorPoint, indicatorSeries } from './rules/indicators.ts';
import { projectSlippage } from './rules/slippage.ts';
import { deriveProjectStatus, type OverdueMilestone, PROJECT_STATUS_LABELS } from './rules/status.ts';
import type { SummaryFacts } from './rules/summary.ts';
import type { DirectionOfTravel, IndicatorStatus, ProjectStatus } from './rules/types.ts';
import type {
  EvidenceKind,
  Frequency,
  IndicatorUnit,
  PeerReviewConclusion,
  PlanKind,
  Polarity,
} from './schema.ts';

/*
 * How the Improvement records and what is derived from them are written for
 * people (pages and CSV) and machines (the JSON API). Nothing here decides a
 * status: the rules do; this only says it.
 */

export { PROJECT_STATUS_LABELS };

/** The GOV.UK tag colour of each derived status; the words, not the colour, carry the meaning. */
export const PROJECT_STATUS_TAGS: Record<ProjectStatus, string> = {
  complete: 'govuk-tag--green',
  on_track: 'govuk-tag--blue',
  behind_with_action: 'govuk-tag--yellow',
  off_track: 'govuk-tag--red',
  not_yet_due: 'govuk-tag--grey',
};

/** What each derived status means, as the plan page and docs/improvement.md say it. */
export const PROJECT_STATUS_MEANINGS: Record<ProjectStatus, string> = {
  complete: 'every milestone is done, with evidence',
  on_track: 'no milestone is overdue',
  behind_with_action: 'a milestone is overdue and a management action with an owner and a date covers it',
  off_track: 'a milestone is overdue with no management action',
  not_yet_due: 'not started by plan',
};

export const INDICATOR_STATUS_LABELS: Record<IndicatorStatus, string> = {
  green: 'Green: on target',
  amber: 'Amber: within tolerance',
  red: 'Red: outside tolerance',
  no_data: 'No data',
};

export const INDICATOR_STATUS_TAGS: Record<IndicatorStatus, string> = {
  green: 'govuk-tag--green',
  amber: 'govuk-tag--yellow',
  red: 'govuk-tag--red',
  no_data: 'govuk-tag--grey',
};

export const DIRECTION_LABELS: Record<DirectionOfTravel, string> = {
  improving: 'Improving',
  steady: 'No change',
  worsening: 'Worsening',
  not_enough_data: 'Not enough data',
};

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  improvement_plan: 'Improvement plan',
  action_plan: 'Action plan',
};

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  document: 'A document',
  link: 'A link',
  record: 'A record in Fresh Start',
};

export const CONCLUSION_LABELS: Record<PeerReviewConclusion, string> = {
  good_enough: 'Good enough',
  improvement_needed: 'Improvement needed',
  critical: 'Critical',
};

export const UNIT_LABELS: Record<IndicatorUnit, string> = {
  percent: 'Percentage',
  count: 'Count',
  gbp: 'Pounds sterling',
  days: 'Days',
  rate_per_10000: 'Rate per 10,000',
};

export const POLARITY_LABELS: Record<Polarity, string> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
};

export const FREQUENCY_LABELS: Record<Frequency, string> = {
  monthly: 'Monthly',
  quarterly: 'Quarterly',
  annual: 'Annual',
};

/** The labels every Improvement view is given, and how it writes a figure in its unit. */
export const labels = {
  value: (value: number | null | undefined, unit: IndicatorUnit) => formatValue(value, unit),
  similarity: (s: number) => similarity(s),
  status: PROJECT_STATUS_LABELS,
  statusTag: PROJECT_STATUS_TAGS,
  statusMeaning: PROJECT_STATUS_MEANINGS,
  indicatorStatus: INDICATOR_STATUS_LABELS,
  indicatorTag: INDICATOR_STATUS_TAGS,
  direction: DIRECTION_LABELS,
  planKind: PLAN_KIND_LABELS,
  evidenceKind: EVIDENCE_KIND_LABELS,
  conclusion: CONCLUSION_LABELS,
  unit: UNIT_LABELS,
  polarity: POLARITY_LABELS,
  frequency: FREQUENCY_LABELS,
};

/** Today's calendar date in Europe/London, written YYYY-MM-DD. */
export function todayInLondon(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(now);
}

/** The reporting period of a board summary by default: the three months to `date`, both days included. */
export function threeMonthsTo(date: string): { from: string; to: string } {
  return { from: addDays(addMonths(date, -3), 1), to: date };
}

const GROUPED = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** A figure in its unit, as people write it: `26.5%`, `£12,000,000`, `42 days`, `3.1 per 10,000`. */
export function formatValue(value: number | null | undefined, unit: IndicatorUnit): string {
  if (value === null || value === undefined) return 'No data';
  const n = GROUPED.format(Math.abs(value));
  const sign = value < 0 ? '−' : '';
  switch (unit) {
    case 'percent':
      return `${sign}${n}%`;
    case 'gbp':
      return `${sign}£${n}`;
    case 'days':
      return `${sign}${n} ${Math.abs(value) === 1 ? 'day' : 'days'}`;
    case 'rate_per_10000':
      return `${sign}${n} per 10,000`;
    default:
      return `${sign}${n}`;
  }
}

/** A similarity (0–1) as the recycled-plan check reports it: `0.97`. */
export const similarity = (s: number): string => s.toFixed(2);

/** A project's status and slippage as at a date: one row of the projects list, the CSV and the API. */
export interface ProjectRow {
  id: string;
  ref: string;
  title: string;
  workstream: string | null;
  status: ProjectStatus;
  statusLabel: string;
  reason: string;
  overdue: OverdueMilestone[];
  rebaselines: number;
  daysSlipped: number;
}

/** Each project's derived status and slippage as at `on`, in the order given. */
export function projectRows(
  projects: readonly (SummaryFacts & { workstreamId: string | null })[],
  workstreamTitles: ReadonlyMap<string, string>,
  on: string,
): ProjectRow[] {
  return projects.map((p) => {
    const derived = deriveProjectStatus(p, on);
    const slip = p.rebaselines.length ? projectSlippage(p, on) : { rebaselines: 0, daysSlipped: 0 };
    return {
      id: p.id,
      ref: p.ref,
      title: p.title,
      workstream: p.workstreamId ? (workstreamTitles.get(p.workstreamId) ?? null) : null,
      status: derived.status,
      statusLabel: PROJECT_STATUS_LABELS[derived.status],
      reason: derived.reason,
      overdue: derived.overdue,
      rebaselines: slip.rebaselines,
      daysSlipped: slip.daysSlipped,
    };
  });
}

/** Every project of a plan as at a date, with its workstream's title, in the plan's order. */
export function planRows(record: PlanRecord | PlanSummaryRecord, on: string): ProjectRow[] {
  const titles = new Map(record.workstreams.map((w) => [w.id, w.title]));
  return projectRows(record.projects, titles, on);
}

/** Indicators as at a date: each with its periods ended by then, the latest, and its direction of travel. */
export function indicatorsAsAt(list: readonly IndicatorRecord[], on: string) {
  return list.map((ind) => {
    const series = indicatorSeries(ind, on);
    return { ...ind, series, latest: series.at(-1), direction: directionOfTravel(series, ind.polarity) };
  });
}

/** The heading row of the plan summary CSV. */
export const CSV_COLUMNS = [
  'Reference',
  'Title',
  'Workstream',
  'Status',
  'Reason',
  'Re-baselines',
  'Days slipped',
] as const;

/**
 * A text cell a spreadsheet would run as a formula (one starting =, +, -, @,
 * a tab or a carriage return) is written with a leading apostrophe, as OWASP
 * advises for CSV files, so a title cannot run code in whoever opens the file.
 */
export function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** The rows of the plan summary CSV, headings first. */
export function csvRows(rows: readonly ProjectRow[]): (string | number)[][] {
  return [
    [...CSV_COLUMNS],
    ...rows.map((r) => [
      safeCell(r.ref),
      safeCell(r.title),
      safeCell(r.workstream ?? ''),
      r.statusLabel,
      safeCell(r.reason),
      r.rebaselines,
      r.daysSlipped,
    ]),
  ];
}

/** One point of an indicator chart: where it is drawn, what it says, and whether its period is named on the axis. */
export interface ChartPoint {
  x: number;
  y: number | null;
  label: string;
  value: string;
  labelled: boolean;
}

/** An indicator's line chart, laid out on the server to be drawn as inline SVG. */
export interface IndicatorChart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  points: ChartPoint[];
  /** Runs of consecutive periods with values, each drawn as one line: a period with no data breaks the line. */
  lines: string[];
  targetY: number;
  target: string;
  ticks: { y: number; label: string }[];
}

const round = (n: number) => Math.round(n * 10) / 10;

/** A round step for about `parts` gridlines over `range`: 1, 2, 2.5 or 5 times a power of ten. */
function niceStep(range: number, parts: number): number {
  const raw = range / parts;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= raw) ?? 10;
  return step * power;
}

const COMPACT = new Intl.NumberFormat('en-GB', { notation: 'compact', maximumFractionDigits: 1 });

/** A gridline's figure, short enough for the side of the chart: `£15M` rather than `£15,000,000`. */
function tickLabel(value: number, unit: IndicatorUnit): string {
  if (Math.abs(value) < 10_000) return formatValue(value, unit);
  const n = COMPACT.format(Math.abs(value));
  const sign = value < 0 ? '−' : '';
  return unit === 'gbp' ? `${sign}£${n}` : unit === 'percent' ? `${sign}${n}%` : `${sign}${n}`;
}

/** Most period names along the bottom before some are left out (every nth, counting back from the latest). */
const MOST_LABELS = 4;

/**
 * The layout of an indicator's chart: each period along the bottom, values up
 * the side on round steps from zero (or below, for a value below zero) to
 * above the highest value or the target, with the target drawn across.
 */
export function indicatorChart(
  series: readonly IndicatorPoint[],
  target: number,
  unit: IndicatorUnit,
): IndicatorChart {
  const width = 640;
  const height = 280;
  const plot = { left: 80, right: width - 60, top: 20, bottom: height - 50 };
  const values = series.map((p) => p.value).filter((v): v is number => v !== null);
  const least = Math.min(0, target, ...values);
  const most = Math.max(target, ...values);
  const step = niceStep(most - least || 1, 4);
  const low = Math.floor(least / step) * step;
  const high = Math.max(Math.ceil(most / step) * step, low + step);
  const y = (v: number) => round(plot.bottom - ((v - low) / (high - low)) * (plot.bottom - plot.top));
  const gap = series.length > 1 ? (plot.right - plot.left) / (series.length - 1) : 0;
  const x = (i: number) => round(series.length > 1 ? plot.left + i * gap : (plot.left + plot.right) / 2);
  const every = Math.max(1, Math.ceil(series.length / MOST_LABELS));
  const points = series.map((p, i) => ({
    x: x(i),
    y: p.value === null ? null : y(p.value),
    label: p.period.label,
    value: formatValue(p.value, unit),
    labelled: (series.length - 1 - i) % every === 0,
  }));
  const lines: string[] = [];
  let run: string[] = [];
  for (const p of points) {
    if (p.y === null) {
      if (run.length > 1) lines.push(run.join(' '));
      run = [];
    } else run.push(`${p.x},${p.y}`);
  }
  if (run.length > 1) lines.push(run.join(' '));
  const ticks: { y: number; label: string }[] = [];
  for (let v = low; v <= high + step / 2; v += step) {
    const tick = Number(v.toPrecision(12));
    ticks.push({ y: y(tick), label: tickLabel(tick, unit) });
  }
  return { width, height, plot, points, lines, targetY: y(target), target: formatValue(target, unit), ticks };
}
