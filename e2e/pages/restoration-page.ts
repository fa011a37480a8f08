import type { Locator, Page } from 'playwright-core';
import { Layout } from './layout.ts';

/** One criterion of a function in a proposal, as the page shows it. */
export interface CriterionShown {
  label: string;
  /** "Met" or "Not met". */
  verdict: string;
  /** The evidence after the verdict, with any readiness evidence. */
  evidence: string;
  /** The readiness figure beside the councillors criterion, if there is one. */
  readiness: string | null;
}

/** One step of the protocol, as the timeline shows it. */
export interface StepShown {
  heading: string;
  /** "Completed", "Failed" or "Not yet". */
  status: string;
  /** The date it was completed, like "13 November 2015", or "" when it was not. */
  date: string;
}

/** A restoration proposal: its functions and criteria, steps, pauses, representations. */
export class RestorationPage extends Layout {
  readonly status: Locator;
  readonly functions: Locator;
  readonly steps: Locator;

  constructor(page: Page) {
    super(page);
    this.status = page.getByTestId('restoration-status');
    this.functions = page.getByTestId('restoration-function');
    this.steps = page.getByTestId('steps').locator('> li');
  }

  /** The names of the functions in the proposal, in the order shown. */
  async functionNames(): Promise<string[]> {
    return this.functions
      .locator('.govuk-summary-card__title')
      .evaluateAll((ts) => ts.map((t) => (t.textContent ?? '').trim()));
  }

  /** The four criteria of one function (by its card's position) and the returns-to row. */
  async criteriaOf(index: number): Promise<CriterionShown[]> {
    return this.functions
      .nth(index)
      .locator('.govuk-summary-list__row')
      .evaluateAll((rows) =>
        rows.map((row) => {
          const value = row.querySelector('.govuk-summary-list__value');
          return {
            label: (row.querySelector('.govuk-summary-list__key')?.textContent ?? '').trim(),
            verdict: (value?.querySelector('strong')?.textContent ?? '').replace(/\.$/, '').trim(),
            evidence: (value?.textContent ?? '').replace(/\s+/g, ' ').trim(),
            readiness:
              value?.querySelector('[data-testid="criterion-readiness"]')?.textContent?.trim() ?? null,
          };
        }),
      );
  }

  /** The link beside a function's councillors criterion to the decisions behind its readiness figure. */
  readinessLinkOf(index: number): Locator {
    return this.functions.nth(index).getByRole('link', { name: /^See the decisions/ });
  }

  /** The steps of the protocol in order, each with its status and date. */
  async stepsShown(): Promise<StepShown[]> {
    return this.steps.evaluateAll((items) =>
      items.map((li) => {
        const tag = li.querySelector('.govuk-tag');
        const line = (tag?.parentElement?.textContent ?? '').replace(/\s+/g, ' ').trim();
        const status = (tag?.textContent ?? '').trim();
        return {
          heading: (li.querySelector('h3')?.textContent ?? '').trim(),
          status,
          date: line.slice(status.length).trim(),
        };
      }),
    );
  }

  /** A link among the actions on the proposal ("Complete the next step…", "Pause the proposal"…). */
  action(name: RegExp): Locator {
    return this.page.getByRole('link', { name });
  }
}
