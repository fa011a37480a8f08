import { stringify } from 'csv-stringify/sync';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { type Action, isAllowed } from '#src/auth/policy.ts';
import { HttpError } from '#src/web/errors.ts';
import { fieldErrors } from '#src/web/form-errors.ts';
import { renderPage } from '#src/web/render.ts';
import { currentCouncil } from '#src/web/request.ts';
import {
  csvRows,
  indicatorChart,
  indicatorsAsAt,
  labels,
  planRows,
  threeMonthsTo,
  todayInLondon,
} from './present.ts';
import {
  indicatorsOf,
  milestoneTitles,
  type PlanRecord,
  type PlanSummaryRecord,
  peerReviewsOf,
  plansOf,
  readPlan,
  readPlanSummary,
  readProject,
  recycledFlagsOf,
  snapshot,
} from './record.ts';
import { projectSlippage } from './rules/slippage.ts';
import { deriveProjectStatus, dueDateOn, milestoneDone } from './rules/status.ts';
import { boardSummary } from './rules/summary.ts';
import { PROJECT_STATUSES } from './rules/types.ts';
import { asAtQuery, planQuery, projectsQuery } from './validation.ts';

const VIEWS = 'modules/improvement/views';

/** Projects listed on one page of a plan's list. */
export const PROJECTS_PAGE_SIZE = 100;
/** Items listed on the plan page under each heading; the rest are a link away. */
const LISTED = 25;

/** Whether the signed-in user may take `action` on this council's records. */
export function mayAct(request: FastifyRequest, action: Action): boolean {
  const user = request.user;
  return !!user && isAllowed(user.role, action) && user.councilId === currentCouncil(request).id;
}

/** The public pages of the Improvement module: plans, projects, reports, indicators and peer reviews. */
export async function improvementRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  const councilId = (request: FastifyRequest) => currentCouncil(request).id;
  const base = (request: FastifyRequest) => `/councils/${currentCouncil(request).gssCode}`;

  const planOf = async (request: FastifyRequest): Promise<PlanRecord> => {
    const { planId } = request.params as { planId: string };
    const record = await snapshot(db(), (tx) => readPlan(tx, councilId(request), planId));
    if (!record) throw new HttpError(404, 'There is no such plan.');
    return record;
  };

  /** The plan as its summary, list of projects and CSV read it (lean: see readPlanSummary). */
  const summaryOf = async (request: FastifyRequest): Promise<PlanSummaryRecord> => {
    const { planId } = request.params as { planId: string };
    const record = await snapshot(db(), (tx) => readPlanSummary(tx, councilId(request), planId));
    if (!record) throw new HttpError(404, 'There is no such plan.');
    return record;
  };

  /** The parsed query, or the page re-rendered with the error summary (400) and nothing else. */
  const parseQuery = <T>(
    request: FastifyRequest,
    reply: FastifyReply,
    schema: z.ZodType<T>,
    template: string,
    context: Record<string, unknown>,
  ): { data: T } | { refused: FastifyReply } => {
    const query = schema.safeParse(request.query);
    if (query.success) return { data: query.data };
    reply.code(400);
    const page = renderPage(request, reply, `${VIEWS}/${template}`, {
      ...context,
      values: request.query,
      errors: fieldErrors(query.error),
      labels,
    });
    return { refused: page };
  };

  app.get('/councils/:gss/plans', async (request, reply) => {
    return renderPage(request, reply, `${VIEWS}/plans.njk`, {
      plans: await snapshot(db(), (tx) => plansOf(tx, councilId(request))),
      canManage: mayAct(request, 'improvement:manage'),
      labels,
    });
  });

  app.get('/councils/:gss/plans/:planId', async (request, reply) => {
    const record = await summaryOf(request);
    const parsed = parseQuery(request, reply, planQuery, 'plan.njk', { plan: record.plan });
    if ('refused' in parsed) return parsed.refused;
    const query = parsed.data;
    const date = query.date ?? todayInLondon();
    const period = {
      ...threeMonthsTo(date),
      ...(query.from && { from: query.from }),
      ...(query.to && { to: query.to }),
    };
    const summary = boardSummary(record.projects, date, period);
    const offTrack = summary.offTrack.slice(0, LISTED);
    const rebaselines = summary.rebaselinesInPeriod.slice(0, LISTED);
    // The titles of only the milestones listed, as the summary's reader leaves them out.
    const byId = new Map(record.projects.map((p) => [p.id, p]));
    const ofProject = (projectId: string, milestoneId: string | null) =>
      milestoneId !== null && byId.get(projectId)?.milestones.some((m) => m.id === milestoneId) === true;
    const listed = [
      ...offTrack.flatMap((o) => o.overdue.map((m) => [o.projectId, m.milestoneId] as const)),
      ...rebaselines.map((r) => [r.projectId, r.milestoneId] as const),
    ].flatMap(([projectId, milestoneId]) =>
      milestoneId && ofProject(projectId, milestoneId) ? [milestoneId] : [],
    );
    const titles = await snapshot(db(), (tx) => milestoneTitles(tx, councilId(request), listed));
    const milestoneTitle = (projectId: string, milestoneId: string | null) =>
      milestoneId !== null && ofProject(projectId, milestoneId) ? (titles.get(milestoneId) ?? null) : null;
    const indicators = await snapshot(db(), (tx) =>
      indicatorsOf(tx, councilId(request), { planId: record.plan.id }),
    );
    return renderPage(request, reply, `${VIEWS}/plan.njk`, {
      plan: record.plan,
      date,
      period,
      values: query,
      summary,
      offTrack: offTrack.map((o) => ({
        ...o,
        overdue: o.overdue.map((m) => ({ ...m, title: milestoneTitle(o.projectId, m.milestoneId) })),
      })),
      slipped: summary.slipped.slice(0, LISTED),
      rebaselines: rebaselines.map((r) => ({
        ...r,
        milestoneTitle: milestoneTitle(r.projectId, r.milestoneId),
      })),
      listed: LISTED,
      indicators: indicatorsAsAt(indicators, date),
      labels,
    });
  });

  app.get('/councils/:gss/plans/:planId/projects', async (request, reply) => {
    const record = await summaryOf(request);
    const parsed = parseQuery(request, reply, projectsQuery, 'projects.njk', { plan: record.plan });
    if ('refused' in parsed) return parsed.refused;
    const query = parsed.data;
    const date = query.date ?? todayInLondon();
    const rows = planRows(record, date).filter((r) => !query.status || r.status === query.status);
    const pages = Math.max(1, Math.ceil(rows.length / PROJECTS_PAGE_SIZE));
    const page = Math.min(query.page, pages);
    return renderPage(request, reply, `${VIEWS}/projects.njk`, {
      plan: record.plan,
      date,
      status: query.status,
      statuses: PROJECT_STATUSES,
      total: rows.length,
      rows: rows.slice((page - 1) * PROJECTS_PAGE_SIZE, page * PROJECTS_PAGE_SIZE),
      page,
      pages,
      values: query,
      labels,
    });
  });

  app.get('/councils/:gss/plans/:planId/summary.csv', async (request, reply) => {
    const record = await summaryOf(request);
    const query = asAtQuery.safeParse(request.query);
    if (!query.success)
      throw new HttpError(400, 'The date must be a real date written YYYY-MM-DD, such as 2015-10-31.');
    const date = query.data.date ?? todayInLondon();
    const csv = stringify(csvRows(planRows(record, date)));
    const name = `plan-${record.plan.id.slice(0, 8)}-${date}.csv`;
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(csv);
  });

  app.get('/councils/:gss/plans/:planId/slippage', async (request, reply) => {
    const record = await planOf(request);
    const parsed = parseQuery(request, reply, asAtQuery, 'slippage.njk', { plan: record.plan });
    if ('refused' in parsed) return parsed.refused;
    const query = parsed.data;
    const date = query.date ?? todayInLondon();
    const slipped = record.projects
      .filter((p) => p.rebaselines.length > 0)
      .map((p) => {
        const titles = new Map(p.milestones.map((m) => [m.id, m.title]));
        const slip = projectSlippage(p, date);
        return {
          project: p,
          ...slip,
          moves: slip.moves.map((m) => ({
            ...m,
            milestoneTitle: m.milestoneId ? titles.get(m.milestoneId) : null,
          })),
        };
      })
      .filter((s) => s.rebaselines > 0)
      .sort((a, b) => b.daysSlipped - a.daysSlipped || b.rebaselines - a.rebaselines);
    return renderPage(request, reply, `${VIEWS}/slippage.njk`, {
      plan: record.plan,
      date,
      slipped,
      totalMoves: slipped.reduce((n, s) => n + s.rebaselines, 0),
      totalDays: slipped.reduce((n, s) => n + s.daysSlipped, 0),
      values: query,
      labels,
    });
  });

  app.get('/councils/:gss/plans/:planId/recycled', async (request, reply) => {
    const record = await planOf(request);
    const flags = await snapshot(db(), (tx) =>
      recycledFlagsOf(tx, councilId(request), { planId: record.plan.id }),
    );
    return renderPage(request, reply, `${VIEWS}/recycled.njk`, {
      plan: record.plan,
      items: record.projects.length,
      flags,
      added: (request.query as { added?: string }).added === '1',
      labels,
    });
  });

  app.get('/councils/:gss/projects/:projectId', async (request, reply) => {
    const { projectId } = request.params as { projectId: string };
    const record = await snapshot(db(), (tx) => readProject(tx, councilId(request), projectId));
    if (!record) throw new HttpError(404, 'There is no such project.');
    const parsed = parseQuery(request, reply, asAtQuery, 'project.njk', { record, project: record.facts });
    if ('refused' in parsed) return parsed.refused;
    const query = parsed.data;
    const date = query.date ?? todayInLondon();
    const p = record.facts;
    const derived = deriveProjectStatus(p, date);
    const overdue = new Map(derived.overdue.map((o) => [o.milestoneId, o]));
    const actions = new Map(p.actions.map((a) => [a.id, a]));
    return renderPage(request, reply, `${VIEWS}/project.njk`, {
      record,
      project: p,
      date,
      derived,
      slippage: projectSlippage(p, date),
      projectDueOn: dueDateOn(
        p.dueOn,
        p.rebaselines.filter((r) => r.milestoneId === null),
        date,
      ),
      projectMoves: p.rebaselines.filter((r) => r.milestoneId === null),
      projectOverdue: overdue.get(p.id),
      milestones: record.milestones.map((m) => ({
        ...m,
        done: milestoneDone(m, date),
        evidenceUrl: m.evidenceKind === 'link' && /^https?:\/\//i.test(m.evidence ?? '') ? m.evidence : null,
        dueInForce: dueDateOn(
          m.dueOn,
          p.rebaselines.filter((r) => r.milestoneId === m.id),
          date,
        ),
        moves: p.rebaselines.filter((r) => r.milestoneId === m.id),
        overdue: overdue.get(m.id),
        action: actions.get(overdue.get(m.id)?.actionId ?? ''),
      })),
      milestoneTitles: Object.fromEntries(record.milestones.map((m) => [m.id, m.title])),
      values: query,
      canManage: mayAct(request, 'improvement:manage'),
      canComment: mayAct(request, 'improvement:comment'),
      saved: (request.query as { saved?: string }).saved,
      labels,
    });
  });

  app.get('/councils/:gss/indicators', async (request, reply) => {
    const parsed = parseQuery(request, reply, asAtQuery, 'indicators.njk', {});
    if ('refused' in parsed) return parsed.refused;
    const query = parsed.data;
    const date = query.date ?? todayInLondon();
    const list = await snapshot(db(), (tx) => indicatorsOf(tx, councilId(request)));
    return renderPage(request, reply, `${VIEWS}/indicators.njk`, {
      date,
      indicators: indicatorsAsAt(list, date),
      values: query,
      labels,
    });
  });

  app.get('/councils/:gss/indicators/:indicatorId', async (request, reply) => {
    const { indicatorId } = request.params as { indicatorId: string };
    const [indicator] = await snapshot(db(), (tx) => indicatorsOf(tx, councilId(request), { indicatorId }));
    if (!indicator) throw new HttpError(404, 'There is no such indicator.');
    const parsed = parseQuery(request, reply, asAtQuery, 'indicator.njk', { indicator });
    if ('refused' in parsed) return parsed.refused;
    const query = parsed.data;
    const date = query.date ?? todayInLondon();
    const [shown] = indicatorsAsAt([indicator], date);
    const values = new Map(indicator.values.map((v) => [v.id, v]));
    const plan = indicator.planId
      ? (await snapshot(db(), (tx) => plansOf(tx, councilId(request)))).find((p) => p.id === indicator.planId)
      : undefined;
    return renderPage(request, reply, `${VIEWS}/indicator.njk`, {
      indicator: shown,
      plan,
      date,
      points: shown?.series.map((p) => ({ ...p, record: p.valueId ? values.get(p.valueId) : undefined })),
      chart: shown && indicatorChart(shown.series, indicator.target, indicator.unit),
      values: query,
      canManage: mayAct(request, 'improvement:manage'),
      saved: (request.query as { saved?: string }).saved === '1',
      labels,
    });
  });

  app.get('/councils/:gss/peer-reviews', async (request, reply) => {
    return renderPage(request, reply, `${VIEWS}/peer-reviews.njk`, {
      reviews: (await snapshot(db(), (tx) => peerReviewsOf(tx, councilId(request)))).map((r) => ({
        ...r,
        onPlan: r.recommendations.filter((x) => x.project).length,
      })),
      labels,
    });
  });

  app.get('/councils/:gss/peer-reviews/:peerReviewId', async (request, reply) => {
    const { peerReviewId } = request.params as { peerReviewId: string };
    const [review] = await snapshot(db(), (tx) => peerReviewsOf(tx, councilId(request), { peerReviewId }));
    if (!review) throw new HttpError(404, 'There is no such peer review.');
    return renderPage(request, reply, `${VIEWS}/peer-review.njk`, { review, base: base(request), labels });
  });
}
