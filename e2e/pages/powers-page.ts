import type { Locator, Page } from 'playwright-core';
import { Layout } from './layout.ts';

/** The start page at `/`, where a visitor without an account begins. */
export class StartPage extends Layout {
  constructor(
    page: Page,
    readonly baseUrl: string,
  ) {
    super(page);
  }

  async open(): Promise<this> {
    await this.page.goto(`${this.baseUrl}/`);
    return this;
  }

  /** The link, in the list of councils, to a council's 'Who holds power' page. */
  powersLinkOf(councilName: string): Locator {
    return this.page
      .getByTestId('council-list')
      .locator('li', { hasText: councilName })
      .getByRole('link', { name: /who holds (power|each power)/i });
  }
}

/** Who holds power on a date, with its date picker: /councils/:gss/powers?date=YYYY-MM-DD. */
export class PowersPage extends Layout {
  readonly date: Locator;
  readonly show: Locator;
  readonly summary: Locator;

  constructor(
    page: Page,
    readonly baseUrl: string,
    readonly gss: string,
  ) {
    super(page);
    this.date = page.getByLabel('Date', { exact: true });
    this.show = page.getByRole('button', { name: 'Show who held power' });
    this.summary = page.getByTestId('powers-summary');
  }

  async open(date?: string): Promise<this> {
    const query = date ? `?date=${date}` : '';
    await this.page.goto(`${this.baseUrl}/councils/${this.gss}/powers${query}`);
    return this;
  }

  /** Picks a date in the date picker and sends the form, as a visitor does. */
  async pickDate(date: string): Promise<void> {
    await this.date.fill(date);
    await Promise.all([this.page.waitForURL(/[?&]date=/), this.show.click()]);
  }

  /** The row of one function, by its code. */
  row(code: string): Locator {
    return this.page.locator(`tr[data-function="${code}"]`);
  }

  /** Who held the function, as the row says it (name and kind of holder). */
  async holderOf(code: string): Promise<string> {
    return ((await this.row(code).getByTestId('holder').textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }

  /** The link in a function's row to the record that put its holder there. */
  recordLink(code: string, record: 'Direction' | 'restoration'): Locator {
    return this.row(code).getByRole('link', { name: new RegExp(`^Read the ${record}`) });
  }

  /** The link in a function's row to the function's own page. */
  functionLink(code: string): Locator {
    return this.row(code).locator('td').first().getByRole('link');
  }
}

/** One Direction, its text and what it provides for each function: /councils/:gss/directions/:id. */
export class DirectionPage extends Layout {
  readonly text: Locator;
  readonly provisions: Locator;

  constructor(page: Page) {
    super(page);
    this.text = page.getByTestId('direction-text');
    this.provisions = page.getByTestId('provisions');
  }

  /** What the Direction provides for a function, by the function's name. */
  async provisionFor(functionName: string): Promise<string> {
    const row = this.provisions.locator('tbody tr', { hasText: functionName });
    return ((await row.locator('td').nth(1).textContent()) ?? '').trim();
  }
}

/** A function's history timeline, readiness and latest decisions: /councils/:gss/powers/:code. */
export class FunctionPage extends Layout {
  readonly history: Locator;

  constructor(page: Page) {
    super(page);
    this.history = page.getByTestId('history').locator('> li');
  }

  /** The headings of the timeline, oldest first: "From 26 February 2015: Mary Ney, Commissioner". */
  async timeline(): Promise<string[]> {
    return this.history.locator('h3').evaluateAll((hs) => hs.map((h) => (h.textContent ?? '').trim()));
  }
}
