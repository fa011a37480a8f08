import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Role } from '#src/auth/roles.ts';
import { DecisionFormPage, DirectionFormPage, PowersFormPage } from './pages/powers-form-page.ts';
import { DecisionsPage } from './pages/readiness-page.ts';
import {
  PauseFormPage,
  RepresentationFormPage,
  RestorationFormPage,
  StepFormPage,
} from './pages/restoration-forms.ts';
import { RestorationPage } from './pages/restoration-page.ts';
import { signInAsDemo } from './pages/sign-in-page.ts';
import { assertAccessible } from './support/axe.ts';
import { browserUnavailable, serverAndBrowserForSuite } from './support/browser.ts';
import { DEMO_GSS } from './support/demo.ts';

const TAXI = 'Taxi and private hire licensing: drivers, vehicles and operators';

describe('the Powers forms refuse what the rules forbid, with the GOV.UK error summary', {
  skip: browserUnavailable,
}, () => {
  const running = serverAndBrowserForSuite();

  /** Runs a test signed in as the demo account of a role, in its own browser context. */
  async function signedInAs<T>(role: Role, run: (page: Page) => Promise<T>): Promise<T> {
    const context = await running.browser.newContext();
    try {
      const page = await context.newPage();
      await signInAsDemo(page, running.server.baseUrl, role);
      return await run(page);
    } finally {
      await context.close();
    }
  }

  /**
   * Checks a form shown again after a refusal: answered 400, titled as an error,
   * its summary focused, each link naming a field on the page; following the first
   * link moves focus to that field. Then runs axe on the page in its error state.
   */
  async function assertRefused(form: PowersFormPage, status: number | undefined, label: string) {
    assert.equal(status, 400, `${label} answers 400`);
    assert.match(await form.page.title(), /^Error: /, `${label} is titled as an error`);
    await form.page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'));
    const links = await form.summaryTargets();
    assert.ok(links.length > 0, `${label} lists its problems`);
    for (const l of links)
      assert.ok(l.field, `${label}: '${l.text}' links to ${l.href}, which is not on the page`);
    const first = links[0] as { href: string };
    await form.errorSummary.getByRole('link').first().click();
    await form.page.waitForFunction((id) => document.activeElement?.id === id, first.href.slice(1));
    await assertAccessible(form.page, `${label} with errors`);
    return links;
  }

  /** Opens a new proposal as the signed-in user and returns its page. */
  async function openProposal(page: Page, title: string): Promise<RestorationPage> {
    const form = await new RestorationFormPage(page, running.server.baseUrl, DEMO_GSS).open();
    const status = await form.openProposal({
      title,
      openedOn: '2024-01-08',
      proposedEffectiveDate: '2024-06-03',
    });
    assert.equal(status, 200, 'the proposal is opened and shown');
    const restoration = new RestorationPage(page);
    assert.match(
      new URL(page.url()).pathname,
      new RegExp(`/councils/${DEMO_GSS}/restorations/[0-9a-f-]{36}$`),
    );
    assert.equal((await restoration.heading.textContent())?.includes(title), true);
    return restoration;
  }

  /** Follows one of the proposal's action links to its form. */
  async function openAction(page: Page, restoration: RestorationPage, name: RegExp) {
    await Promise.all([page.waitForNavigation(), restoration.action(name).click()]);
  }

  it("the commissioner's decision on taxi licensing on 1 March 2016 is refused, naming Mary Ney, who held it that day", () =>
    signedInAs('commissioner', async (page) => {
      const list = new DecisionsPage(page);
      const decisionsOnTaxi = async () => {
        await page.goto(`${running.server.baseUrl}/councils/${DEMO_GSS}/decisions?function=lic-taxi`);
        return list.total();
      };
      const before = await decisionsOnTaxi();

      const form = await new DecisionFormPage(page, running.server.baseUrl, DEMO_GSS).open();
      await assertAccessible(page, 'record a decision');
      const status = await form.record({
        functionName: TAXI,
        decidedOn: '2016-03-01',
        title: 'Revocation of a private hire driver’s licence',
        meeting: 'Licensing Advisory Committee, 1 March 2016',
        meetingPublic: 'No',
        report: 'Report of the licensing manager',
        outcome: 'A different decision',
        reasons: 'Written by the browser tests',
      });
      const links = await assertRefused(form, status, 'record a decision');
      assert.equal(links.length, 1, `one problem: ${links.map((l) => l.text)}`);
      assert.equal(links[0]?.href, '#functionId', 'the summary links to the function field');
      assert.match(links[0]?.text ?? '', /held by Mary Ney/, 'the refusal names Mary Ney');
      assert.equal(
        await page.getByLabel('Date of the decision').inputValue(),
        '2016-03-01',
        'values are kept',
      );
      assert.equal(await decisionsOnTaxi(), before, 'nothing was recorded');
    }));

  it("the department's Direction giving taxi licensing to the Commissioners from 1 June 2016 is refused: it must supersede the one in force", () =>
    signedInAs('department', async (page) => {
      const form = await new DirectionFormPage(page, running.server.baseUrl, DEMO_GSS).open();
      await assertAccessible(page, 'record a Direction');
      const status = await form.record({
        title: 'Browser test: Directions of June 2016',
        issuedBy: 'Greg Clark, Secretary of State for Communities and Local Government',
        madeOn: '2016-05-20',
        inForceFrom: '2016-06-01',
        legalBasis: 'Local Government Act 1999, section 15',
        body: 'Written by the browser tests.',
        commissioners: [TAXI],
      });
      const links = await assertRefused(form, status, 'record a Direction');
      const overlap = links.find((l) => l.text.includes(TAXI));
      assert.ok(overlap, `the refusal names taxi licensing: ${links.map((l) => l.text)}`);
      assert.match(overlap.text, /already provided for by ‘Revised Directions from 1 February 2016’/);
      assert.match(overlap.text, /must supersede that one/);
      assert.ok(
        await page
          .getByRole('group', { name: 'Functions exercised by Commissioners' })
          .getByLabel(TAXI)
          .isChecked(),
        'the function ticked stays ticked',
      );
    }));

  it("a new restoration proposal refuses 'Lay panel test' as its first step, naming the step that must come first", () =>
    signedInAs('commissioner', async (page) => {
      await new RestorationFormPage(page, running.server.baseUrl, DEMO_GSS).open();
      await assertAccessible(page, 'open a restoration proposal');
      const restoration = await openProposal(page, 'Browser test: return of planning applications');
      assert.match((await restoration.status.textContent()) ?? '', /In progress/);
      await assertAccessible(page, 'a proposal just opened');
      const proposalUrl = page.url();

      await openAction(page, restoration, /^Complete the next step/);
      const form = new StepFormPage(page, running.server.baseUrl, DEMO_GSS);
      assert.match(
        (await form.nextStep.textContent()) ?? '',
        /The next step is: Assessment against the four criteria/,
      );
      await assertAccessible(page, 'complete a step');
      const status = await form.complete({
        step: 'Lay panel test',
        completedOn: '2024-02-01',
        outcome: 'Passed (or done)',
        people: 'The independent members of the Standards Committee',
        documents: 'The lay panel’s letter',
      });
      const links = await assertRefused(form, status, 'complete a step');
      assert.equal(links[0]?.href, '#step');
      assert.match(
        links[0]?.text ?? '',
        /Complete ‘Assessment against the four criteria’ before ‘Lay panel test’/,
      );

      await page.goto(proposalUrl);
      const steps = await new RestorationPage(page).stepsShown();
      assert.deepEqual(new Set(steps.map((s) => s.status)), new Set(['Not yet']), 'no step was completed');
    }));

  it('every form of the restoration protocol, the response to a representation included, meets WCAG 2.2 AA, both blank and sent empty', () =>
    signedInAs('commissioner', async (page) => {
      const restoration = await openProposal(page, 'Browser test: the forms of the protocol');
      const proposalUrl = page.url();
      const form = new PowersFormPage(page, running.server.baseUrl, DEMO_GSS);
      for (const [action, label] of [
        [/^Add a function with its criteria/, 'add a function'],
        [/^Pause the proposal/, 'pause the proposal'],
        [/^Record a representation/, 'record a representation'],
      ] as const) {
        await page.goto(proposalUrl);
        await openAction(page, restoration, action);
        await assertAccessible(page, label);
        await assertRefused(form, await form.submit(), `${label} sent empty`);
      }

      await new RestorationFormPage(page, running.server.baseUrl, DEMO_GSS).open();
      await assertRefused(form, await form.submit(), 'open a restoration proposal sent empty');

      await page.goto(proposalUrl);
      await openAction(page, restoration, /^Pause the proposal/);
      const pause = new PauseFormPage(page, running.server.baseUrl, DEMO_GSS);
      await pause.pause({
        cause: 'A new conduct matter',
        pausedOn: '2024-02-05',
        detail: 'A complaint about a member',
      });
      assert.equal(page.url(), proposalUrl, 'back on the proposal');
      assert.match((await restoration.status.textContent()) ?? '', /Paused/);
      await assertAccessible(page, 'a paused proposal');

      await openAction(page, restoration, /^Record how this pause was resolved/);
      await assertAccessible(page, 'resolve a pause');
      await assertRefused(form, await form.submit(), 'resolve a pause sent empty');

      await page.goto(proposalUrl);
      await openAction(page, restoration, /^Record a representation/);
      await new RepresentationFormPage(page, running.server.baseUrl, DEMO_GSS).record({
        receivedOn: '2024-02-06',
        fromWhom: 'A resident',
        summary: 'The service is not ready',
      });
      assert.equal(page.url(), proposalUrl, 'back on the proposal');
      await openAction(page, restoration, /^record the response/);
      await assertAccessible(page, 'respond to a representation');
      await assertRefused(form, await form.submit(), 'respond to a representation sent empty');
    }));
});
