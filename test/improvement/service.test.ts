import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { and, eq, sql } from 'drizzle-orm';
import { queryRows } from '#src/db/client.ts';
import { LEDGERED_TABLES, planEntity } from '#src/db/ledgered.ts';
import { withdrawRecord } from '#src/ledger/records.ts';
import { verifyLedger } from '#src/ledger/verify.ts';
import { RECYCLED_METHOD } from '#src/modules/improvement/rules/recycled.ts';
import { milestones, projects, rebaselines } from '#src/modules/improvement/schema.ts';
import {
  actOnRecommendation,
  addCommentary,
  addIndicator,
  addPeerReview,
  addPlan,
  addProject,
  completeMilestone,
  ImprovementRuleError,
  type IndicatorInput,
  type PlanInput,
  rebaseline,
  recordIndicatorValue,
  recordManagementAction,
} from '#src/modules/improvement/service.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import {
  addImprovementCouncil,
  type ImprovementCouncil,
  improvementSnapshot,
  projectItem,
} from '../support/improvement.ts';

const BY = { actor: 'test' };
const TODAY = '2015-10-31';
let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());

const db = () => database.db;

/** Expects the change to be refused at `field` with a message matching `pattern`, writing nothing at all. */
async function assertRefused(change: () => Promise<unknown>, field: string, pattern: RegExp): Promise<void> {
  const before = await improvementSnapshot(db());
  await assert.rejects(change, (error: unknown) => {
    assert.ok(error instanceof ImprovementRuleError, `refused by a rule, not ${String(error)}`);
    const problem = error.problems.find((p) => p.field === field);
    assert.ok(problem, `a problem at ${field} among ${JSON.stringify(error.problems)}`);
    assert.match(problem.message, pattern);
    return true;
  });
  assert.deepEqual(
    await improvementSnapshot(db()),
    before,
    'nothing was written, to the ledger or any table',
  );
}

const council = () => db().transaction((tx) => addImprovementCouncil(tx));

/** A council with the 2015 plan of one project (two milestones); the project and its milestones. */
async function withPlan(c?: ImprovementCouncil) {
  const at = c ?? (await council());
  const { plan, projects: added } = await db().transaction((tx) =>
    addPlan(
      tx,
      at.council.id,
      {
        title: 'Fresh Start Improvement Plan',
        kind: 'improvement_plan',
        adoptedOn: '2015-05-19',
        items: [projectItem('P001', 'Rebuild the multi-agency CSE team', { boardId: at.board.id })],
      },
      BY,
    ),
  );
  const project = added[0];
  assert.ok(project);
  const ms = await db()
    .select()
    .from(milestones)
    .where(eq(milestones.projectId, project.id))
    .orderBy(milestones.position);
  return { c: at, plan, project, first: ms[0] as (typeof ms)[number], second: ms[1] as (typeof ms)[number] };
}

const evidence = {
  evidenceKind: 'document' as const,
  evidence: 'Report to the Improvement Board, 30 June 2015',
};

describe('completing a milestone', () => {
  test('a completion without evidence is refused and nothing is written', async () => {
    const { c, first } = await withPlan();
    await assertRefused(
      () =>
        db().transaction((tx) =>
          completeMilestone(
            tx,
            c.council.id,
            first.id,
            { completedOn: '2015-06-30', evidenceKind: null, evidence: null },
            BY,
            TODAY,
          ),
        ),
      'evidence',
      /evidence/,
    );
    const [row] = await db().select().from(milestones).where(eq(milestones.id, first.id));
    assert.equal(row?.completedOn, null);
  });

  test('a completion with evidence is recorded once; a second completion of the milestone is refused', async () => {
    const { c, first } = await withPlan();
    const done = await db().transaction((tx) =>
      completeMilestone(tx, c.council.id, first.id, { completedOn: '2015-06-30', ...evidence }, BY, TODAY),
    );
    assert.equal(done.completedOn, '2015-06-30');
    assert.equal(done.evidenceKind, 'document');
    await assertRefused(
      () =>
        db().transaction((tx) =>
          completeMilestone(
            tx,
            c.council.id,
            first.id,
            { completedOn: '2015-07-01', ...evidence },
            BY,
            TODAY,
          ),
        ),
      'completedOn',
      /already completed on 30 June 2015/,
    );
  });
});

describe('re-baselining', () => {
  test('moving a date without a reason is refused and nothing is written', async () => {
    const { c, project, first } = await withPlan();
    await assertRefused(
      () =>
        db().transaction((tx) =>
          rebaseline(
            tx,
            c.council.id,
            {
              projectId: project.id,
              milestoneId: first.id,
              toDate: '2015-08-31',
              reason: '  ',
              approvedBy: 'Improvement Board',
              approvedOn: '2015-06-15',
            },
            BY,
            TODAY,
          ),
        ),
      'reason',
      /reason/,
    );
  });

  test('a re-baseline keeps the earlier date, and moves from the date in force', async () => {
    const { c, project, first } = await withPlan();
    const move = (toDate: string, approvedOn: string) =>
      db().transaction((tx) =>
        rebaseline(
          tx,
          c.council.id,
          {
            projectId: project.id,
            milestoneId: first.id,
            toDate,
            reason: 'The building lease was signed late',
            approvedBy: 'Improvement Board',
            approvedOn,
          },
          BY,
          TODAY,
        ),
      );
    const once = await move('2015-08-31', '2015-06-15');
    const twice = await move('2015-10-31', '2015-08-20');
    assert.deepEqual([once.fromDate, once.toDate], ['2015-06-30', '2015-08-31']);
    assert.deepEqual([twice.fromDate, twice.toDate], ['2015-08-31', '2015-10-31']);
    const [row] = await db().select().from(milestones).where(eq(milestones.id, first.id));
    assert.equal(row?.dueOn, '2015-06-30', 'the milestone keeps its baseline');
    const all = await db().select().from(rebaselines).where(eq(rebaselines.projectId, project.id));
    assert.equal(all.length, 2, 'every earlier date stays visible');
  });

  test('a re-baseline approved before the latest one is refused', async () => {
    const { c, project } = await withPlan();
    const move = (toDate: string, approvedOn: string) =>
      db().transaction((tx) =>
        rebaseline(
          tx,
          c.council.id,
          {
            projectId: project.id,
            milestoneId: null,
            toDate,
            reason: 'Funding agreed late',
            approvedBy: 'Lead Commissioner',
            approvedOn,
          },
          BY,
          TODAY,
        ),
      );
    const moved = await move('2016-06-30', '2015-09-01');
    assert.equal(moved.fromDate, '2016-03-31', 'the project’s own due date');
    await assertRefused(() => move('2016-09-30', '2015-08-01'), 'approvedOn', /1 September 2015/);
  });
});

describe('management actions and commentary', () => {
  test('an action needs an owner; with one it is recorded against the milestone', async () => {
    const { c, project, first } = await withPlan();
    const input = {
      projectId: project.id,
      milestoneId: first.id,
      action: 'Temporary co-location in the civic offices',
      owner: '',
      agreedOn: '2015-07-15',
      dueOn: '2015-08-31',
    };
    await assertRefused(
      () => db().transaction((tx) => recordManagementAction(tx, c.council.id, input, BY, TODAY)),
      'owner',
      /owner/,
    );
    const action = await db().transaction((tx) =>
      recordManagementAction(tx, c.council.id, { ...input, owner: 'Head of Safeguarding' }, BY, TODAY),
    );
    assert.equal(action.milestoneId, first.id);
  });

  test('an action on a milestone of another project is refused', async () => {
    const { c, plan, first } = await withPlan();
    const other = await db().transaction((tx) =>
      addProject(tx, c.council.id, plan.id, projectItem('P002', 'Publish the licensing policy'), BY),
    );
    await assertRefused(
      () =>
        db().transaction((tx) =>
          recordManagementAction(
            tx,
            c.council.id,
            {
              projectId: other.project.id,
              milestoneId: first.id,
              action: 'Bring the draft forward',
              owner: 'Licensing Manager',
              agreedOn: '2015-07-15',
              dueOn: '2015-08-31',
            },
            BY,
            TODAY,
          ),
        ),
      'milestoneId',
      /milestone of this project/,
    );
  });

  test('commentary is recorded, and needs a body', async () => {
    const { c, project } = await withPlan();
    const note = { projectId: project.id, writtenOn: '2015-10-31', author: 'Lead Commissioner', body: '' };
    await assertRefused(
      () => db().transaction((tx) => addCommentary(tx, c.council.id, note, BY)),
      'body',
      /commentary/,
    );
    const written = await db().transaction((tx) =>
      addCommentary(tx, c.council.id, { ...note, body: 'The team moves in November' }, BY),
    );
    assert.equal(written.body, 'The team moves in November');
  });
});

const NEET: IndicatorInput = {
  code: 'NEET-NK',
  name: 'Young people whose activity is not known',
  definition: '16–18 year olds whose education, employment or training is not known',
  method: 'Share of the cohort tracked with no known activity',
  source: 'Client caseload information system',
  unit: 'percent',
  polarity: 'lower_is_better',
  frequency: 'quarterly',
  firstPeriodStart: '2015-04-01',
  target: 6,
  tolerance: 2,
  benchmark: 9.2,
  benchmarkLabel: 'England average',
};

describe('indicator values', () => {
  async function withIndicator() {
    const c = await council();
    const indicator = await db().transaction((tx) => addIndicator(tx, c.council.id, NEET, BY));
    const value = {
      indicatorId: indicator.id,
      periodStart: '2015-04-01',
      value: 26.5,
      commentary: 'Tracking had lapsed',
      measure: 'CCIS extract, July 2015',
      recordedOn: '2015-07-10',
    };
    return { c, indicator, value };
  }

  test('a value without a commentary or the measure it came from is refused, naming both', async () => {
    const { c, value } = await withIndicator();
    const record = (changes: object) =>
      db().transaction((tx) => recordIndicatorValue(tx, c.council.id, { ...value, ...changes }, BY));
    await assertRefused(() => record({ commentary: ' ' }), 'commentary', /commentary/);
    await assertRefused(() => record({ measure: '' }), 'measure', /measure/);
  });

  test('a value that is not a number, or out of range for its unit, is refused', async () => {
    const { c, value } = await withIndicator();
    const record = (v: number) =>
      db().transaction((tx) => recordIndicatorValue(tx, c.council.id, { ...value, value: v }, BY));
    await assertRefused(() => record(Number('twenty')), 'value', /as a number/);
    await assertRefused(() => record(Number.POSITIVE_INFINITY), 'value', /as a number/);
    await assertRefused(() => record(126.5), 'value', /percentage from 0 to 100/);
  });

  test('a second value for a period is a correction: it needs a reason, and the ledger keeps the earlier value', async () => {
    const { c, value } = await withIndicator();
    const first = await db().transaction((tx) => recordIndicatorValue(tx, c.council.id, value, BY));
    const corrected = { ...value, value: 24.1, commentary: 'Cohort recounted', recordedOn: '2015-07-20' };
    await assertRefused(
      () => db().transaction((tx) => recordIndicatorValue(tx, c.council.id, corrected, BY)),
      'correctionReason',
      /26\.5 is already recorded/,
    );
    const row = await db().transaction((tx) =>
      recordIndicatorValue(
        tx,
        c.council.id,
        { ...corrected, correctionReason: 'The cohort included leavers' },
        BY,
      ),
    );
    assert.equal(row.id, first.id, 'one value per period');
    assert.equal(row.value, 24.1);
    const entries = await queryRows<{ body: string }>(
      db(),
      sql`SELECT body FROM ledger_entries WHERE entity_type = 'indicator_value' AND entity_id = ${first.id} ORDER BY seq`,
    );
    const bodies = entries.map((e) => JSON.parse(e.body));
    assert.deepEqual(
      bodies.map((b) => [b.action, b.before?.value ?? null, b.after.value, b.reason]),
      [
        ['create', null, 26.5, null],
        ['correct', 26.5, 24.1, 'The cohort included leavers'],
      ],
    );
    assert.deepEqual((await verifyLedger(db(), { tables: LEDGERED_TABLES })).problems, []);
  });

  test('a value for a day that does not start one of the indicator’s periods is refused', async () => {
    const { c, value } = await withIndicator();
    await assertRefused(
      () =>
        db().transaction((tx) =>
          recordIndicatorValue(tx, c.council.id, { ...value, periodStart: '2015-05-01' }, BY),
        ),
      'periodStart',
      /quarterly periods/,
    );
  });

  test('a second indicator with the same code is refused', async () => {
    const { c } = await withIndicator();
    await assertRefused(
      () => db().transaction((tx) => addIndicator(tx, c.council.id, NEET, BY)),
      'code',
      /already has an indicator NEET-NK/,
    );
  });
});

describe('the recycled-plan check', () => {
  const plan2006: PlanInput = {
    title: 'CSE action plan 2006',
    kind: 'action_plan',
    adoptedOn: '2006-05-01',
    items: [
      projectItem('A1', 'Audit all child sexual exploitation case files by March 2007', {
        startOn: '2006-05-01',
        dueOn: '2007-03-31',
        milestones: [{ title: 'Case files audited', dueOn: '2007-03-31' }],
      }),
      projectItem('A2', 'Appoint a dedicated CSE co-ordinator for the multi-agency team', {
        startOn: '2006-05-01',
        dueOn: '2006-12-31',
        milestones: [{ title: 'Co-ordinator in post', dueOn: '2006-12-31' }],
      }),
      projectItem('A3', 'Train every taxi driver in recognising exploitation', {
        startOn: '2006-05-01',
        dueOn: '2007-03-31',
        milestones: [],
      }),
    ],
  };
  const plan2008 = (adoptedOn = '2008-05-01'): PlanInput => ({
    title: 'CSE action plan 2008',
    kind: 'action_plan',
    adoptedOn,
    items: [
      projectItem('A1', 'Audit all child sexual exploitation case files by March 2009.', {
        startOn: '2008-05-01',
        dueOn: '2009-03-31',
      }),
      projectItem('A2', 'Appoint a dedicated CSE co-ordinator for the multi-agency team', {
        startOn: '2008-05-01',
        dueOn: '2008-12-31',
      }),
      projectItem('A3', 'Publish a new licensing policy for hackney carriages', {
        startOn: '2008-05-01',
        dueOn: '2009-03-31',
      }),
    ],
  });

  test('flags an item copied, dates changed, from an uncompleted earlier item, and not one whose earlier item was completed', async () => {
    const c = await council();
    const first = await db().transaction((tx) => addPlan(tx, c.council.id, plan2006, BY));
    assert.deepEqual(first.recycled, [], 'nothing earlier to repeat');
    const [audit, appoint] = first.projects;
    assert.ok(audit && appoint);
    const [inPost] = await db().select().from(milestones).where(eq(milestones.projectId, appoint.id));
    assert.ok(inPost);
    await db().transaction((tx) =>
      completeMilestone(
        tx,
        c.council.id,
        inPost.id,
        { completedOn: '2006-11-20', ...evidence },
        BY,
        '2007-01-01',
      ),
    );
    const second = await db().transaction((tx) => addPlan(tx, c.council.id, plan2008(), BY));
    const copied = second.projects[0];
    assert.ok(copied);
    assert.equal(second.recycled.length, 1, JSON.stringify(second.recycled));
    const [flag] = second.recycled;
    assert.equal(flag?.projectId, copied.id);
    assert.equal(flag?.earlierProjectId, audit.id);
    assert.equal(flag?.checkedOn, '2008-05-01');
    assert.equal(flag?.method, RECYCLED_METHOD);
    assert.ok((flag?.similarity ?? 0) > 0.95, `similarity ${flag?.similarity}`);
  });

  test('an earlier item completed only after the new plan was adopted still counts as not completed', async () => {
    const c = await council();
    const first = await db().transaction((tx) => addPlan(tx, c.council.id, plan2006, BY));
    const appoint = first.projects[1];
    assert.ok(appoint);
    const [inPost] = await db().select().from(milestones).where(eq(milestones.projectId, appoint.id));
    assert.ok(inPost);
    await db().transaction((tx) =>
      completeMilestone(
        tx,
        c.council.id,
        inPost.id,
        { completedOn: '2008-06-01', ...evidence },
        BY,
        '2008-07-01',
      ),
    );
    const second = await db().transaction((tx) => addPlan(tx, c.council.id, plan2008(), BY));
    assert.deepEqual(
      second.recycled.map((r) => r.earlierProjectId).sort(),
      [first.projects[0]?.id, appoint.id].sort(),
    );
  });

  test('a project added to a plan later is checked against the plans adopted before it', async () => {
    const c = await council();
    await db().transaction((tx) => addPlan(tx, c.council.id, plan2006, BY));
    const later = await db().transaction((tx) => addPlan(tx, c.council.id, { ...plan2008(), items: [] }, BY));
    const added = await db().transaction((tx) =>
      addProject(
        tx,
        c.council.id,
        later.plan.id,
        projectItem('A9', 'Train every taxi driver in recognising exploitation', {
          startOn: '2008-05-01',
          dueOn: '2009-03-31',
        }),
        BY,
      ),
    );
    assert.equal(added.recycled.length, 1);
    assert.equal(added.recycled[0]?.projectId, added.project.id);
  });

  test('plans of another council are not compared', async () => {
    const c = await council();
    const other = await council();
    await db().transaction((tx) => addPlan(tx, other.council.id, plan2006, BY));
    const second = await db().transaction((tx) => addPlan(tx, c.council.id, plan2008(), BY));
    assert.deepEqual(second.recycled, []);
  });

  test('a plan whose items repeat a reference, or lack an accountable officer, is refused whole', async () => {
    const c = await council();
    const items = [projectItem('A1', 'One'), projectItem('A1', 'Two', { accountableOfficer: ' ' })];
    await assertRefused(
      () => db().transaction((tx) => addPlan(tx, c.council.id, { ...plan2008(), items }, BY)),
      'items[1].ref',
      /already has an item A1/,
    );
    await assertRefused(
      () => db().transaction((tx) => addPlan(tx, c.council.id, { ...plan2008(), items }, BY)),
      'items[1].accountableOfficer',
      /accountable officer/,
    );
  });
});

describe('peer reviews', () => {
  test('a recommendation acted on becomes a project on the plan, once', async () => {
    const { c, plan } = await withPlan();
    const { recommendations } = await db().transaction((tx) =>
      addPeerReview(
        tx,
        c.council.id,
        {
          service: 'Licensing',
          reviewedOn: '2015-06-15',
          reviewers: 'LGA peer team',
          conclusion: 'improvement_needed',
          summary: 'The policy is out of date',
          recommendations: ['Review the licensing policy'],
        },
        BY,
      ),
    );
    const recommendation = recommendations[0];
    assert.ok(recommendation);
    const act = () =>
      db().transaction((tx) =>
        actOnRecommendation(
          tx,
          c.council.id,
          recommendation.id,
          { planId: plan.id, item: projectItem('P010', 'Review the licensing policy') },
          BY,
        ),
      );
    const acted = await act();
    assert.equal(acted.recommendation.projectId, acted.project.id);
    assert.equal(acted.project.planId, plan.id);
    await assertRefused(act, 'recommendationId', /already carried out/);
  });
});

describe('references across councils', () => {
  test('a record of another council is refused wherever it is named, and nothing is written', async () => {
    const ours = await withPlan();
    const theirs = await withPlan();
    const id = ours.c.council.id;
    const cases: [string, () => Promise<unknown>, string][] = [
      ['a plan', () => addProjectTo(id, theirs.plan.id, projectItem('P002', 'Borrowed')), 'planId'],
      [
        'a board',
        () => addProjectTo(id, ours.plan.id, projectItem('P002', 'Borrowed', { boardId: theirs.c.board.id })),
        'boardId',
      ],
      [
        'a lead member',
        () =>
          addProjectTo(
            id,
            ours.plan.id,
            projectItem('P002', 'Borrowed', { leadMemberPersonId: theirs.c.leadMember.id }),
          ),
        'leadMemberPersonId',
      ],
      [
        'a milestone',
        () =>
          db().transaction((tx) =>
            completeMilestone(tx, id, theirs.first.id, { completedOn: '2015-06-30', ...evidence }, BY, TODAY),
          ),
        'milestoneId',
      ],
      [
        'a project',
        () =>
          db().transaction((tx) =>
            addCommentary(
              tx,
              id,
              { projectId: theirs.project.id, writtenOn: '2015-10-31', author: 'A', body: 'B' },
              BY,
            ),
          ),
        'projectId',
      ],
    ];
    for (const [, change, field] of cases) await assertRefused(change, field, /this council/);
  });

  test('a withdrawn plan cannot take a new project', async () => {
    const { c, plan } = await withPlan();
    await db().transaction((tx) =>
      withdrawRecord(tx, planEntity, plan.id, { actor: 'test', reason: 'Superseded' }),
    );
    await assertRefused(
      () => addProjectTo(c.council.id, plan.id, projectItem('P002', 'Too late')),
      'planId',
      /no such plan/,
    );
    const left = await db()
      .select()
      .from(projects)
      .where(and(eq(projects.planId, plan.id), eq(projects.ref, 'P002')));
    assert.deepEqual(left, []);
  });
});

function addProjectTo(councilId: string, planId: string, item: ReturnType<typeof projectItem>) {
  return db().transaction((tx) => addProject(tx, councilId, planId, item, BY));
}
