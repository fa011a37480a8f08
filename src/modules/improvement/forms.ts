import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Action } from '#src/auth/policy.ts';
import { ROLE_LABELS } from '#src/auth/roles.ts';
import type { Tx } from '#src/db/client.ts';
import { longDate } from '#src/modules/powers/rules/dates.ts';
import type { Problem } from '#src/modules/powers/rules/problem.ts';
import { HttpError } from '#src/web/errors.ts';
import type { FieldErrors } from '#src/web/filters/errors.ts';
import { renderPage } from '#src/web/render.ts';
import { currentCouncil, currentUser } from '#src/web/request.ts';
import { formatValue, labels, todayInLondon } from './present.ts';
import { indicatorsOf, readProject } from './record.ts';
import { indicatorPeriods } from './rules/indicators.ts';
import { dueDateOn } from './rules/status.ts';
import { EVIDENCE_KINDS, PLAN_KINDS } from './schema.ts';
import {
  addCommentary,
  addPlan,
  completeMilestone,
  ImprovementRuleError,
  rebaseline,
  recordIndicatorValue,
  recordManagementAction,
} from './service.ts';
import {
  commentaryInput,
  completionInput,
  indicatorValueInput,
  managementActionInput,
  planInput,
  rebaselineInput,
} from './validation.ts';

const VIEWS = 'modules/improvement/views';

interface FormSpec<T, C> {
  /** The address of the form page; the form posts to the same address. */
  path: string;
  action: Action;
  template: string;
  schema: z.ZodType<T>;
  /** The form's fields in order: a problem about anything else is shown at the first. */
  fields: readonly string[];
  /** The records the form is about (404 when there are none), read before showing or saving. */
  load: (request: FastifyRequest) => Promise<C>;
  /** What the page needs besides the values and errors. */
  context?: (loaded: C, request: FastifyRequest) => Record<string, unknown>;
  /** The values a new form starts with (a choice made by the link that led here). */
  start?: (request: FastifyRequest, loaded: C) => Record<string, unknown>;
  /** Which field a problem of the rules is about and what it says, when that differs from the rule's. */
  problem?: (p: Problem) => Problem;
  /** Saves in a transaction and returns where to go next. */
  save: (tx: Tx, request: FastifyRequest, input: T, loaded: C) => Promise<string>;
}

/** Zod issues as GOV.UK field errors, each at the form field its path starts with. */
function inputErrors(error: z.ZodError, fields: readonly string[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const head = String(issue.path[0] ?? '');
    const field = fields.includes(head) ? head : (fields[0] as string);
    errors[field] ??= issue.message;
  }
  return errors;
}

/** A refusal of the rules as field errors, each at its form field (the first field when it names none of them). */
function ruleErrors(problems: readonly Problem[], fields: readonly string[], map?: (p: Problem) => Problem) {
  const errors: FieldErrors = {};
  for (const original of problems) {
    const p = map ? map(original) : original;
    const field = fields.includes(p.field) ? p.field : (fields[0] as string);
    errors[field] = errors[field] ? `${errors[field]} ${p.message}` : p.message;
  }
  return errors;
}

/**
 * A GOV.UK form page and its POST (CSRF-checked for every POST by the forms
 * plugin): invalid input or a change the rules refuse re-renders the form with
 * the error summary (400) and writes nothing.
 */
function formRoute<T, C>(app: FastifyInstance, spec: FormSpec<T, C>): void {
  const show = (
    request: FastifyRequest,
    reply: FastifyReply,
    loaded: C,
    values: Record<string, unknown>,
    errors?: FieldErrors,
  ) => {
    if (errors) reply.code(400);
    return renderPage(request, reply, `${VIEWS}/${spec.template}`, {
      ...spec.context?.(loaded, request),
      values,
      errors,
      formAction: request.url.split('?')[0],
      labels,
    });
  };
  app.get(spec.path, { config: { action: spec.action } }, async (request, reply) => {
    const loaded = await spec.load(request);
    return show(request, reply, loaded, spec.start?.(request, loaded) ?? {});
  });
  app.post(spec.path, { config: { action: spec.action } }, async (request, reply) => {
    const loaded = await spec.load(request);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const parsed = spec.schema.safeParse(body);
    if (!parsed.success) return show(request, reply, loaded, body, inputErrors(parsed.error, spec.fields));
    try {
      const next = await app.database.db.transaction((tx) => spec.save(tx, request, parsed.data, loaded));
      return reply.redirect(next, 303);
    } catch (error) {
      if (error instanceof ImprovementRuleError)
        return show(request, reply, loaded, body, ruleErrors(error.problems, spec.fields, spec.problem));
      throw error;
    }
  });
}

/** The signed-in user's actor record for the ledger. */
const actor = (request: FastifyRequest) => ({ actor: currentUser(request).email });

const param = (request: FastifyRequest, name: string) =>
  (request.params as Record<string, string | undefined>)[name] ?? '';
const query = (request: FastifyRequest, name: string) => {
  const v = (request.query as Record<string, unknown>)[name];
  return typeof v === 'string' ? v : undefined;
};

/** A plan item's problem, at the plan form's field that gave it: `items[3].dueOn` is the due date. */
function planProblem(p: Problem): Problem {
  const match = /^items\[(\d+)\]\.(\w+)/.exec(p.field);
  if (!match) return p;
  const field = { dueOn: 'dueOn', accountableOfficer: 'accountableOfficer', startOn: 'adoptedOn' }[
    match[2] as string
  ];
  return field
    ? { field, message: p.message }
    : { field: 'items', message: `Item ${Number(match[1]) + 1}: ${p.message}` };
}

/** The forms of the Improvement module: evidence, re-baselines, actions, commentary, indicator values, plans. */
export async function improvementForms(app: FastifyInstance): Promise<void> {
  const db = () => app.database.db;
  const council = (request: FastifyRequest) => currentCouncil(request);
  const projectUrl = (request: FastifyRequest, saved: string) =>
    `/councils/${council(request).gssCode}/projects/${param(request, 'projectId')}?saved=${saved}`;

  const loadProject = async (request: FastifyRequest) => {
    const record = await readProject(db(), council(request).id, param(request, 'projectId'));
    if (!record) throw new HttpError(404, 'There is no such project.');
    const today = todayInLondon();
    const moving = (id: string | null) => record.facts.rebaselines.filter((r) => r.milestoneId === id);
    return {
      record,
      project: record.facts,
      today,
      dueNow: dueDateOn(record.facts.dueOn, moving(null), today),
      milestoneOptions: record.milestones.map((m) => ({
        value: m.id,
        text: `${m.title} (due ${longDate(dueDateOn(m.dueOn, moving(m.id), today))})`,
      })),
    };
  };
  type LoadedProject = Awaited<ReturnType<typeof loadProject>>;
  const projectContext = (loaded: LoadedProject) => loaded;
  const chosenMilestone = (request: FastifyRequest, loaded: LoadedProject) => {
    const chosen = query(request, 'milestone');
    return loaded.record.milestones.some((m) => m.id === chosen) ? chosen : undefined;
  };

  formRoute(app, {
    path: '/councils/:gss/projects/:projectId/milestones/:milestoneId/complete',
    action: 'improvement:manage',
    template: 'milestone-complete.njk',
    schema: completionInput,
    fields: ['completedOn', 'evidenceKind', 'evidence'],
    load: async (request) => {
      const loaded = await loadProject(request);
      const milestone = loaded.record.milestones.find((m) => m.id === param(request, 'milestoneId'));
      if (!milestone) throw new HttpError(404, 'There is no such milestone of this project.');
      return { ...loaded, milestone };
    },
    context: (loaded) => ({ ...loaded, evidenceKinds: EVIDENCE_KINDS }),
    save: async (tx, request, input, loaded) => {
      await completeMilestone(
        tx,
        council(request).id,
        loaded.milestone.id,
        input,
        actor(request),
        todayInLondon(),
      );
      return projectUrl(request, 'completion');
    },
  });

  formRoute(app, {
    path: '/councils/:gss/projects/:projectId/rebaseline',
    action: 'improvement:manage',
    template: 'rebaseline-new.njk',
    schema: rebaselineInput,
    fields: ['milestoneId', 'toDate', 'reason', 'approvedBy', 'approvedOn'],
    load: loadProject,
    context: projectContext,
    start: (request, loaded) => ({ milestoneId: chosenMilestone(request, loaded) }),
    save: async (tx, request, input, loaded) => {
      await rebaseline(
        tx,
        council(request).id,
        { ...input, projectId: loaded.project.id },
        actor(request),
        todayInLondon(),
      );
      return projectUrl(request, 'rebaseline');
    },
  });

  formRoute(app, {
    path: '/councils/:gss/projects/:projectId/actions/new',
    action: 'improvement:manage',
    template: 'action-new.njk',
    schema: managementActionInput,
    fields: ['milestoneId', 'action', 'owner', 'agreedOn', 'dueOn'],
    load: loadProject,
    context: projectContext,
    start: (request, loaded) => ({ milestoneId: chosenMilestone(request, loaded) }),
    save: async (tx, request, input, loaded) => {
      await recordManagementAction(
        tx,
        council(request).id,
        { ...input, projectId: loaded.project.id },
        actor(request),
        todayInLondon(),
      );
      return projectUrl(request, 'action');
    },
  });

  formRoute(app, {
    path: '/councils/:gss/projects/:projectId/commentary/new',
    action: 'improvement:comment',
    template: 'commentary-new.njk',
    schema: commentaryInput,
    fields: ['writtenOn', 'body'],
    load: loadProject,
    context: projectContext,
    start: (_request, loaded) => ({ writtenOn: loaded.today }),
    save: async (tx, request, input, loaded) => {
      const user = currentUser(request);
      await addCommentary(
        tx,
        council(request).id,
        { ...input, projectId: loaded.project.id, author: `${user.name}, ${ROLE_LABELS[user.role]}` },
        actor(request),
      );
      return projectUrl(request, 'commentary');
    },
  });

  formRoute(app, {
    path: '/councils/:gss/indicators/:indicatorId/values/new',
    action: 'improvement:manage',
    template: 'indicator-value-new.njk',
    schema: indicatorValueInput,
    fields: ['periodStart', 'value', 'commentary', 'measure', 'correctionReason'],
    load: async (request) => {
      const [indicator] = await indicatorsOf(db(), council(request).id, {
        indicatorId: param(request, 'indicatorId'),
      });
      if (!indicator) throw new HttpError(404, 'There is no such indicator.');
      const recorded = new Map(indicator.values.map((v) => [v.periodStart, v.value]));
      const periods = indicatorPeriods(
        indicator.frequency,
        indicator.firstPeriodStart,
        indicator.lastPeriodEnd,
        todayInLondon(),
      )
        .reverse()
        .map((p) => {
          const value = recorded.get(p.start);
          const has = value === undefined ? '' : ` (recorded: ${formatValue(value, indicator.unit)})`;
          return { value: p.start, text: `${p.label}${has}` };
        });
      return { indicator, periods };
    },
    context: (loaded) => loaded,
    start: (request) => ({ periodStart: query(request, 'period') }),
    save: async (tx, request, input, loaded) => {
      await recordIndicatorValue(
        tx,
        council(request).id,
        { ...input, indicatorId: loaded.indicator.id, recordedOn: todayInLondon() },
        actor(request),
      );
      return `/councils/${council(request).gssCode}/indicators/${loaded.indicator.id}?saved=1`;
    },
  });

  formRoute(app, {
    path: '/councils/:gss/plans/new',
    action: 'improvement:manage',
    template: 'plan-new.njk',
    schema: planInput,
    fields: ['title', 'kind', 'adoptedOn', 'dueOn', 'accountableOfficer', 'items', 'summary', 'source'],
    load: async () => ({ kinds: PLAN_KINDS }),
    context: (loaded) => loaded,
    problem: planProblem,
    save: async (tx, request, input) => {
      const width = String(input.items.length).length;
      const { plan } = await addPlan(
        tx,
        council(request).id,
        {
          title: input.title,
          kind: input.kind,
          adoptedOn: input.adoptedOn,
          summary: input.summary,
          source: input.source,
          items: input.items.map((title, i) => ({
            ref: String(i + 1).padStart(width, '0'),
            title,
            accountableOfficer: input.accountableOfficer,
            startOn: input.adoptedOn,
            dueOn: input.dueOn,
          })),
        },
        actor(request),
      );
      return `/councils/${council(request).gssCode}/plans/${plan.id}/recycled?added=1`;
    },
  });
}
