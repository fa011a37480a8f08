import type { Locator, Page } from 'playwright-core';
import { Layout } from './layout.ts';

/** One figure of the readiness evidence and where it leads. */
export interface ReadinessFigure {
  /** The function or councillor it counts. */
  name: string;
  /** How many decisions were taken on a councillor's proposal. */
  decisions: number;
  /** The address of the list of those decisions. */
  href: string;
}

/** The readiness evidence: /councils/:gss/readiness. */
export class ReadinessPage extends Layout {
  constructor(
    page: Page,
    readonly baseUrl: string,
    readonly gss: string,
  ) {
    super(page);
  }

  async open(): Promise<this> {
    await this.page.goto(`${this.baseUrl}/councils/${this.gss}/readiness`);
    return this;
  }

  table(kind: 'functions' | 'councillors'): Locator {
    return this.page.getByTestId(`readiness-${kind}`);
  }

  /** Every figure of one table, with the link it carries. */
  async figures(kind: 'functions' | 'councillors'): Promise<ReadinessFigure[]> {
    return this.table(kind)
      .locator('tbody tr:has(a)')
      .evaluateAll((rows) =>
        rows.map((row) => {
          const link = row.querySelector('td:nth-child(2) a') as HTMLAnchorElement;
          const shown = link.cloneNode(true) as HTMLElement;
          for (const hidden of shown.querySelectorAll('.govuk-visually-hidden')) hidden.remove();
          return {
            name: (row.querySelector('td')?.textContent ?? '').trim(),
            decisions: Number((shown.textContent ?? '').trim()),
            href: link.href,
          };
        }),
      );
  }
}

/** A list of decisions, a page at a time: /councils/:gss/decisions?function=…&proposer=…. */
export class DecisionsPage extends Layout {
  readonly table: Locator;
  readonly rows: Locator;

  constructor(page: Page) {
    super(page);
    this.table = page.getByTestId('decisions');
    this.rows = this.table.locator('tbody tr');
  }

  /** How many decisions the list says match, from its caption ("12 decisions"); 0 when there is no table. */
  async total(): Promise<number> {
    if ((await this.table.count()) === 0) return 0;
    const caption = (await this.table.locator('caption').textContent()) ?? '';
    const match = /^\s*(\d+) decisions?/.exec(caption);
    if (!match) throw new Error(`the decisions caption does not give a total: '${caption}'`);
    return Number(match[1]);
  }
}
