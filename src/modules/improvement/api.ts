import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problem } from '#src/modules/councils/api.ts';
import { gssCode } from '#src/modules/councils/validation.ts';
import { HttpError } from '#src/web/errors.ts';
import { currentCouncil } from '#src/web/request.ts';
import { indicatorsAsAt, PROJECT_STATUS_LABELS, planRows, threeMonthsTo, todayInLondon } from './present.ts';
import {
  type IndicatorRecord,
  indicatorsOf,
  isRecordId,
  plansOf,
  readPlanSummary,
  recycledFlagsOf,
  snapshot,
} from './record.ts';
import { boardSummary } from './rules/summary.ts';
import { DIRECTIONS_OF_TRAVEL, INDICATOR_STATUSES, PROJECT_STATUSES } from './rules/types.ts';
import { INDICATOR_UNITS, PLAN_KINDS } from './schema.ts';

const isoDate = z.iso.date({ message: 'must be a real date written YYYY-MM-DD, such as 2015-10-31' });
const status = z.enum(PROJECT_STATUSES);
const gss = z.object({ gss: gssCode });
const planParams = gss.extend({ planId: z.string().max(100) });
const tags = ['improvement'];
const errors = { 400: problem, 404: problem };

const planJson = z.object({
  id: z.string(),
  title: z.string(),
  kind: z.enum(PLAN_KINDS),
  adoptedOn: isoDate,
  summary: z.string().nullable(),
  source: z.string().nullable(),
  projects: z.number().int(),
  recycled: z.number().int(),
});
const overdue = z.object({
  milestoneId: z.string(),
  dueOn: isoDate,
  daysOverdue: z.number().int(),
  actionId: z.string().nullable(),
});
const move = z.object({
  projectId: z.string(),
  ref: z.string(),
  title: z.string(),
  rebaselineId: z.string(),
  milestoneId: z.string().nullable(),
  fromDate: isoDate,
  toDate: isoDate,
  days: z.number().int(),
  reason: z.string(),
  approvedBy: z.string(),
  approvedOn: isoDate,
});
const period = z.object({ start: isoDate, end: isoDate, label: z.string() });
const indicatorPoint = z.object({
  period,
  value: z.number().nullable(),
  status: z.enum(INDICATOR_STATUSES),
  commentary: z.string().nullable(),
  measure: z.string().nullable(),
  recordedOn: isoDate.nullable(),
});
const indicatorJson = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  definition: z.string(),
  method: z.string(),
  source: z.string(),
  unit: z.enum(INDICATOR_UNITS),
  polarity: z.string(),
  frequency: z.string(),
  target: z.number(),
  tolerance: z.number(),
  benchmark: z.number().nullable(),
  benchmarkLabel: z.string().nullable(),
  planId: z.string().nullable(),
  direction: z.enum(DIRECTIONS_OF_TRAVEL),
  latest: indicatorPoint.nullable(),
  values: z.array(indicatorPoint),
});
const projectRow = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  workstream: z.string().nullable(),
  status,
  statusLabel: z.string(),
  reason: z.string(),
  overdue: z.array(overdue),
  rebaselines: z.number().int(),
  daysSlipped: z.number().int(),
});
const itemRef = z.object({
  id: z.string(),
  ref: z.string(),
  title: z.string(),
  planId: z.string(),
  planTitle: z.string(),
  adoptedOn: isoDate,
});

/** The indicators as the API gives them, as at a date: each period with its value, status, commentary and measure. */
function indicatorsJson(list: readonly IndicatorRecord[], on: string) {
  return indicatorsAsAt(list, on).map(
    ({ councilId, withdrawnAt, withdrawnReason, values, series, ...ind }) => {
      const byId = new Map(values.map((v) => [v.id, v]));
      const points = series.map((p) => {
        const v = p.valueId ? byId.get(p.valueId) : undefined;
        return {
          period: p.period,
          value: p.value,
          status: p.status,
          commentary: v?.commentary ?? null,
          measure: v?.measure ?? null,
          recordedOn: v?.recordedOn ?? null,
        };
      });
      return { ...ind, latest: points.at(-1) ?? null, values: points };
    },
  );
}

/** The from/to of a summary, refused (400, naming the parameter) when they are the wrong way round. */
function periodOf(date: string, from?: string, to?: string) {
  const period = { ...threeMonthsTo(date), ...(from && { from }), ...(to && { to }) };
  if (period.from > period.to)
    throw new HttpError(
      400,
      'querystring.from: must be the same as or before the last day of the period (to)',
    );
  return period;
}

// Large answers (a plan of 10,000 projects) are built to the schemas' shapes and written straight out.
const fast = { serializerCompiler: () => (data: unknown) => JSON.stringify(data) };

/** The public read API of the Improvement module: plans, board summaries, projects, indicators, recycled items. */
export async function improvementApi(fastify: FastifyInstance): Promise<void> {
  const app = fastify.withTypeProvider<ZodTypeProvider>();
  const db = () => app.database.db;
  const planOf = async (councilId: string, planId: string) => {
    const record = isRecordId(planId)
      ? await snapshot(db(), (tx) => readPlanSummary(tx, councilId, planId))
      : undefined;
    if (!record) throw new HttpError(404, `There is no plan ${planId} at this council.`);
    return record;
  };

  app.get(
    '/api/v1/councils/:gss/plans',
    {
      schema: {
        summary: 'The council’s improvement plans and action lists, newest first',
        tags,
        params: gss,
        response: { 200: z.object({ plans: z.array(planJson) }), ...errors },
      },
    },
    async (request) => {
      const list = await snapshot(db(), (tx) => plansOf(tx, currentCouncil(request).id));
      return {
        plans: list.map(({ id, title, kind, adoptedOn, summary, source, projects, recycled }) => ({
          id,
          title,
          kind,
          adoptedOn,
          summary,
          source,
          projects,
          recycled,
        })),
      };
    },
  );

  app.get(
    '/api/v1/councils/:gss/plans/:planId/summary',
    {
      schema: {
        summary:
          'A plan’s board summary on a date: projects by derived status, each count with the ids it counts',
        description:
          'Statuses are derived from milestones, evidence, re-baselines and management actions (default date: today in London). Re-baselines are those approved from `from` to `to` (default: the three months to the date).',
        tags,
        params: planParams,
        querystring: z.object({ date: isoDate.optional(), from: isoDate.optional(), to: isoDate.optional() }),
        response: {
          200: z.object({
            plan: z.object({ id: z.string(), title: z.string() }),
            date: isoDate,
            period: z.object({ from: isoDate, to: isoDate }),
            total: z.number().int(),
            counts: z.array(
              z.object({
                status,
                label: z.string(),
                count: z.number().int(),
                percent: z.number().int(),
                projectIds: z.array(z.string()),
              }),
            ),
            offTrack: z.array(
              z.object({
                projectId: z.string(),
                ref: z.string(),
                title: z.string(),
                overdue: z.array(overdue),
              }),
            ),
            slipped: z.array(
              z.object({
                projectId: z.string(),
                ref: z.string(),
                title: z.string(),
                rebaselines: z.number().int(),
                daysSlipped: z.number().int(),
              }),
            ),
            rebaselinesInPeriod: z.array(move),
            indicators: z.array(indicatorJson),
          }),
          ...errors,
        },
      },
      ...fast,
    },
    async (request) => {
      const councilId = currentCouncil(request).id;
      const record = await planOf(councilId, request.params.planId);
      const date = request.query.date ?? todayInLondon();
      const period = periodOf(date, request.query.from, request.query.to);
      const summary = boardSummary(record.projects, date, period);
      const indicators = await snapshot(db(), (tx) =>
        indicatorsOf(tx, councilId, { planId: record.plan.id }),
      );
      return {
        plan: { id: record.plan.id, title: record.plan.title },
        date,
        period,
        total: summary.total,
        counts: summary.counts.map((c) => ({ ...c, label: PROJECT_STATUS_LABELS[c.status] })),
        offTrack: summary.offTrack,
        slipped: summary.slipped,
        rebaselinesInPeriod: summary.rebaselinesInPeriod,
        indicators: indicatorsJson(indicators, date),
      };
    },
  );

  app.get(
    '/api/v1/councils/:gss/plans/:planId/projects',
    {
      schema: {
        summary: 'A plan’s projects on a date, each with its derived status, why, and its slippage',
        tags,
        params: planParams,
        querystring: z.object({ date: isoDate.optional(), status: status.optional() }),
        response: {
          200: z.object({
            plan: z.object({ id: z.string(), title: z.string() }),
            date: isoDate,
            status: status.nullable(),
            total: z.number().int(),
            projects: z.array(projectRow),
          }),
          ...errors,
        },
      },
      ...fast,
    },
    async (request) => {
      const record = await planOf(currentCouncil(request).id, request.params.planId);
      const date = request.query.date ?? todayInLondon();
      const wanted = request.query.status;
      const projects = planRows(record, date).filter((r) => !wanted || r.status === wanted);
      return {
        plan: { id: record.plan.id, title: record.plan.title },
        date,
        status: wanted ?? null,
        total: projects.length,
        projects,
      };
    },
  );

  app.get(
    '/api/v1/councils/:gss/indicators',
    {
      schema: {
        summary:
          'Performance indicators: definition, target, each period’s value and computed status, direction of travel',
        description:
          'Periods ended by the date (default: today). A period with no value has status `no_data`, never green.',
        tags,
        params: gss,
        querystring: z.object({ date: isoDate.optional() }),
        response: { 200: z.object({ date: isoDate, indicators: z.array(indicatorJson) }), ...errors },
      },
      ...fast,
    },
    async (request) => {
      const date = request.query.date ?? todayInLondon();
      const list = await snapshot(db(), (tx) => indicatorsOf(tx, currentCouncil(request).id));
      return { date, indicators: indicatorsJson(list, date) };
    },
  );

  app.get(
    '/api/v1/councils/:gss/recycled-items',
    {
      schema: {
        summary:
          'Items of a plan that repeat an uncompleted item of an earlier plan, with how similar they are',
        tags,
        params: gss,
        querystring: z.object({ planId: z.uuid({ message: 'must be the id of a plan' }).optional() }),
        response: {
          200: z.object({
            items: z.array(
              z.object({
                id: z.string(),
                similarity: z.number(),
                method: z.string(),
                checkedOn: isoDate,
                item: itemRef,
                earlier: itemRef,
              }),
            ),
          }),
          ...errors,
        },
      },
    },
    async (request) => {
      const councilId = currentCouncil(request).id;
      const planId = request.query.planId;
      return {
        items: await snapshot(db(), (tx) => recycledFlagsOf(tx, councilId, planId ? { planId } : {})),
      };
    },
  );
}
