/*
 * The Fresh Start Improvement Plan's records, generated from the model of each
 * project (improvement-model.ts): milestones spread over its months, each done
 * with evidence by its due date in force unless the project's story says it ran
 * late; re-baselines for the dates it moved; a management action where one was
 * agreed. Seed 001's figures for 31 October 2015 are not written here: they are
 * what the rules derive from these records (see improvement.test.ts).
 */
import { addDays, longDate } from '#src/modules/powers/rules/dates.ts';
import { stableId } from './ids.ts';
import {
  type ImprovementSection,
  type Lead,
  MILESTONES,
  type MilestoneRow,
  NOT_WITHDRAWN,
  PLAN_ADOPTED,
  type ProjectSpec,
  SEED,
  type WorkstreamSpec,
} from './improvement-model.ts';

export const FRESH_START_PLAN_ID = stableId('improvement:plan:fresh-start');

/** The people and boards the plan's projects name, and the Powers decisions that evidence some milestones. */
export interface PlanContext {
  leads: Record<Lead, string>;
  boards: Record<WorkstreamSpec['board'], { id: string; name: string }>;
  decisions: readonly { id: string; title: string; decidedOn: string }[];
}

type PlanRecords = Pick<
  ImprovementSection,
  'plans' | 'workstreams' | 'projects' | 'milestones' | 'rebaselines' | 'managementActions'
>;

const ILLUSTRATIVE =
  'Illustrative project: seed 001 gives the plan’s 132 projects as figures, not by name; this title, its dates and milestones are made up for the demo.';

const monthIndex = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
const endOfMonth = (index: number) =>
  new Date(Date.UTC(Math.floor(index / 12), (index % 12) + 1, 0)).toISOString().slice(0, 10);

/** A project's milestones as first planned: its steps (or its kind's), due at month ends spread over its months. */
export function plannedMilestones(spec: ProjectSpec): { title: string; dueOn: string }[] {
  const first = monthIndex(spec.startOn);
  const months = monthIndex(spec.dueOn) - first + 1;
  const all: readonly string[] = spec.steps ?? MILESTONES[spec.kind];
  const titles = months >= all.length ? all : [...all.slice(0, months - 1), all.at(-1) as string];
  const n = titles.length;
  return titles.map((title, i) => ({
    title,
    dueOn: endOfMonth(first + Math.ceil(((i + 1) * months) / n) - 1),
  }));
}

function fail(ref: string, message: string): never {
  throw new Error(`Demo project ${ref}: ${message}`);
}

/** One project's records: the project, its milestones, its re-baselines and its management action. */
function projectRecords(
  spec: ProjectSpec,
  ws: WorkstreamSpec,
  ref: string,
  ctx: PlanContext,
): Omit<PlanRecords, 'plans' | 'workstreams'> {
  const projectId = stableId(`improvement:project:fresh-start:${ref}`);
  const board = ctx.boards[ws.board];
  const planned = plannedMilestones(spec);
  const milestoneId = (i: number) => stableId(`improvement:milestone:fresh-start:${ref}:${i}`);
  const last = planned.length - 1;

  const inForce = planned.map((m) => m.dueOn);
  const rebaselines = (spec.slips ?? []).map((s, k) => {
    const from = inForce[s.m] ?? fail(ref, `no milestone ${s.m} to move`);
    if (s.m === last || s.to === from || s.to > spec.dueOn || s.approvedOn > from)
      fail(ref, `milestone ${s.m} cannot move from ${from} to ${s.to} on ${s.approvedOn}`);
    inForce[s.m] = s.to;
    return {
      id: stableId(`improvement:rebaseline:fresh-start:${ref}:${k}`),
      projectId,
      milestoneId: milestoneId(s.m),
      fromDate: from,
      toDate: s.to,
      reason: s.reason,
      approvedBy: s.approvedBy,
      approvedOn: s.approvedOn,
      ...NOT_WITHDRAWN,
    };
  });

  const decision = spec.decision ? ctx.decisions.find((d) => d.title === spec.decision) : undefined;
  if (spec.decision && !decision) fail(ref, `no Powers decision "${spec.decision}"`);
  const milestones: MilestoneRow[] = planned.map((m, i) => {
    // On time: done a few days (0–4, varying) before the date in force, never before the project began;
    // a moved date is met on the day it was moved to.
    const moved = inForce[i] !== m.dueOn;
    let completedOn = addDays(inForce[i] as string, moved ? 0 : -((i + ref.charCodeAt(ref.length - 1)) % 5));
    if (completedOn < spec.startOn) completedOn = spec.startOn;
    if (spec.late?.m === i) completedOn = spec.late.doneOn;
    const byDecision = decision && i === last;
    if (byDecision) completedOn = decision.decidedOn;
    return {
      id: milestoneId(i),
      projectId,
      title: m.title,
      dueOn: m.dueOn,
      position: i,
      completedOn,
      evidenceKind: byDecision ? 'record' : 'document',
      evidence: byDecision
        ? `decision/${decision.id}`
        : `Report to the ${board.name}, ${longDate(completedOn)}: ${ref} ${m.title.toLowerCase()} (illustrative)`,
      ...NOT_WITHDRAWN,
    };
  });

  const action = spec.late?.action;
  const late = spec.late;
  if (
    late &&
    (late.doneOn <= (inForce[late.m] ?? fail(ref, `no milestone ${late.m} to be late`)) ||
      late.doneOn > spec.dueOn)
  )
    fail(ref, `milestone ${late.m} is not late on ${late.doneOn}`);
  return {
    projects: [
      {
        id: projectId,
        planId: FRESH_START_PLAN_ID,
        workstreamId: stableId(`improvement:workstream:fresh-start:${ws.code}`),
        ref,
        title: spec.title,
        description: spec.note ?? ILLUSTRATIVE,
        accountableOfficer: spec.officer ?? ws.officer,
        leadMemberPersonId: (spec.lead === undefined ? ws.lead : spec.lead)
          ? ctx.leads[(spec.lead === undefined ? ws.lead : spec.lead) as Lead]
          : null,
        boardId: board.id,
        startOn: spec.startOn,
        dueOn: spec.dueOn,
        ...NOT_WITHDRAWN,
      },
    ],
    milestones,
    rebaselines,
    managementActions:
      late && action
        ? [
            {
              id: stableId(`improvement:management-action:fresh-start:${ref}`),
              projectId,
              milestoneId: milestoneId(late.m),
              action: action.text,
              owner: action.owner,
              agreedOn: action.agreedOn,
              dueOn: action.dueOn,
              ...NOT_WITHDRAWN,
            },
          ]
        : [],
  };
}

/**
 * The Fresh Start Improvement Plan, its workstreams and the records of every
 * project, from the workstreams' specs. References are the workstream's code and
 * the project's place in it: `GOV-01`.
 */
export function freshStartPlan(specs: readonly WorkstreamSpec[], ctx: PlanContext): PlanRecords {
  const out: PlanRecords = {
    plans: [
      {
        id: FRESH_START_PLAN_ID,
        title: 'Fresh Start Improvement Plan',
        kind: 'improvement_plan',
        adoptedOn: PLAN_ADOPTED,
        summary:
          'The Council’s improvement plan under the Directions of February 2015, overseen by the all-party Improvement Boards chaired by the Lead Commissioner and the Children’s Commissioner. Seed 001 reports on its 132 projects as at 31 October 2015; the projects’ names, dates and milestones here are illustrative unless a project’s description cites a seed.',
        source: `${SEED.report}. Illustrative: the adoption date (the Commissioners’ first public meeting, June 2015; the day is made up).`,
        ...NOT_WITHDRAWN,
      },
    ],
    workstreams: [],
    projects: [],
    milestones: [],
    rebaselines: [],
    managementActions: [],
  };
  specs.forEach((ws, position) => {
    out.workstreams.push({
      id: stableId(`improvement:workstream:fresh-start:${ws.code}`),
      planId: FRESH_START_PLAN_ID,
      title: ws.title,
      position,
      ...NOT_WITHDRAWN,
    });
    ws.projects.forEach((spec, i) => {
      const records = projectRecords(spec, ws, `${ws.code}-${String(i + 1).padStart(2, '0')}`, ctx);
      out.projects.push(...records.projects);
      out.milestones.push(...records.milestones);
      out.rebaselines.push(...records.rebaselines);
      out.managementActions.push(...records.managementActions);
    });
  });
  return out;
}
