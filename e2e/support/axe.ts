import assert from 'node:assert/strict';
import { AxeBuilder } from '@axe-core/playwright';
import type { Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** The standards every page must meet: WCAG 2.2 AA, which public sector services must. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Formats axe violations so a failing test says what is wrong and where. */
export function describeViolations(violations: Result[]): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map(
          (n) => `    - ${n.target.join(' ')}\n      ${n.failureSummary?.replaceAll('\n', '\n      ') ?? ''}`,
        )
        .join('\n');
      return `  [${v.impact ?? 'unknown'}] ${v.id}: ${v.help}\n    ${v.helpUrl}\n${nodes}`;
    })
    .join('\n');
}

/** Runs axe on the page as it is now and fails with a readable list of any WCAG violations. */
export async function assertAccessible(page: Page, label = page.url()): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  assert.equal(
    results.violations.length,
    0,
    `${label} has ${results.violations.length} accessibility violation(s):\n${describeViolations(results.violations)}`,
  );
}
