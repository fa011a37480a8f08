import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { caseFacts } from '#src/modules/licensing/record.ts';
import { complianceView } from '#src/modules/licensing/rules/compliance.ts';
import { gateDecision } from '#src/modules/licensing/rules/gate.ts';
import { reviewSummary } from '#src/modules/licensing/rules/reviews.ts';
import { unannouncedShares } from '#src/modules/licensing/rules/vehicle-checks.ts';
import { holdingsOn } from '#src/modules/powers/rules/holders.ts';
import type { Bundle } from '../schema.ts';
import { DEMO_BUNDLE_FILE } from './index.ts';
import { REPORT_DAY } from './licensing.ts';

/*
 * The demo's Licensing records read by the module's own rules: the figures of
 * seed 001 on 27 November 2015 come out of the records, none is written in.
 */

const bundle = JSON.parse(fs.readFileSync(DEMO_BUNDLE_FILE, 'utf8')) as Bundle;
const s = bundle.licensing;
const row = <T>(r: T) => ({ ...r, councilId: bundle.council.id, withdrawnAt: null });
const cases = s.reviewCases.map((c) =>
  caseFacts(
    row(c),
    s.reviewHearings.filter((h) => h.caseId === c.id).map(row),
    ((d) => (d ? row(d) : null))(s.reviewDecisions.find((d) => d.caseId === c.id)),
  ),
);
const holders = s.holders.map((h) => ({
  ...h,
  licences: s.licences.filter((l) => l.holderId === h.id),
  checks: s.checks.filter((c) => c.holderId === h.id),
}));

describe('the demo’s Licensing records on 27 November 2015', () => {
  const summary = reviewSummary(cases, REPORT_DAY);

  it('account for the 67 cases identified: 24 heard, 41 scheduled before the end of March 2016, 2 closed otherwise', () => {
    assert.equal(summary.identified.count, 67);
    assert.equal(summary.heard.count, 24);
    assert.equal(summary.scheduled.count, 41);
    assert.ok((summary.lastHearingOn as string) <= '2016-03-31', summary.lastHearingOn ?? 'none');
    assert.equal(summary.closedOtherwise.count, 2);
    assert.equal(summary.notYetAccounted.count, 0);
  });

  it('give the outcomes of the 24 heard: 16 revoked, 1 suspended, 4 formal warnings, 3 no further action', () => {
    const counts = Object.fromEntries(Object.entries(summary.byOutcome).map(([k, f]) => [k, f.count]));
    assert.deepEqual(counts, { revoke: 16, suspend: 1, formal_warning: 4, no_further_action: 3 });
  });

  it('show 818 holders of a licence that day trained in safeguarding', () => {
    assert.equal(complianceView(holders, REPORT_DAY).all.trained.count, 818);
  });

  it('have every panel decision taken by whoever held taxi licensing that day, and recorded as a Powers decision', () => {
    const p = bundle.powers;
    const record = {
      functions: p.functions.map(row),
      directions: p.directions.map(row),
      provisions: p.provisions.map(row),
      allocations: p.allocations.map(row),
      restorations: p.restorations.map(row),
      restorationFunctions: p.restorationFunctions.map(row),
      restorationSteps: p.restorationSteps.map(row),
    };
    for (const d of s.reviewDecisions) {
      const c = s.reviewCases.find((x) => x.id === d.caseId);
      const holding = holdingsOn(record as never, d.decidedOn).find((h) => h.function.id === c?.functionId);
      assert.equal(d.decidedByPersonId, holding?.holder.personId, c?.reference);
      const powers = p.decisions.find((x) => x.id === d.powersDecisionId);
      assert.equal(powers?.decidedOn, d.decidedOn);
      assert.equal(powers?.functionId, c?.functionId);
    }
  });

  it('have a driver whose renewal the gate refuses for an overdue DBS update service status check, and nothing else', () => {
    const driver = holders.find((h) => h.name.startsWith('Rene Overdue'));
    assert.ok(driver);
    const licence = driver.licences[0];
    assert.ok(licence);
    const decision = gateDecision('renew', licence, driver.checks, driver.dateOfBirth, REPORT_DAY);
    assert.equal(decision.allowed, false);
    assert.deepEqual(
      decision.problems.map((p) => p.field),
      ['dbs_status_check'],
    );
  });

  it('show unannounced vehicle checks only from 2015, after years of checks on notice', () => {
    const shares = unannouncedShares(s.vehicleChecks);
    assert.ok(shares.filter((q) => q.quarter < '2015').every((q) => q.unannounced === 0));
    assert.ok(shares.filter((q) => q.quarter >= '2015 Q2').every((q) => (q.share ?? 0) > 0.5));
  });

  it('are plainly fictional: no holder shares a name with a person of the council’s record', () => {
    const names = new Set(bundle.people.map((p) => p.name));
    assert.ok(s.holders.every((h) => !names.has(h.name)));
    assert.ok(s.holders.filter((h) => h.kind === 'vehicle').every((h) => h.name.startsWith('DM')));
  });
});
