import { indicatorValueProblems } from '#src/modules/improvement/rules/indicators.ts';
import {
  completionProblems,
  managementActionProblems,
  rebaselineProblems,
} from '#src/modules/improvement/rules/problems.ts';
import type { Problem } from '#src/modules/powers/rules/problem.ts';
import type { BundleProblem } from './problems.ts';
import { mustBeIn, uniqueIn } from './references.ts';
import type { Bundle } from './schema.ts';

/*
 * The Improvement section checked as a whole: ids unique across the bundle,
 * every reference resolving, and the rules the module's services apply to each
 * change (src/modules/improvement/rules/). Withdrawn records count for nothing
 * in the rules, as in the module, and are not checked by them.
 */

const I = '$.improvement';

/**
 * The "today" the rules are given. A bundle is checked the same whatever the
 * clock says, so the rules' "not in the future" checks do not apply here; every
 * other check does.
 */
export const ANY_DAY = '9999-12-31';

type Section = Bundle['improvement'];

/** The records of a list that have not been withdrawn, each with its index in the list. */
export const standing = <T extends { withdrawnAt: string | null }>(items: readonly T[]) =>
  items.flatMap((item, i) => (item.withdrawnAt === null ? [{ item, i }] : []));

/** A rule's problem named at a record's field. */
export const at =
  (record: string) =>
  (p: Problem): BundleProblem => ({ path: `${record}.${p.field}`, message: p.message });

const pair = (a: string, b: string) => `${a}\n${b}`;

/** The sections of a bundle whose records have ids, in the order of the bundle. */
const SECTIONS = ['powers', 'improvement', 'licensing'] as const;

/**
 * Where every id of the bundle before `section` is first used (the council,
 * people, users and the sections before it), to find an id of `section` used
 * there too. Each clash is named once, at the later record.
 */
export function idsBefore(bundle: Bundle, section: (typeof SECTIONS)[number]): Map<string, string> {
  const seen = new Map([[bundle.council.id, '$.council.id']]);
  const lists: [string, readonly { id: string }[]][] = [
    ['$.people', bundle.people],
    ['$.users', bundle.users],
    ...SECTIONS.slice(0, SECTIONS.indexOf(section)).flatMap((name) =>
      Object.entries(bundle[name]).map(([list, items]): [string, readonly { id: string }[]] => [
        `$.${name}.${list}`,
        items as readonly { id: string }[],
      ]),
    ),
  ];
  for (const [list, items] of lists)
    items.forEach((item, i) => {
      if (!seen.has(item.id)) seen.set(item.id, `${list}[${i}].id`);
    });
  return seen;
}

/**
 * Ids used twice (within the section or elsewhere in the bundle), and values the
 * database holds once: a project's reference in its plan and an indicator's
 * code (withdrawn records included, as in the database), and one standing value
 * per period of an indicator.
 */
function improvementDuplicates(bundle: Bundle): BundleProblem[] {
  const s = bundle.improvement;
  const ids = idsBefore(bundle, 'improvement');
  const sameId = (item: { id: string }, first: string) => `id ${item.id} is already used at ${first}`;
  return [
    ...Object.entries(s).flatMap(([list, items]: [string, readonly { id: string }[]]) =>
      uniqueIn(items, `${I}.${list}`, 'id', (r) => r.id, sameId, ids),
    ),
    ...uniqueIn(
      s.projects,
      `${I}.projects`,
      'ref',
      (p) => pair(p.planId, p.ref),
      (p, first) => `plan ${p.planId} already has an item ${p.ref} at ${first}`,
    ),
    ...uniqueIn(
      s.indicators,
      `${I}.indicators`,
      'code',
      (x) => x.code,
      (x, first) => `code ${x.code} is already used at ${first}`,
    ),
    ...uniqueIn(
      s.indicatorValues,
      `${I}.indicatorValues`,
      'periodStart',
      // A withdrawn value takes no period: its key is its own.
      (v) => (v.withdrawnAt === null ? pair(v.indicatorId, v.periodStart) : `withdrawn\n${v.id}`),
      (v, first) =>
        `indicator ${v.indicatorId} already has a value for the period starting ${v.periodStart} at ${first}; a correction replaces the value`,
    ),
  ];
}

/** A reference to a milestone must name one of the record's own project. */
function milestoneOfProject(
  items: readonly { projectId: string; milestoneId: string | null }[],
  list: string,
  s: Section,
): BundleProblem[] {
  const projectOf = new Map(s.milestones.map((m) => [m.id, m.projectId]));
  return items.flatMap((item, i) => {
    const owner = item.milestoneId === null ? undefined : projectOf.get(item.milestoneId);
    return owner === undefined || owner === item.projectId
      ? []
      : [{ path: `${list}[${i}].milestoneId`, message: `must be a milestone of project ${item.projectId}` }];
  });
}

/** References that do not resolve to a record of the bundle, or resolve to one of another plan or project. */
function improvementReferences(bundle: Bundle): BundleProblem[] {
  const s = bundle.improvement;
  const target = (items: readonly { id: string }[], list: string, what: string) => ({
    ids: new Set(items.map((r) => r.id)),
    list,
    what,
  });
  const people = target(bundle.people, '$.people', 'a person');
  const boards = target(s.boards, `${I}.boards`, 'a board');
  const plans = target(s.plans, `${I}.plans`, 'a plan');
  const workstreams = target(s.workstreams, `${I}.workstreams`, 'a workstream');
  const projects = target(s.projects, `${I}.projects`, 'a project');
  const milestones = target(s.milestones, `${I}.milestones`, 'a milestone');
  const indicators = target(s.indicators, `${I}.indicators`, 'an indicator');
  const reviews = target(s.peerReviews, `${I}.peerReviews`, 'a peer review');
  const planOfWorkstream = new Map(s.workstreams.map((w) => [w.id, w.planId]));
  return [
    ...mustBeIn(s.boards, `${I}.boards`, 'chairPersonId', people),
    ...mustBeIn(s.workstreams, `${I}.workstreams`, 'planId', plans),
    ...mustBeIn(s.projects, `${I}.projects`, 'planId', plans),
    ...mustBeIn(s.projects, `${I}.projects`, 'workstreamId', workstreams),
    ...s.projects.flatMap((p, i) => {
      const plan = p.workstreamId === null ? undefined : planOfWorkstream.get(p.workstreamId);
      return plan === undefined || plan === p.planId
        ? []
        : [{ path: `${I}.projects[${i}].workstreamId`, message: `must be a workstream of plan ${p.planId}` }];
    }),
    ...mustBeIn(s.projects, `${I}.projects`, 'leadMemberPersonId', people),
    ...mustBeIn(s.projects, `${I}.projects`, 'boardId', boards),
    ...mustBeIn(s.milestones, `${I}.milestones`, 'projectId', projects),
    ...mustBeIn(s.rebaselines, `${I}.rebaselines`, 'projectId', projects),
    ...mustBeIn(s.rebaselines, `${I}.rebaselines`, 'milestoneId', milestones),
    ...milestoneOfProject(s.rebaselines, `${I}.rebaselines`, s),
    ...mustBeIn(s.managementActions, `${I}.managementActions`, 'projectId', projects),
    ...mustBeIn(s.managementActions, `${I}.managementActions`, 'milestoneId', milestones),
    ...milestoneOfProject(s.managementActions, `${I}.managementActions`, s),
    ...mustBeIn(s.commentary, `${I}.commentary`, 'projectId', projects),
    ...mustBeIn(s.indicators, `${I}.indicators`, 'planId', plans),
    ...mustBeIn(s.indicatorValues, `${I}.indicatorValues`, 'indicatorId', indicators),
    ...mustBeIn(s.recommendations, `${I}.recommendations`, 'peerReviewId', reviews),
    ...mustBeIn(s.recommendations, `${I}.recommendations`, 'projectId', projects),
  ];
}

/**
 * The Improvement section's duplicates and references, each named by its JSON
 * path: run with the bundle's other checks of ids and references.
 */
export function improvementReferenceProblems(bundle: Bundle): BundleProblem[] {
  return [...improvementDuplicates(bundle), ...improvementReferences(bundle)];
}

/**
 * The Improvement module's rules, applied to a bundle whose records are each
 * valid and whose references all resolve: a bundle must not hold what the
 * module's services would refuse. Each completed milestone has evidence of the
 * kind it names (a link a web address, a record `entity-type/uuid`) and is not
 * completed before its project started; each re-baseline has a reason and an
 * approver and moves the date to another; each management action has an
 * action, an owner and dates in order; each indicator value fits its unit and
 * its indicator's periods and has a commentary and the measure it came from.
 */
export function improvementRuleProblems(bundle: Bundle): BundleProblem[] {
  const s = bundle.improvement;
  const projects = new Map(s.projects.map((p) => [p.id, p]));
  const indicators = new Map(s.indicators.map((x) => [x.id, x]));
  const valuesOf = new Map<string, { id: string; periodStart: string; value: number }[]>();
  for (const { item: v } of standing(s.indicatorValues))
    valuesOf.set(v.indicatorId, [...(valuesOf.get(v.indicatorId) ?? []), v]);
  return [
    ...standing(s.milestones).flatMap(({ item: m, i }) =>
      m.completedOn === null
        ? []
        : completionProblems(
            { completedOn: m.completedOn, evidenceKind: m.evidenceKind, evidence: m.evidence },
            projects.get(m.projectId) as { startOn: string },
            ANY_DAY,
          ).map(at(`${I}.milestones[${i}]`)),
    ),
    ...standing(s.rebaselines).flatMap(({ item: r, i }) =>
      rebaselineProblems(r, r.fromDate, ANY_DAY).map(at(`${I}.rebaselines[${i}]`)),
    ),
    ...standing(s.managementActions).flatMap(({ item: a, i }) =>
      managementActionProblems(a, ANY_DAY).map(at(`${I}.managementActions[${i}]`)),
    ),
    ...standing(s.indicatorValues).flatMap(({ item: v, i }) => {
      const indicator = indicators.get(v.indicatorId);
      if (!indicator || indicator.withdrawnAt !== null) return [];
      const facts = { ...indicator, values: valuesOf.get(indicator.id) ?? [] };
      return indicatorValueProblems(facts, v).map(at(`${I}.indicatorValues[${i}]`));
    }),
  ];
}
