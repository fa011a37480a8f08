import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import { demoBundle } from '#src/bundles/demo/index.ts';
import { councilPowers } from '#src/modules/powers/record.ts';
import { holdingsOn } from '#src/modules/powers/rules/holders.ts';
import { createTestApp, DEMO_GSS, ledgerHeadOf, type TestApp } from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

const demo = demoBundle();
const FIRST_RESTORATION = demo.powers.restorations.find((r) => r.proposedEffectiveDate === '2016-02-01');
const get = (url: string, cookies: Record<string, string> = {}) =>
  t.app.inject({ method: 'GET', url, cookies });
const rowOf = (html: string, code: string) => cheerio.load(html)(`tr[data-function="${code}"]`);

describe('who holds power on a date', () => {
  test('licensing on 1 March 2016 is held by Mary Ney, under the Directions and her allocation, for anyone to read', async () => {
    const page = await get(`/councils/${DEMO_GSS}/powers?date=2016-03-01`);
    assert.equal(page.statusCode, 200);
    const row = rowOf(page.body, 'lic-taxi');
    assert.match(row.find('[data-testid="holder"]').text(), /Mary Ney/);
    assert.match(row.text(), /Directions/);
    assert.ok(row.find('a[href*="/directions/"]').length, 'the row links to the Direction behind it');
  });

  test('the holder changes on the effective date of the 2016 restoration because the restoration says so', async () => {
    const before = rowOf((await get(`/councils/${DEMO_GSS}/powers?date=2016-01-31`)).body, 'exec-highways');
    const after = rowOf((await get(`/councils/${DEMO_GSS}/powers?date=2016-02-01`)).body, 'exec-highways');
    assert.match(before.find('[data-testid="holder"]').text(), /Commissioner/);
    assert.doesNotMatch(after.find('[data-testid="holder"]').text(), /Commissioner\b(?! )/);
    assert.ok(
      after.find(`a[href$="/restorations/${FIRST_RESTORATION?.id}"]`).length,
      'it links to the restoration',
    );
  });

  test('the page and the API agree for every function on a date', async () => {
    const api = await get(`/api/v1/councils/${DEMO_GSS}/powers?date=2016-03-01`);
    assert.equal(api.statusCode, 200);
    const body = api.json() as {
      date: string;
      functions: { function: { code: string }; holder: { name: string } }[];
    };
    assert.equal(body.date, '2016-03-01');
    assert.equal(body.functions.length, demo.powers.functions.length);
    const page = cheerio.load((await get(`/councils/${DEMO_GSS}/powers?date=2016-03-01`)).body);
    for (const f of body.functions)
      assert.match(
        page(`tr[data-function="${f.function.code}"] [data-testid="holder"]`).text(),
        new RegExp(f.holder.name.replace(/[()]/g, '.')),
      );
    const licensing = body.functions.find((f) => f.function.code === 'lic-taxi') as unknown as {
      holder: { name: string };
      records: { direction: { title: string } | null; allocation: { reason: string } | null };
    };
    assert.match(licensing.holder.name, /^Mary Ney/);
    assert.ok(
      licensing.records.direction && licensing.records.allocation,
      'the records that put her there are named',
    );
  });

  test('a date that does not exist gets the error summary on the page and a problem from the API', async () => {
    const page = await get(`/councils/${DEMO_GSS}/powers?date=2016-02-31`);
    assert.equal(page.statusCode, 400);
    const $ = cheerio.load(page.body);
    assert.match($('.govuk-error-summary').text(), /real date written YYYY-MM-DD/);
    const api = await get(`/api/v1/councils/${DEMO_GSS}/powers?date=1%20March%202016`);
    assert.equal(api.statusCode, 400);
    assert.match(String(api.headers['content-type']), /application\/problem\+json/);
    assert.match(api.body, /date/);
  });

  test('a function’s page shows its history, from the Directions to its return', async () => {
    const page = await get(`/councils/${DEMO_GSS}/powers/lic-taxi`);
    assert.equal(page.statusCode, 200);
    const history = cheerio.load(page.body)('[data-testid="history"] li');
    assert.ok(history.length >= 2, 'licensing went to Commissioners and came back');
    assert.equal((await get(`/councils/${DEMO_GSS}/powers/no-such-function`)).statusCode, 404);
  });
});

describe('the public record behind the holders', () => {
  test('the 2016 restoration shows every function’s four criteria with evidence, and its eight steps', async () => {
    const page = await get(`/councils/${DEMO_GSS}/restorations/${FIRST_RESTORATION?.id}`);
    assert.equal(page.statusCode, 200);
    const $ = cheerio.load(page.body);
    const functions = demo.powers.restorationFunctions.filter(
      (f) => f.restorationId === FIRST_RESTORATION?.id,
    );
    assert.equal($('[data-testid="restoration-function"]').length, functions.length);
    assert.equal($('[data-testid="steps"] li').length, 8);
    assert.match($('[data-testid="restoration-status"]').text(), /Effective/);
    assert.match($('[data-testid="restoration-function"]').first().text(), /Peer review|peer review/);
  });

  test('Directions, Commissioners, decisions and readiness pages answer for a signed-out reader', async () => {
    for (const path of ['directions', 'commissioners', 'restorations', 'decisions', 'readiness']) {
      const page = await get(`/councils/${DEMO_GSS}/${path}`);
      assert.equal(page.statusCode, 200, path);
    }
    const d = demo.powers.decisions[0];
    assert.equal((await get(`/councils/${DEMO_GSS}/decisions/${d?.id}`)).statusCode, 200);
    assert.equal((await get(`/councils/${DEMO_GSS}/decisions/not-a-uuid`)).statusCode, 404);
    assert.equal((await get(`/councils/${DEMO_GSS}/directions/${d?.id}`)).statusCode, 404);
  });

  test('every readiness figure in the API counts the decisions it lists', async () => {
    const api = await get(`/api/v1/councils/${DEMO_GSS}/readiness`);
    assert.equal(api.statusCode, 200);
    const body = api.json() as {
      byFunction: { decisions: number; asProposed: number; decisionIds: string[] }[];
    };
    assert.ok(body.byFunction.length > 0);
    for (const f of body.byFunction) {
      assert.equal(f.decisionIds.length, f.decisions);
      const listed = demo.powers.decisions.filter((d) => f.decisionIds.includes(d.id));
      assert.equal(listed.filter((d) => d.outcome === 'as_proposed').length, f.asProposed);
    }
  });
});

describe('recording a decision', () => {
  const decision = (functionId: string, decidedOn: string) => ({
    functionId,
    decidedOn,
    title: 'Taxi licensing policy review',
    meeting: 'Licensing Advisory Committee',
    meetingPublic: 'yes',
    report: 'Report of the licensing manager',
    proposedById: '',
    proposal: '',
    outcome: 'different',
    reasons: 'Stronger safeguarding conditions are needed',
  });
  const licensing = demo.powers.functions.find((f) => f.code === 'lic-taxi');

  test('a Commissioner who does not hold the function that day is refused, told who does, and nothing is written', async () => {
    const commissioner = await t.signIn('commissioner');
    const before = await ledgerHeadOf(t.app);
    const response = await t.postForm(
      `/councils/${DEMO_GSS}/decisions/new`,
      commissioner,
      decision(licensing?.id as string, '2016-03-01'),
    );
    assert.equal(response.statusCode, 400);
    assert.match(cheerio.load(response.body)('.govuk-error-summary').text(), /Mary Ney/);
    assert.deepEqual(await ledgerHeadOf(t.app), before);
  });

  test('the holder of the function that day may record a decision, which then appears in the public list', async () => {
    const commissioner = await t.signIn('commissioner');
    const me = demo.users.find((u) => u.role === 'commissioner')?.personId;
    const powers = await councilPowers(t.database.db, demo.council.id);
    const held = holdingsOn(powers, '2015-06-01').find((h) => h.holder.personId === me);
    assert.ok(held, 'the demo commissioner holds a function on 1 June 2015');
    const response = await t.postForm(`/councils/${DEMO_GSS}/decisions/new`, commissioner, {
      ...decision(held.function.id, '2015-06-01'),
      title: 'A decision by the holder',
    });
    assert.equal(response.statusCode, 303);
    const shown = await get(String(response.headers.location));
    assert.match(shown.body, /A decision by the holder/);
  });

  test('a form with missing fields names each of them and writes nothing', async () => {
    const commissioner = await t.signIn('commissioner');
    const before = await ledgerHeadOf(t.app);
    const response = await t.postForm(`/councils/${DEMO_GSS}/decisions/new`, commissioner, {
      decidedOn: '2016-13-01',
    });
    assert.equal(response.statusCode, 400);
    const summary = cheerio.load(response.body)('.govuk-error-summary').text();
    assert.match(summary, /Select the function/);
    assert.match(summary, /real date/);
    assert.match(summary, /Enter the reasons/);
    assert.deepEqual(await ledgerHeadOf(t.app), before);
  });
});

describe('running the protocol through the forms', () => {
  test('a step out of order is refused with the step that must come first', async () => {
    const commissioner = await t.signIn('commissioner');
    const opened = await t.postForm(`/councils/${DEMO_GSS}/restorations/new`, commissioner, {
      title: 'Return of leisure',
      openedOn: '2018-01-10',
      proposedEffectiveDate: '2018-06-01',
    });
    assert.equal(opened.statusCode, 303);
    const url = String(opened.headers.location);
    const before = await ledgerHeadOf(t.app);
    const response = await t.postForm(`${url}/steps/new`, commissioner, {
      step: 'lay_panel',
      completedOn: '2018-01-20',
      outcome: 'passed',
      people: 'Independent members',
      documents: 'Minutes',
    });
    assert.equal(response.statusCode, 400);
    assert.match(cheerio.load(response.body)('.govuk-error-summary').text(), /before/i);
    assert.deepEqual(await ledgerHeadOf(t.app), before);
  });

  test('a Direction overlapping one in force for the same function is refused', async () => {
    const department = await t.signIn('department');
    const licensing = demo.powers.functions.find((f) => f.code === 'lic-taxi');
    const before = await ledgerHeadOf(t.app);
    const response = await t.postForm(`/councils/${DEMO_GSS}/directions/new`, department, {
      title: 'An overlapping Direction',
      issuedBy: 'Secretary of State',
      madeOn: '2015-06-01',
      inForceFrom: '2015-06-01',
      legalBasis: 'Local Government Act 1999, section 15',
      body: 'Licensing to Commissioners.',
      commissioners: licensing?.id as string,
    });
    assert.equal(response.statusCode, 400);
    assert.match(cheerio.load(response.body)('.govuk-error-summary').text(), /supersede/i);
    assert.deepEqual(await ledgerHeadOf(t.app), before);
  });
});
