import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { demoBundle } from '#src/bundles/demo/index.ts';
import { REPORT_DAY } from '#src/bundles/demo/licensing.ts';
import { Layout } from './pages/layout.ts';
import { signInAsDemo } from './pages/sign-in-page.ts';
import { assertAccessible } from './support/axe.ts';
import { browserUnavailable, serverAndBrowserForSuite } from './support/browser.ts';
import { DEMO_GSS } from './support/demo.ts';

const BASE = `/councils/${DEMO_GSS}/licensing`;
const licensing = demoBundle().licensing;

describe('the Licensing pages in a browser', { skip: browserUnavailable }, () => {
  const running = serverAndBrowserForSuite();
  const url = (path: string) => `${running.server.baseUrl}${path}`;

  async function asOfficer<T>(run: (page: Page) => Promise<T>): Promise<T> {
    const context = await running.browser.newContext();
    try {
      const page = await context.newPage();
      await signInAsDemo(page, running.server.baseUrl, 'licensing_officer');
      return await run(page);
    } finally {
      await context.close();
    }
  }
  const go = (page: Page, click: () => Promise<unknown>) => Promise.all([page.waitForNavigation(), click()]);

  it('a licensing officer finds the driver whose DBS update check is overdue, tries to renew on 27 November 2015, and is refused with the reason', () =>
    asOfficer(async (page) => {
      await page.goto(url('/home'));
      const nav = await new Layout(page).navigationLinks();
      const item = nav.find((l) => l.text === 'Licensing');
      assert.ok(item, `the navigation offers Licensing: ${nav.map((l) => l.text).join(', ')}`);
      await page.goto(item.url);
      await assertAccessible(page, 'licensing overview');
      await go(page, () => page.getByRole('link', { name: 'Licence holders', exact: true }).click());
      await page.fill('#name', 'Overdue-Sampleton');
      await go(page, () => page.getByRole('button', { name: 'Find holders' }).click());
      await assertAccessible(page, 'holders found');
      await go(page, () =>
        page.locator('[data-testid="holders"] a', { hasText: 'Rene Overdue-Sampleton' }).click(),
      );
      await assertAccessible(page, 'holder');
      await go(page, () => page.locator('[data-testid="licences"] a', { hasText: 'Renew' }).click());
      await assertAccessible(page, 'gate form');
      await page.fill('#on', REPORT_DAY);
      await page.fill('#endOn', '2018-12-09');
      await go(page, () => page.getByRole('button', { name: 'Grant or renew' }).click());
      const summary = page.locator('.govuk-error-summary');
      assert.equal(await summary.count(), 1, 'the refusal is in the error summary');
      const text = (await summary.innerText()).replace(/\s+/g, ' ');
      assert.match(text, /cannot be renewed on 27 November 2015\. The attempt is recorded/);
      assert.match(
        text,
        /The DBS update service status check is overdue: the last was on 15 April 2015 and it ran out on 15 October 2015/,
      );
      await assertAccessible(page, 'gate refusal');
      // The summary's link moves focus to the check that refused it.
      await page.locator('.govuk-error-summary a[href="#dbs_status_check"]').click();
      assert.equal(await page.evaluate(() => document.activeElement?.id), 'dbs_status_check');
      // The attempt is on the holder's record.
      await go(page, () => page.getByRole('link', { name: 'Back to Rene Overdue-Sampleton' }).click());
      assert.match(await page.locator('[data-testid="attempts"]').innerText(), /Refused: The DBS update/);
    }));

  it('the register is searched by name, the entries listed with reasons, and a search with nothing in it is refused', () =>
    asOfficer(async (page) => {
      const entry =
        licensing.registerEntries.find((e) => e.action === 'revoked') ?? assert.fail('a revocation');
      const surname = entry.name.split(' ').pop() as string;
      await page.goto(url(`${BASE}/register`));
      await assertAccessible(page, 'register search');
      await go(page, () => page.getByRole('button', { name: 'Search the register' }).click());
      assert.match(
        await page.locator('.govuk-error-summary').innerText(),
        /Enter a name, a date of birth or a licence number/,
      );
      await assertAccessible(page, 'register search refused');
      await page.fill('#name', surname.toLowerCase());
      await go(page, () => page.getByRole('button', { name: 'Search the register' }).click());
      const expected = licensing.registerEntries.filter((e) => e.name.split(' ').includes(surname)).length;
      assert.match(await page.getByTestId('register-count').innerText(), new RegExp(`^${expected} entr`));
      assert.match(await page.getByTestId('register').innerText(), /Revoked/);
      assert.ok(await page.getByRole('link', { name: /Download these entries as CSV/ }).isVisible());
      await assertAccessible(page, 'register entries');
    }));

  it('compliance on 27 November 2015 shows who is overdue and how many are trained; the vehicle checks show the unannounced share', () =>
    asOfficer(async (page) => {
      await page.goto(url(`${BASE}/compliance?date=${REPORT_DAY}`));
      await assertAccessible(page, 'compliance');
      assert.match(await page.getByTestId('as-at').innerText(), /27 November 2015/);
      const first = page.locator('[data-testid="attention"] tbody a').first();
      const name = await first.innerText();
      await go(page, () => first.click());
      assert.equal((await page.locator('h1').innerText()).split('\n').pop(), name);
      assert.match(await page.getByTestId('as-at').innerText(), /27 November 2015/);
      await page.goto(url(`${BASE}/vehicle-checks`));
      await assertAccessible(page, 'vehicle checks');
      const quarters = await page.locator('[data-testid="shares"] tbody tr').count();
      assert.ok(quarters > 4, `${quarters} quarters are shown`);
    }));

  it('the forms for a holder, an application, a check, a refusal and a vehicle check are accessible, with and without errors', () =>
    asOfficer(async (page) => {
      const applicant = licensing.licences.find((l) => l.status === 'application') ?? assert.fail();
      const forms = [
        `${BASE}/holders/new`,
        `${BASE}/holders/${applicant.holderId}/licences/new`,
        `${BASE}/holders/${applicant.holderId}/checks/new`,
        `${BASE}/licences/${applicant.id}/refuse`,
        `${BASE}/vehicle-checks/new`,
      ];
      for (const form of forms) {
        await page.goto(url(form));
        await assertAccessible(page, form);
        for (const input of await page.locator('main form input[type="date"]').all()) await input.fill('');
        await go(page, () => page.locator('main form button').click());
        assert.equal(await page.locator('.govuk-error-summary').count(), 1, `${form} shows its errors`);
        await assertAccessible(page, `${form} with errors`);
      }
      // A new holder through the form lands on their page.
      await page.goto(url(`${BASE}/holders/new`));
      await page.check('input[name="kind"][value="driver"]');
      await page.fill('#name', 'Alex Browserform-Sampleton');
      await page.fill('#dateOfBirth', '1981-03-04');
      await go(page, () => page.getByRole('button', { name: 'Add the holder' }).click());
      assert.equal(await page.locator('h1').innerText(), 'Driver\nAlex Browserform-Sampleton');
      assert.match(await page.locator('.govuk-notification-banner').innerText(), /Saved/);
    }));
});
