import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import { and, eq } from 'drizzle-orm';
import { demoBundle } from '#src/bundles/demo/index.ts';
import { REPORT_DAY } from '#src/bundles/demo/licensing.ts';
import { complianceHolders } from '#src/modules/licensing/record.ts';
import { complianceView } from '#src/modules/licensing/rules/compliance.ts';
import { gateAttempts, licences, registerSearches } from '#src/modules/licensing/schema.ts';
import { createTestApp, DEMO_GSS, ledgerHeadOf, type TestApp, type Visitor } from '../support/app.ts';

/*
 * The Licensing pages of holders, the gate, compliance, the register and
 * vehicle checks, through the app as a browser would reach them (the browser
 * tests in e2e/ walk the same journeys in Chromium).
 */

let t: TestApp;
let officer: Visitor;
let councillor: Visitor;
const BASE = `/councils/${DEMO_GSS}/licensing`;
const demo = demoBundle();
const councilId = demo.council.id;
const holderNamed = (name: string) => {
  const holder = demo.licensing.holders.find((h) => h.name === name);
  assert.ok(holder, `the demo has ${name}`);
  return { holder, licence: demo.licensing.licences.find((l) => l.holderId === holder.id) ?? assert.fail() };
};
const RENE = holderNamed('Rene Overdue-Sampleton');
const JO = holderNamed('Jo Applicant-Examplewood');

before(async () => {
  t = await createTestApp();
  officer = await t.signIn('licensing_officer');
  councillor = await t.signIn('councillor');
});
after(() => t.close());

const get = (url: string, visitor?: Visitor) =>
  t.app.inject({ method: 'GET', url, cookies: visitor?.cookies ?? {} });
const page = async (url: string, visitor?: Visitor, status = 200) => {
  const response = await get(url, visitor);
  assert.equal(response.statusCode, status, `${url} answered ${response.statusCode}`);
  return cheerio.load(response.body);
};
const summaryOf = ($: cheerio.CheerioAPI) =>
  $('.govuk-error-summary li')
    .map((_, li) => $(li).text().trim())
    .get();
const licenceRow = async (licenceId: string) => {
  const [row] = await t.database.db.select().from(licences).where(eq(licences.id, licenceId));
  return row;
};

describe('the gate in the browser’s forms', () => {
  test('renewing a driver whose DBS update status check is overdue is refused with the reason, and the attempt is recorded', async () => {
    const url = `${BASE}/licences/${RENE.licence.id}/gate`;
    await page(url, officer);
    const before = await ledgerHeadOf(t.app);
    const response = await t.postForm(url, officer, { action: 'renew', on: REPORT_DAY, endOn: '2018-12-09' });
    assert.equal(response.statusCode, 400);
    const $ = cheerio.load(response.body);
    const problems = summaryOf($);
    assert.match(problems[0] ?? '', /cannot be renewed on 27 November 2015\. The attempt is recorded/);
    assert.ok(
      problems.some((p) =>
        /DBS update service status check is overdue: the last was on 15 April 2015 and it ran out on 15 October 2015/.test(
          p,
        ),
      ),
      problems.join('\n'),
    );
    // The summary links to the row of the check that refused it.
    assert.equal($('.govuk-error-summary a[href="#dbs_status_check"]').length, 1);
    assert.equal($('tr#dbs_status_check .govuk-tag').text().trim(), 'Overdue');
    const after = await ledgerHeadOf(t.app);
    assert.equal(after.count, before.count + 1, 'the attempt, and only the attempt, is written');
    const attempts = await t.database.db
      .select()
      .from(gateAttempts)
      .where(and(eq(gateAttempts.licenceId, RENE.licence.id), eq(gateAttempts.attemptedOn, REPORT_DAY)));
    assert.equal(attempts.length, 1);
    assert.equal(attempts[0]?.allowed, false);
    assert.equal((await licenceRow(RENE.licence.id))?.endOn, RENE.licence.endOn, 'the licence is unchanged');
  });

  test('the holder’s page lists the refused attempt and where each check stands on a date', async () => {
    const $ = await page(`${BASE}/holders/${RENE.holder.id}?date=${REPORT_DAY}`, officer);
    assert.equal($('h1').text().trim(), 'DriverRene Overdue-Sampleton');
    assert.equal($('tr#dbs_status_check .govuk-tag').text().trim(), 'Overdue');
    assert.match(
      $('[data-testid="attempts"]').text(),
      /Refused: The DBS update service status check is overdue/,
    );
    const earlier = await page(`${BASE}/holders/${RENE.holder.id}?date=2015-05-01`, officer);
    assert.equal(earlier('tr#dbs_status_check .govuk-tag').text().trim(), 'Current');
  });

  test('a malformed date on the gate form is refused by name and nothing is written', async () => {
    const before = await ledgerHeadOf(t.app);
    const response = await t.postForm(`${BASE}/licences/${RENE.licence.id}/gate`, officer, {
      action: 'renew',
      on: '2015-02-30',
      endOn: '',
    });
    assert.equal(response.statusCode, 400);
    const problems = summaryOf(cheerio.load(response.body));
    assert.ok(problems.some((p) => /real date written YYYY-MM-DD/.test(p)));
    assert.ok(problems.some((p) => /Enter the date the licence is to run until/.test(p)));
    assert.deepEqual(await ledgerHeadOf(t.app), before);
  });

  test('an applicant with every check current but training is refused the grant until the training is recorded, then granted', async () => {
    const gate = `${BASE}/licences/${JO.licence.id}/gate`;
    const refused = await t.postForm(gate, officer, { action: 'grant', on: REPORT_DAY, endOn: '2018-11-26' });
    assert.equal(refused.statusCode, 400);
    assert.ok(summaryOf(cheerio.load(refused.body)).some((p) => /safeguarding training/i.test(p)));

    const check = await t.postForm(`${BASE}/holders/${JO.holder.id}/checks/new`, officer, {
      kind: 'safeguarding_training',
      doneOn: REPORT_DAY,
      outcome: 'clear',
      course: 'Child sexual exploitation awareness for drivers',
    });
    assert.equal(check.statusCode, 303);
    assert.equal(check.headers.location, `${BASE}/holders/${JO.holder.id}?saved=1`);

    const granted = await t.postForm(gate, officer, { action: 'grant', on: REPORT_DAY, endOn: '2018-11-26' });
    assert.equal(granted.statusCode, 303);
    const row = await licenceRow(JO.licence.id);
    assert.equal(row?.status, 'granted');
    assert.equal(row?.endOn, '2018-11-26');
  });
});

describe('holders, applications and checks', () => {
  test('a new holder, an application for a licence and a refusal with reasons that enters the register', async () => {
    const add = await t.postForm(`${BASE}/holders/new`, officer, {
      kind: 'driver',
      name: 'Sam Formfill-Exampleton',
      dateOfBirth: '1979-06-30',
    });
    assert.equal(add.statusCode, 303);
    const holderUrl = String(add.headers.location).split('?')[0] as string;
    const holderId = holderUrl.split('/').pop() as string;

    const apply = await t.postForm(`${holderUrl}/licences/new`, officer, {
      number: 'PHD-77001',
      kind: 'private_hire_driver',
      appliedOn: '2015-11-20',
    });
    assert.equal(apply.statusCode, 303);
    const $ = await page(holderUrl, officer);
    assert.match($('[data-licence="PHD-77001"]').text(), /Application/);
    const refuseHref = $('[data-licence="PHD-77001"] a[href$="/refuse"]').attr('href') as string;

    const noReasons = await t.postForm(refuseHref, officer, { refusedOn: REPORT_DAY, reasons: '' });
    assert.equal(noReasons.statusCode, 400);
    assert.deepEqual(summaryOf(cheerio.load(noReasons.body)), ['Enter the reasons for the refusal']);

    const refuse = await t.postForm(refuseHref, officer, {
      refusedOn: REPORT_DAY,
      reasons: 'Not a fit and proper person: undisclosed convictions.',
    });
    assert.equal(refuse.statusCode, 303);
    const found = await page(`${BASE}/register?name=formfill-exampleton`, officer);
    assert.match(found('[data-testid="register-count"]').text(), /^1 entry found/);
    assert.match(
      found('[data-testid="register"]').text(),
      /PHD-77001[\s\S]*Refused[\s\S]*undisclosed convictions/,
    );
    assert.ok(holderId);
  });

  test('a licence a holder of that kind cannot hold, and a number already in use, are refused', async () => {
    const url = `${BASE}/holders/${RENE.holder.id}/licences/new`;
    const wrongKind = await t.postForm(url, officer, {
      number: 'HCV-99999',
      kind: 'hackney_carriage_vehicle',
      appliedOn: REPORT_DAY,
    });
    assert.equal(wrongKind.statusCode, 400);
    assert.deepEqual(summaryOf(cheerio.load(wrongKind.body)), [
      'A driver cannot hold a hackney carriage vehicle licence',
    ]);
    const taken = await t.postForm(url, officer, {
      number: RENE.licence.number,
      kind: 'private_hire_driver',
      appliedOn: REPORT_DAY,
    });
    assert.equal(taken.statusCode, 400);
    assert.deepEqual(summaryOf(cheerio.load(taken.body)), [
      `Licence number ${RENE.licence.number} is already in use`,
    ]);
  });

  test('a malformed DBS certificate number is refused and nothing is written', async () => {
    const before = await ledgerHeadOf(t.app);
    const response = await t.postForm(`${BASE}/holders/${RENE.holder.id}/checks/new`, officer, {
      kind: 'dbs_enhanced',
      doneOn: '2015-11-20',
      outcome: 'clear',
      certificateNumber: '12345',
      barredLists: 'children',
    });
    assert.equal(response.statusCode, 400);
    const problems = summaryOf(cheerio.load(response.body));
    assert.ok(
      problems.some((p) => /12 digits/.test(p)),
      problems.join('\n'),
    );
    assert.deepEqual(await ledgerHeadOf(t.app), before);
  });

  test('the holders list finds a holder by part of their name, and refuses a kind it does not know', async () => {
    const $ = await page(`${BASE}/holders?name=overdue-samp`, officer);
    assert.equal($('[data-testid="holders"] tbody tr').length, 1);
    assert.equal($('[data-testid="holders"] tbody a').attr('href'), `${BASE}/holders/${RENE.holder.id}`);
    const bad = await page(`${BASE}/holders?kind=taxi`, officer, 400);
    assert.match(summaryOf(bad)[0] ?? '', /driver, vehicle or operator/);
  });

  test('a holder that does not exist is a 404', async () => {
    await page(`${BASE}/holders/00000000-0000-4000-8000-000000000000`, officer, 404);
    await page(`${BASE}/holders/not-an-id`, officer, 404);
  });
});

describe('compliance', () => {
  test('the page and its download show the figures the rules give from the records on the date', async () => {
    const view = complianceView(await complianceHolders(t.database.db, councilId), REPORT_DAY);
    const $ = await page(`${BASE}/compliance?date=${REPORT_DAY}`, officer);
    const all = $('[data-testid="compliance-figures"] tr[data-kind="all"]');
    assert.equal(Number(all.find('[data-testid="holders"]').text()), view.all.holders.count);
    assert.equal(Number(all.find('[data-testid="overdue"]').text()), view.all.overdue.count);
    assert.match(all.find('[data-testid="trained"]').text(), new RegExp(`^${view.all.trained.count} `));
    assert.ok(view.all.overdue.count > 0, 'the demo has holders overdue on the day');

    const csv = await get(`${BASE}/compliance.csv?date=${REPORT_DAY}`, officer);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    const lines = csv.body.trim().split('\n');
    assert.equal(lines.length, view.all.holders.count + 1, 'a header and a line for each holder');
    assert.match(csv.body, /Rene Overdue-Sampleton,[^\n]*DBS update service status check: Overdue/);
  });

  test('a bad date is refused with the error summary', async () => {
    const $ = await page(`${BASE}/compliance?date=27-11-2015`, officer, 400);
    assert.match(summaryOf($)[0] ?? '', /real date written YYYY-MM-DD/);
    assert.equal((await get(`${BASE}/compliance.csv?date=2015-13-01`, officer)).statusCode, 400);
  });
});

describe('the register', () => {
  const searches = async () => (await t.database.db.select().from(registerSearches)).length;

  test('a search by name finds the revocations of the reviews and is recorded; the CSV has the same entries', async () => {
    const before = await searches();
    const revoked = demo.licensing.registerEntries.filter((e) => e.action === 'revoked');
    const someone = revoked[0] ?? assert.fail('the demo has revocations');
    const surname = someone.name.split(' ').pop() as string;
    const $ = await page(`${BASE}/register?name=${encodeURIComponent(surname.toUpperCase())}`, officer);
    const expected = demo.licensing.registerEntries.filter((e) => e.name.split(' ').includes(surname));
    assert.match($('[data-testid="register-count"]').text(), new RegExp(`^${expected.length} entr`));
    assert.equal(await searches(), before + 1);
    const csv = await get(`${BASE}/register.csv?name=${encodeURIComponent(surname)}`, officer);
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.body.trim().split('\n').length, expected.length + 1);
  });

  test('the page with no search only shows the form; a search with every field blank is refused, and neither is recorded', async () => {
    const before = await searches();
    const blank = await page(`${BASE}/register`, officer);
    assert.equal(blank('[data-testid="register-count"]').length, 0);
    const refused = await page(`${BASE}/register?name=&dateOfBirth=&licenceNumber=`, officer, 400);
    assert.match(summaryOf(refused)[0] ?? '', /a name, a date of birth or a licence number/);
    const badDate = await page(`${BASE}/register?dateOfBirth=1970-02-30`, officer, 400);
    assert.match(summaryOf(badDate)[0] ?? '', /date of birth must be a real date/i);
    assert.equal(await searches(), before);
  });

  test('a councillor is refused the register and the holders; anyone may read the vehicle checks', async () => {
    assert.equal((await get(`${BASE}/register?name=Sampleton`, councillor)).statusCode, 403);
    assert.equal((await get(`${BASE}/holders`, councillor)).statusCode, 403);
    const $ = await page(`${BASE}/vehicle-checks`);
    const rows = $('[data-testid="shares"] tbody tr');
    assert.ok(rows.length > 0);
    const counted = rows
      .map((_, r) => Number($(r).find('[data-testid="checks"]').text()))
      .get()
      .reduce((a, b) => a + b, 0);
    assert.equal(counted, demo.licensing.vehicleChecks.length);
  });
});

describe('vehicle checks', () => {
  test('a check is recorded from the form, and a check in the future is refused', async () => {
    const vehicle = demo.licensing.holders.find((h) => h.kind === 'vehicle') ?? assert.fail();
    const url = `${BASE}/vehicle-checks/new`;
    const future = await t.postForm(url, officer, {
      holderId: vehicle.id,
      checkedOn: '2999-01-01',
      announced: 'no',
      result: 'pass',
    });
    assert.equal(future.statusCode, 400);
    assert.match(summaryOf(cheerio.load(future.body))[0] ?? '', /today or in the past/);
    const ok = await t.postForm(url, officer, {
      holderId: vehicle.id,
      checkedOn: '2016-01-15',
      announced: 'no',
      result: 'advisory',
    });
    assert.equal(ok.statusCode, 303);
    const $ = await page(`${BASE}/vehicle-checks`);
    const q1 = $('[data-quarter="2016 Q1"] [data-testid="checks"]').text();
    const inQ1 = demo.licensing.vehicleChecks.filter(
      (c) => c.checkedOn >= '2016-01-01' && c.checkedOn <= '2016-03-31',
    ).length;
    assert.ok(Number(q1) >= 1 && Number(q1) === inQ1 + 1, `2016 Q1 shows ${q1}`);
  });
});
