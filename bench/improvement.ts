import { stableId } from '#src/bundles/demo/ids.ts';
import { importBundle, parseBundle } from '#src/bundles/import.ts';
import { BUNDLE_FORMAT, BUNDLE_VERSION } from '#src/bundles/schema.ts';
import type { Database } from '#src/db/client.ts';
import { readPlanSummaryRecords } from '#src/modules/improvement/record.ts';
import { boardSummary } from '#src/modules/improvement/rules/summary.ts';
import { addPlan } from '#src/modules/improvement/service.ts';
import { median, percentile, timed } from './stats.ts';

/** The sizes the issue sets: a plan of 10,000 projects and 100,000 milestones; 500 new items against 20,000 earlier. */
export interface ImprovementScale {
  projects: number;
  milestonesPerProject: number;
  earlierItems: number;
  newItems: number;
}

export interface ImprovementFigures {
  scale: ImprovementScale;
  importSeconds: number;
  /** Milliseconds to read the plan and derive its board summary, one sample per date. */
  summary: { p50: number; p95: number; max: number; samples: number; total: number };
  /** Milliseconds to add a plan of `newItems` items, the recycled-plan check included, one sample per run. */
  recycled: { median: number; max: number; samples: number; flagged: number };
}

const uuid = (name: string) => stableId(`bench-improvement:${name}`);
const BOARD_GSS = 'E09999997';
const RECYCLED_GSS = 'E09999996';
const FIRST_YEAR = 2015;

const day = (year: number, dayOfYear: number) =>
  new Date(Date.UTC(year, 0, 1 + dayOfYear)).toISOString().slice(0, 10);

/** A small deterministic generator, so the synthetic councils are the same on every run. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const council = (key: string, gssCode: string) => ({
  id: uuid(`council:${key}`),
  gssCode,
  name: `Benchmark ${key} Council`,
  shortName: `Benchmark ${key}`,
});

/**
 * A plan of `projects` projects over three years, each with its milestones spread
 * from its start to its due date; about a third done with evidence by mid-plan,
 * one project in eight re-baselined and one in twenty with a management action.
 */
export function syntheticPlanBundle(scale: ImprovementScale) {
  const next = random(7);
  const planId = uuid('plan');
  const projects: Record<string, unknown>[] = [];
  const milestones: Record<string, unknown>[] = [];
  const rebaselines: Record<string, unknown>[] = [];
  const managementActions: Record<string, unknown>[] = [];
  for (let p = 0; p < scale.projects; p++) {
    const id = uuid(`project:${p}`);
    const start = Math.floor(next() * 500);
    const length = 60 + Math.floor(next() * 500);
    projects.push({
      id,
      planId,
      ref: `P${String(p + 1).padStart(5, '0')}`,
      title: `Project ${p + 1}`,
      accountableOfficer: `Officer ${(p % 40) + 1}`,
      startOn: day(FIRST_YEAR, start),
      dueOn: day(FIRST_YEAR, start + length),
    });
    for (let m = 0; m < scale.milestonesPerProject; m++) {
      const due = start + Math.round(((m + 1) * length) / scale.milestonesPerProject);
      const done = next() < 0.6;
      const completed = done ? due - 5 + Math.floor(next() * 30) : null;
      milestones.push({
        id: uuid(`milestone:${p}:${m}`),
        projectId: id,
        title: `Milestone ${m + 1}`,
        dueOn: day(FIRST_YEAR, due),
        position: m,
        completedOn: completed === null ? null : day(FIRST_YEAR, completed),
        evidenceKind: done ? 'document' : null,
        evidence: done ? `Report ${p}-${m}` : null,
      });
      if (m === 0 && p % 8 === 0)
        rebaselines.push({
          id: uuid(`rebaseline:${p}`),
          projectId: id,
          milestoneId: uuid(`milestone:${p}:${m}`),
          fromDate: day(FIRST_YEAR, due),
          toDate: day(FIRST_YEAR, due + 30),
          reason: 'Capacity: the lead officer post was vacant',
          approvedBy: 'Programme Board',
          approvedOn: day(FIRST_YEAR, due - 10),
        });
      if (m === 1 && p % 20 === 0)
        managementActions.push({
          id: uuid(`action:${p}`),
          projectId: id,
          milestoneId: uuid(`milestone:${p}:${m}`),
          action: 'Interim manager assigned to recover the milestone',
          owner: 'Strategic Director',
          agreedOn: day(FIRST_YEAR, due + 1),
          dueOn: day(FIRST_YEAR, due + 60),
        });
    }
  }
  return parseBundle({
    format: BUNDLE_FORMAT,
    version: BUNDLE_VERSION,
    council: council('Plan', BOARD_GSS),
    people: [],
    users: [],
    improvement: {
      plans: [
        {
          id: planId,
          title: 'Benchmark Improvement Plan',
          kind: 'improvement_plan',
          adoptedOn: day(FIRST_YEAR, 0),
        },
      ],
      projects,
      milestones,
      rebaselines,
      managementActions,
    },
  });
}

const WORDS = Array.from({ length: 3000 }, (_, i) => {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let w = '';
  let n = i * 7919 + 13;
  for (let k = 0; k < 4 + (i % 6); k++) {
    w += letters[n % 26];
    n = Math.floor(n / 26) + k * 31 + i;
  }
  return w;
});

function sentence(next: () => number, words: number): string {
  return Array.from({ length: words }, () => WORDS[Math.floor(next() * WORDS.length)]).join(' ');
}

/** The earlier action lists of a council: `earlierItems` items in plans of 2,000, none completed. */
export function syntheticEarlierPlansBundle(scale: ImprovementScale) {
  const next = random(11);
  const plans: Record<string, unknown>[] = [];
  const projects: Record<string, unknown>[] = [];
  const perPlan = 2000;
  for (let i = 0; i < scale.earlierItems; i++) {
    const planNumber = Math.floor(i / perPlan);
    if (i % perPlan === 0)
      plans.push({
        id: uuid(`earlier-plan:${planNumber}`),
        title: `Action plan ${planNumber + 1}`,
        kind: 'action_plan',
        adoptedOn: day(2000, planNumber * 30),
      });
    projects.push({
      id: uuid(`earlier-item:${i}`),
      planId: uuid(`earlier-plan:${planNumber}`),
      ref: `A${i + 1}`,
      title: `${sentence(next, 8 + Math.floor(next() * 12))} by March ${2001 + (planNumber % 10)}`,
      accountableOfficer: 'Director',
      startOn: day(2000, planNumber * 30),
      dueOn: day(2001, planNumber * 30),
    });
  }
  return {
    bundle: parseBundle({
      format: BUNDLE_FORMAT,
      version: BUNDLE_VERSION,
      council: council('Recycled', RECYCLED_GSS),
      people: [],
      users: [],
      improvement: { plans, projects },
    }),
    projects,
  };
}

/** A new plan: one item in five repeats an earlier one with its date changed, the rest are new. */
function newPlanItems(scale: ImprovementScale, earlier: readonly Record<string, unknown>[], run: number) {
  const next = random(100 + run);
  return Array.from({ length: scale.newItems }, (_, i) => {
    const copy = i % 5 === 0 ? earlier[Math.floor(next() * earlier.length)] : undefined;
    const title = copy
      ? String(copy.title).replace(/\d{4}$/, String(2030 + run))
      : `${sentence(next, 8 + Math.floor(next() * 12))} by June ${2030 + run}`;
    return {
      ref: `N${i + 1}`,
      title,
      accountableOfficer: 'Director',
      startOn: day(2030, 0),
      dueOn: day(2031, 0),
    };
  });
}

class RolledBack extends Error {}

/** Imports both synthetic councils, then times the board summary on dates across the plan and the recycled-plan check. */
export async function measureImprovement(
  database: Database,
  scale: ImprovementScale,
): Promise<ImprovementFigures> {
  const plan = syntheticPlanBundle(scale);
  const { bundle: earlier, projects: earlierItems } = syntheticEarlierPlansBundle(scale);
  const imported = await timed(() =>
    database.db.transaction(async (tx) => {
      await importBundle(tx, plan, 'bench');
      await importBundle(tx, earlier, 'bench');
    }),
  );
  const councilId = uuid('council:Plan');
  const planId = uuid('plan');
  const dates = Array.from({ length: 21 }, (_, k) => day(FIRST_YEAR, 30 * k + 15));
  const samples: number[] = [];
  let total = 0;
  for (const [k, date] of [dates[0], ...dates].entries()) {
    const run = await timed(() =>
      database.db.transaction(async (tx) => {
        // Read afresh every time: readPlanSummary would answer the later dates from its cache.
        const facts = await readPlanSummaryRecords(tx, councilId, planId);
        if (!facts) throw new Error('the benchmark plan is missing');
        return boardSummary(facts.projects, date as string, { from: day(FIRST_YEAR, 0), to: date as string });
      }),
    );
    if (run.value.total !== scale.projects)
      throw new Error(`the summary counted ${run.value.total} projects`);
    total = run.value.total;
    if (k > 0) samples.push(run.ms); // the first is a warm-up
  }
  const sorted = [...samples].sort((a, b) => a - b);
  const recycledRuns: number[] = [];
  let flagged = 0;
  // Each run is rolled back, so every one checks 500 new items against the same earlier ones.
  for (let run = 0; run < 3; run++) {
    const items = newPlanItems(scale, earlierItems, run);
    const started = performance.now();
    await database.db
      .transaction(async (tx) => {
        const added = await addPlan(
          tx,
          uuid('council:Recycled'),
          { title: `New action plan ${run + 1}`, kind: 'action_plan', adoptedOn: day(2030, run), items },
          { actor: 'bench' },
        );
        flagged = added.recycled.length;
        recycledRuns.push(performance.now() - started);
        throw new RolledBack();
      })
      .catch((error: unknown) => {
        if (!(error instanceof RolledBack)) throw error;
      });
  }
  return {
    scale,
    importSeconds: imported.ms / 1000,
    summary: {
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      max: sorted[sorted.length - 1] as number,
      samples: samples.length,
      total,
    },
    recycled: {
      median: median(recycledRuns),
      max: Math.max(...recycledRuns),
      samples: recycledRuns.length,
      flagged,
    },
  };
}
