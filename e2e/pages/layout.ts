import type { Locator, Page } from 'playwright-core';

/** What every page shares: the GOV.UK header with the service navigation, and the main content. */
export class Layout {
  readonly serviceNavigation: Locator;
  readonly signOutButton: Locator;
  readonly heading: Locator;
  readonly councilCaption: Locator;
  readonly errorSummary: Locator;

  constructor(readonly page: Page) {
    this.serviceNavigation = page.locator('.govuk-service-navigation');
    this.signOutButton = page.getByTestId('sign-out');
    this.heading = page.locator('main h1');
    this.councilCaption = page.getByTestId('council-caption');
    this.errorSummary = page.locator('.govuk-error-summary');
  }

  /** The links in the service navigation, as absolute addresses, in the order shown. */
  async navigationLinks(): Promise<{ text: string; url: string }[]> {
    return this.serviceNavigation
      .locator('a.govuk-service-navigation__link')
      .evaluateAll((links) =>
        links.map((a) => ({ text: (a.textContent ?? '').trim(), url: (a as HTMLAnchorElement).href })),
      );
  }

  /** Addresses of the links inside the main content. */
  async contentLinks(): Promise<string[]> {
    return this.page
      .locator('main a[href]')
      .evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
  }

  /** The links of the error summary: the message shown and the field each one points at. */
  async errorSummaryLinks(): Promise<{ text: string; href: string }[]> {
    return this.errorSummary
      .locator('.govuk-error-summary__list a')
      .evaluateAll((links) =>
        links.map((a) => ({ text: (a.textContent ?? '').trim(), href: a.getAttribute('href') ?? '' })),
      );
  }

  async signOut(): Promise<void> {
    await Promise.all([this.page.waitForURL(/\/sign-in/), this.signOutButton.click()]);
  }
}
