import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows } from '#src/db/client.ts';
import { planRows } from '#src/modules/improvement/present.ts';
import {
  milestoneTitles,
  readPlan,
  readPlanRecords,
  readPlanSummary,
  readPlanSummaryRecords,
  type SummaryProject,
} from '#src/modules/improvement/record.ts';
import { doneDate } from '#src/modules/improvement/rules/status.ts';
import { boardSummary } from '#src/modules/improvement/rules/summary.ts';
import { addPlan } from '#src/modules/improvement/service.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { addImprovementCouncil, projectItem } from '../support/improvement.ts';

/*
 * The board summary's reader (readPlanSummaryRecords) reads less than readPlan:
 * milestones without their titles, evidence reduced to the day a milestone was
 * done. Whatever is recorded, what is derived from it must be what is derived
 * from the plan read in full. Here the records are written straight into the
 * tables, as no form would write them, to try every corner: evidence blank in
 * ways only some characters are, milestones stored out of plan order, withdrawn
 * records, re-baselines and actions for milestones and for whole projects.
 */

let database: TestDatabase;
before(async () => {
  database = await createTestDatabase();
});
after(() => database.close());
const db = () => database.db;

/** Evidence that is blank to the rule (JavaScript's trim leaves nothing), and evidence that is not. */
const BLANK = ['', ' ', '   ', '\t\n', '\u00a0', '\u3000\u2003', '\ufeff \u2028', '\u205f\u202f\u1680'];
const NOT_BLANK = ['Report', '  Report', '“Quoted” minutes', '\u00a0x', 'é', '漢字', '\u200b', 'x ', '🙂'];

const DATES = [
  '2015-03-31',
  '2015-06-30',
  '2015-07-01',
  '2015-09-30',
  '2015-10-31',
  '2016-01-15',
  '2016-06-30',
];

async function tangledPlan() {
  const { council } = await db().transaction((tx) => addImprovementCouncil(tx));
  const many = Array.from({ length: BLANK.length + NOT_BLANK.length }, (_, i) => ({
    title: `Milestone ${i + 1}`,
    dueOn: `2015-${String((i % 12) + 1).padStart(2, '0')}-15`,
  }));
  const { plan, projects } = await db().transaction((tx) =>
    addPlan(
      tx,
      council.id,
      {
        title: 'Tangled plan',
        kind: 'improvement_plan',
        adoptedOn: '2015-05-19',
        items: [
          projectItem('P10', 'Evidence of every kind', { milestones: many }),
          projectItem('P2', 'No milestones', { milestones: [], dueOn: '2015-09-30' }),
          projectItem('P1', 'Moved and acted on'),
          projectItem('p1', 'Not started', { startOn: '2016-01-01', dueOn: '2016-12-31' }),
        ],
      },
      { actor: 'test' },
    ),
  );
  const [evidenced, bare, moved] = projects as [
    (typeof projects)[0],
    (typeof projects)[0],
    (typeof projects)[0],
  ];
  const ids = async (projectId: string) =>
    (
      await queryRows<{ id: string }>(
        db(),
        sql`select id from milestones where project_id = ${projectId} order by position`,
      )
    ).map((r) => r.id);
  const evidencedIds = await ids(evidenced.id);
  const texts = [...BLANK, ...NOT_BLANK];
  for (const [i, id] of evidencedIds.entries()) {
    const kind = i === 3 ? null : 'document'; // one with evidence but no kind of it
    const completedOn = i === 5 ? null : `2015-${String((i % 12) + 1).padStart(2, '0')}-2${i % 10}`;
    await db().execute(
      sql`update milestones set completed_on = ${completedOn}, evidence_kind = ${kind}, evidence = ${texts[i] ?? null}
        where id = ${id}`,
    );
  }
  // Plan order reversed from the order the rows were written in.
  await db().execute(
    sql`update milestones set position = 1000 - position where project_id = ${evidenced.id}`,
  );
  const [first, second] = await ids(moved.id);
  const row = (table: string, values: Record<string, string | null>) => {
    const cols = Object.keys(values);
    return db().execute(
      sql`insert into ${sql.raw(table)} (id, council_id, ${sql.raw(cols.join(', '))}) values (${randomUUID()}, ${council.id}, ${sql.join(
        cols.map((c) => sql`${values[c]}`),
        sql`, `,
      )})`,
    );
  };
  const move = (
    projectId: string,
    milestoneId: string | null,
    fromDate: string,
    toDate: string,
    approvedOn: string,
  ) =>
    row('rebaselines', {
      project_id: projectId,
      milestone_id: milestoneId,
      from_date: fromDate,
      to_date: toDate,
      reason: 'The post was vacant',
      approved_by: 'Programme Board',
      approved_on: approvedOn,
    });
  const act = (projectId: string, milestoneId: string | null, agreedOn: string, dueOn: string) =>
    row('management_actions', {
      project_id: projectId,
      milestone_id: milestoneId,
      action: 'Interim manager',
      owner: 'Director',
      agreed_on: agreedOn,
      due_on: dueOn,
    });
  await move(moved.id, first as string, '2015-06-30', '2015-08-31', '2015-06-01');
  await move(moved.id, first as string, '2015-08-31', '2015-11-30', '2015-08-01');
  await move(moved.id, first as string, '2015-06-30', '2015-07-15', '2015-08-01'); // the same day: the later listed
  await move(moved.id, null, '2016-03-31', '2016-06-30', '2015-10-01');
  await move(bare.id, null, '2015-09-30', '2015-10-15', '2015-09-01');
  await act(moved.id, second as string, '2015-07-01', '2016-05-01');
  await act(moved.id, null, '2015-10-01', '2015-12-31');
  await act(bare.id, null, '2015-10-20', '2015-11-30');
  await act(bare.id, second as string, '2015-10-01', '2015-12-31'); // another project's milestone
  // Withdrawn records are not read.
  await db().execute(sql`update milestones set withdrawn_at = now() where id = ${second}`);
  await move(moved.id, first as string, '2015-11-30', '2014-01-01', '2015-09-01');
  await db().execute(
    sql`update rebaselines set withdrawn_at = now() where to_date = '2014-01-01' and project_id = ${moved.id}`,
  );
  return { council, plan, evidencedIds };
}

describe('the board summary’s reader', () => {
  test('derives what the full reader derives, on every date, however the records are tangled', async () => {
    const { council, plan } = await tangledPlan();
    const full = await db().transaction((tx) => readPlanRecords(tx, council.id, plan.id));
    const lean = await db().transaction((tx) => readPlanSummaryRecords(tx, council.id, plan.id));
    assert.ok(full && lean);
    assert.deepEqual(lean.plan, full.plan);
    assert.deepEqual(lean.workstreams, full.workstreams);
    assert.deepEqual(
      lean.projects.map((p) => p.ref),
      full.projects.map((p) => p.ref),
    );
    for (const [i, p] of full.projects.entries()) {
      const q: SummaryProject | undefined = lean.projects[i];
      assert.deepEqual(
        q?.milestones.map((m) => [m.id, m.dueOn, m.doneOn]),
        p.milestones.map((m) => [m.id, m.dueOn, doneDate(m)]),
        `milestones of ${p.ref}, in plan order, done as the rule says`,
      );
      assert.deepEqual(q?.rebaselines, p.rebaselines);
      assert.deepEqual(
        q?.actions,
        p.actions.map(({ id, milestoneId, agreedOn, dueOn }) => ({ id, milestoneId, agreedOn, dueOn })),
      );
    }
    for (const on of DATES) {
      const period = { from: '2015-01-01', to: on };
      assert.deepEqual(boardSummary(lean.projects, on, period), boardSummary(full.projects, on, period), on);
      assert.deepEqual(planRows(lean, on), planRows(full, on), on);
    }
    const summary = boardSummary(lean.projects, '2015-10-31', { from: '2015-01-01', to: '2015-10-31' });
    assert.ok(summary.offTrack.length > 0 && summary.slipped.length > 0, 'the case has something to list');
  });

  test('reads the evidence of every kind as the rule does: blank is not done', async () => {
    const { council, plan, evidencedIds } = await tangledPlan();
    const lean = await db().transaction((tx) => readPlanSummaryRecords(tx, council.id, plan.id));
    const doneOf = new Map(lean?.projects.flatMap((p) => p.milestones.map((m) => [m.id, m.doneOn] as const)));
    const done = evidencedIds.map((id) => doneOf.get(id) !== null);
    const expected = [...BLANK, ...NOT_BLANK].map((_, i) => i >= BLANK.length && i !== 3 && i !== 5);
    assert.deepEqual(done, expected);
  });

  test('is kept while nothing changes, and gives nothing for a plan not of the council', async () => {
    const { council, plan } = await tangledPlan();
    const first = await db().transaction((tx) => readPlanSummary(tx, council.id, plan.id));
    const again = await db().transaction((tx) => readPlanSummary(tx, council.id, plan.id));
    assert.equal(again, first);
    assert.notEqual(await db().transaction((tx) => readPlan(tx, council.id, plan.id)), undefined);
    const other = await db().transaction((tx) => addImprovementCouncil(tx));
    assert.equal(
      await db().transaction((tx) => readPlanSummaryRecords(tx, other.council.id, plan.id)),
      undefined,
    );
    assert.equal(
      await db().transaction((tx) => readPlanSummaryRecords(tx, council.id, 'not-a-plan')),
      undefined,
    );
  });

  test('gives the titles of standing milestones of the council only', async () => {
    const { council, plan } = await tangledPlan();
    const full = await db().transaction((tx) => readPlanRecords(tx, council.id, plan.id));
    const standing = full?.projects.flatMap((p) => p.milestones) ?? [];
    const withdrawn = (
      await queryRows<{ id: string }>(
        db(),
        sql`select id from milestones where withdrawn_at is not null and council_id = ${council.id}`,
      )
    ).map((r) => r.id);
    const other = await db().transaction((tx) => addImprovementCouncil(tx));
    const ids = [...standing.map((m) => m.id), ...withdrawn, 'not-an-id'];
    const titles = await db().transaction((tx) => milestoneTitles(tx, council.id, ids));
    assert.deepEqual(titles, new Map(standing.map((m) => [m.id, m.title])));
    assert.equal((await db().transaction((tx) => milestoneTitles(tx, other.council.id, ids))).size, 0);
  });
});
