import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import * as cheerio from 'cheerio';
import { demoBundle } from '#src/bundles/demo/index.ts';
import { PROJECT_STATUSES } from '#src/modules/improvement/rules/types.ts';
import { createTestApp, DEMO_GSS, ledgerHeadOf, type TestApp, type Visitor } from '../support/app.ts';
import {
  AS_AT,
  addImprovementFixture,
  EXPECTED_STATUS,
  type ImprovementFixture,
  type Ref,
} from '../support/improvement-web.ts';

let t: TestApp;
let f: ImprovementFixture;
const COUNCIL = `/councils/${DEMO_GSS}`;
const API = `/api/v1/councils/${DEMO_GSS}`;

before(async () => {
  t = await createTestApp();
  f = await t.database.db.transaction((tx) => addImprovementFixture(tx, demoBundle().council.id, 'main'));
});
after(() => t.close());

const get = (url: string, visitor?: Visitor) =>
  t.app.inject({ method: 'GET', url, cookies: visitor?.cookies ?? {} });
const page = async (url: string, visitor?: Visitor) => {
  const response = await get(url, visitor);
  assert.equal(response.statusCode, 200, `${url} answered ${response.statusCode}`);
  return cheerio.load(response.body);
};
const refsWith = (status: string) =>
  (Object.entries(EXPECTED_STATUS) as [Ref, string][]).filter(([, s]) => s === status).map(([ref]) => ref);
const planUrl = () => `${COUNCIL}/plans/${f.planId}`;

/** A CSV file's rows (quoted fields, doubled quotes, quoted line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n') row.push(field), rows.push(row), (row = []), (field = '');
    else if (c !== '\r') field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

describe('the plans and a plan’s board summary as at a date', () => {
  test('the plans list shows each plan with its items and how many repeat an earlier plan, for anyone to read', async () => {
    const $ = await page(`${COUNCIL}/plans`);
    const row = $(`tr[data-plan="${f.planId}"]`);
    assert.match(row.text(), new RegExp(f.planTitle));
    assert.match(row.find('td').eq(3).text(), /7/);
    assert.equal(row.find('[data-testid="recycled-count"]').text().trim().charAt(0), '1');
    assert.ok($(`tr[data-plan="${f.earlierPlanId}"]`).length, 'the earlier plan is listed too');
  });

  test('the summary counts each derived status, with its percentage, on the date asked', async () => {
    const $ = await page(`${planUrl()}?date=${AS_AT}`);
    assert.match($('[data-testid="as-at"]').text(), /31 October 2015/);
    const expected: Record<string, [number, number]> = {
      complete: [1, 14],
      on_track: [2, 29],
      behind_with_action: [1, 14],
      off_track: [2, 29],
      not_yet_due: [1, 14],
    };
    for (const status of PROJECT_STATUSES) {
      const row = $(`[data-testid="status-counts"] tr[data-status="${status}"]`);
      const [count, percent] = expected[status] as [number, number];
      assert.equal(row.find('[data-testid="count"]').contents().first().text(), String(count), status);
      assert.equal(row.find('[data-testid="percent"]').contents().first().text(), `${percent}%`, status);
    }
    assert.match($('[data-testid="plan-total"]').text(), /7 projects/);
  });

  test('every count and percentage links to the list of exactly the projects it counts', async () => {
    const $ = await page(`${planUrl()}?date=${AS_AT}`);
    for (const status of PROJECT_STATUSES) {
      const row = $(`[data-testid="status-counts"] tr[data-status="${status}"]`);
      const hrefs = ['count', 'percent'].map((k) => row.find(`[data-testid="${k}"]`).attr('href'));
      assert.equal(hrefs[0], hrefs[1]);
      assert.equal(hrefs[0], `${planUrl()}/projects?status=${status}&date=${AS_AT}`);
      const list = await page(hrefs[0] as string);
      const listed = list('[data-testid="projects"] tbody tr')
        .toArray()
        .map((tr) => list(tr).find('td').first().text().trim())
        .sort();
      assert.deepEqual(listed, refsWith(status).sort(), `the ${status} link lists its projects`);
      assert.match(list('[data-testid="list-heading"]').text(), new RegExp(`${listed.length} project`));
    }
  });

  test('off-track and slipped projects, the re-baselines in the period and the plan’s indicators are shown', async () => {
    const $ = await page(`${planUrl()}?date=${AS_AT}`);
    const offTrack = $('[data-testid="off-track"]').text();
    assert.match(offTrack, /P05/);
    assert.match(offTrack, /P07/);
    assert.match(offTrack, /P05 milestone 1: due 15 September 2015, 46 days overdue/);
    assert.match($('[data-testid="slipped"]').text(), /P03[\s\S]*1[\s\S]*153/);
    const moves = $('[data-testid="rebaselines-in-period"]').text();
    assert.match(moves, /The supplier delivered late/);
    assert.match(moves, /Approved by Improvement Board on 20 August 2015/);
    assert.match($('#rebaselines').text(), /from 1 August 2015 to 31 October 2015: 1/);
    const indicator = $(`[data-testid="plan-indicators"] tr[data-indicator="${f.indicatorCode}"]`);
    assert.match(indicator.text(), /Jul–Sep 2015/);
    assert.match(indicator.text(), /5\.2%/);
    assert.equal(indicator.find('[data-testid="direction"]').text().trim(), 'Improving');
  });

  test('a period chosen outside the default counts only the re-baselines approved in it', async () => {
    const $ = await page(`${planUrl()}?date=${AS_AT}&from=2015-09-01&to=2015-10-31`);
    assert.match($('#rebaselines').text(), /: 0$/);
  });

  test('a date that does not exist gets the error summary and nothing else', async () => {
    for (const query of [
      'date=2015-02-30',
      'date=31%20October%202015',
      'date=2015-10-31&from=2015-11-01&to=2015-10-01',
    ]) {
      const response = await get(`${planUrl()}?${query}`);
      assert.equal(response.statusCode, 400, query);
      const $ = cheerio.load(response.body);
      assert.match($('.govuk-error-summary').text(), /real date written YYYY-MM-DD|same as or before/, query);
      assert.equal($('[data-testid="status-counts"]').length, 0, 'no figures are shown');
    }
  });

  test('the CSV has one row per project with its derived status, reason, re-baselines and days slipped', async () => {
    const $ = await page(`${planUrl()}?date=${AS_AT}`);
    const href = $('[data-testid="plan-links"] a[href*="summary.csv"]').attr('href');
    assert.equal(href, `${planUrl()}/summary.csv?date=${AS_AT}`);
    const response = await get(href as string);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.match(String(response.headers['content-disposition']), /attachment; filename=".*\.csv"/);
    const [head, ...rows] = parseCsv(response.body);
    assert.deepEqual(head, [
      'Reference',
      'Title',
      'Workstream',
      'Status',
      'Reason',
      'Re-baselines',
      'Days slipped',
    ]);
    assert.deepEqual(
      rows.map((r) => r[0]),
      Object.keys(EXPECTED_STATUS),
    );
    const labels = {
      complete: 'Complete',
      on_track: 'On track',
      behind_with_action: 'Behind, with management action',
      off_track: 'Off track',
      not_yet_due: 'Not yet due',
    };
    for (const r of rows) assert.equal(r[3], labels[EXPECTED_STATUS[r[0] as Ref]], r[0]);
    const p03 = rows.find((r) => r[0] === 'P03') as string[];
    assert.equal(p03[2], 'Governance main');
    assert.deepEqual(p03.slice(5), ['1', '153']);
    assert.match(
      (rows.find((r) => r[0] === 'P05') as string[])[4] as string,
      /overdue with no management action/,
    );
    assert.equal((await get(`${planUrl()}/summary.csv?date=2015-13-01`)).statusCode, 400);
  });

  test('the JSON summary answers as the page does, each count with the ids it counts', async () => {
    const response = await get(`${API}/plans/${f.planId}/summary?date=${AS_AT}`);
    assert.equal(response.statusCode, 200);
    const body = response.json() as {
      date: string;
      total: number;
      period: { from: string; to: string };
      counts: { status: string; count: number; percent: number; projectIds: string[] }[];
      indicators: { code: string; direction: string }[];
    };
    assert.equal(body.date, AS_AT);
    assert.equal(body.total, 7);
    assert.deepEqual(body.period, { from: '2015-08-01', to: AS_AT });
    const $ = await page(`${planUrl()}?date=${AS_AT}`);
    for (const c of body.counts) {
      const row = $(`tr[data-status="${c.status}"]`);
      assert.equal(row.find('[data-testid="count"]').contents().first().text(), String(c.count));
      assert.equal(row.find('[data-testid="percent"]').contents().first().text(), `${c.percent}%`);
      assert.equal(c.projectIds.length, c.count);
      assert.deepEqual(
        c.projectIds.sort(),
        refsWith(c.status)
          .map((ref) => f.projects[ref])
          .sort(),
      );
    }
    assert.equal(body.indicators.find((i) => i.code === f.indicatorCode)?.direction, 'improving');

    const projects = await get(`${API}/plans/${f.planId}/projects?date=${AS_AT}&status=off_track`);
    assert.equal(projects.statusCode, 200);
    const listed = projects.json() as { total: number; projects: { ref: string; reason: string }[] };
    assert.deepEqual(listed.projects.map((p) => p.ref).sort(), ['P05', 'P07']);

    const plans = (await get(`${API}/plans`)).json() as { plans: { id: string; projects: number }[] };
    assert.equal(plans.plans.find((p) => p.id === f.planId)?.projects, 7);
  });

  test('the API refuses a bad date or status with a problem naming the parameter', async () => {
    for (const [url, name] of [
      [`${API}/plans/${f.planId}/summary?date=2015-02-30`, 'date'],
      [`${API}/plans/${f.planId}/summary?date=2015-10-31&from=2015-11-01&to=2015-10-01`, 'from'],
      [`${API}/plans/${f.planId}/projects?status=green`, 'status'],
      [`${API}/indicators?date=yesterday`, 'date'],
    ] as const) {
      const response = await get(url);
      assert.equal(response.statusCode, 400, url);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      assert.match((response.json() as { detail: string }).detail, new RegExp(name));
    }
    assert.equal((await get(`${API}/plans/not-a-plan/summary`)).statusCode, 404);
    assert.equal((await get(`${API}/plans/${f.indicatorId}/summary`)).statusCode, 404);
  });
});

describe('a project as at a date', () => {
  test('shows its derived status and why, every earlier due date with its reason and approver, and how far it slipped', async () => {
    const $ = await page(`${COUNCIL}/projects/${f.projects.P03}?date=${AS_AT}`);
    assert.match($('[data-testid="project-status"]').text(), /On track/);
    assert.match($('[data-testid="project-reason"]').text(), /No milestone is overdue/);
    const milestone = $(`[data-milestone="${f.milestones.P03}"]`);
    assert.match(milestone.text(), /First planned for\s*31 August 2015/);
    assert.match(
      milestone.find('[data-testid="milestone-move"]').text(),
      /Moved to 31 January 2016[\s\S]*From 31 August 2015\. The supplier delivered late[\s\S]*Approved by Improvement Board on 20 August 2015/,
    );
    assert.equal($('[data-testid="rebaseline-count"]').text().trim(), '1');
    assert.equal($('[data-testid="days-slipped"]').text().trim(), '153');
    assert.equal($('input[name="status"], select[name="status"]').length, 0, 'there is no status to set');
  });

  test('a completion without evidence does not count, and an item repeating an earlier plan is flagged', async () => {
    const $ = await page(`${COUNCIL}/projects/${f.projects.P07}?date=${AS_AT}`);
    assert.match($('[data-testid="project-status"]').text(), /Off track/);
    assert.match(
      $('[data-testid="completion"]').text(),
      /No evidence was recorded, so it does not count as done/,
    );
    const flag = $('[data-testid="recycled-flag"]').text().replace(/\s+/g, ' ');
    assert.match(
      flag,
      /This item is the same or nearly the same as ‘Audit every open case of child sexual exploitation main by March 2007’ in Earlier action plan main \(similarity 0\.97\), which was not completed/,
    );
    assert.ok($(`[data-testid="recycled-flag"] a[href="${COUNCIL}/projects/${f.earlierProjectId}"]`).length);
    const earlier = await page(`${COUNCIL}/projects/${f.earlierProjectId}`);
    assert.match(earlier('[data-testid="repeated-later"]').text(), /repeats this item \(similarity 0\.97\)/);
  });

  test('a management action, commentary and the peer review recommendation it carries out are shown', async () => {
    const p04 = await page(`${COUNCIL}/projects/${f.projects.P04}?date=${AS_AT}`);
    assert.match(p04('[data-testid="project-status"]').text(), /Behind, with management action/);
    assert.match(
      p04('[data-testid="management-actions"]').text(),
      /Run extra training sessions at weekends[\s\S]*Licensing Manager/,
    );
    const p05 = await page(`${COUNCIL}/projects/${f.projects.P05}?date=${AS_AT}`);
    assert.match(
      p05('[data-testid="commentary"]').text(),
      /Lead Commissioner[\s\S]*The review has not started/,
    );
    const p02 = await page(`${COUNCIL}/projects/${f.projects.P02}`);
    assert.match(p02('main').text(), /Recruit a permanent workforce/);
  });

  test('the same project before its milestone was moved shows the milestone as first planned', async () => {
    const $ = await page(`${COUNCIL}/projects/${f.projects.P03}?date=2015-08-19`);
    assert.equal($('[data-testid="rebaseline-count"]').text().trim(), '0');
    assert.match(
      $(`[data-milestone="${f.milestones.P03}"]`).text(),
      /Due on 19 August 2015\s*31 August 2015/,
    );
  });

  test('a bad date is refused with the error summary, and an unknown project is not found', async () => {
    const response = await get(`${COUNCIL}/projects/${f.projects.P03}?date=2015-10-32`);
    assert.equal(response.statusCode, 400);
    const $ = cheerio.load(response.body);
    assert.match($('.govuk-error-summary').text(), /real date/);
    assert.equal($('[data-testid="project-status"]').length, 0);
    assert.equal((await get(`${COUNCIL}/projects/${f.indicatorId}`)).statusCode, 404);
    assert.equal((await get(`${COUNCIL}/projects/nonsense`)).statusCode, 404);
  });
});

describe('the slippage and recycled-items reports', () => {
  test('the slippage report lists each re-baseline with its reason and approver, and the totals', async () => {
    const $ = await page(`${planUrl()}/slippage?date=${AS_AT}`);
    const card = $(`[data-testid="slipped-project"][data-project="${f.projects.P03}"]`);
    assert.equal(card.find('[data-testid="slip-figures"]').text().trim(), '1 re-baseline, 153 days slipped');
    assert.match(
      card.text(),
      /from 31 August 2015 to 31 January 2016 \(153 days\)\. The supplier delivered late/,
    );
    assert.match($('[data-testid="slippage-total"]').text(), /1 project of this plan had 1 re-baseline/);
    const before = await page(`${planUrl()}/slippage?date=2015-08-19`);
    assert.equal(before('[data-testid="slipped-project"]').length, 0);
  });

  test('the recycled-items report names the earlier item, its plan and the similarity; the API gives the same', async () => {
    const $ = await page(`${planUrl()}/recycled`);
    const row = $(`[data-testid="recycled"] tr[data-project="${f.projects.P07}"]`);
    assert.match(row.text(), /Earlier action plan main/);
    assert.equal(row.find('[data-testid="similarity"]').text().trim(), '0.97');
    assert.ok(row.find(`a[href="${COUNCIL}/plans/${f.earlierPlanId}"]`).length);
    const api = (await get(`${API}/recycled-items?planId=${f.planId}`)).json() as {
      items: {
        id: string;
        similarity: number;
        item: { id: string };
        earlier: { id: string; planId: string };
      }[];
    };
    assert.deepEqual(
      api.items.map((i) => [i.id, i.item.id, i.earlier.id, i.earlier.planId, i.similarity]),
      [[f.recycledId, f.projects.P07, f.earlierProjectId, f.earlierPlanId, 0.97]],
    );
  });
});

describe('indicators', () => {
  test('the list shows the latest value, its computed status and the direction of travel', async () => {
    const $ = await page(`${COUNCIL}/indicators?date=${AS_AT}`);
    const row = $(`tr[data-indicator="${f.indicatorCode}"]`);
    assert.equal(row.find('[data-testid="value"]').text().trim(), '5.2%');
    assert.match(row.find('[data-testid="status"]').text(), /Green/);
    assert.equal(row.find('[data-testid="direction"]').text().trim(), 'Improving');
  });

  test('an indicator’s page shows its definition, each period (no data never green) and an accessible chart', async () => {
    const $ = await page(`${COUNCIL}/indicators/${f.indicatorId}?date=${AS_AT}`);
    const definition = $('[data-testid="definition"]').text();
    for (const text of [
      /16 to 18 year olds/,
      /Client caseload/,
      /Percentage/,
      /Lower is better/,
      /10%/,
      /12\.1%[\s\S]*England average/,
    ])
      assert.match(definition, text);
    const rows = $('[data-testid="values"] tbody tr');
    assert.equal(rows.length, 4);
    const byPeriod = (start: string) => $(`[data-testid="values"] tr[data-period="${start}"]`);
    assert.equal(byPeriod('2015-04-01').find('[data-testid="value"]').text().trim(), 'No data');
    assert.equal(byPeriod('2015-04-01').find('[data-testid="status"]').text().trim(), 'No data');
    assert.match(byPeriod('2014-10-01').find('[data-testid="status"]').text(), /Red/);
    assert.match(byPeriod('2015-07-01').text(), /Commentary for 2015-07-01[\s\S]*CCIS extract 2015-07-01/);
    const chart = $('svg[data-testid="chart"]');
    assert.equal(chart.attr('role'), 'img');
    assert.match(chart.find('title').text(), /target of 10%/);
    assert.match(chart.find('desc').text(), /Apr–Jun 2015: No data\./);
    assert.equal(chart.attr('aria-labelledby'), 'chart-title chart-desc');
    assert.equal($('[data-testid="indicator-direction"]').text().includes('Improving'), true);
  });

  test('the API gives each period’s value and computed status, and the direction of travel', async () => {
    const body = (await get(`${API}/indicators?date=${AS_AT}`)).json() as {
      indicators: {
        code: string;
        direction: string;
        values: { period: { start: string }; value: number | null; status: string }[];
      }[];
    };
    const ind = body.indicators.find((i) => i.code === f.indicatorCode);
    assert.ok(ind);
    assert.equal(ind.direction, 'improving');
    assert.deepEqual(
      ind.values.map((v) => [v.period.start, v.value, v.status]),
      [
        ['2014-10-01', 26.5, 'red'],
        ['2015-01-01', 15, 'red'],
        ['2015-04-01', null, 'no_data'],
        ['2015-07-01', 5.2, 'green'],
      ],
    );
  });
});

describe('peer reviews', () => {
  test('the list and a review’s page show its conclusion and the projects its recommendations became', async () => {
    const list = await page(`${COUNCIL}/peer-reviews`);
    assert.match(list(`tr[data-peer-review="${f.peerReviewId}"]`).text(), /Housing main[\s\S]*Good enough/);
    const $ = await page(`${COUNCIL}/peer-reviews/${f.peerReviewId}`);
    assert.match($('[data-testid="conclusion"]').text(), /Good enough\.\s*An overall good enough service/);
    const recommendations = $('[data-testid="recommendations"]');
    assert.ok(recommendations.find(`a[href="${COUNCIL}/projects/${f.projects.P02}"]`).length);
    assert.match(recommendations.text(), /Publish a tenancy strategy\s*Not yet on a plan/);
    assert.equal((await get(`${COUNCIL}/peer-reviews/${f.planId}`)).statusCode, 404);
  });
});

describe('the forms: refused input changes nothing, good input is recorded', () => {
  let g: ImprovementFixture;
  let officer: Visitor;
  before(async () => {
    g = await t.database.db.transaction((tx) => addImprovementFixture(tx, demoBundle().council.id, 'forms'));
    officer = await t.signIn('officer');
  });

  /** Posts a form and checks it is refused with each message in the error summary, the ledger unchanged. */
  async function refused(url: string, visitor: Visitor, fields: Record<string, string>, messages: RegExp[]) {
    const head = await ledgerHeadOf(t.app);
    const response = await t.postForm(url, visitor, fields);
    assert.equal(response.statusCode, 400, `${url} answered ${response.statusCode}`);
    const $ = cheerio.load(response.body);
    const summary = $('.govuk-error-summary').text();
    for (const m of messages) assert.match(summary, m);
    for (const a of $('.govuk-error-summary a').toArray()) {
      const target = String($(a).attr('href')).slice(1);
      assert.ok($(`[id="${target}"]`).length, `the error summary links to a field: #${target}`);
    }
    assert.deepEqual(await ledgerHeadOf(t.app), head, 'nothing was written');
    return $;
  }

  async function saved(url: string, visitor: Visitor, fields: Record<string, string>) {
    const response = await t.postForm(url, visitor, fields);
    assert.equal(
      response.statusCode,
      303,
      `${url} answered ${response.statusCode}: ${response.body.slice(0, 2000)}`,
    );
    return String(response.headers.location);
  }

  test('completing a milestone needs the kind of evidence and the evidence; with them the project is complete', async () => {
    const url = `${COUNCIL}/projects/${g.projects.P05}/milestones/${g.milestones.P05}/complete`;
    const form = await page(url, officer);
    assert.ok(form('form input[name="_csrf"]').val(), 'the form carries a CSRF token');
    await refused(url, officer, { completedOn: '2015-10-01' }, [/kind of evidence/, /Enter the evidence/]);
    await refused(url, officer, { completedOn: '2015-10-01', evidenceKind: 'link', evidence: 'not a link' }, [
      /web address/,
    ]);
    const next = await saved(url, officer, {
      completedOn: '2015-10-01',
      evidenceKind: 'document',
      evidence: 'Licensing review report, October 2015',
    });
    assert.equal(next, `${COUNCIL}/projects/${g.projects.P05}?saved=completion`);
    const $ = await page(`${COUNCIL}/projects/${g.projects.P05}?date=2015-10-02`);
    assert.match($('[data-testid="project-status"]').text(), /Complete/);
    assert.match($('[data-testid="completion"]').text(), /Licensing review report, October 2015/);
    const without = await t.postForm(
      `${url}`,
      { ...officer, csrfToken: 'forged' },
      { completedOn: '2015-10-01' },
    );
    assert.equal(without.statusCode, 403, 'a form without its CSRF token is refused');
  });

  test('moving a due date needs a reason and an approver; the earlier date stays and the slippage counts it', async () => {
    const url = `${COUNCIL}/projects/${g.projects.P02}/rebaseline`;
    const form = await page(`${url}?milestone=${g.milestones.P02}`, officer);
    assert.equal(form('select[name="milestoneId"] option[selected]').attr('value'), g.milestones.P02);
    await refused(url, officer, { milestoneId: g.milestones.P02, toDate: '2016-03-31' }, [
      /Enter the reason the date is moving/,
      /Enter who approved the new date/,
      /Enter the date it was approved/,
    ]);
    await refused(
      url,
      officer,
      { toDate: '2016-02-30', reason: 'x', approvedBy: 'y', approvedOn: '2015-10-01' },
      [/Choose the due date that is moving/, /new due date must be a real date/],
    );
    await saved(url, officer, {
      milestoneId: g.milestones.P02,
      toDate: '2016-03-31',
      reason: 'Recruitment paused by the hiring freeze',
      approvedBy: 'Lead Commissioner',
      approvedOn: '2015-10-01',
    });
    const $ = await page(`${COUNCIL}/projects/${g.projects.P02}?date=${AS_AT}`);
    assert.equal($('[data-testid="rebaseline-count"]').text().trim(), '1');
    assert.equal($('[data-testid="days-slipped"]').text().trim(), '91');
    assert.match($(`[data-milestone="${g.milestones.P02}"]`).text(), /First planned for\s*31 December 2015/);
    assert.match($('[data-testid="milestone-move"]').text(), /Recruitment paused by the hiring freeze/);
  });

  test('a management action needs an action, owner and dates in order; with one the project is behind, not off track', async () => {
    const url = `${COUNCIL}/projects/${g.projects.P07}/actions/new`;
    await page(url, officer);
    await refused(url, officer, { action: '', owner: '', agreedOn: '2015-10-10', dueOn: '2015-10-01' }, [
      /Enter the management action/,
      /Enter the owner/,
    ]);
    await refused(
      url,
      officer,
      { action: 'Re-audit', owner: 'Head of Service', agreedOn: '2015-10-10', dueOn: '2015-10-01' },
      [/cannot be before the date it was agreed/],
    );
    await saved(url, officer, {
      milestoneId: '',
      action: 'Re-audit the cases with an independent reviewer',
      owner: 'Head of Safeguarding',
      agreedOn: '2015-10-10',
      dueOn: '2015-12-31',
    });
    const $ = await page(`${COUNCIL}/projects/${g.projects.P07}?date=${AS_AT}`);
    assert.match($('[data-testid="project-status"]').text(), /Behind, with management action/);
    assert.match($('[data-testid="management-actions"]').text(), /The whole project/);
  });

  test('a councillor may add commentary, which names them; an empty one is refused', async () => {
    const councillor = await t.signIn('councillor');
    const url = `${COUNCIL}/projects/${g.projects.P06}/commentary/new`;
    const form = await page(url, councillor);
    assert.ok(form('input[name="writtenOn"]').val(), 'the date starts as today');
    await refused(url, councillor, { writtenOn: '2015-10-20', body: '  ' }, [/Enter the commentary/]);
    await saved(url, councillor, {
      writtenOn: '2015-10-20',
      body: 'Asked at scrutiny when the centre opens.',
    });
    const $ = await page(`${COUNCIL}/projects/${g.projects.P06}`);
    assert.match(
      $('[data-testid="commentary"]').text(),
      /Councillor[\s\S]*Asked at scrutiny when the centre opens\./,
    );
    const denied = await t.postForm(`${COUNCIL}/projects/${g.projects.P06}/rebaseline`, councillor, {});
    assert.equal(denied.statusCode, 403, 'a councillor cannot move a date');
  });

  test('an indicator value needs a number, a commentary and a measure; correcting a period needs a reason', async () => {
    const url = `${COUNCIL}/indicators/${g.indicatorId}/values/new`;
    const form = await page(url, officer);
    assert.ok(form('select[name="periodStart"] option[value="2015-04-01"]').length);
    await refused(
      url,
      officer,
      { periodStart: '2015-04-01', value: 'about 8', commentary: '', measure: '' },
      [/Enter the value as a number/, /Enter a commentary/, /Enter the measure/],
    );
    await refused(url, officer, { periodStart: '2015-04-01', value: '120', commentary: 'c', measure: 'm' }, [
      /percentage from 0 to 100/,
    ]);
    await refused(url, officer, { periodStart: '2015-05-01', value: '8', commentary: 'c', measure: 'm' }, [
      /first day of one of the indicator/,
    ]);
    await refused(url, officer, { periodStart: '2015-07-01', value: '6', commentary: 'c', measure: 'm' }, [
      /already recorded for this period: give the reason/,
    ]);
    const next = await saved(url, officer, {
      periodStart: '2015-04-01',
      value: '8.4',
      commentary: 'Tracking improved after the data cleanse',
      measure: 'CCIS extract, 30 June 2015',
    });
    assert.equal(next, `${COUNCIL}/indicators/${g.indicatorId}?saved=1`);
    await saved(url, officer, {
      periodStart: '2015-07-01',
      value: '6',
      commentary: 'Corrected from the audited return',
      measure: 'Audited CCIS return',
      correctionReason: 'The first figure left out the September leavers',
    });
    const $ = await page(`${COUNCIL}/indicators/${g.indicatorId}?date=${AS_AT}`);
    assert.equal($('tr[data-period="2015-04-01"] [data-testid="value"]').text().trim(), '8.4%');
    assert.match($('tr[data-period="2015-04-01"] [data-testid="status"]').text(), /Green/);
    assert.equal($('tr[data-period="2015-07-01"] [data-testid="value"]').text().trim(), '6%');
  });

  test('a plan needs a title, kind, dates, an officer and items; a saved plan shows the items repeating earlier plans', async () => {
    const url = `${COUNCIL}/plans/new`;
    await page(url, officer);
    await refused(url, officer, { title: '', items: ' \n ' }, [
      /Enter the title of the plan/,
      /Choose whether it is an improvement plan or an action plan/,
      /Enter the date it was adopted/,
      /Enter the items, one per line/,
    ]);
    await refused(
      url,
      officer,
      {
        title: 'Action plan 2016',
        kind: 'action_plan',
        adoptedOn: '2016-01-10',
        dueOn: '2015-12-31',
        accountableOfficer: 'Director of Children’s Services',
        items: 'One thing',
      },
      [/due date must be the same as or after the start date/],
    );
    const next = await saved(url, officer, {
      title: 'Action plan 2016 forms',
      kind: 'action_plan',
      adoptedOn: '2016-01-10',
      dueOn: '2016-12-31',
      accountableOfficer: 'Director of Children’s Services',
      items:
        'Audit every open case of child sexual exploitation forms by March 2017\nOpen a drop-in centre for young people in the town',
    });
    assert.match(next, new RegExp(`^${COUNCIL}/plans/[0-9a-f-]{36}/recycled\\?added=1$`));
    const $ = await page(next, officer);
    assert.match(
      $('.govuk-notification-banner').text(),
      /added with 2 items\. 1 of them repeats an item of an earlier plan/,
    );
    const flagged = $('[data-testid="recycled"] tbody tr');
    assert.equal(flagged.length, 1);
    assert.match(flagged.text(), /Audit every open case of child sexual exploitation forms by March 2017/);
    assert.match(flagged.text(), /Test improvement plan forms|Earlier action plan forms/);
    assert.ok(Number(flagged.find('[data-testid="similarity"]').text()) >= 0.8);
  });
});

describe('the demo, as a new user meets it', () => {
  const demo = demoBundle().improvement;
  const planNamed = (title: string) => {
    const plan = demo.plans.find((p) => p.title === title);
    assert.ok(plan, `the demo has ${title}`);
    return plan;
  };

  test('the Fresh Start Improvement Plan on 31 October 2015 derives to the seed’s figures, each a link to its projects', async () => {
    const plan = planNamed('Fresh Start Improvement Plan');
    const $ = await page(`${COUNCIL}/plans/${plan.id}?date=2015-10-31`);
    assert.match($('[data-testid="plan-total"]').text(), /132 projects/);
    const expected: Record<string, [number, number]> = {
      complete: [33, 25],
      on_track: [87, 66],
      behind_with_action: [9, 7],
      off_track: [0, 0],
      not_yet_due: [3, 2],
    };
    for (const [status, [count, percent]] of Object.entries(expected)) {
      const row = $(`tr[data-status="${status}"]`);
      assert.equal(row.find('[data-testid="count"]').contents().first().text(), String(count), status);
      assert.equal(row.find('[data-testid="percent"]').contents().first().text(), `${percent}%`, status);
      const list = await page(row.find('[data-testid="percent"]').attr('href') as string);
      assert.equal(list('[data-testid="projects"] tbody tr').length, count, `${status} lists its projects`);
    }
    const all = await page(`${COUNCIL}/plans/${plan.id}/projects?date=2015-10-31`);
    assert.equal(all('[data-testid="projects"] tbody tr').length, 100, 'a page lists 100 projects');
    const next = all('.govuk-pagination__next a').attr('href');
    assert.equal(next, `${COUNCIL}/plans/${plan.id}/projects?date=2015-10-31&page=2`);
    assert.equal((await page(next as string))('[data-testid="projects"] tbody tr').length, 32);
    const api = (await get(`${API}/plans/${plan.id}/summary?date=2015-10-31`)).json() as {
      counts: { status: string; count: number; percent: number }[];
    };
    assert.deepEqual(
      api.counts.map((c) => [c.status, c.count, c.percent]),
      Object.entries(expected).map(([s, [c, p]]) => [s, c, p]),
    );
  });

  test('the 2008 CSE action plan is flagged against the 2006 one', async () => {
    const plan2006 = planNamed('Child sexual exploitation action plan 2006');
    const plan2008 = planNamed('Child sexual exploitation action plan 2008');
    const $ = await page(`${COUNCIL}/plans/${plan2008.id}/recycled`);
    const rows = $('[data-testid="recycled"] tbody tr');
    assert.ok(rows.length > 0);
    for (const tr of rows.toArray()) {
      assert.ok($(tr).find(`a[href="${COUNCIL}/plans/${plan2006.id}"]`).length, 'each names the 2006 plan');
      assert.ok(Number($(tr).find('[data-testid="similarity"]').text()) >= 0.8);
    }
  });

  test('the ‘not known’ NEET indicator falls from 26.5% to 5.2%, and the five peer reviews are listed', async () => {
    const body = (await get(`${API}/indicators?date=2016-12-31`)).json() as {
      indicators: { code: string; direction: string; values: { value: number | null }[] }[];
    };
    const neet = body.indicators.find((i) => i.code === 'CYP-NEET-NOT-KNOWN');
    assert.ok(neet);
    const measured = neet.values.map((v) => v.value).filter((v) => v !== null);
    assert.equal(measured[0], 26.5);
    assert.equal(measured.at(-1), 5.2);
    const $ = await page(`${COUNCIL}/peer-reviews`);
    for (const r of demo.peerReviews) assert.ok($(`tr[data-peer-review="${r.id}"]`).length, r.service);
  });
});
