import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import { CouncilPage } from './pages/council-page.ts';
import { Layout } from './pages/layout.ts';
import { PersonFormPage } from './pages/person-form-page.ts';
import { SignInPage, signInAsDemo } from './pages/sign-in-page.ts';
import { assertAccessible } from './support/axe.ts';
import { browserUnavailable, serverAndBrowserForSuite } from './support/browser.ts';
import { DEMO_GSS, DEMO_PASSWORD, demoUser } from './support/demo.ts';

describe('signing in, recording a person and signing out in a browser', { skip: browserUnavailable }, () => {
  const running = serverAndBrowserForSuite();

  /** Runs a test in a fresh browser context (its own cookies), closed afterwards. */
  async function inContext<T>(
    run: (context: BrowserContext) => Promise<T>,
    options: { javaScriptEnabled?: boolean } = {},
  ): Promise<T> {
    const context = await running.browser.newContext(options);
    try {
      return await run(context);
    } finally {
      await context.close();
    }
  }

  it('a wrong password shows the error summary, focused and announced, linking to the email field', () =>
    inContext(async (context) => {
      const page = await context.newPage();
      const signIn = await new SignInPage(page, running.server.baseUrl).open();
      const email = demoUser('councillor').email;
      await signIn.signIn(email, 'not-the-password');

      assert.match(await page.title(), /^Error: Sign in/);
      assert.ok(await signIn.errorSummary.isVisible());
      assert.equal(await signIn.errorSummary.locator('[role="alert"]').count(), 1, 'summary is announced');
      // govuk-frontend moves focus to the summary once its script has run.
      await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'));
      assert.deepEqual(await signIn.errorSummaryLinks(), [
        { text: 'The email address or password is not right', href: '#email' },
      ]);
      assert.equal(await signIn.email.inputValue(), email, 'the email address is kept');
      assert.equal(await signIn.password.inputValue(), '', 'the password is not sent back');
      assert.match((await page.locator('#email-error').textContent()) ?? '', /not right/);

      await signIn.errorSummary.getByRole('link').click();
      await page.waitForFunction(() => document.activeElement?.id === 'email');
      await assertAccessible(page, 'sign-in with an error');
    }));

  it('the person form sent empty lists each problem in the summary, linked to its field', () =>
    inContext(async (context) => {
      const page = await context.newPage();
      await signInAsDemo(page, running.server.baseUrl, 'commissioner');
      const form = await new PersonFormPage(page, running.server.baseUrl, DEMO_GSS).open();
      await form.submit({});

      assert.match(await page.title(), /^Error: /);
      await page.waitForFunction(() => document.activeElement?.classList.contains('govuk-error-summary'));
      const links = await form.errorSummaryLinks();
      assert.deepEqual(
        links.map((l) => l.href),
        ['#name', '#kind', '#publicRole'],
      );
      for (const link of links) {
        const field = page.locator(link.href);
        assert.equal(await field.count(), 1, `${link.href} names a field on the page`);
        const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
        const fieldset = page.locator(`fieldset:has(${link.href})`);
        const fieldsetDescribedBy = (await fieldset.count())
          ? await fieldset.getAttribute('aria-describedby')
          : '';
        assert.match(
          `${describedBy} ${fieldsetDescribedBy ?? ''}`,
          /-error\b/,
          `${link.href} has its error message described`,
        );
      }
      await form.errorSummary.getByRole('link', { name: 'Enter the public role' }).click();
      await page.waitForFunction(() => document.activeElement?.id === 'publicRole');
      await assertAccessible(page, 'person form with errors');
    }));

  it('a valid person is recorded and shown on the council page', () =>
    inContext(async (context) => {
      const page = await context.newPage();
      await signInAsDemo(page, running.server.baseUrl, 'commissioner');
      const form = await new PersonFormPage(page, running.server.baseUrl, DEMO_GSS).open();
      await form.submit({
        name: 'Ada Browser-Test',
        kindLabel: 'Commissioners',
        publicRole: 'Commissioner for Testing',
        fromDate: '2024-04-01',
        source: 'Written by the browser tests',
      });

      const council = new CouncilPage(page, running.server.baseUrl, DEMO_GSS);
      assert.equal(new URL(page.url()).pathname, `/councils/${DEMO_GSS}`);
      assert.ok(await council.successBanner.isVisible(), 'success banner');
      const row = council.peopleTable('commissioner').locator('tr', { hasText: 'Ada Browser-Test' });
      assert.equal(await row.count(), 1);
      assert.match((await row.textContent()) ?? '', /Commissioner for Testing[\s\S]*1 April 2024/);
      await assertAccessible(page, 'council page after recording a person');
    }));

  /** Signs the auditor in, opens the council's ledger, and signs out. */
  async function signInThenOut(context: BrowserContext) {
    const page = await context.newPage();
    const user = demoUser('auditor');
    await new SignInPage(page, running.server.baseUrl)
      .open()
      .then((p) => p.signIn(user.email, DEMO_PASSWORD));
    const layout = new Layout(page);
    await page.goto(`${running.server.baseUrl}/councils/${DEMO_GSS}/ledger`);
    assert.match((await layout.councilCaption.textContent()) ?? '', new RegExp(`Signed in as ${user.name}`));
    await layout.signOut();
    return { page, layout, user };
  }

  it('signing out returns to sign-in, and Home then asks the person to sign in again', () =>
    inContext(async (context) => {
      const { page, layout } = await signInThenOut(context);
      assert.equal(new URL(page.url()).pathname, '/sign-in');
      assert.equal(await layout.heading.textContent(), 'Sign in to Fresh Start');
      assert.equal(await layout.signOutButton.count(), 0);

      await page.goto(`${running.server.baseUrl}/home`);
      assert.equal(new URL(page.url()).pathname, '/sign-in', 'Home asks the person to sign in again');
      assert.equal(await layout.signOutButton.count(), 0);
      assert.equal(await layout.councilCaption.count(), 0);
    }));

  it('Back after signing out does not show the signed-in page again (signed-in pages are no-store)', () =>
    inContext(async (context) => {
      const { page, layout, user } = await signInThenOut(context);
      await page.goBack();
      assert.equal(await layout.signOutButton.count(), 0, `Back showed signed-in content at ${page.url()}`);
      assert.doesNotMatch(await page.content(), new RegExp(`Signed in as ${user.name}`));
    }));

  it('works with JavaScript turned off: sign in, see a form error, record nothing, sign out', () =>
    inContext(
      async (context) => {
        const page = await context.newPage();
        const user = demoUser('officer');
        const signIn = await new SignInPage(page, running.server.baseUrl).open();
        await signIn.signIn(user.email, DEMO_PASSWORD);
        assert.equal(new URL(page.url()).pathname, '/home');
        assert.doesNotMatch((await page.getAttribute('body', 'class')) ?? '', /js-enabled/);
        assert.match((await signIn.heading.textContent()) ?? '', new RegExp(user.name));
        // Without JavaScript the service navigation is not collapsed behind a Menu button.
        assert.ok(await signIn.serviceNavigation.getByRole('link', { name: 'Council' }).isVisible());

        const form = await new PersonFormPage(page, running.server.baseUrl, DEMO_GSS).open();
        await form.submit({ name: 'No Script' });
        assert.deepEqual(
          (await form.errorSummaryLinks()).map((l) => l.href),
          ['#kind', '#publicRole'],
        );
        assert.equal(await page.locator('#name').inputValue(), 'No Script', 'entered values are kept');

        await form.signOut();
        assert.equal(new URL(page.url()).pathname, '/sign-in');
        assert.equal(await form.signOutButton.count(), 0);
      },
      { javaScriptEnabled: false },
    ));
});
