import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { DECISIONS_PAGE_SIZE } from '#src/modules/powers/decision-queries.ts';
import { CRITERION_LABELS, STEP_LABELS } from '#src/modules/powers/rules/protocol-labels.ts';
import { CRITERIA, RESTORATION_STEPS } from '#src/modules/powers/schema.ts';
import { DirectionPage, FunctionPage, PowersPage, StartPage } from './pages/powers-page.ts';
import { DecisionsPage, ReadinessPage } from './pages/readiness-page.ts';
import { RestorationPage } from './pages/restoration-page.ts';
import { assertAccessible } from './support/axe.ts';
import { browserUnavailable, serverAndBrowserForSuite } from './support/browser.ts';
import { DEMO_GSS, DEMO_POWERS } from './support/demo.ts';

const TAXI = 'Taxi and private hire licensing';
const LONG_DATE =
  /^\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}$/;

describe('reading who holds power, and why, in a browser', { skip: browserUnavailable }, () => {
  const running = serverAndBrowserForSuite();

  /** Runs a test in a fresh browser context (its own cookies, signed out), closed afterwards. */
  async function asVisitor<T>(run: (page: Page, context: BrowserContext) => Promise<T>): Promise<T> {
    const context = await running.browser.newContext();
    try {
      return await run(await context.newPage(), context);
    } finally {
      await context.close();
    }
  }

  /** Clicks a link and waits for the page it leads to. */
  async function follow(page: Page, link: ReturnType<Page['locator']>, what: string): Promise<void> {
    assert.equal(await link.count(), 1, `there is one link to ${what}`);
    await Promise.all([page.waitForNavigation(), link.click()]);
  }

  it('a new visitor finds, by clicking from the start page, who held taxi licensing on 1 March 2016, the Direction behind it and its history', () =>
    asVisitor(async (page) => {
      const start = await new StartPage(page, running.server.baseUrl).open();
      await follow(
        page,
        start.powersLinkOf('Rotherham'),
        "Rotherham's 'Who holds power' page from the start page",
      );

      const powers = new PowersPage(page, running.server.baseUrl, DEMO_GSS);
      assert.equal(new URL(page.url()).pathname, `/councils/${DEMO_GSS}/powers`);
      assert.equal(await powers.date.getAttribute('type'), 'date', 'the date is chosen with a date picker');
      await powers.pickDate('2016-03-01');
      assert.equal(new URL(page.url()).searchParams.get('date'), '2016-03-01');
      assert.match((await powers.heading.textContent()) ?? '', /Who holds power on 1 March 2016/);
      assert.equal(await powers.date.inputValue(), '2016-03-01', 'the picker keeps the date chosen');
      await assertAccessible(page, 'who holds power on 1 March 2016');

      assert.match(await powers.holderOf('lic-taxi'), /Mary Ney/, 'Mary Ney held taxi licensing');
      await follow(page, powers.recordLink('lic-taxi', 'Direction'), 'the Direction behind taxi licensing');

      const direction = new DirectionPage(page);
      assert.match(new URL(page.url()).pathname, new RegExp(`/directions/${DEMO_POWERS.direction2016.id}$`));
      assert.equal((await direction.heading.textContent())?.includes(DEMO_POWERS.direction2016.title), true);
      assert.match(
        (await direction.text.textContent()) ?? '',
        /Commissioners continue to exercise[\s\S]*Licensing/,
      );
      assert.equal(await direction.provisionFor(TAXI), 'Exercised by Commissioners');
      await assertAccessible(page, 'the Direction behind taxi licensing');

      await page.goBack();
      await follow(page, powers.functionLink('lic-taxi'), "taxi licensing's own page");
      const fn = new FunctionPage(page);
      assert.match(new URL(page.url()).pathname, /\/powers\/lic-taxi$/);
      const timeline = await fn.timeline();
      assert.ok(timeline.length >= 3, `the timeline shows each change of holder: ${timeline.join(' / ')}`);
      assert.ok(
        timeline.some((h) => /^From 26 February 2015: .*Mary Ney/.test(h)),
        `Mary Ney took it with the Directions of February 2015: ${timeline.join(' / ')}`,
      );
      assert.match(timeline.at(-1) ?? '', /^From 1 February 2017: .*Licensing Committee/, 'returned in 2017');
      await assertAccessible(page, "taxi licensing's history");
    }));

  it('a restored executive function links on 1 February 2016 to the restoration, whose criteria, evidence and eight steps are all shown as met and completed', () =>
    asVisitor(async (page) => {
      const powers = await new PowersPage(page, running.server.baseUrl, DEMO_GSS).open('2016-02-01');
      assert.match(
        await powers.holderOf('exec-highways'),
        /Cabinet Member/,
        'highways returned to a Cabinet Member',
      );
      await follow(page, powers.recordLink('exec-highways', 'restoration'), 'the restoration of highways');

      const restoration = new RestorationPage(page);
      assert.match(
        new URL(page.url()).pathname,
        new RegExp(`/restorations/${DEMO_POWERS.restoration2016.id}$`),
      );
      assert.match((await restoration.heading.textContent()) ?? '', /Appendix B/);
      assert.match((await restoration.status.textContent()) ?? '', /Effective/);

      const names = await restoration.functionNames();
      assert.ok(names.includes('Highways and transport'), `highways is in the proposal: ${names}`);
      let figures = 0;
      for (const [i, name] of names.entries()) {
        const shown = await restoration.criteriaOf(i);
        assert.deepEqual(
          shown.slice(0, 4).map((c) => c.label),
          CRITERIA.map((c) => CRITERION_LABELS[c]),
          `${name} shows the four criteria`,
        );
        for (const c of shown.slice(0, 4)) {
          assert.equal(c.verdict, 'Met', `${name}: ${c.label}`);
          assert.ok(c.evidence.length > 'Met. '.length + 20, `${name}: ${c.label} has its evidence`);
        }
        const councillors = shown[3]?.evidence ?? '';
        assert.match(
          councillors,
          /Readiness evidence: \d+ decisions? on a councillor’s proposal|No decision on this function has yet been taken on a councillor’s proposal/,
          `${name}: the readiness evidence is beside the councillors criterion`,
        );
        if (shown[3]?.readiness) {
          figures += 1;
          assert.equal(
            await restoration.readinessLinkOf(i).count(),
            1,
            `${name}: the figure links to its decisions`,
          );
        }
      }
      assert.ok(figures > 0, 'at least one function of the proposal shows a readiness figure');

      const steps = await restoration.stepsShown();
      assert.deepEqual(
        steps.map((s) => s.heading),
        RESTORATION_STEPS.map((s, i) => `(${'abcdefgh'[i]}) ${STEP_LABELS[s]}`),
        'the eight steps, in order',
      );
      for (const s of steps) {
        assert.equal(s.status, 'Completed', s.heading);
        assert.match(s.date, LONG_DATE, `${s.heading} shows its date`);
      }
      const days = steps.map((s) => Date.parse(s.date));
      assert.deepEqual(
        [...days].sort((a, b) => a - b),
        days,
        'each step is dated on or after the one before',
      );
      assert.match(steps.at(-1)?.date ?? '', /^1 February 2016$/, 'effective on 1 February 2016');
      await assertAccessible(page, 'the restoration of February 2016');
    }));

  it('each readiness figure links to the decisions behind it, and that list counts exactly as many', () =>
    asVisitor(async (page) => {
      const readiness = await new ReadinessPage(page, running.server.baseUrl, DEMO_GSS).open();
      await assertAccessible(page, 'readiness evidence');
      const figures = [
        ...(await readiness.figures('functions')).map((f) => ({ ...f, by: 'function' })),
        ...(await readiness.figures('councillors')).map((f) => ({ ...f, by: 'councillor' })),
      ];
      assert.ok(figures.length > 0, 'the demo council has readiness figures');

      // Follow the first figure by clicking, as a reader would; the rest by address.
      const first = figures[0];
      assert.ok(first);
      await follow(
        page,
        readiness.table('functions').getByRole('link').first(),
        `the decisions behind ${first.name}`,
      );
      assert.equal(page.url(), first.href);

      const list = new DecisionsPage(page);
      const wrong: string[] = [];
      for (const f of figures) {
        if (page.url() !== f.href) await page.goto(f.href);
        const total = await list.total();
        const rows = await list.rows.count();
        if (total !== f.decisions || rows !== Math.min(f.decisions, DECISIONS_PAGE_SIZE))
          wrong.push(
            `${f.by} ${f.name}: the figure is ${f.decisions}, the list says ${total} and shows ${rows} (${f.href})`,
          );
      }
      assert.deepEqual(
        wrong,
        [],
        `figures whose list of decisions does not count the same:\n${wrong.join('\n')}`,
      );
    }));
});
