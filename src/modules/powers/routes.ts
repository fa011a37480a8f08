import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { isAllowed } from '#src/auth/policy.ts';
import { peopleOf } from '#src/modules/councils/service.ts';
import { HttpError } from '#src/web/errors.ts';
import { fieldErrors } from '#src/web/form-errors.ts';
import { renderPage } from '#src/web/render.ts';
import { currentCouncil } from '#src/web/request.ts';
import { DECISIONS_PAGE_SIZE, decisionOf, decisionsOf, readinessOf } from './decision-queries.ts';
import {
  COMMISSIONER_ROLE_LABELS,
  groupByService,
  HOLDER_KIND_LABELS,
  MODE_LABELS,
  todayInLondon,
  whyHeld,
} from './present.ts';
import { councilPowers } from './record.ts';
import { functionHistory, holdingsOn } from './rules/holders.ts';
import { CRITERION_LABELS, criteriaMet, restorationStatus, STEP_LABELS } from './rules/protocol.ts';
import { trend } from './rules/readiness.ts';
import { CRITERIA, RESTORATION_STEPS } from './schema.ts';
import { restorationState } from './service.ts';
import { powersDateQuery } from './validation.ts';

const OUTCOME_LABELS = {
  as_proposed: 'Agreed as proposed',
  with_changes: 'Agreed with changes',
  different: 'A different decision',
} as const;

const idParam = z.object({ id: z.uuid() });

/** The id in a route's path, or a 404: an address that cannot name a record names none. */
function recordId(request: FastifyRequest): string {
  const parsed = idParam.safeParse(request.params);
  if (!parsed.success) throw new HttpError(404, 'There is no such record.');
  return parsed.data.id;
}

const labels = {
  modes: MODE_LABELS,
  holderKinds: HOLDER_KIND_LABELS,
  commissionerRoles: COMMISSIONER_ROLE_LABELS,
  outcomes: OUTCOME_LABELS,
  steps: STEP_LABELS,
  criteria: CRITERION_LABELS,
};

/** The public pages of the Powers module: readable without signing in. */
export async function powersRoutes(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  const powersOf = (request: FastifyRequest) => councilPowers(db(), currentCouncil(request).id);

  app.get('/councils/:gss/powers', async (request, reply) => {
    const query = powersDateQuery.safeParse(request.query);
    if (!query.success) {
      reply.code(400);
      return renderPage(request, reply, 'modules/powers/views/powers.njk', {
        date: (request.query as { date?: unknown }).date,
        errors: fieldErrors(query.error),
        groups: [],
        labels,
      });
    }
    const date = query.data.date ?? todayInLondon();
    const holdings = holdingsOn(await powersOf(request), date);
    return renderPage(request, reply, 'modules/powers/views/powers.njk', {
      date,
      groups: groupByService(holdings).map((g) => ({
        ...g,
        holdings: g.holdings.map((h) => ({ ...h, why: whyHeld(h) })),
      })),
      withCommissioners: holdings.filter((h) => h.mode === 'commissioners').length,
      total: holdings.length,
      labels,
    });
  });

  app.get('/councils/:gss/powers/:code', async (request, reply) => {
    const { code } = request.params as { code: string };
    const powers = await powersOf(request);
    const fn = powers.functions.find((f) => f.code === code);
    if (!fn) throw new HttpError(404, `There is no function with the code ${code}.`);
    const council = currentCouncil(request);
    const [recent, figures] = await Promise.all([
      decisionsOf(db(), council.id, { functionId: fn.id }, 1, 10),
      readinessOf(db(), council.id, [fn.id]),
    ]);
    const figure = figures.byFunction.find((f) => f.key === fn.id);
    return renderPage(request, reply, 'modules/powers/views/function.njk', {
      fn,
      history: functionHistory(powers, fn.id).map((h) => ({ ...h, why: whyHeld(h) })),
      decisions: recent,
      figure: figure && { ...figure, trend: trend(figure.quarters) },
      labels,
    });
  });

  app.get('/councils/:gss/directions', async (request, reply) => {
    const powers = await powersOf(request);
    return renderPage(request, reply, 'modules/powers/views/directions.njk', {
      directions: [...powers.directions].sort((a, b) => a.inForceFrom.localeCompare(b.inForceFrom)),
      canRecord: request.user && isAllowed(request.user.role, 'powers:direct'),
    });
  });

  app.get('/councils/:gss/directions/:id', async (request, reply) => {
    const id = recordId(request);
    const powers = await powersOf(request);
    const direction = powers.directions.find((d) => d.id === id);
    if (!direction) throw new HttpError(404, 'There is no such Direction.');
    const functions = new Map(powers.functions.map((f) => [f.id, f]));
    return renderPage(request, reply, 'modules/powers/views/direction.njk', {
      direction,
      supersedes: powers.directions.find((d) => d.id === direction.supersedesId),
      supersededBy: powers.directions.filter((d) => d.supersedesId === direction.id),
      provisions: powers.provisions
        .filter((p) => p.directionId === id)
        .map((p) => ({ ...p, fn: functions.get(p.functionId) }))
        .sort((a, b) => (a.fn?.name ?? '').localeCompare(b.fn?.name ?? '')),
      labels,
    });
  });

  app.get('/councils/:gss/commissioners', async (request, reply) => {
    const powers = await powersOf(request);
    const people = new Map((await peopleOf(db(), currentCouncil(request).id)).map((p) => [p.id, p]));
    const functions = new Map(powers.functions.map((f) => [f.id, f]));
    return renderPage(request, reply, 'modules/powers/views/commissioners.njk', {
      team: powers.appointments
        .map((a) => ({
          ...a,
          person: a.personId ? people.get(a.personId) : undefined,
          allocations: powers.allocations
            .filter((x) => x.holderKind === 'commissioner' && x.personId && x.personId === a.personId)
            .map((x) => ({ ...x, fn: functions.get(x.functionId) })),
        }))
        .sort((a, b) => a.fromDate.localeCompare(b.fromDate) || a.role.localeCompare(b.role)),
      labels,
    });
  });

  app.get('/councils/:gss/restorations', async (request, reply) => {
    const powers = await powersOf(request);
    return renderPage(request, reply, 'modules/powers/views/restorations.njk', {
      restorations: powers.restorations.map((r) => ({
        ...r,
        status: restorationStatus(restorationState(powers, r.id)),
        functions: powers.restorationFunctions.filter((f) => f.restorationId === r.id).length,
      })),
      canRestore: request.user && isAllowed(request.user.role, 'powers:restore'),
      labels,
    });
  });

  app.get('/councils/:gss/restorations/:id', async (request, reply) => {
    const id = recordId(request);
    const council = currentCouncil(request);
    const powers = await powersOf(request);
    if (!powers.restorations.some((r) => r.id === id))
      throw new HttpError(404, 'There is no such restoration proposal.');
    const state = restorationState(powers, id);
    const functions = new Map(powers.functions.map((f) => [f.id, f]));
    const figures = await readinessOf(
      db(),
      council.id,
      state.functions.map((f) => f.functionId),
    );
    const done = new Map(state.steps.map((s) => [s.step, s]));
    return renderPage(request, reply, 'modules/powers/views/restoration.njk', {
      restoration: state.restoration,
      status: restorationStatus(state),
      functions: state.functions.map((rf) => ({
        ...rf,
        fn: functions.get(rf.functionId),
        met: criteriaMet(rf),
        criteria: CRITERIA.map((c) => ({
          key: c,
          label: CRITERION_LABELS[c],
          met: rf[`${c}Met`],
          evidence: rf[`${c}Evidence`],
        })),
        readiness: figures.byFunction.find((f) => f.key === rf.functionId),
      })),
      steps: RESTORATION_STEPS.map((step) => ({ step, label: STEP_LABELS[step], record: done.get(step) })),
      pauses: state.pauses,
      representations: state.representations,
      canRestore:
        request.user &&
        isAllowed(request.user.role, 'powers:restore') &&
        request.user.councilId === council.id,
      labels,
    });
  });

  app.get('/councils/:gss/decisions', async (request, reply) => {
    const council = currentCouncil(request);
    const query = z
      .object({
        function: z.string().max(100).optional(),
        proposer: z.uuid().optional(),
        proposed: z.literal('1').optional(),
        page: z.coerce.number().int().min(1).max(100_000).default(1),
      })
      .safeParse(request.query);
    if (!query.success)
      throw new HttpError(400, 'The filter is not valid: choose a function or councillor from the lists.');
    const powers = await powersOf(request);
    const fn = query.data.function ? powers.functions.find((f) => f.code === query.data.function) : undefined;
    if (query.data.function && !fn)
      throw new HttpError(404, `There is no function with the code ${query.data.function}.`);
    const page = query.data.page;
    const proposedOnly = query.data.proposed === '1';
    const { rows, total } = await decisionsOf(
      db(),
      council.id,
      { functionId: fn?.id, proposedById: query.data.proposer, proposedOnly },
      page,
    );
    return renderPage(request, reply, 'modules/powers/views/decisions.njk', {
      decisions: rows,
      total,
      page,
      pages: Math.max(1, Math.ceil(total / DECISIONS_PAGE_SIZE)),
      fn,
      proposer: query.data.proposer,
      proposedOnly,
      canRecord: request.user && isAllowed(request.user.role, 'decisions:record'),
      labels,
    });
  });

  app.get('/councils/:gss/decisions/:id', async (request, reply) => {
    const decision = await decisionOf(db(), currentCouncil(request).id, recordId(request));
    if (!decision) throw new HttpError(404, 'There is no such decision.');
    return renderPage(request, reply, 'modules/powers/views/decision.njk', { decision, labels });
  });

  app.get('/councils/:gss/readiness', async (request, reply) => {
    const council = currentCouncil(request);
    const [figures, powers, people] = await Promise.all([
      readinessOf(db(), council.id),
      powersOf(request),
      peopleOf(db(), council.id),
    ]);
    const fnName = new Map(powers.functions.map((f) => [f.id, f]));
    const personName = new Map(people.map((p) => [p.id, p.name]));
    return renderPage(request, reply, 'modules/powers/views/readiness.njk', {
      byFunction: figures.byFunction.map((f) => ({ ...f, fn: fnName.get(f.key), trend: trend(f.quarters) })),
      byCouncillor: figures.byCouncillor.map((f) => ({
        ...f,
        name: personName.get(f.key),
        trend: trend(f.quarters),
      })),
    });
  });
}
