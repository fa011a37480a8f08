import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { directionOfTravel, indicatorSeries } from '#src/modules/improvement/rules/indicators.ts';
import { findRecycledItems } from '#src/modules/improvement/rules/recycled.ts';
import { deriveProjectStatus, milestoneDone } from '#src/modules/improvement/rules/status.ts';
import { boardSummary } from '#src/modules/improvement/rules/summary.ts';
import type { IndicatorFacts, ProjectFacts } from '#src/modules/improvement/rules/types.ts';
import { buildImprovement, FRESH_START_PLAN_ID, type ImprovementSection } from './improvement.ts';
import { DEMO_BUNDLE_FILE } from './index.ts';
import { buildPowers } from './powers.ts';
import type { KnownPerson } from './powers-model.ts';

const bundle = JSON.parse(fs.readFileSync(DEMO_BUNDLE_FILE, 'utf8')) as {
  people: KnownPerson[];
  improvement?: ImprovementSection;
};
const powers = buildPowers(bundle.people);
const people = [...bundle.people, ...powers.people];
const s = buildImprovement(people, powers.powers.decisions);

const REPORT = '2015-10-31';
const planNamed = (title: string) => {
  const plan = s.plans.find((p) => p.title === title);
  assert.ok(plan, `no plan ${title}`);
  return plan;
};

/** A plan's projects as the rules read them: each with its milestones, re-baselines and actions. */
function factsOf(planId: string): ProjectFacts[] {
  return s.projects
    .filter((p) => p.planId === planId)
    .map((p) => ({
      ...p,
      milestones: s.milestones.filter((m) => m.projectId === p.id),
      rebaselines: s.rebaselines.filter((r) => r.projectId === p.id),
      actions: s.managementActions.filter((a) => a.projectId === p.id),
    }));
}
const freshStart = factsOf(FRESH_START_PLAN_ID);
const countsOn = (on: string) =>
  Object.fromEntries(
    boardSummary(freshStart, on, { from: on, to: on }).counts.map((c) => [c.status, c.count]),
  );

function indicatorFacts(code: string): IndicatorFacts {
  const ind = s.indicators.find((x) => x.code === code);
  assert.ok(ind, `no indicator ${code}`);
  return { ...ind, values: s.indicatorValues.filter((v) => v.indicatorId === ind.id) };
}

describe('the demo’s Fresh Start Improvement Plan', () => {
  it('has 132 projects that derive, at 31 October 2015, to seed 001’s 33 complete, 87 on track, 9 behind and 3 not yet due', () => {
    assert.equal(freshStart.length, 132);
    assert.deepEqual(countsOn(REPORT), {
      complete: 33,
      on_track: 87,
      behind_with_action: 9,
      off_track: 0,
      not_yet_due: 3,
    });
  });

  it('gives seed 001’s percentages through the board summary: 25% complete, 66% on track, 7% behind, 2% not yet due', () => {
    const summary = boardSummary(freshStart, REPORT, { from: '2015-09-01', to: REPORT });
    const percent = Object.fromEntries(summary.counts.map((c) => [c.status, c.percent]));
    assert.deepEqual(percent, {
      complete: 25,
      on_track: 66,
      behind_with_action: 7,
      off_track: 0,
      not_yet_due: 2,
    });
    assert.equal(summary.offTrack.length, 0);
  });

  it('has each behind project with an overdue milestone and an action with an owner, agreed before and due after 31 October', () => {
    const behind = freshStart.filter((p) => deriveProjectStatus(p, REPORT).status === 'behind_with_action');
    assert.equal(behind.length, 9);
    for (const p of behind) {
      const { overdue } = deriveProjectStatus(p, REPORT);
      assert.ok(overdue.length >= 1, p.ref);
      for (const o of overdue) {
        const action = p.actions.find((a) => a.id === o.actionId);
        assert.ok(action?.owner, p.ref);
        assert.ok(action.agreedOn <= REPORT && action.dueOn > REPORT, p.ref);
      }
    }
  });

  it('has its not-yet-due projects starting after 31 October 2015', () => {
    const notYet = freshStart.filter((p) => deriveProjectStatus(p, REPORT).status === 'not_yet_due');
    assert.ok(notYet.length === 3 && notYet.every((p) => p.startOn > REPORT));
  });

  it('averages several milestones a project, each done one with evidence', () => {
    const milestones = freshStart.flatMap((p) => p.milestones);
    assert.ok(milestones.length / freshStart.length >= 3.5, `${milestones.length} milestones`);
    for (const m of milestones.filter((x) => x.completedOn))
      assert.ok(milestoneDone(m, m.completedOn as string));
  });

  it('shows slippage: projects re-baselined once or twice with reasons and approvers, some on track at 31 October', () => {
    const slipped = freshStart.filter((p) => p.rebaselines.length > 0);
    assert.ok(slipped.length >= 8, `${slipped.length} re-baselined`);
    assert.ok(
      slipped.some((p) => new Set(p.rebaselines.map((r) => r.milestoneId)).size < p.rebaselines.length),
    );
    // On track at 31 October only because a slipped date was approved beforehand.
    const keptOnTrack = slipped.filter(
      (p) =>
        deriveProjectStatus(p, REPORT).status === 'on_track' &&
        deriveProjectStatus({ ...p, rebaselines: [] }, REPORT).status !== 'on_track',
    );
    assert.ok(keptOnTrack.length >= 2, keptOnTrack.map((p) => p.ref).join());
    for (const r of slipped.flatMap((p) => p.rebaselines))
      assert.ok(r.reason && r.approvedBy && r.approvedOn);
    const later = boardSummary(freshStart, '2016-02-29', { from: '2015-11-01', to: '2016-02-29' });
    assert.ok(later.rebaselinesInPeriod.length >= 3);
    assert.ok(later.slipped.length >= slipped.length - 1);
  });

  it('records progress after 31 October 2015, and a project off track while a late milestone had no action', () => {
    const counts = countsOn('2016-03-31');
    assert.ok((counts.complete as number) > 33, `${counts.complete} complete at 31 March 2016`);
    assert.equal(countsOn('2016-01-31').off_track, 1);
    assert.equal(countsOn('2017-12-31').complete, 132);
  });

  it('is overseen by the Improvement Board chaired by the Lead Commissioner and the children’s board chaired by the Children’s Commissioner', () => {
    const chair = (name: string) =>
      people.find((p) => p.id === s.boards.find((b) => b.name === name)?.chairPersonId);
    assert.equal(chair('Improvement Board')?.publicRole, 'Lead Commissioner');
    assert.match(
      chair('Children, Young People and Families Improvement Board')?.publicRole ?? '',
      /^Children’s Commissioner/,
    );
    const childrenBoard = s.boards[1]?.id;
    assert.ok(s.projects.filter((p) => p.boardId === childrenBoard).length >= 30);
  });

  it('types no status anywhere: every figure is derived', () => {
    assert.doesNotMatch(JSON.stringify(s), /"(status|rag|derivedStatus|done)":/);
  });
});

describe('the demo’s peer reviews', () => {
  it('are seed 001’s five, with its conclusions, by the LGA, before the report of 27 November 2015', () => {
    const conclusions = Object.fromEntries(s.peerReviews.map((r) => [r.service, r.conclusion]));
    assert.deepEqual(conclusions, {
      'Highways and Transport': 'good_enough',
      Planning: 'good_enough',
      Housing: 'good_enough',
      'Waste Collection and Street Cleaning': 'critical',
      'Leisure, Culture and Sport': 'improvement_needed',
    });
    for (const r of s.peerReviews) {
      assert.equal(r.reviewers, 'LGA peer review team');
      assert.ok(r.reviewedOn >= '2015-08-01' && r.reviewedOn < '2015-11-27');
      assert.match(r.summary, /^Seed 001: “/);
    }
  });

  it('have a few recommendations each, some carried out by projects of the plan', () => {
    for (const r of s.peerReviews) {
      const recs = s.recommendations.filter((x) => x.peerReviewId === r.id);
      assert.ok(recs.length >= 2, r.service);
    }
    const linked = s.recommendations.filter((x) => x.projectId !== null);
    assert.ok(linked.length >= 5);
    for (const x of linked)
      assert.equal(s.projects.find((p) => p.id === x.projectId)?.planId, FRESH_START_PLAN_ID);
  });
});

describe('the demo’s indicators', () => {
  it('have the ‘not known’ NEET figure falling from 26.5% to 5.2%, improving, with a month of no data', () => {
    const neet = indicatorFacts('CYP-NEET-NOT-KNOWN');
    const series = indicatorSeries(neet, REPORT);
    const values = series.filter((p) => p.value !== null);
    assert.equal(values[0]?.value, 26.5);
    assert.equal(values.at(-1)?.value, 5.2);
    assert.equal(series.filter((p) => p.status === 'no_data').length, 1);
    assert.equal(series.at(-1)?.status, 'green');
    assert.equal(series[0]?.status, 'red');
    assert.equal(directionOfTravel(series, neet.polarity), 'improving');
  });

  it('have the projected overspend reaching £12m by October 2015, and Adult Social Care’s £3m', () => {
    const overspend = indicatorSeries(indicatorFacts('FIN-OVERSPEND-2015-16'), REPORT);
    assert.equal(Math.max(...overspend.map((p) => p.value ?? 0)), 12_000_000);
    assert.equal(overspend.at(-1)?.value, 12_000_000);
    assert.equal(overspend.at(-1)?.status, 'red');
    const adults = indicatorSeries(indicatorFacts('ASC-OVERSPEND-2015-16'), REPORT);
    assert.equal(adults.at(-1)?.value, 3_000_000);
    const afterwards = indicatorSeries(indicatorFacts('FIN-OVERSPEND-2015-16'), '2016-04-30');
    assert.equal(afterwards.at(-1)?.status, 'no_data');
  });

  it('carry a commentary and the measure on every value, and say what is illustrative', () => {
    for (const v of s.indicatorValues) assert.ok(v.commentary.trim() && v.measure.trim(), v.id);
    for (const x of s.indicators) assert.match(x.source, /Seed 001/);
    assert.match(s.indicators[0]?.benchmarkLabel ?? '', /illustrative/);
  });
});

describe('the demo’s 2006 and 2008 CSE action plans', () => {
  const cse2006 = planNamed('Child sexual exploitation action plan 2006');
  const cse2008 = planNamed('Child sexual exploitation action plan 2008');
  const text = (p: { title: string; description: string | null }) =>
    p.description ? `${p.title}\n${p.description}` : p.title;
  const itemsOf = (planId: string) => s.projects.filter((p) => p.planId === planId);
  const completedBy = (on: string) => (p: ProjectFacts) =>
    p.milestones.length > 0 && p.milestones.every((m) => milestoneDone(m, on));
  const earlier = factsOf(cse2006.id).map((p) => ({
    id: p.id,
    planId: cse2006.id,
    text: text(s.projects.find((x) => x.id === p.id) as ImprovementSection['projects'][number]),
    completed: completedBy(cse2008.adoptedOn)(p),
  }));
  const flags = findRecycledItems(
    itemsOf(cse2008.id).map((p) => ({ id: p.id, planId: p.planId, text: text(p) })),
    earlier,
  );
  const refOf = (id: string) => s.projects.find((p) => p.id === id)?.ref;

  it('flag most 2008 actions as repeating uncompleted 2006 ones, each against its own', () => {
    assert.deepEqual(
      flags.map((f) => `${refOf(f.itemId)}→${refOf(f.earlierId)}`),
      ['A01→A01', 'A02→A02', 'A03→A03', 'A04→A04', 'A05→A05', 'A06→A06', 'A07→A07', 'A09→A10'],
    );
    assert.ok(flags.length > itemsOf(cse2008.id).length / 2);
    for (const f of flags) assert.ok(f.similarity >= 0.8 && f.earlierPlanId === cse2006.id);
  });

  it('leave unflagged the new 2008 actions and the repeat of the one 2006 action that was done', () => {
    const flagged = new Set(flags.map((f) => refOf(f.itemId)));
    assert.deepEqual(
      itemsOf(cse2008.id)
        .map((p) => p.ref)
        .filter((ref) => !flagged.has(ref)),
      ['A08', 'A10', 'A11'],
    );
    assert.deepEqual(
      earlier.filter((e) => e.completed).map((e) => refOf(e.id)),
      ['A08'],
    );
  });

  it('leave the Fresh Start plan repeating neither of them', () => {
    const older = [cse2006, cse2008].flatMap((plan) =>
      factsOf(plan.id).map((p) => ({
        id: p.id,
        planId: plan.id,
        text: text(s.projects.find((x) => x.id === p.id) as ImprovementSection['projects'][number]),
        completed: completedBy(planNamed('Fresh Start Improvement Plan').adoptedOn)(p),
      })),
    );
    const items = itemsOf(FRESH_START_PLAN_ID).map((p) => ({ id: p.id, planId: p.planId, text: text(p) }));
    assert.deepEqual(findRecycledItems(items, older), []);
  });
});

describe('the demo’s Improvement records', () => {
  it('refer only to records and people that exist, with ids unique across the section', () => {
    const ids = Object.values(s).flatMap((rows: { id: string }[]) => rows.map((r) => r.id));
    assert.equal(new Set(ids).size, ids.length);
    const personIds = new Set(people.map((p) => p.id));
    for (const id of [
      ...s.boards.map((b) => b.chairPersonId),
      ...s.projects.map((p) => p.leadMemberPersonId),
    ])
      if (id !== null) assert.ok(personIds.has(id), id);
  });

  it('are the same on every build, and the same as the demo bundle holds once it has been rebuilt', () => {
    assert.deepEqual(buildImprovement(people, powers.powers.decisions), s);
    if (bundle.improvement) assert.deepEqual(bundle.improvement, s);
  });
});
