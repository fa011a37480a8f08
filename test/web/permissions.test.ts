import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import type { LightMyRequestResponse } from 'fastify';
import { hashPassword } from '#src/auth/passwords.ts';
import { type Action, isAllowed } from '#src/auth/policy.ts';
import { ROLE_LABELS, ROLES, type Role } from '#src/auth/roles.ts';
import { DEMO_PASSWORD, demoBundle } from '#src/bundles/demo/index.ts';
import { parseBundle } from '#src/bundles/import.ts';
import type { Bundle } from '#src/bundles/schema.ts';
import {
  createTestApp,
  DEMO_GSS,
  ledgerHeadOf,
  routesOf,
  type TestApp,
  type Visitor,
} from '../support/app.ts';
import { addImprovementFixture } from '../support/improvement-web.ts';

/** A second council, with its own commissioner and officer, to test council scope. */
const OTHER_GSS = 'E08000019';
const OTHER_COMMISSIONER = 'commissioner@sheffield.example';
const OTHER_OFFICER = 'officer@sheffield.example';

async function otherCouncil(): Promise<Bundle> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return parseBundle({
    format: 'freshstart-bundle',
    version: 1,
    council: { id: randomUUID(), gssCode: OTHER_GSS, name: 'Sheffield City Council', shortName: 'Sheffield' },
    people: [{ id: randomUUID(), name: 'Pat Other', kind: 'officer', publicRole: 'Chief Executive' }],
    users: [
      {
        id: randomUUID(),
        email: OTHER_COMMISSIONER,
        name: 'Other Commissioner',
        role: 'commissioner',
        passwordHash,
      },
      { id: randomUUID(), email: OTHER_OFFICER, name: 'Other Officer', role: 'officer', passwordHash },
    ],
  });
}

/**
 * The routes that must be protected, and by which action. Written out here (not
 * read from the app) so that a route losing or changing its action fails a test.
 */
const PROTECTED: { method: string; url: string; action: Action }[] = [
  { method: 'GET', url: '/home', action: 'home:view' },
  { method: 'GET', url: '/councils/:gss', action: 'council:view' },
  { method: 'GET', url: '/councils/:gss/people/new', action: 'people:manage' },
  { method: 'POST', url: '/councils/:gss/people', action: 'people:manage' },
  { method: 'GET', url: '/councils/:gss/ledger', action: 'ledger:view' },
  { method: 'GET', url: '/ledger/verify', action: 'ledger:verify' },
  ...(
    [
      ['/councils/:gss/decisions/new', 'decisions:record'],
      ['/councils/:gss/directions/new', 'powers:direct'],
      ['/councils/:gss/restorations/new', 'powers:restore'],
      ['/councils/:gss/restorations/:id/functions/new', 'powers:restore'],
      ['/councils/:gss/restorations/:id/steps/new', 'powers:restore'],
      ['/councils/:gss/restorations/:id/pauses/new', 'powers:restore'],
      ['/councils/:gss/restorations/:id/pauses/:pauseId/resolve', 'powers:restore'],
      ['/councils/:gss/restorations/:id/representations/new', 'powers:restore'],
      ['/councils/:gss/restorations/:id/representations/:representationId/respond', 'powers:restore'],
    ] as const
  ).flatMap(([url, action]) => [
    { method: 'GET', url, action },
    { method: 'POST', url, action },
  ]),
  ...(
    [
      ['/councils/:gss/plans/new', 'improvement:manage'],
      ['/councils/:gss/projects/:projectId/milestones/:milestoneId/complete', 'improvement:manage'],
      ['/councils/:gss/projects/:projectId/rebaseline', 'improvement:manage'],
      ['/councils/:gss/projects/:projectId/actions/new', 'improvement:manage'],
      ['/councils/:gss/projects/:projectId/commentary/new', 'improvement:comment'],
      ['/councils/:gss/indicators/:indicatorId/values/new', 'improvement:manage'],
    ] as const
  ).flatMap(([url, action]) => [
    { method: 'GET', url, action },
    { method: 'POST', url, action },
  ]),
  ...[
    '/councils/:gss/licensing/holders',
    '/councils/:gss/licensing/holders/:holderId',
    '/councils/:gss/licensing/compliance',
    '/councils/:gss/licensing/compliance.csv',
    '/councils/:gss/licensing/register',
    '/councils/:gss/licensing/register.csv',
    '/councils/:gss/licensing/reviews/cases/:caseId',
  ].map((url) => ({ method: 'GET', url, action: 'licensing:view' as const })),
  ...[
    '/councils/:gss/licensing/holders/new',
    '/councils/:gss/licensing/holders/:holderId/licences/new',
    '/councils/:gss/licensing/holders/:holderId/checks/new',
    '/councils/:gss/licensing/licences/:licenceId/gate',
    '/councils/:gss/licensing/licences/:licenceId/refuse',
    '/councils/:gss/licensing/vehicle-checks/new',
    '/councils/:gss/licensing/reviews/cases/new',
    ...['investigation', 'hearing', 'adjourn', 'close', 'decision'].map(
      (step) => `/councils/:gss/licensing/reviews/cases/:caseId/${step}`,
    ),
  ].flatMap((url) => [
    { method: 'GET', url, action: 'licensing:manage' as const },
    { method: 'POST', url, action: 'licensing:manage' as const },
  ]),
  { method: 'GET', url: '/api/v1/councils/:gss/licensing/compliance', action: 'licensing:view' },
  { method: 'GET', url: '/api/v1/councils/:gss/licensing/register', action: 'licensing:view' },
];

/** The query a route needs to answer 200 at all: a register search needs a criterion. */
const QUERY: Record<string, string> = {
  '/api/v1/councils/:gss/licensing/register': '?name=Sampleton',
  '/councils/:gss/licensing/register.csv': '?name=Sampleton',
};

/** The routes anyone may use without signing in; everything else must name an action. */
const PUBLIC = new Set([
  'GET /',
  'GET /accessibility',
  'GET /health',
  'GET /sign-in',
  'POST /sign-in',
  'POST /sign-out',
  'GET /api/v1/openapi.json',
  'GET /api/v1/councils',
  'GET /api/v1/councils/:gss',
  'GET /api/v1/ledger/head',
  // The Powers module's record is public (docs/powers.md).
  'GET /councils/:gss/powers',
  'GET /councils/:gss/powers/:code',
  'GET /councils/:gss/directions',
  'GET /councils/:gss/directions/:id',
  'GET /councils/:gss/commissioners',
  'GET /councils/:gss/restorations',
  'GET /councils/:gss/restorations/:id',
  'GET /councils/:gss/decisions',
  'GET /councils/:gss/decisions/:id',
  'GET /councils/:gss/readiness',
  'GET /api/v1/councils/:gss/powers',
  'GET /api/v1/councils/:gss/powers/:code/history',
  'GET /api/v1/councils/:gss/directions',
  'GET /api/v1/councils/:gss/restorations',
  'GET /api/v1/councils/:gss/decisions',
  'GET /api/v1/councils/:gss/readiness',
  // So is the Improvement module's (docs/improvement.md).
  'GET /councils/:gss/plans',
  'GET /councils/:gss/plans/:planId',
  'GET /councils/:gss/plans/:planId/projects',
  'GET /councils/:gss/plans/:planId/summary.csv',
  'GET /councils/:gss/plans/:planId/slippage',
  'GET /councils/:gss/plans/:planId/recycled',
  'GET /councils/:gss/projects/:projectId',
  'GET /councils/:gss/indicators',
  'GET /councils/:gss/indicators/:indicatorId',
  'GET /councils/:gss/peer-reviews',
  'GET /councils/:gss/peer-reviews/:peerReviewId',
  'GET /api/v1/councils/:gss/plans',
  'GET /api/v1/councils/:gss/plans/:planId/summary',
  'GET /api/v1/councils/:gss/plans/:planId/projects',
  'GET /api/v1/councils/:gss/indicators',
  'GET /api/v1/councils/:gss/recycled-items',
  // The review summary and vehicle checks name no licence holder (docs/licensing.md).
  'GET /councils/:gss/licensing',
  'GET /councils/:gss/licensing/vehicle-checks',
  'GET /councils/:gss/licensing/reviews',
  'GET /councils/:gss/licensing/reviews/cases',
  'GET /api/v1/councils/:gss/licensing/reviews/summary',
  'GET /assets/*',
  'GET /govuk/*',
  'GET /public/*',
]);

/** A restoration of the demo council and a pause of it, for the routes that name one. */
const demoPowers = demoBundle().powers;
const DEMO_PAUSE = demoPowers.restorationPauses[0] as { id: string; restorationId: string };
const DEMO_RESTORATION = { id: DEMO_PAUSE.restorationId };
const DEMO_REPRESENTATION = demoPowers.representations.find(
  (r) => r.restorationId === DEMO_PAUSE.restorationId,
) as { id: string };

/** The demo's applicant for a licence, for the routes that name a holder or licence. */
const DEMO_APPLICANT = demoBundle().licensing.licences.find((l) => l.status === 'application') as {
  id: string;
  holderId: string;
};

/** A review case of the demo council, for the routes that name one. */
const DEMO_CASE = demoBundle().licensing.reviewCases[0] as { id: string };

const article = (noun: string) => (/^[AEIOU]/.test(noun) ? 'an' : 'a');
const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

// Built at load so that one test can be generated per route and role.
const t: TestApp = await createTestApp({ bundles: [await otherCouncil()] });
await t.app.ready();
/** Improvement records of the demo council, for the routes that name a project, milestone or indicator. */
const IMPROVEMENT = await t.database.db.transaction((tx) =>
  addImprovementFixture(tx, demoBundle().council.id, 'permissions'),
);
const visitors = new Map<Role, Visitor>();
let signedOut: Visitor;
before(async () => {
  for (const role of ROLES) visitors.set(role, await t.signIn(role));
  signedOut = await t.visit();
});
after(() => t.close());

function send(method: string, url: string, visitor: Visitor): Promise<LightMyRequestResponse> {
  if (method === 'GET') return t.app.inject({ method: 'GET', url, cookies: visitor.cookies });
  // Only the CSRF token: enough to reach the route, never enough to change a record.
  return t.postForm(url, visitor, {});
}

function assertRefused(response: LightMyRequestResponse, what: string): void {
  assert.equal(response.statusCode, 403, `${what} should be refused`);
  if (String(response.headers['content-type']).startsWith('application/problem+json'))
    assert.equal(response.json().status, 403);
  else assert.equal(cheerio.load(response.body)('h1').text().trim(), 'You cannot do this');
}

describe('which routes are protected', () => {
  test('every protected route names the action the policy expects', () => {
    const actual = [...t.app.protectedRoutes].sort((a, b) => key(a).localeCompare(key(b)));
    const expected = [...PROTECTED].sort((a, b) => key(a).localeCompare(key(b)));
    assert.deepEqual(actual, expected);
  });

  test('every route that is not deliberately public is protected', () => {
    const routes = routesOf(t.app);
    assert.ok(
      routes.some((r) => key(r) === 'GET /home'),
      'the routes were found',
    );
    const protectedKeys = new Set(t.app.protectedRoutes.map(key));
    const unprotected = routes.map(key).filter((k) => !PUBLIC.has(k) && !protectedKeys.has(k));
    assert.deepEqual(unprotected, []);
  });
});

describe('the permission matrix', () => {
  assert.ok(t.app.protectedRoutes.length > 0);
  for (const route of t.app.protectedRoutes) {
    const url = route.url
      .replace(':gss', DEMO_GSS)
      .replace(':id', DEMO_RESTORATION.id)
      .replace(':pauseId', DEMO_PAUSE.id)
      .replace(':representationId', DEMO_REPRESENTATION.id)
      .replace(':projectId', IMPROVEMENT.projects.P05)
      .replace(':milestoneId', IMPROVEMENT.milestones.P05)
      .replace(':indicatorId', IMPROVEMENT.indicatorId)
      .replace(':holderId', DEMO_APPLICANT.holderId)
      .replace(':licenceId', DEMO_APPLICANT.id)
      .replace(':caseId', DEMO_CASE.id)
      .concat(QUERY[route.url] ?? '');
    const what = `${route.method} ${route.url} (${route.action})`;

    for (const role of ROLES) {
      const allowed = isAllowed(role, route.action);
      test(`${article(ROLE_LABELS[role])} ${ROLE_LABELS[role]} ${allowed ? 'may use' : 'is refused'} ${what}`, async () => {
        const visitor = visitors.get(role);
        assert.ok(visitor);
        const response = await send(route.method, url, visitor);
        if (!allowed) return assertRefused(response, `${role} on ${what}`);
        assert.notEqual(response.statusCode, 401);
        assert.notEqual(response.statusCode, 403);
        assert.ok(response.statusCode < 500, `answered ${response.statusCode}`);
        assert.doesNotMatch(String(response.headers.location ?? ''), /^\/sign-in/);
        if (route.method === 'GET') assert.equal(response.statusCode, 200);
      });
    }

    test(`a signed-out visitor is sent to sign in from ${what}`, async () => {
      const response = await send(route.method, url, signedOut);
      if (url.startsWith('/api/')) {
        assert.equal(response.statusCode, 401);
        assert.match(String(response.headers['content-type']), /^application\/problem\+json/);
        return;
      }
      if (route.method === 'GET') {
        assert.equal(response.statusCode, 302);
        assert.equal(response.headers.location, `/sign-in?returnTo=${encodeURIComponent(url)}`);
      } else {
        // A form's address cannot be returned to with GET, so no returnTo is offered.
        assert.equal(response.statusCode, 303);
        assert.equal(response.headers.location, '/sign-in');
      }
    });
  }
});

describe('council scope', () => {
  const councilPages = (gss: string) => [
    `/councils/${gss}`,
    `/councils/${gss}/people/new`,
    `/councils/${gss}/ledger`,
  ];

  test('a commissioner of another council is refused every page of the demo council', async () => {
    const other = await t.signIn('commissioner', { email: OTHER_COMMISSIONER });
    for (const url of councilPages(DEMO_GSS)) {
      assertRefused(await t.app.inject({ method: 'GET', url, cookies: other.cookies }), url);
    }
    for (const url of councilPages(OTHER_GSS)) {
      const own = await t.app.inject({ method: 'GET', url, cookies: other.cookies });
      assert.equal(own.statusCode, 200, `${url} is their own council`);
    }
  });

  test('an officer of another council cannot record a person at the demo council', async () => {
    const other = await t.signIn('officer', { email: OTHER_OFFICER });
    const before = await ledgerHeadOf(t.app);
    const response = await t.postForm(`/councils/${DEMO_GSS}/people`, other, {
      name: 'Intruder',
      kind: 'officer',
      publicRole: 'Planted officer',
    });
    assertRefused(response, 'recording a person at another council');
    assert.deepEqual(await ledgerHeadOf(t.app), before);
  });

  test('the demo council’s own users are refused the other council’s pages', async () => {
    for (const role of ROLES.filter((r) => r !== 'department')) {
      const visitor = visitors.get(role);
      assert.ok(visitor);
      const response = await t.app.inject({
        method: 'GET',
        url: `/councils/${OTHER_GSS}`,
        cookies: visitor.cookies,
      });
      assertRefused(response, `${role} on the other council`);
    }
  });

  test('a department official reads every council and its ledger', async () => {
    const department = visitors.get('department');
    assert.ok(department);
    for (const gss of [DEMO_GSS, OTHER_GSS]) {
      for (const url of [`/councils/${gss}`, `/councils/${gss}/ledger`]) {
        const response: LightMyRequestResponse = await t.app.inject({
          method: 'GET',
          url,
          cookies: department.cookies,
        });
        assert.equal(response.statusCode, 200, url);
      }
    }
    const home = await t.app.inject({ method: 'GET', url: '/home', cookies: department.cookies });
    const listed = cheerio.load(home.body)('[data-testid="department-councils"] td').text();
    assert.match(listed, /Rotherham Metropolitan Borough Council/);
    assert.match(listed, /Sheffield City Council/);
  });
});
