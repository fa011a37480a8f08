import type { Locator, Page } from 'playwright-core';
import { Layout } from './layout.ts';

/** The fit-and-proper review summary at /councils/:gss/licensing/reviews. */
export class ReviewSummaryPage extends Layout {
  readonly figureRows: Locator;

  constructor(page: Page) {
    super(page);
    this.figureRows = page.locator('[data-testid="review-figures"] tbody tr');
  }

  /** Chooses the date through the page's own form; resolves when the summary for it has loaded. */
  async showOn(date: string): Promise<number | undefined> {
    await this.page.locator('[data-testid="as-at-form"] #date').fill(date);
    const [response] = await Promise.all([
      this.page.waitForNavigation(),
      this.page.getByRole('button', { name: 'Show the reviews on this date' }).click(),
    ]);
    return response?.status();
  }

  /** Each figure shown: its key, its number, and the address its number links to (null for none). */
  async figures(): Promise<{ figure: string; count: number; href: string | null }[]> {
    return this.figureRows.evaluateAll((rows) =>
      rows.map((tr) => {
        const cell = tr.querySelector('[data-testid="count"]');
        const link = cell?.querySelector('a');
        return {
          figure: tr.getAttribute('data-figure') ?? '',
          count: Number((cell?.textContent ?? '').match(/\d+/)?.[0]),
          href: link ? (link as HTMLAnchorElement).href : null,
        };
      }),
    );
  }
}

/** The cases of one figure, at /councils/:gss/licensing/reviews/cases. */
export class ReviewCasesPage extends Layout {
  readonly rows: Locator;

  constructor(page: Page) {
    super(page);
    this.rows = page.locator('[data-testid="cases"] tbody tr');
  }

  /** The references listed, in the order shown. */
  async references(): Promise<string[]> {
    return this.rows.evaluateAll((rows) => rows.map((tr) => tr.getAttribute('data-case') ?? ''));
  }
}

/** One review case's page, with the links to the forms that change it. */
export class ReviewCasePage extends Layout {
  readonly stage: Locator;
  readonly banner: Locator;
  readonly actions: Locator;
  readonly decision: Locator;

  constructor(page: Page) {
    super(page);
    this.stage = page.getByTestId('case-stage');
    this.banner = page.locator('.govuk-notification-banner');
    this.actions = page.getByTestId('case-actions');
    this.decision = page.getByTestId('decision');
  }

  /** Follows the case's link to one of its forms, such as 'Fix a hearing'. */
  async openForm(name: string): Promise<ReviewFormPage> {
    await Promise.all([
      this.page.waitForNavigation(),
      this.actions.getByRole('link', { name, exact: true }).click(),
    ]);
    return new ReviewFormPage(this.page);
  }

  /** The names of the forms the case offers now. */
  async formNames(): Promise<string[]> {
    return (await this.actions.getByRole('link').allTextContents()).map((t) => t.trim());
  }
}

/**
 * A form of a review: GOV.UK fields found by their labels and legends, one
 * submit button, and the error summary on a refusal.
 */
export class ReviewFormPage extends Layout {
  readonly submitButton: Locator;

  constructor(page: Page) {
    super(page);
    this.submitButton = page.locator('main form[method="post"]').getByRole('button');
  }

  /** Types into a text field, text area or date picker, found by its label. */
  async fill(label: string, value: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).fill(value);
  }

  /** Chooses the option of a list whose text starts with `optionText`. */
  async choose(label: string, optionText: string): Promise<void> {
    const select = this.page.getByLabel(label, { exact: true });
    const texts = await select.locator('option').allTextContents();
    const text = texts.find((t) => t.trim().startsWith(optionText));
    if (!text) throw new Error(`'${label}' has no option starting '${optionText}': ${texts.join(' | ')}`);
    await select.selectOption({ label: text.trim() });
  }

  /** Picks a radio button or ticks a checkbox, by the legend of its group and its own label. */
  async pick(legend: string, option: string): Promise<void> {
    await this.page
      .getByRole('group', { name: legend, exact: true })
      .getByLabel(option, { exact: true })
      .check();
  }

  /** Sends the form; resolves with the status of the page that answers (the case, or the form with errors). */
  async submit(): Promise<number | undefined> {
    const [response] = await Promise.all([this.page.waitForNavigation(), this.submitButton.click()]);
    return response?.status();
  }

  /** The messages of the error summary. */
  async problems(): Promise<string[]> {
    return (await this.errorSummaryLinks()).map((l) => l.text.replace(/\s+/g, ' '));
  }
}
