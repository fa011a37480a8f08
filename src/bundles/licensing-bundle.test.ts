import assert from 'node:assert/strict';
import fs from 'node:fs';
import { describe, it } from 'node:test';
import { bundleProblems } from '../../test/support/bundle-problems.ts';
import { DEMO_BUNDLE_FILE } from './demo/index.ts';
import { parseBundle } from './import.ts';
import type { BundleProblem } from './problems.ts';

// `any` on purpose: a bundle under test is any JSON, and the cases reach into it freely.
type Json = any;
const demoJson: Json = JSON.parse(fs.readFileSync(DEMO_BUNDLE_FILE, 'utf8'));

const problemsOf = (mutate: (b: Json) => unknown): BundleProblem[] =>
  bundleProblems(() => structuredClone(demoJson), mutate);

/** A new check of `kind` for the first holder of `holderKind` in the demo. */
function addCheck(bundle: Json, holderKind: string, kind: string): number {
  const holder = bundle.licensing.holders.find((h: Json) => h.kind === holderKind);
  bundle.licensing.checks.push({
    id: '22222222-2222-4222-8222-222222222222',
    holderId: holder.id,
    kind,
    doneOn: '2015-10-01',
    outcome: 'clear',
    certificateNumber: null,
    barredLists: [],
    course: null,
    validUntil: null,
    withdrawnAt: null,
    withdrawnReason: null,
  });
  return bundle.licensing.checks.length - 1;
}

describe('the kind of each check in a bundle', () => {
  it('accepts the demo, whose every check suits its holder', () => {
    assert.doesNotThrow(() => parseBundle(structuredClone(demoJson)));
  });

  it('refuses a vehicle inspection of a driver and a medical of a vehicle, at the check’s kind', () => {
    let driverCheck = -1;
    let vehicleCheck = -1;
    const problems = problemsOf((b) => {
      driverCheck = addCheck(b, 'driver', 'vehicle_inspection');
      vehicleCheck = addCheck(b, 'vehicle', 'medical');
      b.licensing.checks[vehicleCheck].id = '33333333-3333-4333-8333-333333333333';
    });
    assert.deepEqual(
      problems.map((p) => p.path),
      [`$.licensing.checks[${driverCheck}].kind`, `$.licensing.checks[${vehicleCheck}].kind`],
    );
    assert.match(
      problems[0]?.message ?? '',
      /^A vehicle inspection is not a check of a driver\. Choose one of: /,
    );
    assert.equal(
      problems[1]?.message,
      'A medical (Group 2 standard) is not a check of a vehicle. Choose one of: vehicle inspection',
    );
  });
});
