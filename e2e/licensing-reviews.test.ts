import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoBundle } from '#src/bundles/demo/index.ts';
import { REPORT_DAY } from '#src/bundles/demo/licensing.ts';
import { caseFacts } from '#src/modules/licensing/record.ts';
import { figureOf, REVIEW_FIGURES, type ReviewFigure } from '#src/modules/licensing/review-present.ts';
import { reviewSummary } from '#src/modules/licensing/rules/reviews.ts';
import { ReviewCasePage, ReviewCasesPage, ReviewFormPage, ReviewSummaryPage } from './pages/reviews-page.ts';
import { signInAsDemo } from './pages/sign-in-page.ts';
import { assertAccessible } from './support/axe.ts';
import { browserUnavailable, serverAndBrowserForSuite } from './support/browser.ts';
import { DEMO_GSS } from './support/demo.ts';
import { assertReflows } from './support/reflow.ts';

const BASE = `/councils/${DEMO_GSS}/licensing`;
const demo = demoBundle();
const s = demo.licensing;
const row = <T>(r: T) => ({ ...r, councilId: demo.council.id, withdrawnAt: null });
/** The demo's figures on the report day, worked out by the rules from the bundle's records. */
const SUMMARY = reviewSummary(
  s.reviewCases.map((c) =>
    caseFacts(
      row(c),
      s.reviewHearings.filter((h) => h.caseId === c.id).map(row),
      ((d) => (d ? row(d) : null))(s.reviewDecisions.find((d) => d.caseId === c.id)),
    ),
  ),
  REPORT_DAY,
);
/** Seed 001's figures on 27 November 2015. */
const SEED: Partial<Record<ReviewFigure, number>> = {
  identified: 67,
  heard: 24,
  revoke: 16,
  suspend: 1,
  formal_warning: 4,
  no_further_action: 3,
  scheduled: 41,
  closed_otherwise: 2,
};
/** A driver with no review case, to open new ones on. */
const DRIVER =
  s.holders.find((h) => h.kind === 'driver' && !s.reviewCases.some((c) => c.holderId === h.id)) ??
  assert.fail('a driver without a case');

describe('the fit-and-proper review pages in a browser', { skip: browserUnavailable }, () => {
  const running = serverAndBrowserForSuite();
  const url = (path: string) => `${running.server.baseUrl}${path}`;
  const go = (page: Page, click: () => Promise<unknown>) => Promise.all([page.waitForNavigation(), click()]);

  async function inContext<T>(run: (page: Page) => Promise<T>, signedIn = false): Promise<T> {
    const context = await running.browser.newContext();
    try {
      const page = await context.newPage();
      if (signedIn) await signInAsDemo(page, running.server.baseUrl, 'licensing_officer');
      return await run(page);
    } finally {
      await context.close();
    }
  }
  const asOfficer = <T>(run: (page: Page) => Promise<T>) => inContext(run, true);

  /**
   * Checks a form shown again after a refusal: answered 400, titled as an error,
   * the summary saying `message`, each of its links naming a field on the page,
   * and no accessibility violation in the error state.
   */
  async function assertRefused(
    form: ReviewFormPage,
    status: number | undefined,
    message: RegExp,
    label: string,
  ) {
    assert.equal(status, 400, `${label} answers 400`);
    assert.match(await form.page.title(), /^Error: /, `${label} is titled as an error`);
    const problems = await form.problems();
    assert.ok(
      problems.some((p) => message.test(p)),
      `${label} says ${message}: ${problems.join(' | ')}`,
    );
    for (const l of await form.errorSummaryLinks())
      assert.equal(await form.page.locator(l.href).count(), 1, `${label}: ${l.href} is on the page`);
    await assertAccessible(form.page, `${label} with errors`);
  }

  /** Sends a form that saves; resolves with the case page it leads to, its banner checked. */
  async function assertSaved(form: ReviewFormPage, banner: RegExp, label: string) {
    assert.equal(await form.submit(), 200, `${label} is saved and the case shown`);
    const shown = new ReviewCasePage(form.page);
    assert.match(await shown.banner.innerText(), banner, label);
    await assertAccessible(form.page, `case after ${label}`);
    return shown;
  }

  it('a visitor opens the 27 November 2015 review summary from the Licensing overview and clicks each figure to exactly its cases', () =>
    inContext(async (page) => {
      await page.goto(url(BASE));
      await go(page, () =>
        page.getByRole('link', { name: 'Fit-and-proper reviews of licence holders' }).click(),
      );
      const summary = new ReviewSummaryPage(page);
      assert.equal(await summary.showOn(REPORT_DAY), 200);
      assert.match(await page.getByTestId('as-at').innerText(), /27 November 2015/);
      await assertAccessible(page, 'review summary on 27 November 2015');
      await assertReflows(page, 'review summary on 27 November 2015');
      const figures = await summary.figures();
      assert.deepEqual(
        figures.map((f) => f.figure),
        [...REVIEW_FIGURES],
      );
      for (const f of figures) {
        const expected = figureOf(SUMMARY, f.figure as ReviewFigure);
        assert.equal(f.count, expected.count, `${f.figure} is what the rules give for the demo`);
        const seed = SEED[f.figure as ReviewFigure];
        if (seed !== undefined) assert.equal(f.count, seed, `${f.figure} is the seed’s figure`);
      }
      const list = new ReviewCasesPage(page);
      for (const f of figures) {
        if (f.count === 0) {
          assert.equal(f.href, null, `${f.figure} has no link to an empty list`);
          continue;
        }
        await page.goto(url(`${BASE}/reviews?date=${REPORT_DAY}`));
        await go(page, () => page.locator(`tr[data-figure="${f.figure}"] [data-testid="count"] a`).click());
        assert.equal(page.url(), f.href);
        assert.equal(await list.rows.count(), f.count, `${f.figure} lists its ${f.count} cases`);
        const references = await list.references();
        const expected = figureOf(SUMMARY, f.figure as ReviewFigure).caseIds.map(
          (id) => s.reviewCases.find((c) => c.id === id)?.reference,
        );
        assert.deepEqual([...references].sort(), [...expected].sort(), f.figure);
        await assertAccessible(page, `cases: ${f.figure}`);
        await assertReflows(page, `cases: ${f.figure}`);
      }
    }));

  it('a date or a figure that is not allowed is refused with the error summary, naming what is', () =>
    inContext(async (page) => {
      const summary = new ReviewSummaryPage(page);
      await page.goto(url(`${BASE}/reviews`));
      assert.equal(await summary.showOn('2015-02-30'), 400);
      assert.deepEqual(await summary.errorSummaryLinks(), [
        { text: 'The date must be a real date written YYYY-MM-DD, such as 2015-11-27', href: '#date' },
      ]);
      await assertAccessible(page, 'review summary with a bad date');
      const response = await page.goto(url(`${BASE}/reviews/cases?date=${REPORT_DAY}&figure=revoked`));
      assert.equal(response?.status(), 400);
      const links = await summary.errorSummaryLinks();
      assert.equal(links[0]?.href, '#figure');
      assert.match(links[0]?.text ?? '', /The figure must be one of: identified, heard, revoke/);
      await assertAccessible(page, 'cases with a bad figure');
    }));

  it('a licensing officer follows the scheduled figure to FPR-2015-025 and reads its stage, panel and decision-maker on the day', () =>
    asOfficer(async (page) => {
      await page.goto(url(`${BASE}/reviews/cases?date=${REPORT_DAY}&figure=scheduled`));
      await go(page, () => page.getByRole('link', { name: 'FPR-2015-025', exact: true }).click());
      const shown = new ReviewCasePage(page);
      assert.match(await shown.stage.innerText(), /Stage on 27 November 2015:\s*Hearing scheduled/);
      assert.match(await page.getByTestId('decision-maker').innerText(), /^Mary Ney/);
      assert.match(await page.getByTestId('panel').innerText(), /Chair of the Licensing Advisory Committee/);
      assert.match(await page.getByTestId('decision-after').innerText(), /dated after 27 November 2015/);
      await assertAccessible(page, 'case FPR-2015-025');
      await assertReflows(page, 'case FPR-2015-025');
      const holder = s.holders.find((h) => h.id === s.reviewCases[24]?.holderId) ?? assert.fail();
      await go(page, () => page.getByRole('link', { name: holder.name, exact: true }).click());
      assert.equal(new URL(page.url()).pathname, `${BASE}/holders/${holder.id}`);
    }));

  let caseUrl = '';

  it('a licensing officer opens a case from a holder’s page, starts its investigation, fixes a hearing, adjourns it and fixes another, each form refusing what is wrong first', () =>
    asOfficer(async (page) => {
      await page.goto(url(`${BASE}/holders/${DRIVER.id}`));
      await go(page, () => page.getByRole('link', { name: 'Open a fit-and-proper review' }).click());
      const open = new ReviewFormPage(page);
      await assertAccessible(page, 'open a case');
      await assertRefused(open, await open.submit(), /Enter the case reference/, 'open a case');
      await open.fill('Case reference', 'FPR-2015-801');
      await open.choose('Licensing function the decision is taken under', 'Taxi and private hire licensing');
      await open.fill('Date the case was opened', '2015-12-01');
      await open.pick('What the case was opened on', 'A complaint');
      await open.pick('Risk', 'High');
      await open.fill(
        'The information',
        'A passenger complained of the driver’s conduct on 28 November 2015.',
      );
      let shown = await assertSaved(open, /Case opened/, 'open a case');
      caseUrl = page.url().split('?')[0] as string;
      assert.match(await shown.stage.innerText(), /Identified/);

      const investigation = await shown.openForm('Record that the investigation started');
      await assertAccessible(page, 'start the investigation');
      await investigation.fill('Date the investigation started', '2015-11-30');
      await assertRefused(
        investigation,
        await investigation.submit(),
        /cannot start before 1 December 2015/,
        'start the investigation',
      );
      await investigation.fill('Date the investigation started', '2015-12-02');
      shown = await assertSaved(investigation, /investigation is recorded/, 'start the investigation');

      const hearing = await shown.openForm('Fix a hearing');
      await assertAccessible(page, 'fix a hearing');
      await hearing.fill('Date the hearing was fixed', '2015-12-02');
      await hearing.fill('Date of the hearing', '2015-12-09');
      await assertRefused(
        hearing,
        await hearing.submit(),
        /Select at least one advisory councillor/,
        'fix a hearing',
      );
      await hearing.pick('Advisory councillors on the panel', 'Chair of the Licensing Advisory Committee');
      await hearing.pick(
        'Advisory councillors on the panel',
        'Member of the Licensing Advisory Committee (first political group)',
      );
      shown = await assertSaved(hearing, /Hearing fixed/, 'fix a hearing');

      const adjourn = await shown.openForm('Adjourn the hearing');
      await assertAccessible(page, 'adjourn the hearing');
      await adjourn.fill('Date the hearing was adjourned', '2015-12-09');
      await assertRefused(
        adjourn,
        await adjourn.submit(),
        /Enter why the hearing was adjourned/,
        'adjourn the hearing',
      );
      await adjourn.fill('Why the hearing was adjourned', 'The holder’s representative was taken ill.');
      shown = await assertSaved(adjourn, /Hearing adjourned/, 'adjourn the hearing');
      assert.match(
        await page.getByTestId('adjourned').innerText(),
        /The holder’s representative was taken ill/,
      );

      const again = await shown.openForm('Fix a hearing');
      await again.fill('Date the hearing was fixed', '2015-12-09');
      await again.fill('Date of the hearing', '2015-12-16');
      shown = await assertSaved(again, /Hearing fixed/, 'fix the hearing again');
      assert.equal(await page.getByTestId('hearing').count(), 2);
      assert.deepEqual(await shown.formNames(), [
        'Adjourn the hearing',
        'Record the decision',
        'Close the case without a hearing',
      ]);
    }));

  it('the decision is refused when taken by someone who does not hold the function that day, a suspension has no period or a revocation no reasons, and nothing changes; then it is recorded', () =>
    asOfficer(async (page) => {
      assert.ok(caseUrl, 'the case of the previous test');
      await page.goto(url(`${new URL(caseUrl).pathname}`));
      const shown = new ReviewCasePage(page);
      const form = await shown.openForm('Record the decision');
      await assertAccessible(page, 'record the decision');
      assert.match(await page.locator('#decidedByPersonId-hint').innerText(), /held by Mary Ney/);
      await form.choose('Hearing the decision was taken at', 'Hearing on 16 December 2015');
      await form.fill('Date of the decision', '2015-12-16');
      await form.choose('Who took the decision', 'Sir Derek Myers');
      await form.pick('Decision', 'Licence revoked');
      await form.fill('Reasons', 'The driver is not a fit and proper person to hold a licence.');
      await form.pick('Does it take effect immediately in the interests of public safety?', 'Yes');
      await form.fill('Date it takes effect', '2015-12-16');
      await assertRefused(
        form,
        await form.submit(),
        /held by Mary Ney.*Sir Derek Myers does not hold it/,
        'a decision by the Lead Commissioner',
      );
      assert.equal((await form.errorSummaryLinks())[0]?.href, '#decidedByPersonId');

      await form.choose('Who took the decision', 'Chair of the Licensing Advisory Committee');
      await assertRefused(
        form,
        await form.submit(),
        /Chair of the Licensing Advisory Committee does not hold it/,
        'a decision by a councillor',
      );

      await form.choose('Who took the decision', 'Mary Ney, Commissioner (licensing');
      await form.pick('Decision', 'Licence suspended');
      await assertRefused(
        form,
        await form.submit(),
        /Enter the period of the suspension in days/,
        'a suspension without a period',
      );

      await form.pick('Decision', 'Licence revoked');
      await form.fill('Reasons', '');
      await assertRefused(
        form,
        await form.submit(),
        /Enter the reasons for revoking the licence/,
        'a revocation without reasons',
      );

      await page.goto(caseUrl);
      assert.equal(await shown.decision.count(), 0, 'no decision was recorded');
      assert.match(await shown.stage.innerText(), /Hearing scheduled/);
      assert.ok((await shown.formNames()).includes('Record the decision'));

      const again = await shown.openForm('Record the decision');
      await again.choose('Hearing the decision was taken at', 'Hearing on 16 December 2015');
      await again.fill('Date of the decision', '2015-12-16');
      await again.choose('Who took the decision', 'Mary Ney, Commissioner (licensing');
      await again.choose('The councillors’ proposed decision (optional)', 'Licence suspended');
      await again.choose(
        'Councillor who proposed it (optional)',
        'Chair of the Licensing Advisory Committee',
      );
      await again.pick('Decision', 'Licence revoked');
      await again.fill('Reasons', 'The driver is not a fit and proper person to hold a licence.');
      await again.pick('Does it take effect immediately in the interests of public safety?', 'Yes');
      await again.fill('Date it takes effect', '2015-12-16');
      const decided = await assertSaved(again, /Decision recorded/, 'record the decision');
      assert.match(
        await decided.decision.innerText(),
        /Licence suspended, proposed by Chair of the Licensing Advisory Committee/,
      );
      assert.match(
        await page.getByTestId('effective').innerText(),
        /immediately, in the interests of public safety/,
      );
      assert.match(await page.getByTestId('appeal-window').innerText(), /Until 6 January 2016/);
      assert.deepEqual(await decided.formNames(), [], 'a decided case takes no further change');
    }));

  it('a case is closed without a hearing only with a reason, and the summary counts it as closed otherwise', () =>
    asOfficer(async (page) => {
      await page.goto(url(`${BASE}/reviews/cases/new?holderId=${DRIVER.id}`));
      const open = new ReviewFormPage(page);
      await open.fill('Case reference', 'FPR-2015-802');
      await open.choose('Licensing function the decision is taken under', 'Taxi and private hire licensing');
      await open.fill('Date the case was opened', '2015-12-01');
      await open.pick('What the case was opened on', 'Information from the police');
      await open.pick('Risk', 'Medium');
      await open.fill('The information', 'The police passed on information about an arrest.');
      const shown = await assertSaved(open, /Case opened/, 'open a second case');
      const close = await shown.openForm('Close the case without a hearing');
      await assertAccessible(page, 'close the case');
      await close.fill('Date the case was closed', '2015-12-04');
      await assertRefused(
        close,
        await close.submit(),
        /Enter why the case is closed without a hearing/,
        'close the case',
      );
      await close.fill(
        'Why the case is closed without a hearing',
        'The information concerned another person.',
      );
      await assertSaved(close, /Case closed without a hearing/, 'close the case');
      assert.match(
        await page.getByTestId('closed').innerText(),
        /4 December 2015\. The information concerned another person\./,
      );
      await page.goto(url(`${BASE}/reviews?date=2015-12-04`));
      const figures = await new ReviewSummaryPage(page).figures();
      const closed = figures.find((f) => f.figure === 'closed_otherwise');
      assert.equal(closed?.count, SUMMARY.closedOtherwise.count + 1);
    }));
});
