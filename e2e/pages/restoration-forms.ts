import type { Locator, Page } from 'playwright-core';
import { PowersFormPage } from './powers-form-page.ts';

export interface ProposalDetails {
  title: string;
  openedOn: string;
  proposedEffectiveDate: string;
}

/** Open a restoration proposal: /councils/:gss/restorations/new. */
export class RestorationFormPage extends PowersFormPage {
  open(): Promise<this> {
    return this.openAt('/restorations/new');
  }

  /** Opens a proposal; resolves on the proposal's own page. */
  async openProposal(p: ProposalDetails): Promise<number | undefined> {
    await this.fill('Title', p.title);
    await this.fill('Opened on', p.openedOn);
    await this.fill('Proposed effective date', p.proposedEffectiveDate);
    return this.submit();
  }
}

export interface StepDetails {
  /** The start of the step's label, like "Lay panel test". */
  step: string;
  completedOn: string;
  outcome: 'Passed (or done)' | 'Failed: the proposal stops';
  people: string;
  documents: string;
}

/** Complete a step of the protocol: /councils/:gss/restorations/:id/steps/new. */
export class StepFormPage extends PowersFormPage {
  /** The sentence naming the next step, above the form. */
  readonly nextStep: Locator;

  constructor(page: Page, baseUrl: string, gss: string) {
    super(page, baseUrl, gss);
    this.nextStep = page.locator('main p', { hasText: 'The next step is' });
  }

  async complete(s: StepDetails): Promise<number | undefined> {
    await this.choose('Step', s.step);
    await this.fill('Date completed', s.completedOn);
    await this.pick('Outcome', s.outcome);
    await this.fill('People', s.people);
    await this.fill('Documents', s.documents);
    return this.submit();
  }
}

export interface PauseDetails {
  cause: 'A representation' | 'A new conduct matter';
  pausedOn: string;
  detail: string;
}

/** Pause the proposal: /councils/:gss/restorations/:id/pauses/new. */
export class PauseFormPage extends PowersFormPage {
  async pause(p: PauseDetails): Promise<number | undefined> {
    await this.pick('What caused the pause?', p.cause);
    await this.fill('Date of the pause', p.pausedOn);
    await this.fill('What was raised', p.detail);
    return this.submit();
  }
}

export interface RepresentationDetails {
  receivedOn: string;
  fromWhom: string;
  summary: string;
}

/** Record a representation: /councils/:gss/restorations/:id/representations/new. */
export class RepresentationFormPage extends PowersFormPage {
  async record(r: RepresentationDetails): Promise<number | undefined> {
    await this.fill('Date received', r.receivedOn);
    await this.fill('From', r.fromWhom);
    await this.fill('Summary of the representation', r.summary);
    return this.submit();
  }
}
