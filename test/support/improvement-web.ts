import { randomUUID } from 'node:crypto';
import type { Tx } from '#src/db/client.ts';
import {
  commentaryEntity,
  indicatorEntity,
  indicatorValueEntity,
  managementActionEntity,
  milestoneEntity,
  peerReviewEntity,
  planEntity,
  projectEntity,
  rebaselineEntity,
  recommendationEntity,
  recycledItemEntity,
  workstreamEntity,
} from '#src/db/ledgered.ts';
import { insertRecord } from '#src/ledger/records.ts';

/*
 * A small improvement plan written through the ledger, whose projects derive,
 * on AS_AT, to each status once or twice, for the Improvement pages, forms and
 * API tests. Everything is named with a label, so that several can live in one
 * council (the demo's) without meeting.
 */

const BY = { actor: 'test' };

/** The date the fixture's figures are stated for. */
export const AS_AT = '2015-10-31';

/** What each project of the fixture derives to on AS_AT, by its reference. */
export const EXPECTED_STATUS = {
  P01: 'complete',
  P02: 'on_track',
  P03: 'on_track',
  P04: 'behind_with_action',
  P05: 'off_track',
  P06: 'not_yet_due',
  P07: 'off_track',
} as const;

export type Ref = keyof typeof EXPECTED_STATUS;

export interface ImprovementFixture {
  planId: string;
  planTitle: string;
  earlierPlanId: string;
  /** Project ids by reference. */
  projects: Record<Ref, string>;
  /** The first milestone of each project, by the project's reference. */
  milestones: Record<Ref, string>;
  earlierProjectId: string;
  recycledId: string;
  indicatorId: string;
  indicatorCode: string;
  peerReviewId: string;
  workstreams: [string, string];
}

const none = { withdrawnAt: null, withdrawnReason: null };

interface MilestoneSpec {
  dueOn: string;
  completedOn?: string;
  evidence?: string | null;
}

interface ProjectSpec {
  ref: Ref;
  title: string;
  startOn?: string;
  workstream: 0 | 1;
  milestones: MilestoneSpec[];
}

/**
 * Records the fixture at a council: an earlier action plan (2006) with one
 * item never completed; the plan under test (adopted 1 March 2015) with two
 * workstreams and seven projects, one of which repeats the earlier item; a
 * re-baseline, a management action and commentary; a quarterly indicator
 * linked to the plan with a period of no data; a peer review with a
 * recommendation carried out by P02.
 */
export async function addImprovementFixture(
  tx: Tx,
  councilId: string,
  label = randomUUID().slice(0, 8),
): Promise<ImprovementFixture> {
  const at = { councilId, ...none };
  const earlierPlan = await insertRecord(
    tx,
    planEntity,
    {
      id: randomUUID(),
      ...at,
      title: `Earlier action plan ${label}`,
      kind: 'action_plan',
      adoptedOn: '2006-06-01',
      summary: null,
      source: null,
    },
    BY,
  );
  const earlierProject = await insertRecord(
    tx,
    projectEntity,
    {
      id: randomUUID(),
      ...at,
      planId: earlierPlan.id,
      workstreamId: null,
      ref: 'A1',
      title: `Audit every open case of child sexual exploitation ${label} by March 2007`,
      description: null,
      accountableOfficer: 'Director of Children’s Services',
      leadMemberPersonId: null,
      boardId: null,
      startOn: '2006-06-01',
      dueOn: '2007-03-31',
    },
    BY,
  );
  await insertRecord(
    tx,
    milestoneEntity,
    {
      id: randomUUID(),
      ...at,
      projectId: earlierProject.id,
      title: 'Audit done',
      dueOn: '2007-03-31',
      position: 1,
      completedOn: null,
      evidenceKind: null,
      evidence: null,
    },
    BY,
  );

  const planTitle = `Test improvement plan ${label}`;
  const plan = await insertRecord(
    tx,
    planEntity,
    {
      id: randomUUID(),
      ...at,
      title: planTitle,
      kind: 'improvement_plan',
      adoptedOn: '2015-03-01',
      summary: 'A plan for the tests.',
      source: 'Test source',
    },
    BY,
  );
  const workstreams: string[] = [];
  for (const [i, title] of ['Children’s services', 'Governance'].entries()) {
    const w = await insertRecord(
      tx,
      workstreamEntity,
      { id: randomUUID(), ...at, planId: plan.id, title: `${title} ${label}`, position: i + 1 },
      BY,
    );
    workstreams.push(w.id);
  }

  const specs: ProjectSpec[] = [
    {
      ref: 'P01',
      title: `Publish the safeguarding strategy ${label}`,
      workstream: 0,
      milestones: [
        { dueOn: '2015-06-30', completedOn: '2015-06-20' },
        { dueOn: '2015-09-30', completedOn: '2015-09-01' },
      ],
    },
    {
      ref: 'P02',
      title: `Recruit permanent social workers ${label}`,
      workstream: 0,
      milestones: [{ dueOn: '2015-12-31' }],
    },
    {
      ref: 'P03',
      title: `Replace the case management system ${label}`,
      workstream: 1,
      milestones: [{ dueOn: '2015-08-31' }],
    },
    {
      ref: 'P04',
      title: `Train every taxi driver in safeguarding ${label}`,
      workstream: 1,
      milestones: [{ dueOn: '2015-09-30' }],
    },
    {
      ref: 'P05',
      title: `Review every licensing decision ${label}`,
      workstream: 1,
      milestones: [{ dueOn: '2015-09-15' }],
    },
    {
      ref: 'P06',
      title: `Open the new family centre ${label}`,
      startOn: '2015-11-15',
      workstream: 0,
      milestones: [{ dueOn: '2016-03-31' }],
    },
    {
      ref: 'P07',
      title: `Audit every open case of child sexual exploitation ${label} by March 2016`,
      workstream: 0,
      milestones: [{ dueOn: '2015-09-01', completedOn: '2015-08-30', evidence: null }],
    },
  ];
  const projects = {} as Record<Ref, string>;
  const milestones = {} as Record<Ref, string>;
  for (const spec of specs) {
    const project = await insertRecord(
      tx,
      projectEntity,
      {
        id: randomUUID(),
        ...at,
        planId: plan.id,
        workstreamId: workstreams[spec.workstream] as string,
        ref: spec.ref,
        title: spec.title,
        description: spec.ref === 'P02' ? 'Reduce the reliance on agency staff.' : null,
        accountableOfficer: 'Strategic Director',
        leadMemberPersonId: null,
        boardId: null,
        startOn: spec.startOn ?? '2015-03-01',
        dueOn: '2016-03-31',
      },
      BY,
    );
    projects[spec.ref] = project.id;
    for (const [i, m] of spec.milestones.entries()) {
      const done = m.completedOn !== undefined;
      const evidence =
        m.evidence === undefined ? (done ? `Board minutes ${spec.ref}.${i + 1}` : null) : m.evidence;
      const row = await insertRecord(
        tx,
        milestoneEntity,
        {
          id: randomUUID(),
          ...at,
          projectId: project.id,
          title: `${spec.ref} milestone ${i + 1}`,
          dueOn: m.dueOn,
          position: i + 1,
          completedOn: m.completedOn ?? null,
          evidenceKind: evidence ? 'document' : null,
          evidence,
        },
        BY,
      );
      if (i === 0) milestones[spec.ref] = row.id;
    }
  }

  await insertRecord(
    tx,
    rebaselineEntity,
    {
      id: randomUUID(),
      ...at,
      projectId: projects.P03,
      milestoneId: milestones.P03,
      fromDate: '2015-08-31',
      toDate: '2016-01-31',
      reason: 'The supplier delivered late',
      approvedBy: 'Improvement Board',
      approvedOn: '2015-08-20',
    },
    BY,
  );
  await insertRecord(
    tx,
    managementActionEntity,
    {
      id: randomUUID(),
      ...at,
      projectId: projects.P04,
      milestoneId: milestones.P04,
      action: 'Run extra training sessions at weekends',
      owner: 'Licensing Manager',
      agreedOn: '2015-10-05',
      dueOn: '2015-11-30',
    },
    BY,
  );
  await insertRecord(
    tx,
    commentaryEntity,
    {
      id: randomUUID(),
      ...at,
      projectId: projects.P05,
      writtenOn: '2015-10-20',
      author: 'Lead Commissioner',
      body: 'The review has not started.',
    },
    BY,
  );
  const recycled = await insertRecord(
    tx,
    recycledItemEntity,
    {
      id: randomUUID(),
      ...at,
      projectId: projects.P07,
      earlierProjectId: earlierProject.id,
      similarity: 0.97,
      method: 'sorensen-dice-bigrams/v1',
      checkedOn: '2015-03-01',
    },
    BY,
  );

  const indicatorCode = `NEET-${label}`;
  const indicator = await insertRecord(
    tx,
    indicatorEntity,
    {
      id: randomUUID(),
      ...at,
      code: indicatorCode,
      name: `Young people whose activity is not known ${label}`,
      definition: 'The share of 16 to 18 year olds whose education, employment or training is not known.',
      method: 'Count of not-known young people over the cohort, at the end of the quarter.',
      source: 'Client caseload information system',
      unit: 'percent',
      polarity: 'lower_is_better',
      frequency: 'quarterly',
      firstPeriodStart: '2014-10-01',
      lastPeriodEnd: null,
      target: 10,
      tolerance: 2,
      benchmark: 12.1,
      benchmarkLabel: 'England average',
      planId: plan.id,
    },
    BY,
  );
  for (const [periodStart, value] of [
    ['2014-10-01', 26.5],
    ['2015-01-01', 15],
    ['2015-07-01', 5.2],
  ] as const)
    await insertRecord(
      tx,
      indicatorValueEntity,
      {
        id: randomUUID(),
        ...at,
        indicatorId: indicator.id,
        periodStart,
        value,
        commentary: `Commentary for ${periodStart}`,
        measure: `CCIS extract ${periodStart}`,
        recordedOn: '2015-10-10',
      },
      BY,
    );

  const review = await insertRecord(
    tx,
    peerReviewEntity,
    {
      id: randomUUID(),
      ...at,
      service: `Housing ${label}`,
      reviewedOn: '2015-09-14',
      reviewers: 'Local Government Association peer team',
      conclusion: 'good_enough',
      summary: 'An overall good enough service.',
      source: null,
    },
    BY,
  );
  for (const [text, projectId] of [
    ['Recruit a permanent workforce', projects.P02],
    ['Publish a tenancy strategy', null],
  ] as const)
    await insertRecord(
      tx,
      recommendationEntity,
      { id: randomUUID(), ...at, peerReviewId: review.id, text, projectId },
      BY,
    );

  return {
    planId: plan.id,
    planTitle,
    earlierPlanId: earlierPlan.id,
    projects,
    milestones,
    earlierProjectId: earlierProject.id,
    recycledId: recycled.id,
    indicatorId: indicator.id,
    indicatorCode,
    peerReviewId: review.id,
    workstreams: workstreams as [string, string],
  };
}
