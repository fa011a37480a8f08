import type { Locator, Page } from 'playwright-core';
import { Layout } from './layout.ts';

export interface PersonDetails {
  name?: string;
  /** The visible label of the kind of role, like "Commissioners". */
  kindLabel?: string;
  publicRole?: string;
  party?: string;
  fromDate?: string;
  source?: string;
}

/** The form that records a person in a public role: /councils/:gss/people/new. */
export class PersonFormPage extends Layout {
  readonly save: Locator;

  constructor(
    page: Page,
    readonly baseUrl: string,
    readonly gss: string,
  ) {
    super(page);
    this.save = page.getByTestId('save-person');
  }

  async open(): Promise<this> {
    await this.page.goto(`${this.baseUrl}/councils/${this.gss}/people/new`);
    return this;
  }

  /** Fills in the fields given, sends the form and waits for the next page. */
  async submit(details: PersonDetails): Promise<void> {
    const { page } = this;
    if (details.name !== undefined) await page.getByLabel('Name', { exact: true }).fill(details.name);
    if (details.kindLabel !== undefined) await page.getByLabel(details.kindLabel, { exact: true }).check();
    if (details.publicRole !== undefined)
      await page.getByLabel('Public role', { exact: true }).fill(details.publicRole);
    if (details.party !== undefined) await page.getByLabel('Party (optional)').fill(details.party);
    if (details.fromDate !== undefined)
      await page.getByLabel('In the role from (optional)').fill(details.fromDate);
    if (details.source !== undefined) await page.getByLabel('Source (optional)').fill(details.source);
    await Promise.all([page.waitForNavigation(), this.save.click()]);
  }
}
