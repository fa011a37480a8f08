import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { isAllowed } from '#src/auth/policy.ts';
import { ROLE_LABELS, type Role } from '#src/auth/roles.ts';
import { Layout } from './pages/layout.ts';
import { SignInPage } from './pages/sign-in-page.ts';
import { assertAccessible } from './support/axe.ts';
import { browserUnavailable, serverAndBrowserForSuite } from './support/browser.ts';
import { DEMO_GSS, DEMO_PASSWORD, DEMO_POWERS, DEMO_USERS } from './support/demo.ts';
import { pageKind } from './support/page-kind.ts';
import { assertReflows } from './support/reflow.ts';

/**
 * More kinds of page than this from one role's navigation means the crawl has run
 * away. The crawl opens one page of each kind (see pageKind): a role meets about 20.
 */
const MAX_PAGES_PER_ROLE = 40;

const council = `/councils/${DEMO_GSS}`;

/** The pages anyone can read without signing in, and the status each answers with. */
const PUBLIC_PAGES: [path: string, status: number][] = [
  ['/', 200],
  ['/sign-in', 200],
  ['/accessibility', 200],
  ['/no-such-page', 404],
  [`${council}/powers`, 200],
  [`${council}/powers?date=2016-03-01`, 200],
  [`${council}/powers/lic-taxi`, 200],
  [`${council}/directions`, 200],
  [`${council}/directions/${DEMO_POWERS.direction2016.id}`, 200],
  [`${council}/commissioners`, 200],
  [`${council}/restorations`, 200],
  [`${council}/restorations/${DEMO_POWERS.restoration2016.id}`, 200],
  [`${council}/decisions`, 200],
  [`${council}/decisions/${DEMO_POWERS.decision.id}`, 200],
  [`${council}/readiness`, 200],
  // 31 February: a date the picker cannot send, but an address can.
  [`${council}/powers?date=2016-02-31`, 400],
];

/** The kinds of Powers page every role reaches from its navigation. */
const POWERS_KINDS = [
  '/powers',
  '/powers/:code',
  '/directions',
  '/directions/:id',
  '/commissioners',
  '/restorations',
  '/restorations/:id',
  '/decisions',
  '/decisions/:id',
  '/readiness',
].map((kind) => `${council}${kind}`);

/** Whether a link leads to a page of this service worth opening (not the JSON API, not sign-in). */
function isServicePage(url: URL, baseUrl: string): boolean {
  return (
    url.origin === new URL(baseUrl).origin &&
    !url.pathname.startsWith('/api/') &&
    !url.pathname.startsWith('/sign-in') &&
    !url.pathname.endsWith('.csv') &&
    !IMPROVEMENT_DETAIL.test(url.pathname)
  );
}

/**
 * The Improvement module's pages below its lists: e2e/improvement.test.ts opens every
 * kind of them (and each form) with the same checks, so each role's crawl stops at the lists.
 */
const IMPROVEMENT_DETAIL = /^\/councils\/[^/]+\/(plans|projects|indicators|peer-reviews)\/./;

/** Each page has one banner, one navigation landmark for the service, one main and one footer. */
async function assertLandmarks(page: Page, label: string): Promise<void> {
  for (const role of ['banner', 'main', 'contentinfo'] as const) {
    assert.equal(await page.getByRole(role).count(), 1, `${label} should have one ${role} landmark`);
  }
}

describe('every page meets WCAG 2.2 AA', { skip: browserUnavailable }, () => {
  const running = serverAndBrowserForSuite();

  describe('public pages', () => {
    for (const [path, status] of PUBLIC_PAGES) {
      it(`${path} answers ${status} and has no accessibility violations`, async () => {
        const context = await running.browser.newContext();
        try {
          const page = await context.newPage();
          const response = await page.goto(`${running.server.baseUrl}${path}`);
          assert.equal(response?.status(), status);
          await assertAccessible(page, path);
          await assertLandmarks(page, path);
          await assertReflows(page, path);

          const layout = new Layout(page);
          const navigation = (await layout.navigationLinks()).map((l) => l.text);
          assert.equal(
            navigation.includes('Who holds power'),
            path.startsWith('/councils/'),
            `${path} offers 'Who holds power' in its navigation exactly when it is a council's page: ${navigation}`,
          );
          if (status === 400) {
            assert.match(await page.title(), /^Error: /);
            assert.deepEqual(
              (await layout.errorSummaryLinks()).map((l) => l.href),
              ['#date'],
              'the error summary links to the date field',
            );
          }
        } finally {
          await context.close();
        }
      });
    }
  });

  it('the demo council has one login for each of the seven roles', () => {
    assert.equal(new Set(DEMO_USERS.map((u) => u.role)).size, 7);
  });

  for (const user of DEMO_USERS) {
    const label = ROLE_LABELS[user.role as Role];
    const article = /^[AEIOU]/.test(label) ? 'an' : 'a';
    it(`${article} ${label} can open every kind of page their navigation leads to, and none has violations`, async () => {
      const context = await running.browser.newContext();
      try {
        const page = await context.newPage();
        const signIn = await new SignInPage(page, running.server.baseUrl).open();
        await signIn.signIn(user.email, DEMO_PASSWORD);
        assert.equal(new URL(page.url()).pathname, '/home');

        const layout = new Layout(page);
        const navigationSeen = new Set<string>();
        const queue = [page.url()];
        const opened = new Set<string>();
        while (queue.length > 0) {
          const address = queue.shift() as string;
          const key = pageKind(address);
          if (opened.has(key)) continue;
          opened.add(key);
          assert.ok(
            opened.size <= MAX_PAGES_PER_ROLE,
            `more than ${MAX_PAGES_PER_ROLE} pages: ${[...opened]}`,
          );

          const response = await page.goto(address);
          assert.equal(response?.status(), 200, `${key} answered ${response?.status()} to a ${user.role}`);
          assert.equal(await layout.signOutButton.count(), 1, `${key} does not show the sign-out button`);
          await assertAccessible(page, `${key} (as ${user.role})`);
          await assertLandmarks(page, key);
          await assertReflows(page, `${key} (as ${user.role})`);

          for (const link of await layout.navigationLinks()) {
            navigationSeen.add(link.text);
            queue.push(link.url);
          }
          for (const href of await layout.contentLinks()) {
            if (isServicePage(new URL(href), running.server.baseUrl)) queue.push(href);
          }
        }

        // The navigation offers exactly what the permission policy allows.
        const role = user.role as Role;
        assert.ok(navigationSeen.has('Home'));
        assert.ok(navigationSeen.has('Council'), `${user.role} never saw a Council link`);
        assert.ok(navigationSeen.has('Who holds power'), `${user.role} never saw a 'Who holds power' link`);
        assert.equal(navigationSeen.has('Ledger'), isAllowed(role, 'ledger:view'), 'Ledger link');
        assert.equal(
          navigationSeen.has('Verify the record'),
          isAllowed(role, 'ledger:verify'),
          'Verify the record link',
        );
        const missed = POWERS_KINDS.filter((kind) => !opened.has(kind));
        assert.deepEqual(missed, [], `${user.role} never reached these Powers pages; opened ${[...opened]}`);
      } finally {
        await context.close();
      }
    });
  }
});
