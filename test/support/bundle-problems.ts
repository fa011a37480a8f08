import assert from 'node:assert/strict';
import { parseBundle } from '#src/bundles/import.ts';
import { BundleError, type BundleProblem } from '#src/bundles/problems.ts';

// `any` on purpose: a bundle under test is any JSON, and the cases reach into it freely.
export type Json = any;

/**
 * The problems `parseBundle` finds in the bundle `base` gives once `mutate` has
 * changed it (or in what `mutate` returns instead); the test fails when the
 * bundle is accepted.
 */
export function bundleProblems(base: () => Json, mutate: (b: Json) => unknown): BundleProblem[] {
  const bundle = base();
  const replaced = mutate(bundle);
  try {
    parseBundle(replaced === undefined ? bundle : replaced);
  } catch (error) {
    assert.ok(error instanceof BundleError, String(error));
    return error.problems;
  }
  assert.fail('the bundle was accepted');
}
