import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import { snapshot } from '#src/modules/improvement/record.ts';
import { todayInLondon } from '#src/modules/powers/present.ts';
import { HttpError } from '#src/web/errors.ts';
import { fieldErrors } from '#src/web/form-errors.ts';
import { renderPage } from '#src/web/render.ts';
import { currentCouncil } from '#src/web/request.ts';
import { labels, licensingBase, mayAct, paramId, queryValue, VIEWS } from './present.ts';
import { casesOf } from './record.ts';
import {
  appealEndsOn,
  caseActions,
  FIGURE_NAMES,
  figureOf,
  figureQuery,
  REVIEW_FIGURES,
  readCaseView,
} from './review-present.ts';
import { reviewStage, reviewSummary, standingHearing } from './rules/reviews.ts';
import { REVIEW_OUTCOMES } from './rules/types.ts';
import { licensingDateQuery } from './validation.ts';

/** The figures shown indented under "Heard": its outcomes, and those with immediate effect. */
const UNDER_HEARD = new Set<string>([...REVIEW_OUTCOMES, 'immediate']);

/**
 * The pages that read the fit-and-proper reviews: the summary on a date and
 * the cases behind each of its figures (public: references, stages and
 * outcomes, no names), and one case with its holder, hearings and decision
 * (licensing officers and Commissioners: it names the holder).
 */
export async function licensingReviewRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  const councilId = (request: FastifyRequest) => currentCouncil(request).id;

  /** The parsed query, or the page shown with the GOV.UK error summary (400). */
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
    return {
      refused: renderPage(request, reply, `${VIEWS}/${template}`, {
        ...context,
        values: request.query,
        errors: fieldErrors(query.error),
        labels,
      }),
    };
  };

  const summaryOn = async (request: FastifyRequest, date: string) => {
    const cases = await snapshot(db(), (tx) => casesOf(tx, councilId(request)));
    return {
      cases,
      summary: reviewSummary(
        cases.map((c) => c.facts),
        date,
      ),
    };
  };

  app.get('/councils/:gss/licensing/reviews', async (request, reply) => {
    const base = licensingBase(request);
    const context = { base, canManage: mayAct(request, 'licensing:manage') };
    const parsed = parseQuery(request, reply, licensingDateQuery, 'reviews.njk', context);
    if ('refused' in parsed) return parsed.refused;
    const date = parsed.data.date ?? todayInLondon();
    const { summary } = await summaryOn(request, date);
    return renderPage(request, reply, `${VIEWS}/reviews.njk`, {
      ...context,
      date,
      values: parsed.data,
      summary,
      figures: REVIEW_FIGURES.map((figure) => ({
        figure,
        name: FIGURE_NAMES[figure],
        count: figureOf(summary, figure).count,
        under: UNDER_HEARD.has(figure),
        href: `${base}/reviews/cases?date=${date}&figure=${figure}`,
      })),
      labels,
    });
  });

  app.get('/councils/:gss/licensing/reviews/cases', async (request, reply) => {
    const base = licensingBase(request);
    // Every case identified is the list's default, the select's empty choice.
    const choices = REVIEW_FIGURES.filter((f) => f !== 'identified');
    const context = { base, figures: choices.map((f) => ({ value: f, text: FIGURE_NAMES[f] })) };
    const parsed = parseQuery(request, reply, figureQuery, 'reviews-cases.njk', context);
    if ('refused' in parsed) return parsed.refused;
    const date = parsed.data.date ?? todayInLondon();
    const { figure } = parsed.data;
    const { cases, summary } = await summaryOn(request, date);
    const ids = new Set(figureOf(summary, figure).caseIds);
    const rows = cases
      .filter((c) => ids.has(c.record.id))
      .map((c) => {
        const decided = c.decision && c.decision.decidedOn <= date ? c.decision : null;
        const stage = reviewStage(c.facts, date);
        return {
          id: c.record.id,
          reference: c.record.reference,
          openedOn: c.record.openedOn,
          source: c.record.source,
          risk: c.record.risk,
          stage,
          hearingOn:
            stage === 'hearing_scheduled'
              ? (standingHearing(c.facts.hearings, date)?.hearingOn ?? null)
              : null,
          outcome: decided?.outcome ?? null,
          immediate: decided?.immediate ?? false,
        };
      });
    return renderPage(request, reply, `${VIEWS}/reviews-cases.njk`, {
      ...context,
      date,
      figure,
      heading: FIGURE_NAMES[figure],
      values: parsed.data,
      rows,
      canView: mayAct(request, 'licensing:view'),
      labels,
    });
  });

  app.get(
    '/councils/:gss/licensing/reviews/cases/:caseId',
    { config: { action: 'licensing:view' } },
    async (request, reply) => {
      const caseId = paramId(request, 'caseId', 'review case');
      const view = await readCaseView(db(), councilId(request), caseId);
      if (!view) throw new HttpError(404, 'There is no such review case.');
      const base = licensingBase(request);
      const { found, names } = view;
      const context = {
        base,
        view,
        record: found.record,
        here: `${base}/reviews/cases/${caseId}`,
        labels,
      };
      const parsed = parseQuery(request, reply, licensingDateQuery, 'case.njk', context);
      if ('refused' in parsed) return parsed.refused;
      const date = parsed.data.date ?? todayInLondon();
      const stage = reviewStage(found.facts, date);
      const standing = stage === 'hearing_scheduled' ? standingHearing(found.facts.hearings, date) : null;
      const byId = new Map(found.hearings.map((h) => [h.id, h]));
      const hearings = found.facts.hearings.map((h) => ({
        ...(byId.get(h.id) as (typeof found.hearings)[number]),
        decider: view.deciderOn(h.hearingOn),
        panel: h.panelPersonIds.map((id) => names.get(id) ?? 'A person no longer recorded'),
        standingOnDate: standing?.id === h.id,
      }));
      const d = found.decision;
      const decision = d && {
        ...d,
        decidedBy: names.get(d.decidedByPersonId),
        proposedBy: d.proposedByPersonId ? names.get(d.proposedByPersonId) : null,
        hearingOn: byId.get(d.hearingId)?.hearingOn ?? null,
        appealEndsOn: appealEndsOn(d.decidedOn),
        afterDate: d.decidedOn > date,
      };
      return renderPage(request, reply, `${VIEWS}/case.njk`, {
        ...context,
        date,
        values: parsed.data,
        stage,
        hearings,
        decision,
        actions: mayAct(request, 'licensing:manage') ? caseActions(found) : null,
        saved: queryValue(request, 'saved'),
      });
    },
  );
}
