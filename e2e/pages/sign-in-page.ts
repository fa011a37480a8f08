import type { Locator, Page } from 'playwright-core';
import type { Role } from '#src/auth/roles.ts';
import { DEMO_PASSWORD, demoUser } from '../support/demo.ts';
import { Layout } from './layout.ts';

/** The sign-in page at /sign-in. */
export class SignInPage extends Layout {
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;

  constructor(
    page: Page,
    readonly baseUrl: string,
  ) {
    super(page);
    this.email = page.locator('#email');
    this.password = page.locator('#password');
    this.submit = page.getByTestId('sign-in');
  }

  async open(): Promise<this> {
    await this.page.goto(`${this.baseUrl}/sign-in`);
    return this;
  }

  /** Fills in and sends the form; resolves when the next page has loaded. */
  async signIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await Promise.all([this.page.waitForNavigation(), this.submit.click()]);
  }
}

/** Signs in as the demo account of a role, through the real form. */
export async function signInAsDemo(page: Page, baseUrl: string, role: Role): Promise<void> {
  const signIn = await new SignInPage(page, baseUrl).open();
  await signIn.signIn(demoUser(role).email, DEMO_PASSWORD);
}
