import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { Layout } from './pages/layout.ts';
import { signInAsDemo } from './pages/sign-in-page.ts';
import { assertAccessible } from './support/axe.ts';
import { browserUnavailable, serverAndBrowserForSuite } from './support/browser.ts';
import { DEMO_GSS } from './support/demo.ts';
import { pageKind } from './support/page-kind.ts';
import { assertReflows } from './support/reflow.ts';

const BASE = `/councils/${DEMO_GSS}`;
/** The Improvement module's pages: plans, projects, indicators and peer reviews, never a download. */
const IMPROVEMENT_PAGE = new RegExp(`^${BASE}/(plans|projects|indicators|peer-reviews)(/|$)`);
/** Each kind of Improvement page is opened at least once by the crawl below; it stops here. */
const MAX_KINDS = 30;

describe('the Improvement pages in a browser', { skip: browserUnavailable }, () => {
  const running = serverAndBrowserForSuite();

  async function inContext<T>(run: (page: Page) => Promise<T>): Promise<T> {
    const context = await running.browser.newContext();
    try {
      return await run(await context.newPage());
    } finally {
      await context.close();
    }
  }

  /** The Improvement pages a page links to, as absolute addresses. */
  async function improvementLinks(page: Page): Promise<string[]> {
    return (await new Layout(page).contentLinks()).filter((href) => {
      const url = new URL(href);
      return (
        url.origin === running.server.baseUrl &&
        IMPROVEMENT_PAGE.test(url.pathname) &&
        !url.pathname.endsWith('.csv')
      );
    });
  }

  it('a new visitor sees the plan as at 31 October 2015, and each percentage leads to the projects it counts', () =>
    inContext(async (page) => {
      await page.goto(`${running.server.baseUrl}${BASE}/plans`);
      await assertAccessible(page, 'plans');
      const planLink = page.locator('[data-testid="plans"] td:first-child a', {
        hasText: 'Fresh Start Improvement Plan',
      });
      assert.equal(await planLink.count(), 1);
      await Promise.all([page.waitForNavigation(), planLink.click()]);
      await page.goto(`${page.url().split('?')[0]}?date=2015-10-31`);
      assert.match((await page.locator('[data-testid="as-at"]').textContent()) ?? '', /31 October 2015/);
      const rows = page.locator('[data-testid="status-counts"] tbody tr');
      const figures: { count: number; percent: number; href: string }[] = [];
      for (const row of await rows.all()) {
        const count = Number((await row.locator('[data-testid="count"]').innerText()).match(/^\d+/)?.[0]);
        const percentLink = row.locator('[data-testid="percent"]');
        const percent = Number((await percentLink.innerText()).match(/^\d+/)?.[0]);
        figures.push({ count, percent, href: (await percentLink.getAttribute('href')) ?? '' });
      }
      const total = figures.reduce((n, f) => n + f.count, 0);
      assert.equal(total, 132, 'the plan has 132 projects');
      assert.deepEqual(
        figures.filter((f) => f.count > 0).map((f) => f.percent),
        [25, 66, 7, 2],
        'complete, on track, behind with management action, not yet due',
      );
      for (const f of figures) assert.equal(f.percent, Math.round((f.count * 100) / total));
      for (const f of figures.filter((x) => x.count > 0)) {
        await page.goto(new URL(f.href, running.server.baseUrl).toString());
        const listed = await page.locator('main table tbody tr').count();
        assert.equal(listed, Math.min(f.count, 100), `${f.href} lists the ${f.count} projects it counts`);
      }
      await assertAccessible(page, 'projects of one status');
    }));

  it('the 2008 CSE action plan is flagged as repeating the 2006 plan, with a similarity', () =>
    inContext(async (page) => {
      await page.goto(`${running.server.baseUrl}${BASE}/plans`);
      const row = page.locator('[data-testid="plans"] tbody tr', { hasText: '2008' });
      const recycled = row.locator('[data-testid="recycled-count"] a');
      assert.equal(await recycled.count(), 1, 'the 2008 plan has flagged items');
      await Promise.all([page.waitForNavigation(), recycled.click()]);
      const text = (await page.locator('main').innerText()).replace(/\s+/g, ' ');
      assert.match(text, /2006/);
      assert.match(text, /similarity/i);
      await assertAccessible(page, 'recycled items of the 2008 plan');
      await assertReflows(page, 'recycled items of the 2008 plan');
    }));

  it('every kind of Improvement page reachable from the plans, indicators and peer reviews opens without accessibility violations and reflows at 320px', () =>
    inContext(async (page) => {
      const queue = [`${BASE}/plans`, `${BASE}/indicators`, `${BASE}/peer-reviews`].map(
        (p) => `${running.server.baseUrl}${p}`,
      );
      const opened = new Set<string>();
      while (queue.length > 0) {
        const address = queue.shift() as string;
        const kind = pageKind(address);
        if (opened.has(kind)) continue;
        opened.add(kind);
        assert.ok(opened.size <= MAX_KINDS, `more than ${MAX_KINDS} kinds of page: ${[...opened]}`);
        const response = await page.goto(address);
        assert.equal(response?.status(), 200, `${kind} answered ${response?.status()}`);
        await assertAccessible(page, kind);
        await assertReflows(page, kind);
        queue.push(...(await improvementLinks(page)));
      }
      for (const kind of [
        `${BASE}/plans/:id`,
        `${BASE}/plans/:id/projects`,
        `${BASE}/plans/:id/slippage`,
        `${BASE}/plans/:id/recycled`,
        `${BASE}/projects/:id`,
        `${BASE}/indicators/:id`,
        `${BASE}/peer-reviews/:id`,
      ])
        assert.ok(opened.has(kind), `the crawl opened ${kind}: ${[...opened]}`);
    }));

  it('an indicator page has a chart with a text alternative, the data table beside it, and no data shown as no data', () =>
    inContext(async (page) => {
      await page.goto(`${running.server.baseUrl}${BASE}/indicators`);
      const links = page.locator('[data-testid="indicators"] a');
      const count = await links.count();
      assert.ok(count >= 2);
      let sawNoData = false;
      for (let i = 0; i < count; i++) {
        await page.goto(`${running.server.baseUrl}${BASE}/indicators`);
        await Promise.all([page.waitForNavigation(), links.nth(i).click()]);
        const chart = page.locator('svg[data-testid="chart"]');
        assert.equal(await chart.getAttribute('role'), 'img');
        const labelledBy = ((await chart.getAttribute('aria-labelledby')) ?? '').split(' ');
        for (const id of labelledBy) assert.ok(((await page.locator(`#${id}`).textContent()) ?? '').trim());
        assert.ok((await page.locator('[data-testid="values"] tbody tr').count()) > 0);
        const statuses = await page.locator('[data-testid="values"] [data-testid="status"]').allInnerTexts();
        const values = await page.locator('[data-testid="values"] [data-testid="value"]').allInnerTexts();
        statuses.forEach((s, k) => {
          if (/no data/i.test(s)) {
            sawNoData = true;
            assert.doesNotMatch(values[k] ?? '', /\d/, 'a period with no data shows no value');
          }
        });
      }
      assert.ok(sawNoData, 'the demo has a period with no value, shown as no data');
    }));

  it('a signed-in officer finds each Improvement form, which refuses an empty submission with the error summary and passes axe', () =>
    inContext(async (page) => {
      await signInAsDemo(page, running.server.baseUrl, 'officer');
      await page.goto(`${running.server.baseUrl}${BASE}/plans`);
      await Promise.all([
        page.waitForNavigation(),
        page
          .locator('[data-testid="plans"] td:first-child a', { hasText: 'Fresh Start Improvement Plan' })
          .click(),
      ]);
      // The plan's projects, until one still has a milestone to complete: its page links to every project form.
      await page.goto(`${page.url().split('?')[0]}/projects`);
      const projects = (await new Layout(page).contentLinks()).filter((href) =>
        /\/projects\/[0-9a-f-]{36}$/.test(new URL(href).pathname),
      );
      let forms: string[] = [];
      for (const project of projects) {
        await page.goto(project);
        forms = (await new Layout(page).contentLinks()).filter((href) =>
          /\/(rebaseline|actions\/new|commentary\/new|complete)(\?|$)/.test(new URL(href).pathname),
        );
        if (forms.some((href) => href.endsWith('/complete'))) break;
      }
      // Every demo milestone may be done by now: the form is then opened by its address.
      if (!forms.some((href) => href.endsWith('/complete'))) {
        const milestone = await page
          .locator('[data-testid="milestone"]')
          .first()
          .getAttribute('data-milestone');
        forms.push(`${page.url().split('?')[0]}/milestones/${milestone}/complete`);
      }
      await page.goto(`${running.server.baseUrl}${BASE}/indicators`);
      await page.locator('[data-testid="indicators"] a').first().click();
      await page.waitForLoadState();
      forms.push(
        ...(await new Layout(page).contentLinks()).filter((href) =>
          /\/values\/new$/.test(new URL(href).pathname),
        ),
        `${running.server.baseUrl}${BASE}/plans/new`,
      );
      const kinds = new Set<string>();
      for (const form of forms) {
        const kind = pageKind(form);
        if (kinds.has(kind)) continue;
        kinds.add(kind);
        const response = await page.goto(form);
        assert.equal(response?.status(), 200, `${kind} opens for an officer`);
        await assertAccessible(page, kind);
        await clearForm(page);
        await Promise.all([
          page.waitForNavigation(),
          page.locator('main form button.govuk-button').first().click(),
        ]);
        const summary = new Layout(page).errorSummary;
        assert.equal(await summary.count(), 1, `${kind} shows the error summary when sent empty`);
        assert.match(await page.title(), /^Error: /);
        await assertAccessible(page, `${kind} with errors`);
      }
      assert.ok(kinds.size >= 6, `the officer found every kind of form: ${[...kinds]}`);
    }));
});

/** Empties every text field of the page's form (some start filled with today's date). */
async function clearForm(page: Page): Promise<void> {
  for (const field of await page
    .locator(
      'main form input[type="text"], main form input[type="date"], main form input:not([type]), main form textarea',
    )
    .all())
    await field.fill('');
}
