import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import { isAllowed } from '#src/auth/policy.ts';
import { ROLE_LABELS, ROLES } from '#src/auth/roles.ts';
import { demoBundle } from '#src/bundles/demo/index.ts';
import { createTestApp, DEMO_GSS, ledgerHeadOf, type TestApp, type Visitor } from '../support/app.ts';

let t: TestApp;
before(async () => {
  t = await createTestApp();
});
after(() => t.close());

async function page(url: string, visitor?: Visitor) {
  const response = await t.app.inject({ method: 'GET', url, cookies: visitor?.cookies ?? {} });
  assert.equal(response.statusCode, 200, `GET ${url} answered ${response.statusCode}`);
  assert.match(String(response.headers['content-type']), /^text\/html; charset=utf-8/);
  return cheerio.load(response.body);
}

const article = (noun: string) => (/^[AEIOU]/.test(noun) ? 'an' : 'a');

function errorSummary($: cheerio.CheerioAPI): { text: string; href: string }[] {
  return $('.govuk-error-summary__list a')
    .toArray()
    .map((a) => ({ text: $(a).text().trim(), href: $(a).attr('href') ?? '' }));
}

describe('public pages', () => {
  test('the start page lists the demo council with who holds power there and its open data, and invites council staff to sign in', async () => {
    const $ = await page('/');
    assert.equal($('html').attr('lang'), 'en');
    assert.equal($('h1').text().trim(), 'Fresh Start');
    const council = $('[data-testid="council-list"] li');
    assert.equal(council.length, 1);
    assert.match(council.text(), /Rotherham Metropolitan Borough Council\s*\(E08000018\)/);
    assert.deepEqual(
      council
        .find('a')
        .toArray()
        .map((a) => $(a).attr('href')),
      ['/councils/E08000018/powers', '/councils/E08000018/plans', '/api/v1/councils/E08000018'],
    );
    assert.ok($('main a[href="/sign-in"]').length > 0);
    assert.equal($('form[action="/sign-out"]').length, 0, 'no one is signed in');
  });

  test('the sign-in page is a GOV.UK page with the service header and footer', async () => {
    const $ = await page('/sign-in');
    assert.equal($('title').text().trim(), 'Sign in – Fresh Start');
    assert.ok($('header .govuk-service-navigation').length);
    assert.ok($('.govuk-footer a[href="/accessibility"]').length);
    assert.equal($('.govuk-error-summary').length, 0);
  });

  test('the accessibility statement says which standard the service meets', async () => {
    const $ = await page('/accessibility');
    assert.equal($('h1').text().trim(), 'Accessibility statement');
    assert.match($('main').text(), /WCAG\) 2\.2 at level AA/);
  });
});

describe('home pages', () => {
  const demo = demoBundle();

  for (const role of ROLES) {
    test(`the home page of ${article(ROLE_LABELS[role])} ${ROLE_LABELS[role]} names them and their role and offers only what the role may do`, async () => {
      const visitor = await t.signIn(role);
      const $ = await page('/home', visitor);
      const user = demo.users.find((u) => u.role === role);
      assert.ok(user);
      assert.equal($('h1 .govuk-caption-l').text().trim(), ROLE_LABELS[role]);
      assert.match($('h1').text(), new RegExp(user.name));
      assert.match($('[data-testid="council-caption"]').text(), new RegExp(`Signed in as ${user.name}`));
      assert.ok($('form[action="/sign-out"] input[name="_csrf"]').val(), 'there is a sign-out form');

      const nav = $('.govuk-service-navigation__list a')
        .toArray()
        .map((a) => $(a).attr('href'));
      assert.equal(
        nav.includes(`/councils/${DEMO_GSS}/ledger`),
        isAllowed(role, 'ledger:view') && role !== 'department',
      );
      assert.equal(nav.includes('/ledger/verify'), isAllowed(role, 'ledger:verify'));

      if (role === 'department') {
        const rows = $('[data-testid="department-councils"] tbody tr');
        assert.equal(rows.length, 1);
        assert.equal(
          rows.find(`a[href="/councils/${DEMO_GSS}"]`).text(),
          'Rotherham Metropolitan Borough Council',
        );
        assert.ok(rows.find(`a[href="/councils/${DEMO_GSS}/ledger"]`).length);
      } else {
        assert.equal($('[data-testid="department-councils"]').length, 0);
        const headings = $('main h2')
          .toArray()
          .map((h) => $(h).text().trim());
        assert.ok(headings.includes('Rotherham Metropolitan Borough Council'));
        assert.equal(
          $(`main a[href="/councils/${DEMO_GSS}/people/new"]`).length > 0,
          isAllowed(role, 'people:manage'),
          'the link to record a person is offered only to roles that may',
        );
        assert.match($('.govuk-summary-list').text(), /GSS code\s*E08000018/);
        const commissioners = demo.people.filter((p) => p.kind === 'commissioner').length;
        assert.equal($('[data-testid="home-commissioner-count"]').text().trim(), `${commissioners} recorded`);
      }
    });
  }
});

describe('council pages', () => {
  test('the council page lists the people in public roles, grouped by kind', async () => {
    const $ = await page(`/councils/${DEMO_GSS}`, await t.signIn('councillor'));
    assert.equal($('h1').text().trim(), 'Rotherham Metropolitan Borough Council');
    const commissioners = $('[data-testid="people-commissioner"]');
    assert.equal(commissioners.find('caption').text().trim(), 'Commissioners');
    const first = commissioners.find('tbody tr').filter((_, tr) => $(tr).text().includes('Sir Derek Myers'));
    assert.equal(first.length, 1);
    assert.match(first.text(), /Lead Commissioner/);
    assert.equal(
      $(`a[href="/councils/${DEMO_GSS}/people/new"]`).length,
      0,
      'a councillor cannot record people',
    );
  });

  test('an officer sees the link to record a person', async () => {
    const $ = await page(`/councils/${DEMO_GSS}`, await t.signIn('officer'));
    assert.equal($(`a[href="/councils/${DEMO_GSS}/people/new"]`).length, 1);
  });

  test('the council ledger lists every change to the council’s records, newest first', async () => {
    const $ = await page(`/councils/${DEMO_GSS}/ledger`, await t.signIn('auditor'));
    assert.equal($('h1').text().trim(), 'Ledger of Rotherham Metropolitan Borough Council');
    const rows = $('[data-testid="ledger-entries"] tbody tr').toArray();
    assert.ok(rows.length > 1);
    const seqs = rows.map((tr) => Number($(tr).find('td').first().text()));
    assert.deepEqual(
      seqs,
      [...seqs].sort((a, b) => b - a),
    );
    const whats = rows.map((tr) => $(tr).find('td').eq(3).text().trim());
    // The newest entries are the last records the demo import wrote: the recycled-plan flags it derived.
    assert.ok(
      whats.every((w) => w.startsWith('import ')),
      whats.join(', '),
    );
    assert.ok(whats.includes('import recycled_item'), whats.join(', '));
  });

  test('the verification page reports that the record verifies', async () => {
    const $ = await page('/ledger/verify', await t.signIn('auditor'));
    const { count } = await ledgerHeadOf(t.app);
    const ok = $('[data-testid="verify-ok"]');
    assert.equal(ok.find('h2').text().trim(), 'The record verifies');
    assert.match(ok.text(), new RegExp(`${count} ledger entries`));
    assert.equal($('[data-testid="verify-failed"]').length, 0);
  });
});

describe('recording a person', () => {
  const form = `/councils/${DEMO_GSS}/people/new`;
  const action = `/councils/${DEMO_GSS}/people`;

  test('the form asks for each field and posts to the council', async () => {
    const $ = await page(form, await t.signIn('officer'));
    const f = $(`form[action="${action}"]`);
    assert.equal(f.attr('method'), 'post');
    assert.ok(f.find('input[name="_csrf"]').val());
    for (const field of ['name', 'publicRole', 'party', 'fromDate', 'toDate', 'source'])
      assert.equal(f.find(`input#${field}`).attr('name'), field);
    assert.equal(f.find('input[type="radio"][name="kind"]').length, 5);
  });

  test('invalid input is refused with 400, an error summary and field errors, and nothing is written', async () => {
    const officer = await t.signIn('officer');
    const before = await ledgerHeadOf(t.app);
    const response = await t.postForm(action, officer, {
      name: '  ',
      publicRole: '',
      fromDate: '2015-02-30',
      toDate: '',
    });
    assert.equal(response.statusCode, 400);
    const $ = cheerio.load(response.body);
    assert.match($('title').text(), /^Error: Record a person/);
    assert.deepEqual(errorSummary($), [
      { text: 'Enter the person’s name', href: '#name' },
      { text: 'Select what kind of role this is', href: '#kind' },
      { text: 'Enter the public role', href: '#publicRole' },
      { text: 'must be a real date written YYYY-MM-DD', href: '#fromDate' },
    ]);
    assert.match($('#name-error').text(), /Enter the person’s name/);
    assert.match($('#kind-error').text(), /Select what kind of role this is/);
    assert.match($('#publicRole-error').text(), /Enter the public role/);
    assert.ok($('#fromDate').hasClass('govuk-input--error'));
    assert.equal($('#fromDate').val(), '2015-02-30', 'what was typed is kept');
    assert.deepEqual(await ledgerHeadOf(t.app), before);
  });

  test('an end date before the start date is refused on the end date', async () => {
    const officer = await t.signIn('officer');
    const response = await t.postForm(action, officer, {
      name: 'Backwards Dates',
      kind: 'officer',
      publicRole: 'Time Traveller',
      fromDate: '2016-01-01',
      toDate: '2015-01-01',
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(errorSummary(cheerio.load(response.body)), [
      { text: 'The end date must be the same as or after the start date', href: '#toDate' },
    ]);
  });

  test('valid input records the person, lists them and writes a ledger entry', async () => {
    const officer = await t.signIn('officer');
    const before = await ledgerHeadOf(t.app);
    const response = await t.postForm(action, officer, {
      name: 'Jo O’Brien',
      kind: 'independent',
      publicRole: 'Independent Person',
      party: '',
      fromDate: '2016-04-01',
      toDate: '',
      source: 'Council minutes, April 2016',
    });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, `/councils/${DEMO_GSS}?added=1`);

    const $ = await page(String(response.headers.location), officer);
    assert.match($('.govuk-notification-banner--success').text(), /Person recorded/);
    const row = $('[data-testid="people-independent"] tbody tr').filter((_, tr) =>
      $(tr).text().includes('Jo O’Brien'),
    );
    assert.equal(row.length, 1);
    assert.match(row.text(), /Independent Person/);
    assert.match(row.text(), /1 April 2016/);

    const afterHead = await ledgerHeadOf(t.app);
    assert.equal(afterHead.count, before.count + 1);
    const ledger = await page(`/councils/${DEMO_GSS}/ledger`, await t.signIn('monitoring_officer'));
    const newest = ledger('[data-testid="ledger-entries"] tbody tr').first().find('td');
    assert.equal(newest.eq(0).text().trim(), String(afterHead.count));
    assert.equal(newest.eq(2).text().trim(), t.account('officer').email);
    assert.equal(newest.eq(3).text().trim(), 'create person');
  });

  test('recording the same person in the same role twice is refused on the name, and nothing more is written', async () => {
    const officer = await t.signIn('officer');
    const person = { name: 'Sam Twice', kind: 'officer', publicRole: 'Section 151 Officer' };
    assert.equal((await t.postForm(action, officer, person)).statusCode, 303);
    const before = await ledgerHeadOf(t.app);
    const response = await t.postForm(action, officer, person);
    assert.equal(response.statusCode, 400);
    const $ = cheerio.load(response.body);
    assert.deepEqual(errorSummary($), [
      { text: 'Sam Twice is already recorded as Section 151 Officer', href: '#name' },
    ]);
    assert.equal($('#name').val(), 'Sam Twice');
    assert.deepEqual(await ledgerHeadOf(t.app), before);
  });
});
