import { importBundle } from '#src/bundles/import.ts';
import type { Database } from '#src/db/client.ts';
import { addMonths } from '#src/modules/improvement/rules/calendar.ts';
import { complianceFacts, forgetComplianceFacts } from '#src/modules/licensing/facts.ts';
import { complianceView } from '#src/modules/licensing/rules/compliance.ts';
import { gateDecision } from '#src/modules/licensing/rules/gate.ts';
import { attemptLicence, decideGate, recordCheck } from '#src/modules/licensing/service.ts';
import type { CheckInput } from '#src/modules/licensing/validation.ts';
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
  /**
   * The view as an officer opens it after recording a check: the facts kept brought up to date
   * from the ledger and the view derived, one snapshot per date.
   */
  compliance: Spread & { readMedian: number; deriveMedian: number; held: number; attention: number };
  /** The first view of the council after a restart: every holder, licence and check read from the tables. */
  coldCompliance: Spread;
  /** `decideGate`: the gate's answer for one holder, read in a transaction of its own. */
  decision: Spread & { allowed: number; refused: number };
  /** `attemptLicence`: the answer, the attempt recorded and an allowed renewal made, one transaction per holder. */
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

/** The check recorded before each reading of the view: a driving licence check on the day. */
const NEW_CHECK: CheckInput = {
  kind: 'driving_licence',
  doneOn: '2024-01-08',
  outcome: 'clear',
  certificateNumber: null,
  barredLists: [],
  course: null,
  validUntil: null,
};

/**
 * Imports the synthetic licensing council, then times the compliance view on
 * 11 days of 2024 (after one warm-up), each after a check recorded, and on 5 days
 * with nothing kept; then the gate's answer and the whole renewal for a sample
 * of its holders, each a transaction of its own as the licensing officer's form runs it.
 */
export async function measureLicensing(database: Database, scale: LicensingScale): Promise<LicensingFigures> {
  // The bundle is built inside the import so that it is not kept in memory through the measures.
  const imported = await timed(() =>
    database.db.transaction((tx) => importBundle(tx, syntheticLicensingBundle(scale.holders), 'bench')),
  );
  const councilId = licensingUuid('council');

  // Eleven days a month apart, each after a check recorded for one holder (so the facts kept are
  // brought up to date from the ledger, as when an officer records a check and opens the view).
  const dates = Array.from({ length: 11 }, (_, k) => addDays('2024-01-08', 33 * k));
  const runs: { read: number; derive: number; total: number }[] = [];
  let held = 0;
  let attention = 0;
  for (const [k, date] of [dates[0] as string, ...dates].entries()) {
    const holderId = licensingUuid(`holder:${(k * 20 * 397) % scale.holders}`); // a driver
    await database.db.transaction((tx) =>
      recordCheck(tx, councilId, holderId, { ...NEW_CHECK, doneOn: date }, '2024-12-31', BY),
    );
    const started = performance.now();
    const holders = await complianceFacts(database.db, councilId);
    const read = performance.now();
    const view = complianceView(holders, date);
    const derivedAt = performance.now();
    held = view.all.holders.count;
    attention = view.attention.length;
    if (held === 0) throw new Error(`the compliance view on ${date} counted no holders`);
    if (k > 0) runs.push({ read: read - started, derive: derivedAt - read, total: derivedAt - started }); // the first is a warm-up
  }

  // The first view after a restart: nothing kept, every fact read from the tables.
  const cold: number[] = [];
  for (const date of dates.slice(0, 5)) {
    forgetComplianceFacts(database.db);
    const started = performance.now();
    complianceView(await complianceFacts(database.db, councilId), date);
    cold.push(performance.now() - started);
  }

  // The pure rule first, with every holder's checks in hand, so the gate's writes do not change what it reads.
  const sampled = sample(scale.holders, scale.gateHolders);
  const facts = await complianceFacts(database.db, councilId); // kept since the cold reads above
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

  const warmUp = Math.min(20, Math.floor(sampled.length / 10));
  // The gate's answer alone, as a read: the holder's lock taken (on a server), the facts read, the rule applied.
  const decisionSamples: number[] = [];
  let decided = 0;
  for (const [k, h] of sampled.entries()) {
    const licenceId = licensingUuid(`licence:${h}`);
    const answer = await timed(() =>
      database.db.transaction((tx) => decideGate(tx, councilId, licenceId, 'renew', GATE_DAY)),
    );
    if (answer.value.decision.allowed) decided += 1;
    if (k >= warmUp) decisionSamples.push(answer.ms); // the first few warm up the statements
  }

  const gateSamples: number[] = [];
  let allowed = 0;
  const endOn = addDays(addMonths(GATE_DAY, 36), -1);
  for (const [k, h] of sampled.entries()) {
    const licenceId = licensingUuid(`licence:${h}`);
    const attempt = await timed(() =>
      database.db.transaction((tx) => attemptLicence(tx, councilId, licenceId, 'renew', GATE_DAY, endOn, BY)),
    );
    if (attempt.value.decision.allowed) allowed += 1;
    if (k >= warmUp) gateSamples.push(attempt.ms);
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
    coldCompliance: spreadOf(cold),
    decision: { ...spreadOf(decisionSamples), allowed: decided, refused: sampled.length - decided },
    gate: { ...spreadOf(gateSamples), allowed, refused: sampled.length - allowed },
    rule: spreadOf(ruleSamples),
  };
}
