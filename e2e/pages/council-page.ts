import type { Locator, Page } from 'playwright-core';
import { Layout } from './layout.ts';

/** A council's page, listing the people in public roles: /councils/:gss. */
export class CouncilPage extends Layout {
  readonly successBanner: Locator;

  constructor(
    page: Page,
    readonly baseUrl: string,
    readonly gss: string,
  ) {
    super(page);
    this.successBanner = page.locator('.govuk-notification-banner--success');
  }

  async open(): Promise<this> {
    await this.page.goto(`${this.baseUrl}/councils/${this.gss}`);
    return this;
  }

  /** The table of one kind of role, like `commissioner`. */
  peopleTable(kind: string): Locator {
    return this.page.getByTestId(`people-${kind}`);
  }
}
