import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Tx } from '#src/db/client.ts';
import { peopleOf } from '#src/modules/councils/service.ts';
import { HttpError } from '#src/web/errors.ts';
import { formRoute } from '#src/web/form-route.ts';
import { currentCouncil, currentUser } from '#src/web/request.ts';
import { COMMISSIONER_ROLE_LABELS, HOLDER_KIND_LABELS, MODE_LABELS } from './present.ts';
import { councilPowers } from './record.ts';
import { restorationStatus, STEP_LABELS } from './rules/protocol.ts';
import { DECISION_OUTCOMES, HOLDER_KINDS, PAUSE_CAUSES, RESTORATION_STEPS } from './schema.ts';
import {
  addRepresentation,
  addRestorationFunction,
  completeStep,
  openRestoration,
  PowersRuleError,
  pauseRestoration,
  recordDecision,
  recordDirection,
  resolvePause,
  respondToRepresentation,
  restorationState,
} from './service.ts';
import {
  decisionInput,
  directionInput,
  pauseInput,
  pauseResolution,
  representationInput,
  representationResponse,
  restorationFunctionInput,
  restorationInput,
  stepInput,
} from './validation.ts';

const list = (v: unknown): string[] => (v === undefined ? [] : [v].flat().map(String));

/** The signed-in user's actor record for the ledger. */
const actor = (request: FastifyRequest) => ({ actor: currentUser(request).email });

/** A record's id in the address; 404 when it cannot name one. */
function paramId(request: FastifyRequest, param: string, what: string): string {
  const parsed = z.uuid().safeParse((request.params as Record<string, string | undefined>)[param]);
  if (!parsed.success) throw new HttpError(404, `There is no such ${what}.`);
  return parsed.data;
}

/** The restoration id in a `/restorations/:id/...` address. */
const restorationIdOf = (request: FastifyRequest) => paramId(request, 'id', 'restoration proposal');

/** The restoration a `/restorations/:id/...` form is about; 404 when there is none. */
async function restorationOf(app: FastifyInstance, request: FastifyRequest) {
  const { id } = request.params as { id: string };
  const parsed = z.uuid().safeParse(id);
  const powers = await councilPowers(app.database.db, currentCouncil(request).id);
  const restoration = parsed.success ? powers.restorations.find((r) => r.id === id) : undefined;
  if (!restoration) throw new HttpError(404, 'There is no such restoration proposal.');
  const state = restorationState(powers, id);
  return { powers, restoration, state, status: restorationStatus(state) };
}

/** A pause or representation of the restoration in the address, named by `param`; 404 when there is none. */
async function restorationChild(
  app: FastifyInstance,
  request: FastifyRequest,
  list: 'pauses' | 'representations',
  param: string,
  what: string,
) {
  const found = await restorationOf(app, request);
  const id = paramId(request, param, what);
  const child = (found.state[list] as { id: string }[]).find((r) => r.id === id);
  if (!child) throw new HttpError(404, `There is no such ${what}.`);
  return { found, child };
}

const labels = {
  modes: MODE_LABELS,
  holderKinds: HOLDER_KIND_LABELS,
  commissionerRoles: COMMISSIONER_ROLE_LABELS,
  steps: STEP_LABELS,
};

/** The forms of the Powers module: Directions, the restoration protocol and decisions. */
export async function powersForms(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  const councilOf = (request: FastifyRequest) => currentCouncil(request);
  const functionsOf = async (request: FastifyRequest) =>
    (await councilPowers(db(), councilOf(request).id)).functions;
  const restorationUrl = (request: FastifyRequest) =>
    `/councils/${councilOf(request).gssCode}/restorations/${(request.params as { id: string }).id}`;

  formRoute(app, {
    path: '/councils/:gss/decisions/new',
    action: 'decisions:record',
    template: 'modules/powers/views/decision-new.njk',
    schema: decisionInput,
    load: async (request) => ({
      functions: await functionsOf(request),
      councillors: (await peopleOf(db(), councilOf(request).id)).filter((p) => p.kind === 'councillor'),
      outcomes: DECISION_OUTCOMES,
    }),
    context: (loaded) => loaded,
    save: async (tx, request, input) => {
      const user = currentUser(request);
      if (!user.personId)
        throw new PowersRuleError([
          {
            field: 'functionId',
            message:
              'Your account is not linked to a person in a public role, so no decision can be recorded as taken by you.',
          },
        ]);
      const decision = await recordDecision(tx, councilOf(request).id, user.personId, input, actor(request));
      return `/councils/${councilOf(request).gssCode}/decisions/${decision.id}`;
    },
  });

  formRoute(app, {
    path: '/councils/:gss/directions/new',
    action: 'powers:direct',
    template: 'modules/powers/views/direction-new.njk',
    schema: directionInput,
    load: async (request) => ({
      functions: await functionsOf(request),
      directions: (await councilPowers(db(), councilOf(request).id)).directions,
    }),
    prepare: (body) => ({
      ...body,
      provisions: [
        ...list(body.commissioners).map((functionId) => ({ functionId, mode: 'commissioners' })),
        ...list(body.withAgreement).map((functionId) => ({ functionId, mode: 'with_agreement' })),
      ],
    }),
    context: (loaded) => loaded,
    save: async (tx, request, input) => {
      const direction = await recordDirection(tx, councilOf(request).id, input, actor(request));
      return `/councils/${councilOf(request).gssCode}/directions/${direction.id}`;
    },
  });

  formRoute(app, {
    path: '/councils/:gss/restorations/new',
    action: 'powers:restore',
    template: 'modules/powers/views/restoration-new.njk',
    schema: restorationInput,
    load: async () => ({}),
    context: (loaded) => loaded,
    save: async (tx, request, input) => {
      const restoration = await openRestoration(tx, councilOf(request).id, input, actor(request));
      return `/councils/${councilOf(request).gssCode}/restorations/${restoration.id}`;
    },
  });

  /**
   * A form that adds to one restoration proposal (`/restorations/:id/<slug>/new`):
   * the page shows the proposal beside `extra`, and a valid post calls `add` with the
   * proposal's id in the transaction, then returns to the proposal.
   */
  const restorationForm = <T>(
    slug: string,
    template: string,
    schema: z.ZodType<T>,
    extra: (request: FastifyRequest) => Promise<Record<string, unknown>> | Record<string, unknown>,
    add: (
      tx: Tx,
      councilId: string,
      restorationId: string,
      input: T,
      by: { actor: string },
    ) => Promise<unknown>,
  ) =>
    formRoute(app, {
      path: `/councils/:gss/restorations/:id/${slug}/new`,
      action: 'powers:restore',
      template: `modules/powers/views/${template}`,
      schema,
      load: async (request) => ({ ...(await restorationOf(app, request)), ...(await extra(request)) }),
      context: (loaded) => loaded,
      save: async (tx, request, input) => {
        await add(tx, councilOf(request).id, restorationIdOf(request), input, actor(request));
        return restorationUrl(request);
      },
    });

  restorationForm(
    'functions',
    'restoration-function-new.njk',
    restorationFunctionInput,
    async (request) => ({
      functions: await functionsOf(request),
      councillors: (await peopleOf(db(), councilOf(request).id)).filter((p) => p.kind === 'councillor'),
      holderKinds: HOLDER_KINDS.filter((k) => k !== 'commissioner'),
      labels,
    }),
    addRestorationFunction,
  );
  restorationForm(
    'steps',
    'step-new.njk',
    stepInput,
    () => ({ steps: RESTORATION_STEPS, labels }),
    completeStep,
  );
  restorationForm('pauses', 'pause-new.njk', pauseInput, () => ({ causes: PAUSE_CAUSES }), pauseRestoration);
  restorationForm(
    'representations',
    'representation-new.njk',
    representationInput,
    () => ({}),
    addRepresentation,
  );

  formRoute(app, {
    path: '/councils/:gss/restorations/:id/pauses/:pauseId/resolve',
    action: 'powers:restore',
    template: 'modules/powers/views/pause-resolve.njk',
    schema: pauseResolution,
    load: async (request) => {
      const { found, child } = await restorationChild(app, request, 'pauses', 'pauseId', 'pause');
      return { ...found, pause: child };
    },
    context: (loaded) => loaded,
    save: async (tx, request, input) => {
      const pauseId = paramId(request, 'pauseId', 'pause');
      await resolvePause(tx, councilOf(request).id, pauseId, input, actor(request));
      return restorationUrl(request);
    },
  });

  formRoute(app, {
    path: '/councils/:gss/restorations/:id/representations/:representationId/respond',
    action: 'powers:restore',
    template: 'modules/powers/views/representation-respond.njk',
    schema: representationResponse,
    load: async (request) => {
      const { found, child } = await restorationChild(
        app,
        request,
        'representations',
        'representationId',
        'representation',
      );
      return { ...found, representation: child };
    },
    context: (loaded) => loaded,
    save: async (tx, request, input) => {
      const representationId = paramId(request, 'representationId', 'representation');
      await respondToRepresentation(
        tx,
        councilOf(request).id,
        representationId,
        input.response,
        actor(request),
      );
      return restorationUrl(request);
    },
  });
}
