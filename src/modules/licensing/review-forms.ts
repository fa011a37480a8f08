import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Tx } from '#src/db/client.ts';
import { snapshot } from '#src/modules/improvement/record.ts';
import { todayInLondon } from '#src/modules/powers/present.ts';
import { councilPowers } from '#src/modules/powers/record.ts';
import { longDate } from '#src/modules/powers/rules/dates.ts';
import type { Problem } from '#src/modules/powers/rules/problem.ts';
import { HttpError } from '#src/web/errors.ts';
import { formRoute } from '#src/web/form-route.ts';
import { actor, labels, licensingBase, options, paramId, queryValue, VIEWS } from './present.ts';
import { holderOf } from './record.ts';
import { type CaseView, caseActions, hearingFor, readCaseView } from './review-present.ts';
import { REVIEW_OUTCOMES, REVIEW_RISKS, REVIEW_SOURCES } from './rules/types.ts';
import {
  adjournHearing,
  closeCase,
  decideCase,
  openCase,
  scheduleHearing,
  startInvestigation,
} from './service.ts';
import {
  adjournInput,
  caseInput,
  closeInput,
  decisionInput,
  hearingInput,
  investigationInput,
} from './validation.ts';

/** The Powers rule's names for the decision's fields, as the decision form names them. */
const DECISION_FIELDS: Record<string, string> = {
  functionId: 'decidedByPersonId',
  decidedById: 'decidedByPersonId',
  proposedById: 'proposedByPersonId',
  proposal: 'proposedOutcome',
};

/** A form's loaded case, with what every case form shows beside it. */
interface CaseForm {
  view: CaseView;
  base: string;
  labels: typeof labels;
}

/** The forms that change a fit-and-proper review: open a case, investigate, hearings, close, decide. */
export async function licensingReviewForms(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  const councilId = (request: FastifyRequest) => request.council?.id ?? '';
  const caseUrl = (request: FastifyRequest, caseId: string, saved: string) =>
    `${licensingBase(request)}/reviews/cases/${caseId}?saved=${saved}`;

  const loadCase = async (request: FastifyRequest): Promise<CaseForm> => {
    const caseId = paramId(request, 'caseId', 'review case');
    const view = await readCaseView(db(), councilId(request), caseId);
    if (!view) throw new HttpError(404, 'There is no such review case.');
    return { view, base: licensingBase(request), labels };
  };

  /** A form at `/reviews/cases/:caseId/<slug>` that saves one change to the case, then shows the case. */
  const caseForm = <T>(spec: {
    slug: string;
    schema: z.ZodType<T>;
    fields: readonly string[];
    context?: (loaded: CaseForm) => Record<string, unknown>;
    start: (loaded: CaseForm) => Record<string, unknown>;
    problem?: (p: Problem) => Problem;
    save: (tx: Tx, councilId: string, caseId: string, input: T, by: { actor: string }) => Promise<unknown>;
    saved: string;
  }) =>
    formRoute(app, {
      path: `/councils/:gss/licensing/reviews/cases/:caseId/${spec.slug}`,
      action: 'licensing:manage',
      template: `${VIEWS}/case-${spec.slug}.njk`,
      schema: spec.schema,
      fields: spec.fields,
      load: loadCase,
      context: (loaded) => ({
        ...loaded,
        actions: caseActions(loaded.view.found),
        ...spec.context?.(loaded),
      }),
      start: (_request, loaded) => spec.start(loaded),
      ...(spec.problem ? { problem: spec.problem } : {}),
      save: async (tx, request, input, loaded) => {
        const id = loaded.view.found.record.id;
        await spec.save(tx, councilId(request), id, input, actor(request));
        return caseUrl(request, id, spec.saved);
      },
    });

  formRoute(app, {
    path: '/councils/:gss/licensing/reviews/cases/new',
    action: 'licensing:manage',
    template: `${VIEWS}/case-new.njk`,
    schema: caseInput,
    fields: [
      'reference',
      'holderId',
      'licenceId',
      'functionId',
      'openedOn',
      'source',
      'risk',
      'information',
      'investigationStartedOn',
    ],
    load: async (request) => {
      // The holder comes from the link on their page, and is posted back with the form.
      const posted = (request.body as Record<string, unknown> | undefined)?.holderId;
      const holderId = z
        .uuid()
        .safeParse(typeof posted === 'string' ? posted : queryValue(request, 'holderId'));
      const record = holderId.success
        ? await snapshot(db(), (tx) => holderOf(tx, councilId(request), holderId.data))
        : undefined;
      const powers = await councilPowers(db(), councilId(request));
      return {
        base: licensingBase(request),
        holder: record?.holder ?? null,
        licences: (record?.licences ?? []).map((l) => ({
          value: l.id,
          text: `${l.number}, ${labels.licenceKind[l.kind].toLowerCase()} (${labels.licenceStatus[l.status].toLowerCase()})`,
        })),
        functions: powers.functions
          .filter((f) => f.service === 'licensing')
          .map((f) => ({ value: f.id, text: f.name })),
        sources: options(REVIEW_SOURCES, labels.source),
        risks: options(REVIEW_RISKS, labels.risk),
      };
    },
    context: (loaded) => loaded,
    start: (_request, loaded) => ({
      holderId: loaded.holder?.id,
      licenceId: loaded.licences.length === 1 ? loaded.licences[0]?.value : undefined,
      functionId: loaded.functions.length === 1 ? loaded.functions[0]?.value : undefined,
      openedOn: todayInLondon(),
    }),
    save: async (tx, request, input) => {
      const opened = await openCase(tx, councilId(request), input, actor(request));
      return caseUrl(request, opened.id, 'opened');
    },
  });

  caseForm({
    slug: 'investigation',
    schema: investigationInput,
    fields: ['startedOn'],
    start: () => ({ startedOn: todayInLondon() }),
    save: (tx, council, caseId, input, by) => startInvestigation(tx, council, caseId, input.startedOn, by),
    saved: 'investigation',
  });

  caseForm({
    slug: 'hearing',
    schema: hearingInput,
    fields: ['scheduledOn', 'hearingOn', 'panelPersonIds'],
    context: ({ view }) => ({
      councillors: view.people
        .filter((p) => p.kind === 'councillor')
        .map((p) => ({ value: p.id, text: view.names.get(p.id) ?? p.name })),
      deciderToday: view.deciderOn(todayInLondon()),
    }),
    // A hearing fixed again usually sits with the panel of the one adjourned.
    start: ({ view }) => ({
      scheduledOn: todayInLondon(),
      panelPersonIds: view.found.facts.hearings.at(-1)?.panelPersonIds ?? [],
    }),
    save: scheduleHearing,
    saved: 'hearing',
  });

  caseForm({
    slug: 'adjourn',
    schema: adjournInput,
    fields: ['adjournedOn', 'reason'],
    context: ({ view }) => ({ standing: view.found.hearings.find((h) => h.adjournedOn === null) ?? null }),
    start: () => ({ adjournedOn: todayInLondon() }),
    save: adjournHearing,
    saved: 'adjourned',
  });

  caseForm({
    slug: 'close',
    schema: closeInput,
    fields: ['closedOn', 'reason'],
    start: () => ({ closedOn: todayInLondon() }),
    save: closeCase,
    saved: 'closed',
  });

  caseForm({
    slug: 'decision',
    schema: decisionInput,
    fields: [
      'hearingId',
      'decidedOn',
      'decidedByPersonId',
      'proposedOutcome',
      'proposedByPersonId',
      'outcome',
      'reasons',
      'effectiveOn',
      'immediate',
      'suspensionDays',
    ],
    context: ({ view }) => {
      const panel = new Set(view.found.facts.hearings.flatMap((h) => h.panelPersonIds));
      const hearing = hearingFor(view.found, todayInLondon());
      return {
        hearings: view.found.hearings.map((h) => ({
          value: h.id,
          text: `Hearing on ${longDate(h.hearingOn)}${h.adjournedOn ? ' (adjourned)' : ''}`,
        })),
        people: view.people.map((p) => ({ value: p.id, text: view.names.get(p.id) ?? p.name })),
        proposers: view.people
          .filter((p) => panel.has(p.id))
          .map((p) => ({ value: p.id, text: view.names.get(p.id) ?? p.name })),
        outcomes: options(REVIEW_OUTCOMES, labels.outcome),
        hearing,
        deciderOnHearing: hearing ? view.deciderOn(hearing.hearingOn) : null,
      };
    },
    start: ({ view }) => {
      const hearing = hearingFor(view.found, todayInLondon());
      return { hearingId: hearing?.id, decidedOn: hearing?.hearingOn };
    },
    problem: (p) => ({ ...p, field: DECISION_FIELDS[p.field] ?? p.field }),
    save: decideCase,
    saved: 'decision',
  });
}
