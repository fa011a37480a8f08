import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { getTableColumns, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#src/db/client.ts';
import { LEDGERED_TABLES } from '#src/db/ledgered.ts';
import { verifyLedger } from '#src/ledger/verify.ts';
import { recycledItems } from '#src/modules/improvement/schema.ts';
import { recycledItemId } from '#src/modules/improvement/service.ts';
import { bundleProblems } from '../../test/support/bundle-problems.ts';
import { createTestDatabase, type TestDatabase } from '../../test/support/database.ts';
import { uniqueGssCode } from '../../test/support/fixtures.ts';
import { improvementSection, improvementSnapshot } from '../../test/support/improvement.ts';
import { DEMO_BUNDLE_FILE } from './demo/index.ts';
import { bundleText, exportBundle } from './export.ts';
import { importBundle, parseBundle, parseBundleText } from './import.ts';
import { bundleImprovement, improvementFieldsOf } from './improvement-schema.ts';
import { IMPROVEMENT_TABLES } from './improvement-tables.ts';
import { BundleError, type BundleProblem } from './problems.ts';
import type { Bundle } from './schema.ts';

// `any` on purpose: a bundle under test is any JSON, and the cases reach into it freely.
type Json = any;
const demoJson: Json = JSON.parse(fs.readFileSync(DEMO_BUNDLE_FILE, 'utf8'));
const CHAIR = demoJson.people[0].id;
const LEAD_MEMBER = demoJson.people[5].id;
const OTHER = '11111111-1111-4111-8111-111111111111';

/** The demo bundle with a valid Improvement section naming its people (and no Powers records). */
function withImprovement(): Json {
  const { section } = improvementSection({ chair: CHAIR, leadMember: LEAD_MEMBER });
  return { ...structuredClone(demoJson), powers: {}, improvement: structuredClone(section), licensing: {} };
}

const problemsOf = (mutate: (b: Json) => unknown): BundleProblem[] => bundleProblems(withImprovement, mutate);

const I = '$.improvement';

describe('the Improvement section of a bundle', () => {
  it('has, for each list, the fields of its table in the same order, without the council', () => {
    for (const { list, entity } of IMPROVEMENT_TABLES) {
      const columns = Object.keys(getTableColumns(entity.table)).filter((c) => c !== 'councilId');
      assert.deepEqual(improvementFieldsOf(list), columns, list);
    }
    assert.deepEqual(Object.keys(bundleImprovement.shape), [
      'boards',
      'plans',
      'workstreams',
      'projects',
      'milestones',
      'rebaselines',
      'managementActions',
      'commentary',
      'indicators',
      'indicatorValues',
      'peerReviews',
      'recommendations',
    ]);
    assert.deepEqual(
      IMPROVEMENT_TABLES.map((t) => t.list),
      Object.keys(bundleImprovement.shape),
    );
  });

  it('is accepted as written when every record is valid and consistent', () => {
    const bundle = withImprovement();
    assert.deepEqual(parseBundle(bundle).improvement, bundle.improvement);
  });

  it('is empty when a bundle has none, and each list is empty when it is left out', () => {
    const { improvement: _, ...without } = withImprovement();
    assert.deepEqual(Object.values(parseBundle(without).improvement), Array(12).fill([]));
    const only = { ...without, improvement: { plans: withImprovement().improvement.plans } };
    const { improvement } = parseBundle(only);
    assert.equal(improvement.plans.length, 3);
    assert.deepEqual(improvement.milestones, []);
  });

  it('refuses a status typed in, saying it is derived and cannot be imported', () => {
    const problems = problemsOf((b) => void (b.improvement.projects[4].status = 'on_track'));
    assert.deepEqual(problems, [
      {
        path: `${I}.projects[4].status`,
        message:
          'is not a known field: a status is derived from the milestones and their evidence, and cannot be imported',
      },
    ]);
  });

  const cases: [string, (s: Json, b: Json) => unknown, string, RegExp][] = [
    // Derived values are not imported.
    [
      'an indicator’s status',
      (s) => void (s.indicators[0].status = 'green'),
      `${I}.indicators[0].status`,
      /derived from its values, target and tolerance/,
    ],
    ['recycled-plan flags', (s) => void (s.recycledItems = []), `${I}.recycledItems`, /derived on import/],
    [
      'an unknown field',
      (s) => void (s.plans[0].owner = 'x'),
      `${I}.plans[0].owner`,
      /^is not a known field$/,
    ],
    [
      'the council’s id on a record',
      (s, b) => void (s.boards[0].councilId = b.council.id),
      `${I}.boards[0].councilId`,
      /not a known field/,
    ],
    // Shape and values.
    ['an unknown plan kind', (s) => void (s.plans[1].kind = 'strategy'), `${I}.plans[1].kind`, /action_plan/],
    [
      'a date that does not exist',
      (s) => void (s.plans[0].adoptedOn = '2006-02-30'),
      `${I}.plans[0].adoptedOn`,
      /real date/,
    ],
    [
      'a position that is not a whole number',
      (s) => void (s.milestones[1].position = 1.5),
      `${I}.milestones[1].position`,
      /whole number/,
    ],
    [
      'a project due before it starts',
      (s) => void (s.projects[4].dueOn = '2015-05-31'),
      `${I}.projects[4].dueOn`,
      /after startOn/,
    ],
    [
      'a management action due before it was agreed',
      (s) => void (s.managementActions[0].dueOn = '2015-09-30'),
      `${I}.managementActions[0].dueOn`,
      /after agreedOn/,
    ],
    // Completions need evidence.
    [
      'a milestone completed without evidence',
      (s) => void (s.milestones[1].evidence = null),
      `${I}.milestones[1].evidence`,
      /must be given when completedOn is.*evidence/,
    ],
    [
      'a milestone completed without saying what kind of evidence',
      (s) => void (s.milestones[1].evidenceKind = null),
      `${I}.milestones[1].evidenceKind`,
      /document, a link or a record/,
    ],
    [
      'evidence of a milestone not completed',
      (s) => void Object.assign(s.milestones[0], { evidenceKind: 'link', evidence: 'https://example.org' }),
      `${I}.milestones[0].evidence`,
      /only then/,
    ],
    [
      'a link that is not a web address',
      (s) => void Object.assign(s.milestones[1], { evidenceKind: 'link', evidence: 'the minutes' }),
      `${I}.milestones[1].evidence`,
      /web address/,
    ],
    [
      'a milestone completed before its project started',
      (s) => void (s.milestones[3].completedOn = '2015-05-01'),
      `${I}.milestones[3].completedOn`,
      /before the project started/,
    ],
    // Re-baselines need a reason and an approver.
    [
      'a re-baseline with no reason',
      (s) => void delete s.rebaselines[0].reason,
      `${I}.rebaselines[0].reason`,
      /expected string/,
    ],
    [
      'a re-baseline with an empty reason',
      (s) => void (s.rebaselines[0].reason = ''),
      `${I}.rebaselines[0].reason`,
      /must not be empty/,
    ],
    [
      'a re-baseline whose reason is only spaces',
      (s) => void (s.rebaselines[1].reason = '   '),
      `${I}.rebaselines[1].reason`,
      /Enter the reason/,
    ],
    [
      'a re-baseline with no approver',
      (s) => void (s.rebaselines[1].approvedBy = ''),
      `${I}.rebaselines[1].approvedBy`,
      /must not be empty/,
    ],
    [
      'a re-baseline to the date it moves from',
      (s) => void (s.rebaselines[0].toDate = s.rebaselines[0].fromDate),
      `${I}.rebaselines[0].toDate`,
      /already in force/,
    ],
    [
      'a management action with an owner of only spaces',
      (s) => void (s.managementActions[1].owner = ' '),
      `${I}.managementActions[1].owner`,
      /Enter the owner/,
    ],
    // Indicator values need a commentary, a measure and a value that fits.
    [
      'a value without a commentary',
      (s) => void (s.indicatorValues[0].commentary = ''),
      `${I}.indicatorValues[0].commentary`,
      /must not be empty/,
    ],
    [
      'a value whose commentary is only spaces',
      (s) => void (s.indicatorValues[0].commentary = '  '),
      `${I}.indicatorValues[0].commentary`,
      /Enter a commentary/,
    ],
    [
      'a value without the measure it came from',
      (s) => void delete s.indicatorValues[1].measure,
      `${I}.indicatorValues[1].measure`,
      /expected string/,
    ],
    [
      'a value that is not a number',
      (s) => void (s.indicatorValues[1].value = '5.2%'),
      `${I}.indicatorValues[1].value`,
      /must be a number/,
    ],
    [
      'a percentage over 100',
      (s) => void (s.indicatorValues[1].value = 105.2),
      `${I}.indicatorValues[1].value`,
      /percentage from 0 to 100/,
    ],
    [
      'a value for a day that starts no period',
      (s) => void (s.indicatorValues[1].periodStart = '2015-08-01'),
      `${I}.indicatorValues[1].periodStart`,
      /quarterly periods/,
    ],
    [
      'two values for one period',
      (s) => void (s.indicatorValues[1].periodStart = '2015-04-01'),
      `${I}.indicatorValues[1].periodStart`,
      /already has a value for the period starting 2015-04-01 at \$\.improvement\.indicatorValues\[0\]/,
    ],
    // Unique within the bundle.
    [
      'a record with a person’s id',
      (s, b) => void (s.plans[2].id = b.people[0].id),
      `${I}.plans[2].id`,
      /already used at \$\.people\[0\]\.id/,
    ],
    [
      'one id in two Improvement lists',
      (s) => void (s.commentary[0].id = s.boards[0].id),
      `${I}.commentary[0].id`,
      /already used at \$\.improvement\.boards\[0\]\.id/,
    ],
    [
      'a reference used twice in a plan',
      (s) => void (s.projects[3].ref = 'A1'),
      `${I}.projects[3].ref`,
      /already has an item A1 at \$\.improvement\.projects\[2\]\.ref/,
    ],
    [
      'an indicator code used twice',
      (s) => void s.indicators.push({ ...s.indicators[0], id: randomUUID() }),
      `${I}.indicators[1].code`,
      /code NEET-NK is already used/,
    ],
    // References.
    [
      'a board chaired by an unknown person',
      (s) => void (s.boards[0].chairPersonId = OTHER),
      `${I}.boards[0].chairPersonId`,
      /a person in \$\.people/,
    ],
    [
      'a workstream of an unknown plan',
      (s) => void (s.workstreams[0].planId = OTHER),
      `${I}.workstreams[0].planId`,
      /a plan in \$\.improvement\.plans/,
    ],
    [
      'a project of an unknown plan',
      (s) => void (s.projects[0].planId = OTHER),
      `${I}.projects[0].planId`,
      /a plan in \$\.improvement\.plans/,
    ],
    [
      'a project in a workstream of another plan',
      (s) => void (s.projects[4].planId = s.plans[1].id),
      `${I}.projects[4].workstreamId`,
      /^must be a workstream of plan/,
    ],
    [
      'a project overseen by an unknown board',
      (s) => void (s.projects[4].boardId = OTHER),
      `${I}.projects[4].boardId`,
      /a board in \$\.improvement\.boards/,
    ],
    [
      'a project led by an unknown person',
      (s) => void (s.projects[4].leadMemberPersonId = OTHER),
      `${I}.projects[4].leadMemberPersonId`,
      /a person in \$\.people/,
    ],
    [
      'a milestone of an unknown project',
      (s) => void (s.milestones[2].projectId = OTHER),
      `${I}.milestones[2].projectId`,
      /a project in \$\.improvement\.projects/,
    ],
    [
      'a re-baseline of a milestone of another project',
      (s) => void (s.rebaselines[0].milestoneId = s.milestones[0].id),
      `${I}.rebaselines[0].milestoneId`,
      /must be a milestone of project/,
    ],
    [
      'a management action on an unknown milestone',
      (s) => void (s.managementActions[0].milestoneId = OTHER),
      `${I}.managementActions[0].milestoneId`,
      /a milestone in \$\.improvement\.milestones/,
    ],
    [
      'commentary on an unknown project',
      (s) => void (s.commentary[0].projectId = OTHER),
      `${I}.commentary[0].projectId`,
      /a project in/,
    ],
    [
      'an indicator of an unknown plan',
      (s) => void (s.indicators[0].planId = OTHER),
      `${I}.indicators[0].planId`,
      /a plan in/,
    ],
    [
      'a value of an unknown indicator',
      (s) => void (s.indicatorValues[0].indicatorId = OTHER),
      `${I}.indicatorValues[0].indicatorId`,
      /an indicator in \$\.improvement\.indicators/,
    ],
    [
      'a recommendation of an unknown review',
      (s) => void (s.recommendations[0].peerReviewId = OTHER),
      `${I}.recommendations[0].peerReviewId`,
      /a peer review in/,
    ],
    [
      'a recommendation carried out by an unknown project',
      (s) => void (s.recommendations[0].projectId = OTHER),
      `${I}.recommendations[0].projectId`,
      /a project in/,
    ],
  ];
  for (const [what, mutate, path, message] of cases) {
    it(`refuses ${what}, naming ${path}`, () => {
      const problems = problemsOf((b) => mutate(b.improvement, b));
      const problem = problems.find((p) => p.path === path);
      assert.ok(problem, `${path} is among ${JSON.stringify(problems)}`);
      assert.match(problem.message, message);
    });
  }

  it('does not apply the rules to a withdrawn record', () => {
    const bundle = withImprovement();
    Object.assign(bundle.improvement.indicatorValues[1], {
      value: 105.2,
      withdrawnAt: '2015-10-10T09:00:00.000Z',
      withdrawnReason: 'Typed in error',
    });
    assert.equal(parseBundle(bundle).improvement.indicatorValues[1]?.value, 105.2);
  });
});

const HASH = '$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHQ$aGFzaGhhc2hoYXNoaGFzaA';

/** A new council's bundle, with two people and the Improvement section; ids no other bundle uses. */
function councilBundle() {
  const person = (name: string, publicRole: string) => ({
    id: randomUUID(),
    name,
    kind: 'commissioner' as const,
    publicRole,
    party: null,
    fromDate: '2015-02-26',
    toDate: null,
    source: null,
    withdrawnAt: null,
    withdrawnReason: null,
  });
  const chair = person('C Chair', 'Lead Commissioner');
  const lead = person('L Lead', 'Commissioner');
  const { section, ids } = improvementSection({ chair: chair.id, leadMember: lead.id });
  const bundle: Json = {
    format: 'freshstart-bundle',
    version: 1,
    council: {
      id: randomUUID(),
      gssCode: uniqueGssCode(),
      name: 'Improvington Council',
      shortName: 'Improvington',
      withdrawnAt: null,
      withdrawnReason: null,
    },
    people: [chair, lead],
    users: [
      {
        id: randomUUID(),
        email: `${randomUUID()}@example.org`,
        name: 'C Chair',
        role: 'commissioner',
        personId: chair.id,
        passwordHash: HASH,
        withdrawnAt: null,
        withdrawnReason: null,
      },
    ],
    improvement: section,
  };
  return { bundle: parseBundle(bundle), ids };
}

const importAll = (tx: Tx, bundle: Bundle) => tx.transaction((t) => importBundle(t, bundle, 'test import'));

const flagsOf = (tx: Tx, councilId: string) =>
  queryRows<{ id: string; project_id: string; earlier_project_id: string; checked_on: string }>(
    tx,
    sql`SELECT id, project_id, earlier_project_id, checked_on::text FROM ${recycledItems}
        WHERE council_id = ${councilId} ORDER BY id`,
  );

describe('importing and exporting the Improvement section', () => {
  let database: TestDatabase;
  let db: Tx;
  before(async () => {
    database = await createTestDatabase();
    db = database.db;
  });
  after(() => database.close());

  it('gives byte-identical text after import, export, import into an empty database and export', async () => {
    const { bundle } = councilBundle();
    await importAll(db, bundle);
    const first = bundleText((await exportBundle(db, bundle.council.gssCode)) as Bundle);
    const empty = await createTestDatabase();
    try {
      await importAll(empty.db, parseBundleText(first));
      const second = bundleText((await exportBundle(empty.db, bundle.council.gssCode)) as Bundle);
      assert.equal(second, first);
      assert.deepEqual(
        await flagsOf(empty.db, bundle.council.id),
        await flagsOf(db, bundle.council.id),
        'the same flags, with the same ids, derived in both',
      );
      assert.deepEqual((await verifyLedger(empty.db, { tables: LEDGERED_TABLES })).problems, []);
    } finally {
      await empty.close();
    }
    const exported = JSON.parse(first);
    for (const list of Object.keys(bundleImprovement.shape))
      assert.equal(
        exported.improvement[list].length,
        bundle.improvement[list as keyof Bundle['improvement']].length,
      );
    assert.equal(exported.improvement.recycledItems, undefined, 'flags are not exported');
  });

  it('derives the recycled-plan flags on import: the 2008 item copied from an uncompleted 2006 one, and not the one repeating a completed item', async () => {
    const { bundle, ids } = councilBundle();
    const result = await importAll(db, bundle);
    const flags = await flagsOf(db, bundle.council.id);
    assert.equal(flags.length, 1, JSON.stringify(flags));
    const [flag] = flags;
    assert.equal(flag?.project_id, ids.copied);
    assert.equal(flag?.checked_on, '2008-05-01');
    assert.equal(flag?.id, recycledItemId(ids.copied, flag?.earlier_project_id as string));
    const records = 1 + bundle.people.length + bundle.users.length;
    const listed = Object.values(bundle.improvement).flat().length;
    assert.equal(result.records, records + listed + flags.length, 'each flag has its ledger entry');
    const [entry] = await queryRows<{ action: string; actor: string }>(
      db,
      sql`SELECT body::json ->> 'action' AS action, body::json ->> 'actor' AS actor FROM ledger_entries
          WHERE entity_type = 'recycled_item' AND entity_id = ${flag?.id}`,
    );
    assert.deepEqual(entry, { action: 'import', actor: 'test import' });
    assert.deepEqual((await verifyLedger(db, { tables: LEDGERED_TABLES })).problems, []);
  });

  it('refuses a bundle with a status typed in, and writes nothing', async () => {
    const { bundle } = councilBundle();
    const text = JSON.stringify({
      ...bundle,
      improvement: {
        ...bundle.improvement,
        projects: bundle.improvement.projects.map((p, i) => (i === 2 ? { ...p, status: 'complete' } : p)),
      },
    });
    const before = await improvementSnapshot(db);
    assert.throws(
      () => parseBundleText(text),
      (error: unknown) => {
        assert.ok(error instanceof BundleError);
        assert.deepEqual(
          error.problems.map((p) => p.path),
          [`${I}.projects[2].status`],
        );
        assert.match(error.message, /derived from the milestones and their evidence, and cannot be imported/);
        return true;
      },
    );
    assert.deepEqual(await improvementSnapshot(db), before);
  });

  it('refuses Improvement records whose ids are already in the database, naming each, and writes nothing', async () => {
    const { bundle: taken } = councilBundle();
    await importAll(db, taken);
    const { bundle } = councilBundle();
    // The new council's plans and peer review take the ids of those already imported, and are otherwise valid.
    let copied = JSON.stringify(bundle.improvement);
    for (const list of ['plans', 'peerReviews'] as const)
      bundle.improvement[list].forEach((r, k) => {
        copied = copied.replaceAll(r.id, taken.improvement[list][k]?.id as string);
      });
    bundle.improvement = parseBundle({ ...bundle, improvement: JSON.parse(copied) }).improvement;
    const before = await improvementSnapshot(db);
    await assert.rejects(importAll(db, bundle), (error: unknown) => {
      assert.ok(error instanceof BundleError);
      assert.deepEqual(error.problems.map((p) => p.path).sort(), [
        `${I}.peerReviews[0].id`,
        `${I}.plans[0].id`,
        `${I}.plans[1].id`,
        `${I}.plans[2].id`,
      ]);
      assert.match(error.problems[0]?.message ?? '', /already in this database/);
      return true;
    });
    assert.deepEqual(await improvementSnapshot(db), before);
  });

  it('writes nothing at all when the database refuses the last Improvement record', async () => {
    const before = await improvementSnapshot(db);
    const { bundle } = councilBundle();
    // Valid to the rules, but PostgreSQL text cannot hold a NUL: recommendations are written last.
    const last = bundle.improvement.recommendations.at(
      -1,
    ) as Bundle['improvement']['recommendations'][number];
    last.text = 'Train\u0000the committee';
    await assert.rejects(importAll(db, bundle));
    assert.deepEqual(await improvementSnapshot(db), before);
    const [council] = await queryRows<{ n: number | string }>(
      db,
      sql`SELECT count(*) AS n FROM councils WHERE id = ${bundle.council.id}`,
    );
    assert.equal(Number(council?.n), 0);
  });
});
