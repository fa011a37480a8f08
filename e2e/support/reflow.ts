import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/**
 * Checks WCAG 1.4.10 (Reflow), which axe cannot: at 320 CSS pixels wide (1280 px
 * zoomed to 400%) the page must not scroll sideways. A wide table may scroll
 * inside its own focusable container; the page itself may not.
 */
export async function assertReflows(page: Page, label = page.url()): Promise<void> {
  const original = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 640 });
  try {
    const overflow = await page.evaluate(() => {
      const root = document.documentElement;
      const wide = [...document.querySelectorAll('body *')]
        .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1)
        .filter((element) => element.children.length === 0)
        .slice(0, 5)
        .map((element) => `<${element.tagName.toLowerCase()} class="${element.className}">`);
      return { by: root.scrollWidth - root.clientWidth, wide };
    });
    assert.ok(
      overflow.by <= 0,
      `${label} scrolls sideways by ${overflow.by}px at 320px wide; widest elements: ${overflow.wide.join(', ')}`,
    );
  } finally {
    if (original) await page.setViewportSize(original);
  }
}
