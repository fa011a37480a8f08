import { randomUUID } from 'node:crypto';
import { getTableName } from 'drizzle-orm';
import type { BundleImprovement } from '#src/bundles/improvement-schema.ts';
import { IMPROVEMENT_TABLES } from '#src/bundles/improvement-tables.ts';
import type { Tx } from '#src/db/client.ts';
import { recycledItemEntity } from '#src/db/ledgered.ts';
import { lastEntry } from '#src/ledger/append.ts';
import type { Council, Person } from '#src/modules/councils/schema.ts';
import { addBoard, type Board, type ProjectInput } from '#src/modules/improvement/service.ts';
import { addCouncil, addPersonAt, countRows } from './fixtures.ts';

const BY = { actor: 'test' };

/** A council with a person to lead projects and a board chaired by them. */
export interface ImprovementCouncil {
  council: Council;
  leadMember: Person;
  board: Board;
}

/** Records a council, a lead member and an Improvement Board through the ledger. */
export async function addImprovementCouncil(tx: Tx): Promise<ImprovementCouncil> {
  const council = await addCouncil(tx, 'Improvington Council');
  const leadMember = await addPersonAt(tx, council.id, `Lead Member ${randomUUID()}`);
  const board = await addBoard(
    tx,
    council.id,
    { name: 'Improvement Board', chairPersonId: leadMember.id },
    BY,
  );
  return { council, leadMember, board };
}

/**
 * A project input: `ref` and `title` as given, running from 2015-04-01 to
 * 2016-03-31 with two milestones unless `changes` say otherwise.
 */
export function projectItem(ref: string, title: string, changes: Partial<ProjectInput> = {}): ProjectInput {
  return {
    ref,
    title,
    description: null,
    accountableOfficer: 'Strategic Director of Children’s Services',
    startOn: '2015-04-01',
    dueOn: '2016-03-31',
    milestones: [
      { title: 'Plan agreed', dueOn: '2015-06-30' },
      { title: 'Delivered', dueOn: '2016-03-31' },
    ],
    ...changes,
  };
}

/** The counts of every Improvement table and the ledger head: equal before and after a refused change. */
export async function improvementSnapshot(tx: Tx): Promise<Record<string, number | string>> {
  const counts: Record<string, number | string> = {};
  for (const table of [...IMPROVEMENT_TABLES.map((t) => t.entity.table), recycledItemEntity.table])
    counts[getTableName(table)] = await countRows(tx, getTableName(table));
  const head = await lastEntry(tx);
  return { ...counts, ledgerEntries: await countRows(tx, 'ledger_entries'), headHash: head.rootHash };
}

const standing = { withdrawnAt: null, withdrawnReason: null };

/** The ids of the records of an Improvement section that a test refers to. */
export interface ImprovementSectionIds {
  plan2006: string;
  plan2008: string;
  plan2015: string;
  copied: string;
  done2006: string;
  repeatedDone: string;
}

/**
 * A small, consistent Improvement section with new ids: a board; the 2006 and
 * 2008 CSE action plans, the 2008 one repeating (dates changed) an uncompleted
 * 2006 item and one the 2006 plan completed; an improvement plan of 2015 with a
 * workstream, a completed milestone, a re-baseline, a management action and
 * commentary; an indicator with two values; a peer review whose recommendation
 * became a project. It has a record in every list, and every nullable field is
 * both given and null somewhere.
 */
export function improvementSection(people: { chair: string; leadMember: string }): {
  section: BundleImprovement;
  ids: ImprovementSectionIds;
} {
  const id = () => randomUUID();
  const [board, plan2006, plan2008, plan2015, workstream] = [id(), id(), id(), id(), id()];
  const [audit2006, done2006, copied, repeatedDone, safeguarding, recommended] = [
    id(),
    id(),
    id(),
    id(),
    id(),
    id(),
  ];
  const [m1, m2, m3, m4, indicator, review] = [id(), id(), id(), id(), id(), id()];
  const project = (
    projectId: string,
    planId: string,
    ref: string,
    title: string,
    startOn: string,
    dueOn: string,
  ) => ({
    id: projectId,
    planId,
    workstreamId: null,
    ref,
    title,
    description: null,
    accountableOfficer: 'Director of Children’s Services',
    leadMemberPersonId: null,
    boardId: null,
    startOn,
    dueOn,
    ...standing,
  });
  const milestone = (
    milestoneId: string,
    projectId: string,
    title: string,
    dueOn: string,
    done: string | null,
  ) => ({
    id: milestoneId,
    projectId,
    title,
    dueOn,
    position: 1,
    completedOn: done,
    evidenceKind: done === null ? null : ('document' as const),
    evidence: done === null ? null : `Report to the Safeguarding Board, ${done}`,
    ...standing,
  });
  const section: BundleImprovement = {
    boards: [{ id: board, name: 'Improvement Board', chairPersonId: people.chair, ...standing }],
    plans: [
      {
        id: plan2006,
        title: 'CSE action plan 2006',
        kind: 'action_plan',
        adoptedOn: '2006-05-01',
        summary: null,
        source: null,
        ...standing,
      },
      {
        id: plan2008,
        title: 'CSE action plan 2008',
        kind: 'action_plan',
        adoptedOn: '2008-05-01',
        summary: 'Almost identical to the 2006 plan with the dates changed',
        source: 'Seed 003',
        ...standing,
      },
      {
        id: plan2015,
        title: 'Fresh Start Improvement Plan',
        kind: 'improvement_plan',
        adoptedOn: '2015-05-19',
        summary: null,
        source: 'Seed 001',
        ...standing,
      },
    ],
    workstreams: [
      { id: workstream, planId: plan2015, title: 'Children’s services', position: 1, ...standing },
    ],
    projects: [
      project(
        audit2006,
        plan2006,
        'A1',
        'Audit all child sexual exploitation case files by March 2007',
        '2006-05-01',
        '2007-03-31',
      ),
      project(
        done2006,
        plan2006,
        'A2',
        'Appoint a dedicated CSE co-ordinator for the multi-agency team',
        '2006-05-01',
        '2006-12-31',
      ),
      project(
        copied,
        plan2008,
        'A1',
        'Audit all child sexual exploitation case files by March 2009',
        '2008-05-01',
        '2009-03-31',
      ),
      project(
        repeatedDone,
        plan2008,
        'A2',
        'Appoint a dedicated CSE co-ordinator for the multi-agency team',
        '2008-05-01',
        '2008-12-31',
      ),
      {
        ...project(
          safeguarding,
          plan2015,
          'P001',
          'Rebuild the multi-agency CSE team',
          '2015-06-01',
          '2016-03-31',
        ),
        workstreamId: workstream,
        description: 'One team, in one building, with one case management system',
        leadMemberPersonId: people.leadMember,
        boardId: board,
      },
      project(
        recommended,
        plan2015,
        'P002',
        'Publish the licensing policy review',
        '2015-07-01',
        '2015-12-31',
      ),
    ],
    milestones: [
      milestone(m1, audit2006, 'Case files audited', '2007-03-31', null),
      milestone(m2, done2006, 'Co-ordinator in post', '2006-12-31', '2006-11-20'),
      milestone(m3, safeguarding, 'Team co-located', '2015-09-30', null),
      { ...milestone(m4, safeguarding, 'Case system live', '2015-12-31', '2015-12-15'), position: 2 },
    ],
    rebaselines: [
      {
        id: id(),
        projectId: safeguarding,
        milestoneId: m3,
        fromDate: '2015-09-30',
        toDate: '2015-11-30',
        reason: 'The building lease was signed late',
        approvedBy: 'Improvement Board',
        approvedOn: '2015-09-15',
        ...standing,
      },
      {
        id: id(),
        projectId: safeguarding,
        milestoneId: null,
        fromDate: '2016-03-31',
        toDate: '2016-06-30',
        reason: 'Follows the move of the team',
        approvedBy: 'Lead Commissioner',
        approvedOn: '2015-09-15',
        ...standing,
      },
    ],
    managementActions: [
      {
        id: id(),
        projectId: safeguarding,
        milestoneId: m3,
        action: 'Temporary co-location in the civic offices',
        owner: 'Head of Safeguarding',
        agreedOn: '2015-10-01',
        dueOn: '2015-11-30',
        ...standing,
      },
      {
        id: id(),
        projectId: recommended,
        milestoneId: null,
        action: 'Draft brought forward',
        owner: 'Licensing Manager',
        agreedOn: '2015-10-01',
        dueOn: '2015-10-31',
        ...standing,
      },
    ],
    commentary: [
      {
        id: id(),
        projectId: safeguarding,
        writtenOn: '2015-10-31',
        author: 'Lead Commissioner',
        body: 'The team moves in November',
        ...standing,
      },
    ],
    indicators: [
      {
        id: indicator,
        code: 'NEET-NK',
        name: 'Young people whose activity is not known',
        definition: '16–18 year olds whose education, employment or training is not known',
        method: 'Share of the cohort tracked with no known activity',
        source: 'Client caseload information system',
        unit: 'percent',
        polarity: 'lower_is_better',
        frequency: 'quarterly',
        firstPeriodStart: '2015-04-01',
        lastPeriodEnd: null,
        target: 6,
        tolerance: 2,
        benchmark: 9.2,
        benchmarkLabel: 'England average',
        planId: plan2015,
        ...standing,
      },
    ],
    indicatorValues: [
      {
        id: id(),
        indicatorId: indicator,
        periodStart: '2015-04-01',
        value: 26.5,
        commentary: 'Tracking had lapsed',
        measure: 'CCIS extract, July 2015',
        recordedOn: '2015-07-10',
        ...standing,
      },
      {
        id: id(),
        indicatorId: indicator,
        periodStart: '2015-07-01',
        value: 5.2,
        commentary: 'Every young person followed up',
        measure: 'CCIS extract, October 2015',
        recordedOn: '2015-10-09',
        ...standing,
      },
    ],
    peerReviews: [
      {
        id: review,
        service: 'Licensing',
        reviewedOn: '2015-06-15',
        reviewers: 'LGA peer team',
        conclusion: 'improvement_needed',
        summary: 'The policy is out of date',
        source: null,
        ...standing,
      },
    ],
    recommendations: [
      {
        id: id(),
        peerReviewId: review,
        text: 'Review the licensing policy',
        projectId: recommended,
        ...standing,
      },
      {
        id: id(),
        peerReviewId: review,
        text: 'Train the committee',
        projectId: null,
        withdrawnAt: '2015-07-01T09:00:00.000Z',
        withdrawnReason: 'Recorded twice',
      },
    ],
  };
  return { section, ids: { plan2006, plan2008, plan2015, copied, done2006, repeatedDone } };
}
