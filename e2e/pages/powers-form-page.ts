import type { Locator, Page } from 'playwright-core';
import { Layout } from './layout.ts';

/**
 * What every form of the Powers module shares: GOV.UK fields found by their
 * labels and legends, one submit button, and the error summary on a refusal.
 */
export class PowersFormPage extends Layout {
  readonly submitButton: Locator;

  constructor(
    page: Page,
    readonly baseUrl: string,
    readonly gss: string,
  ) {
    super(page);
    this.submitButton = page.locator('main form').getByRole('button');
  }

  /** Opens a form at an address under the council, like `/decisions/new`. */
  async openAt(path: string): Promise<this> {
    await this.page.goto(`${this.baseUrl}/councils/${this.gss}${path}`);
    return this;
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
    await this.page.getByRole('group', { name: legend }).getByLabel(option, { exact: true }).check();
  }

  /**
   * Sends the form and waits for the page that answers (the next page, or the
   * form with errors); resolves with the status of the page shown.
   */
  async submit(): Promise<number | undefined> {
    const [response] = await Promise.all([this.page.waitForNavigation(), this.submitButton.click()]);
    return response?.status();
  }

  /** The links of the error summary, each with the tag of the element it points at (null when none is on the page). */
  async summaryTargets(): Promise<{ text: string; href: string; field: string | null }[]> {
    const links = await this.errorSummaryLinks();
    return Promise.all(
      links.map(async (l) => {
        const target = this.page.locator(l.href);
        const field =
          (await target.count()) === 1 ? await target.evaluate((e) => e.tagName.toLowerCase()) : null;
        return { ...l, field };
      }),
    );
  }

  /** The error message shown at a field, by the field's id. */
  async errorAt(id: string): Promise<string> {
    return ((await this.page.locator(`#${id}-error`).textContent()) ?? '').replace(/\s+/g, ' ').trim();
  }
}

export interface DecisionDetails {
  /** The start of the function's name, as the list shows it. */
  functionName: string;
  decidedOn: string;
  title: string;
  meeting: string;
  meetingPublic: 'Yes' | 'No';
  report: string;
  outcome: 'Agreed as proposed' | 'Agreed with changes' | 'A different decision';
  reasons: string;
}

/** Record a decision you took: /councils/:gss/decisions/new. */
export class DecisionFormPage extends PowersFormPage {
  open(): Promise<this> {
    return this.openAt('/decisions/new');
  }

  async record(d: DecisionDetails): Promise<number | undefined> {
    await this.choose('Function', d.functionName);
    await this.fill('Date of the decision', d.decidedOn);
    await this.fill('What the decision is about', d.title);
    await this.fill('Meeting', d.meeting);
    await this.pick('Was the meeting public?', d.meetingPublic);
    await this.fill('Report the decision was taken on', d.report);
    await this.pick('Outcome', d.outcome);
    await this.fill('Reasons', d.reasons);
    return this.submit();
  }
}

export interface DirectionDetails {
  title: string;
  issuedBy: string;
  madeOn: string;
  inForceFrom: string;
  legalBasis: string;
  body: string;
  /** Names of the functions it gives to the Commissioners. */
  commissioners: string[];
}

/** Record a Direction: /councils/:gss/directions/new. */
export class DirectionFormPage extends PowersFormPage {
  open(): Promise<this> {
    return this.openAt('/directions/new');
  }

  async record(d: DirectionDetails): Promise<number | undefined> {
    await this.fill('Title', d.title);
    await this.fill('Issued by', d.issuedBy);
    await this.fill('Date made', d.madeOn);
    await this.fill('In force from', d.inForceFrom);
    await this.fill('Legal basis', d.legalBasis);
    await this.fill('Text of the Direction', d.body);
    for (const name of d.commissioners) await this.pick('Functions exercised by Commissioners', name);
    return this.submit();
  }
}
