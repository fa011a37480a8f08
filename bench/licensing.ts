import { importBundle } from '#src/bundles/import.ts';
import type { Database } from '#src/db/client.ts';
import { addMonths } from '#src/modules/improvement/rules/calendar.ts';
import { complianceHolders } from '#src/modules/licensing/record.ts';
import { complianceView } from '#src/modules/licensing/rules/compliance.ts';
import { gateDecision } from '#src/modules/licensing/rules/gate.ts';
import { attemptLicence } from '#src/modules/licensing/service.ts';
import { addDays } from '#src/modules/powers/rules/dates.ts';
import { GATE_DAY, licensingUuid, syntheticLicensingBundle } from './licensing-council.ts';
import { median, percentile, timed } from './stats.ts';

/** The sizes the issue sets: a council of 20,000 licence holders; the gate asked for many of them. */
export interface LicensingScale {
  holders: number;
  /** Holders whose licence the gate is asked to renew, one transaction each. */
  gateHolders: number;
}

/** p50, p95 and the slowest of some samples, in milliseconds. */
export interface Spread {
  p50: number;
  p95: number;
  max: number;
  samples: number;
}

export interface LicensingFigures {
  scale: LicensingScale;
  records: number;
  importSeconds: number;
  /** Reading the holders and deriving the view, one transaction per date. */
  compliance: Spread & { readMedian: number; deriveMedian: number; held: number; attention: number };
  /** `attemptLicence`: one whole transaction per holder. */
  gate: Spread & { allowed: number; refused: number };
  /** The pure rule `gateDecision` for the same holders, with their checks in hand. */
  rule: Spread;
}

export function spreadOf(samples: readonly number[]): Spread {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    max: sorted[sorted.length - 1] as number,
    samples: sorted.length,
  };
}

/**
 * `count` distinct holders spread over the whole council, taken with a prime stride so that
 * they do not fall in step with the patterns of the synthetic council (every tenth untrained…).
 */
function sample(holders: number, count: number): number[] {
  const n = Math.min(holders, count);
  const stride = holders % 7919 === 0 ? 1 : 7919;
  return Array.from({ length: n }, (_, k) => (k * stride) % holders);
}

const BY = { actor: 'freshstart:bench' };

/**
 * Imports the synthetic licensing council, then times the compliance view on
 * 11 days of 2024 (after one warm-up) and the gate for a sample of its holders,
 * each renewal a transaction of its own as the licensing officer's form runs it.
 */
export async function measureLicensing(database: Database, scale: LicensingScale): Promise<LicensingFigures> {
  const bundle = syntheticLicensingBundle(scale.holders);
  const imported = await timed(() => database.db.transaction((tx) => importBundle(tx, bundle, 'bench')));
  const councilId = licensingUuid('council');

  // Eleven days a month apart: on PGlite each reading takes seconds, and p95 of eleven is the slowest.
  const dates = Array.from({ length: 11 }, (_, k) => addDays('2024-01-08', 33 * k));
  const runs: { read: number; derive: number; total: number }[] = [];
  let held = 0;
  let attention = 0;
  for (const [k, date] of [dates[0] as string, ...dates].entries()) {
    const started = performance.now();
    const view = await database.db.transaction(async (tx) => {
      const holders = await complianceHolders(tx, councilId);
      const read = performance.now();
      const derived = complianceView(holders, date);
      return { derived, read, derivedAt: performance.now() };
    });
    const total = performance.now() - started;
    held = view.derived.all.holders.count;
    attention = view.derived.attention.length;
    if (held === 0) throw new Error(`the compliance view on ${date} counted no holders`);
    if (k > 0) runs.push({ read: view.read - started, derive: view.derivedAt - view.read, total }); // the first is a warm-up
  }

  // The pure rule first, with every holder's checks in hand, so the gate's writes do not change what it reads.
  const sampled = sample(scale.holders, scale.gateHolders);
  const facts = await database.db.transaction((tx) => complianceHolders(tx, councilId));
  const byId = new Map(facts.map((h) => [h.id, h]));
  const ruleSamples: number[] = [];
  for (let pass = 0; pass < 2; pass++)
    for (const h of sampled) {
      const holder = byId.get(licensingUuid(`holder:${h}`));
      const licence = holder?.licences[0];
      if (!holder || !licence) throw new Error(`holder ${h} has no licence`);
      const started = performance.now();
      gateDecision('renew', licence, holder.checks, holder.dateOfBirth, GATE_DAY);
      if (pass === 1) ruleSamples.push(performance.now() - started); // the first pass warms the rule up
    }

  const gateSamples: number[] = [];
  let allowed = 0;
  const endOn = addDays(addMonths(GATE_DAY, 36), -1);
  const warmUp = Math.min(20, Math.floor(sampled.length / 10));
  for (const [k, h] of sampled.entries()) {
    const licenceId = licensingUuid(`licence:${h}`);
    const attempt = await timed(() =>
      database.db.transaction((tx) => attemptLicence(tx, councilId, licenceId, 'renew', GATE_DAY, endOn, BY)),
    );
    if (attempt.value.decision.allowed) allowed += 1;
    if (k >= warmUp) gateSamples.push(attempt.ms); // the first few warm up the statements
  }

  return {
    scale,
    records: imported.value.records,
    importSeconds: imported.ms / 1000,
    compliance: {
      ...spreadOf(runs.map((r) => r.total)),
      readMedian: median(runs.map((r) => r.read)),
      deriveMedian: median(runs.map((r) => r.derive)),
      held,
      attention,
    },
    gate: { ...spreadOf(gateSamples), allowed, refused: sampled.length - allowed },
    rule: spreadOf(ruleSamples),
  };
}
