import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type LogStream } from '#src/app.ts';
import type { Role } from '#src/auth/roles.ts';
import { DEMO_BUNDLE_FILE, DEMO_PASSWORD } from '#src/bundles/demo/index.ts';
import { importBundle } from '#src/bundles/import.ts';
import { type Bundle, bundleSchema } from '#src/bundles/schema.ts';
import { loadConfig } from '#src/config/index.ts';
import type { Database } from '#src/db/client.ts';
import { CSRF_COOKIE } from '#src/web/plugins/forms.ts';
import { SESSION_COOKIE } from '#src/web/plugins/session.ts';
import { createDemoTestDatabase, TEST_SETUP_ACTOR } from './database.ts';

export { CSRF_COOKIE, DEMO_PASSWORD, SESSION_COOKIE };

/** The GSS code of the demo council (Rotherham). */
export const DEMO_GSS = 'E08000018';

/** What a browser would send: its cookies and the CSRF token of the last form it was shown. */
export interface Visitor {
  cookies: Record<string, string>;
  csrfToken: string;
}

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  dataDir: string;
  /** The demo account of a role (email and password). */
  account(role: Role): { email: string; password: string };
  /** A signed-out visitor holding a CSRF cookie and token, from GET /sign-in. */
  visit(options?: { remoteAddress?: string }): Promise<Visitor>;
  /** Signs in the demo account of a role through the form; fails the test if that does not work. */
  signIn(role: Role, options?: { remoteAddress?: string; email?: string }): Promise<Visitor>;
  /** POSTs a form as a visitor; `_csrf` is the visitor's token unless the fields give one. */
  postForm(
    url: string,
    visitor: Visitor | undefined,
    fields: Record<string, string>,
    options?: { remoteAddress?: string },
  ): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** The cookies a response sets, by name (a cleared cookie has an empty value). */
export function cookiesOf(response: LightMyRequestResponse): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of response.cookies as { name: string; value: string }[]) out[c.name] = c.value;
  return out;
}

/** The value of the hidden `_csrf` field of the first form on a page. */
export function csrfTokenIn(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('the page has no CSRF token');
  return match[1];
}

/**
 * The demo bundle's accounts, validated by the bundle schema's own rule for them.
 * The whole bundle was validated when the demo template was built (or is, when the
 * demo is imported), so the other ten thousand records are not validated again.
 */
function demoUsers(): Bundle['users'] {
  const data = JSON.parse(fs.readFileSync(DEMO_BUNDLE_FILE, 'utf8')) as { users?: unknown };
  return bundleSchema.shape.users.parse(data.users);
}

/**
 * A Fresh Start app over a fresh database holding the demo council (and any
 * further bundles, imported after it), with its own temporary data folder. Routes
 * may still be added to `app` before the first request.
 */
export async function createTestApp(
  options: { env?: Record<string, string>; bundles?: Bundle[]; logStream?: LogStream } = {},
): Promise<TestApp> {
  const database = await createDemoTestDatabase();
  const bundles = options.bundles ?? [];
  if (bundles.length)
    await database.db.transaction(async (tx) => {
      for (const bundle of bundles) await importBundle(tx, bundle, TEST_SETUP_ACTOR);
    });
  const users = demoUsers();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'freshstart-web-'));
  const config = loadConfig({
    FRESHSTART_DATA_DIR: dataDir,
    NODE_ENV: 'test',
    LOG_LEVEL: options.logStream ? 'info' : 'silent',
    ...options.env,
  });
  const app = await buildApp(
    config,
    database,
    options.logStream ? { logStream: options.logStream } : { logger: false },
  );

  const account = (role: Role) => {
    const user = users.find((u) => u.role === role);
    if (!user) throw new Error(`the demo bundle has no ${role} account`);
    return { email: user.email, password: DEMO_PASSWORD };
  };

  const visit = async (opts: { remoteAddress?: string } = {}): Promise<Visitor> => {
    const page = await app.inject({ method: 'GET', url: '/sign-in', remoteAddress: opts.remoteAddress });
    if (page.statusCode !== 200) throw new Error(`GET /sign-in answered ${page.statusCode}`);
    return { cookies: cookiesOf(page), csrfToken: csrfTokenIn(page.body) };
  };

  const postForm: TestApp['postForm'] = (url, visitor, fields, opts = {}) =>
    app.inject({
      method: 'POST',
      url,
      remoteAddress: opts.remoteAddress,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      cookies: visitor?.cookies ?? {},
      payload: new URLSearchParams({
        ...(visitor ? { _csrf: visitor.csrfToken } : {}),
        ...fields,
      }).toString(),
    });

  const signIn: TestApp['signIn'] = async (role, opts = {}) => {
    const visitor = await visit(opts);
    const response = await postForm(
      '/sign-in',
      visitor,
      { email: opts.email ?? account(role).email, password: DEMO_PASSWORD },
      opts,
    );
    const session = cookiesOf(response)[SESSION_COOKIE];
    if (response.statusCode !== 303 || !session)
      throw new Error(`signing in as ${role} answered ${response.statusCode}`);
    return { cookies: { ...visitor.cookies, [SESSION_COOKIE]: session }, csrfToken: visitor.csrfToken };
  };

  return {
    app,
    database,
    dataDir,
    account,
    visit,
    signIn,
    postForm,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Every route of an app as method and path, read from Fastify's route tree
 * (`printRoutes` per method, whose radix segments joined give each path).
 * HEAD routes Fastify adds for each GET are left out.
 */
export function routesOf(app: FastifyInstance): { method: string; url: string }[] {
  const routes: { method: string; url: string }[] = [];
  for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const) {
    const stack: string[] = [];
    for (const line of app.printRoutes({ method }).split('\n')) {
      const match = /^([│ ]*)[├└]── (.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
      if (!match) continue;
      const depth = (match[1] ?? '').length / 4;
      stack.length = depth;
      stack.push(match[2] ?? '');
      if (match[3]) routes.push({ method, url: stack.join('') });
    }
  }
  return routes;
}

/** The ledger head the public API reports: how many entries, and the hash over them all. */
export async function ledgerHeadOf(app: FastifyInstance): Promise<{ count: number; rootHash: string }> {
  const response = await app.inject({ method: 'GET', url: '/api/v1/ledger/head' });
  if (response.statusCode !== 200) throw new Error(`the ledger head answered ${response.statusCode}`);
  const { count, rootHash } = response.json() as { count: number; rootHash: string };
  return { count, rootHash };
}
