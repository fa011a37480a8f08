import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ROLE_LABELS } from '#src/auth/roles.ts';
import { longDate } from '#src/modules/powers/rules/dates.ts';
import type { Problem } from '#src/modules/powers/rules/problem.ts';
import { HttpError } from '#src/web/errors.ts';
import { formRoute } from '#src/web/form-route.ts';
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
  const projectContext = (loaded: LoadedProject) => ({ ...loaded, labels });
  const chosenMilestone = (request: FastifyRequest, loaded: LoadedProject) => {
    const chosen = query(request, 'milestone');
    return loaded.record.milestones.some((m) => m.id === chosen) ? chosen : undefined;
  };

  formRoute(app, {
    path: '/councils/:gss/projects/:projectId/milestones/:milestoneId/complete',
    action: 'improvement:manage',
    template: `${VIEWS}/milestone-complete.njk`,
    schema: completionInput,
    fields: ['completedOn', 'evidenceKind', 'evidence'],
    load: async (request) => {
      const loaded = await loadProject(request);
      const milestone = loaded.record.milestones.find((m) => m.id === param(request, 'milestoneId'));
      if (!milestone) throw new HttpError(404, 'There is no such milestone of this project.');
      return { ...loaded, milestone };
    },
    context: (loaded) => ({ ...loaded, evidenceKinds: EVIDENCE_KINDS, labels }),
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
    template: `${VIEWS}/rebaseline-new.njk`,
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
    template: `${VIEWS}/action-new.njk`,
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
    template: `${VIEWS}/commentary-new.njk`,
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
    template: `${VIEWS}/indicator-value-new.njk`,
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
    context: (loaded) => ({ ...loaded, labels }),
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
    template: `${VIEWS}/plan-new.njk`,
    schema: planInput,
    fields: ['title', 'kind', 'adoptedOn', 'dueOn', 'accountableOfficer', 'items', 'summary', 'source'],
    load: async () => ({ kinds: PLAN_KINDS }),
    context: (loaded) => ({ ...loaded, labels }),
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
