import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import { eq } from 'drizzle-orm';
import { demoBundle } from '#src/bundles/demo/index.ts';
import { REPORT_DAY } from '#src/bundles/demo/licensing.ts';
import { caseFacts } from '#src/modules/licensing/record.ts';
import { FIGURE_NAMES, figureOf, REVIEW_FIGURES } from '#src/modules/licensing/review-present.ts';
import { reviewSummary } from '#src/modules/licensing/rules/reviews.ts';
import { licences, reviewCases, reviewDecisions } from '#src/modules/licensing/schema.ts';
import { createTestApp, DEMO_GSS, ledgerHeadOf, type TestApp, type Visitor } from '../support/app.ts';

/*
 * The fit-and-proper review pages through the app as a browser reaches them:
 * the public summary on 27 November 2015 and the cases behind each figure,
 * one case's page for licensing officers, and the forms that open, hear,
 * adjourn, close and decide a case, each refusal answered 400 with nothing
 * written (the browser tests in e2e/licensing-reviews.test.ts walk the same
 * journeys in Chromium).
 */

let t: TestApp;
let officer: Visitor;
const BASE = `/councils/${DEMO_GSS}/licensing`;
const demo = demoBundle();
const s = demo.licensing;
const row = <T>(r: T) => ({ ...r, councilId: demo.council.id, withdrawnAt: null });
/** The demo's cases as the rules read them, straight from the bundle. */
const demoCases = s.reviewCases.map((c) =>
  caseFacts(
    row(c),
    s.reviewHearings.filter((h) => h.caseId === c.id).map(row),
    ((d) => (d ? row(d) : null))(s.reviewDecisions.find((d) => d.caseId === c.id)),
  ),
);
const referenceOf = new Map(s.reviewCases.map((c) => [c.id, c.reference]));
const person = (name: string, role: RegExp) =>
  demo.people.find((p) => p.name === name && role.test(p.publicRole)) ?? assert.fail(`the demo has ${name}`);
const NEY = person('Mary Ney', /licensing/);
const MYERS = person('Sir Derek Myers', /Lead Commissioner/);
const CHAIR = person('Chair of the Licensing Advisory Committee', /./);
/** A driver with no review case, to open new ones on. */
const DRIVER =
  s.holders.find((h) => h.kind === 'driver' && !s.reviewCases.some((c) => c.holderId === h.id)) ??
  assert.fail('a driver without a case');
const DRIVER_LICENCE = s.licences.find((l) => l.holderId === DRIVER.id) ?? assert.fail();
/** A case scheduled on the report day (and decided later, in the demo's records). */
const SCHEDULED = s.reviewCases.find((c) => c.reference === 'FPR-2015-025') ?? assert.fail();

before(async () => {
  t = await createTestApp();
  officer = await t.signIn('licensing_officer');
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

/** Posts a form that the rules or validation refuse, and checks the refusal names `message` and writes nothing. */
async function assertRefused(url: string, fields: Record<string, string>, message: RegExp) {
  const before = await ledgerHeadOf(t.app);
  const response = await t.postForm(url, officer, fields);
  assert.equal(response.statusCode, 400, `${url} answered ${response.statusCode}`);
  const problems = summaryOf(cheerio.load(response.body));
  assert.ok(
    problems.some((p) => message.test(p)),
    `the error summary says ${message}: ${problems.join(' | ')}`,
  );
  assert.deepEqual(await ledgerHeadOf(t.app), before, 'nothing is written');
  return cheerio.load(response.body);
}

/** Posts a form that saves, and returns the case page it leads to. */
async function assertSaved(url: string, fields: Record<string, string>) {
  const response = await t.postForm(url, officer, fields);
  assert.equal(
    response.statusCode,
    303,
    `${url} answered ${response.statusCode}: ${response.body.slice(0, 400)}`,
  );
  const next = String(response.headers.location);
  assert.match(next, /\/reviews\/cases\/[0-9a-f-]{36}\?saved=/);
  return { next, $: await page(next, officer) };
}

const openCase = async (reference: string) => {
  const { next } = await assertSaved(`${BASE}/reviews/cases/new`, {
    reference,
    holderId: DRIVER.id,
    licenceId: DRIVER_LICENCE.id,
    functionId: SCHEDULED.functionId,
    openedOn: '2015-12-01',
    source: 'complaint',
    risk: 'high',
    information: 'A passenger complained of the driver’s conduct on 28 November 2015.',
  });
  return (next.match(/cases\/([0-9a-f-]{36})/) as RegExpMatchArray)[1] as string;
};

describe('the review summary and the cases behind each figure', () => {
  const summary = reviewSummary(demoCases, REPORT_DAY);

  test('the summary on 27 November 2015 gives every figure the rules give for the demo’s records, the seed’s among them', async () => {
    const $ = await page(`${BASE}/reviews?date=${REPORT_DAY}`);
    assert.match($('[data-testid="as-at"]').text(), /27 November 2015/);
    const shown = (figure: string) =>
      Number($(`tr[data-figure="${figure}"] [data-testid="count"]`).text().match(/\d+/)?.[0]);
    for (const figure of REVIEW_FIGURES) assert.equal(shown(figure), figureOf(summary, figure).count, figure);
    assert.deepEqual(
      [
        'identified',
        'heard',
        'revoke',
        'suspend',
        'formal_warning',
        'no_further_action',
        'scheduled',
        'closed_otherwise',
      ].map(shown),
      [67, 24, 16, 1, 4, 3, 41, 2],
    );
    assert.match($('[data-testid="last-hearing"]').text(), /30 March 2016/);
    assert.match($('[data-testid="accounted"]').text(), /Every case identified/);
  });

  test('each figure links to the list of exactly its cases, by reference, with no licence holder named', async () => {
    const $ = await page(`${BASE}/reviews?date=${REPORT_DAY}`);
    const names = new Set(s.holders.map((h) => h.name));
    for (const figure of REVIEW_FIGURES) {
      const expected = figureOf(summary, figure)
        .caseIds.map((id) => referenceOf.get(id))
        .sort();
      const link = $(`tr[data-figure="${figure}"] [data-testid="count"] a`);
      if (expected.length === 0) {
        assert.equal(link.length, 0, `${figure} has no link to an empty list`);
        continue;
      }
      const href = link.attr('href') as string;
      assert.equal(href, `${BASE}/reviews/cases?date=${REPORT_DAY}&figure=${figure}`);
      const list = await page(href);
      assert.match(list('h1').text(), new RegExp(`${FIGURE_NAMES[figure]}: ${expected.length} cases?`));
      const listed = list('[data-testid="cases"] tbody tr')
        .map((_, tr) => list(tr).attr('data-case'))
        .get();
      assert.deepEqual(listed.sort(), expected, figure);
      const text = list('main').text();
      for (const name of names) assert.ok(!text.includes(name), `${figure} names no holder (${name})`);
      assert.equal(
        list('[data-testid="cases"] a').length,
        0,
        'a visitor who is not signed in gets no link to a case',
      );
    }
  });

  test('a list gives each case’s stage on the date and its outcome only once decided', async () => {
    const $ = await page(`${BASE}/reviews/cases?date=${REPORT_DAY}&figure=scheduled`);
    const row25 = $('tr[data-case="FPR-2015-025"]');
    assert.equal(row25.find('[data-testid="stage"]').text().trim(), 'Hearing scheduled, for 3 December 2015');
    assert.equal(row25.find('[data-testid="outcome"]').text().trim(), 'Not decided');
    const later = await page(`${BASE}/reviews/cases?date=2015-12-04&figure=heard`);
    const decided = later('tr[data-case="FPR-2015-025"]');
    assert.equal(decided.find('[data-testid="stage"]').text().trim(), 'In the appeal window');
    assert.match(decided.find('[data-testid="outcome"]').text(), /Licence revoked/);
    const signedIn = await page(`${BASE}/reviews/cases?date=${REPORT_DAY}`, officer);
    assert.equal(signedIn('[data-testid="cases"] tbody tr').length, 67, 'no figure: every case identified');
    assert.equal(signedIn(`a[href="${BASE}/reviews/cases/${SCHEDULED.id}?date=${REPORT_DAY}"]`).length, 1);
  });

  test('a date that is not a real date is refused on the summary and on a list, with the error summary', async () => {
    for (const url of [
      `${BASE}/reviews?date=2015-02-30`,
      `${BASE}/reviews/cases?date=27/11/2015&figure=heard`,
    ]) {
      const $ = await page(url, undefined, 400);
      assert.deepEqual(summaryOf($), ['The date must be a real date written YYYY-MM-DD, such as 2015-11-27']);
      assert.equal($('.govuk-error-summary a').attr('href'), '#date');
    }
  });

  test('a figure that is not one of the summary’s is refused, naming those that are', async () => {
    const $ = await page(`${BASE}/reviews/cases?date=${REPORT_DAY}&figure=revoked`, undefined, 400);
    assert.deepEqual(summaryOf($), [`The figure must be one of: ${REVIEW_FIGURES.join(', ')}`]);
    assert.equal($('#figure').length, 1, 'the summary links to the figure’s field');
  });
});

describe('one case’s page', () => {
  const url = `${BASE}/reviews/cases/${SCHEDULED.id}`;

  test('names the holder only to a licensing officer or Commissioner', async () => {
    const signedOut = await get(url);
    assert.equal(signedOut.statusCode, 302);
    assert.match(String(signedOut.headers.location), /^\/sign-in\?returnTo=/);
    const councillor = await t.signIn('councillor');
    assert.equal((await get(url, councillor)).statusCode, 403);
  });

  test('shows the stage on the date, the holder, the hearing’s panel and decision-maker, and the decision with its appeal window', async () => {
    const holder = s.holders.find((h) => h.id === SCHEDULED.holderId) ?? assert.fail();
    const $ = await page(`${url}?date=${REPORT_DAY}`, officer);
    assert.match($('[data-testid="case-stage"]').text(), /Stage on 27 November 2015:\s*Hearing scheduled/);
    assert.equal($(`a[href="${BASE}/holders/${holder.id}"]`).text(), holder.name);
    assert.match($('[data-testid="decision-maker"]').text(), /^Mary Ney/);
    assert.deepEqual(
      $('[data-testid="panel"] li')
        .map((_, li) => $(li).text())
        .get()[0],
      'Chair of the Licensing Advisory Committee',
    );
    assert.match($('[data-testid="decision-after"]').text(), /dated after 27 November 2015/);
    assert.match($('[data-testid="appeal-window"]').text(), /Until 24 December 2015/);
    const decided = await page(`${url}?date=2015-12-03`, officer);
    assert.match(decided('[data-testid="case-stage"]').text(), /Decided/);
    assert.equal(decided('[data-testid="decision-after"]').length, 0);
  });

  test('a bad date is refused with the error summary, an unknown case is not found, and neither is a malformed id', async () => {
    assert.deepEqual(summaryOf(await page(`${url}?date=2015-11-31`, officer, 400)), [
      'The date must be a real date written YYYY-MM-DD, such as 2015-11-27',
    ]);
    for (const missing of [randomUUID(), 'FPR-2015-025'])
      for (const suffix of ['', '/decision', '/hearing', '/close']) {
        const response = await get(`${BASE}/reviews/cases/${missing}${suffix}`, officer);
        assert.equal(response.statusCode, 404, `${missing}${suffix}`);
        assert.match(cheerio.load(response.body)('main').text(), /There is no such review case/);
      }
  });
});

describe('the forms of a review', () => {
  test('a case is opened from the holder’s link, with the holder’s licences and the council’s licensing functions to choose from', async () => {
    const $ = await page(`${BASE}/reviews/cases/new?holderId=${DRIVER.id}`, officer);
    assert.equal($('input[name="holderId"]').attr('value'), DRIVER.id);
    assert.deepEqual(
      $('#licenceId option')
        .map((_, o) => $(o).attr('value'))
        .get()
        .filter(Boolean),
      [DRIVER_LICENCE.id],
    );
    const fns = $('#functionId option')
      .map((_, o) => $(o).text())
      .get();
    assert.ok(
      fns.some((f) => /Taxi and private hire licensing/.test(f)),
      fns.join(', '),
    );
    const without = await page(`${BASE}/reviews/cases/new`, officer);
    assert.equal(without('main form[method="post"]').length, 0, 'without a holder the page says to find one');
    await assertRefused(`${BASE}/reviews/cases/new`, { reference: 'FPR-X' }, /Select the licence holder/);
  });

  test('a decision by someone who does not hold the licensing function that day is refused, and nothing changes', async () => {
    const caseId = await openCase('FPR-2015-901');
    const here = `${BASE}/reviews/cases/${caseId}`;
    await assertSaved(`${here}/investigation`, { startedOn: '2015-12-02' });
    await assertRefused(
      `${here}/hearing`,
      { scheduledOn: '2015-12-02', hearingOn: '2015-12-10' },
      /Select at least one advisory councillor/,
    );
    const { $: fixed } = await assertSaved(`${here}/hearing`, {
      scheduledOn: '2015-12-02',
      hearingOn: '2015-12-10',
      panelPersonIds: CHAIR.id,
    });
    assert.match(fixed('.govuk-notification-banner').text(), /Hearing fixed/);
    const hearingId = fixed('[data-testid="hearing"]').attr('data-hearing') as string;
    const decision = {
      hearingId,
      decidedOn: '2015-12-10',
      decidedByPersonId: NEY.id,
      outcome: 'revoke',
      reasons: 'The driver is not a fit and proper person.',
      immediate: 'no',
      effectiveOn: '2016-01-01',
    };
    const refused = await assertRefused(
      `${here}/decision`,
      { ...decision, decidedByPersonId: MYERS.id },
      /held by Mary Ney.*Sir Derek Myers does not hold it/,
    );
    assert.equal(refused('.govuk-error-summary a').attr('href'), '#decidedByPersonId');
    await assertRefused(`${here}/decision`, { ...decision, decidedByPersonId: CHAIR.id }, /does not hold it/);
    await assertRefused(
      `${here}/decision`,
      { ...decision, outcome: 'suspend' },
      /Enter the period of the suspension in days/,
    );
    await assertRefused(
      `${here}/decision`,
      { ...decision, reasons: '' },
      /Enter the reasons for revoking the licence/,
    );
    assert.deepEqual(
      await t.database.db.select().from(reviewDecisions).where(eq(reviewDecisions.caseId, caseId)),
      [],
    );

    const { $ } = await assertSaved(`${here}/decision`, {
      ...decision,
      outcome: 'suspend',
      suspensionDays: '28',
      immediate: 'yes',
      effectiveOn: '2015-12-10',
    });
    assert.match($('.govuk-notification-banner').text(), /Decision recorded/);
    assert.equal($('[data-testid="decided-by"]').text(), 'Mary Ney, Commissioner (licensing functions)');
    assert.equal($('[data-testid="outcome"]').text(), 'Licence suspended for 28 days');
    assert.match($('[data-testid="effective"]').text(), /immediately, in the interests of public safety/);
    const [licence] = await t.database.db.select().from(licences).where(eq(licences.id, DRIVER_LICENCE.id));
    assert.equal(licence?.status, 'suspended');
  });

  test('a hearing is adjourned with its reason and another fixed; adjourning with no hearing standing is refused', async () => {
    const caseId = await openCase('FPR-2015-902');
    const here = `${BASE}/reviews/cases/${caseId}`;
    await assertRefused(
      `${here}/adjourn`,
      { adjournedOn: '2015-12-03', reason: 'Ill' },
      /no hearing standing to adjourn/,
    );
    await assertSaved(`${here}/hearing`, {
      scheduledOn: '2015-12-02',
      hearingOn: '2015-12-10',
      panelPersonIds: CHAIR.id,
    });
    await assertRefused(
      `${here}/hearing`,
      { scheduledOn: '2015-12-03', hearingOn: '2015-12-17', panelPersonIds: CHAIR.id },
      /adjourn it before fixing another/,
    );
    await assertRefused(
      `${here}/adjourn`,
      { adjournedOn: '2015-12-03', reason: '' },
      /Enter why the hearing was adjourned/,
    );
    const { $ } = await assertSaved(`${here}/adjourn`, {
      adjournedOn: '2015-12-03',
      reason: 'The holder’s representative is ill.',
    });
    assert.match(
      $('[data-testid="adjourned"]').text(),
      /3 December 2015\. The holder’s representative is ill\./,
    );
    assert.equal($(`a[href="${here}/hearing"]`).length, 1, 'another hearing can be fixed');
  });

  test('a case is closed without a hearing only with a reason, and stays accounted for', async () => {
    const caseId = await openCase('FPR-2015-903');
    const here = `${BASE}/reviews/cases/${caseId}`;
    await assertRefused(
      `${here}/close`,
      { closedOn: '2015-12-05', reason: '' },
      /Enter why the case is closed without a hearing/,
    );
    await assertRefused(
      `${here}/close`,
      { closedOn: '2015-11-01', reason: 'Surrendered' },
      /cannot close before it was opened on 1 December 2015/,
    );
    const { $ } = await assertSaved(`${here}/close`, {
      closedOn: '2015-12-05',
      reason: 'The licence was surrendered.',
    });
    assert.match($('[data-testid="closed"]').text(), /5 December 2015\. The licence was surrendered\./);
    assert.equal($('[data-testid="case-actions"] a').length, 0, 'a closed case takes no further change');
    const [c] = await t.database.db.select().from(reviewCases).where(eq(reviewCases.id, caseId));
    assert.equal(c?.closedReason, 'The licence was surrendered.');
    const summary = await page(`${BASE}/reviews?date=2015-12-05`);
    assert.match(summary('tr[data-figure="closed_otherwise"] [data-testid="count"]').text(), /^3/);
  });
});
