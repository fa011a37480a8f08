import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { eq, fillPlaceholders } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '#src/app.ts';
import { users } from '#src/auth/schema.ts';
import { prepareSessionLookup, SESSION_LOOKUP } from '#src/auth/sessions.ts';
import { loadConfig } from '#src/config/index.ts';
import { PEOPLE_COUNTS, preparePeopleCounts } from '#src/modules/councils/service.ts';
import { CSRF_COOKIE } from '#src/web/plugins/forms.ts';
import { SESSION_COOKIE } from '#src/web/plugins/session.ts';
import type { BenchDatabase } from './databases.ts';
import { loadUrl } from './load-runner.ts';
import { type LoadFigures, loadFigures } from './stats.ts';

const CONNECTIONS = 20;
/**
 * Seconds of unmeasured load before each measured one. Both the page and the floor
 * are measured warm: without it the page, measured first, paid for compiling the
 * code (PGlite's WebAssembly above all) that the floor, measured after it on the same
 * database, then found ready (on PGlite a cold page cost about twice a warm one).
 */
const WARM_UP_SECONDS = 2;
export const HOME_USER = 'commissioner@demo.freshstart.test';

export interface HomePageFigures {
  bare: LoadFigures;
  home: LoadFigures;
  rawSql: LoadFigures;
}

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ host: '127.0.0.1', port: 0 });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
}

/** The `name=value` of a cookie the response sets. */
function cookieFrom(response: Response, name: string): string {
  const found = response.headers.getSetCookie().find((c) => c.startsWith(`${name}=`));
  if (!found) throw new Error(`the response set no ${name} cookie`);
  return found.split(';')[0] as string;
}

/**
 * Signs in through the real form (CSRF cookie and field included) and returns the
 * Cookie header a browser then sends: the session cookie and the CSRF cookie, which
 * a browser keeps (without it every page would mint and set a new CSRF secret).
 */
export async function signInThroughForm(base: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${base}/sign-in`);
  const csrfCookie = cookieFrom(form, CSRF_COOKIE);
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!token) throw new Error('the sign-in form has no _csrf field');
  const response = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ email, password, _csrf: token }).toString(),
  });
  if (response.status !== 303) throw new Error(`signing in answered ${response.status}, not 303`);
  return `${cookieFrom(response, SESSION_COOKIE)}; ${csrfCookie}`;
}

/**
 * The floor: the statements the signed-in home page runs (the session lookup, which
 * also reads the user's council, and the count of its people per kind), the very
 * statements the application prepares, run straight on the driver one after another
 * as a request runs them, by 20 concurrent callers. On a server they run as the same
 * named prepared statements as in the application, so the floor is not charged a
 * parse and plan per statement that the page does not pay.
 */
async function rawSqlFloor(bench: BenchDatabase, cookies: string, seconds: number): Promise<LoadFigures> {
  const db = bench.database.db;
  const session = cookies.split('; ').find((c) => c.startsWith(`${SESSION_COOKIE}=`)) as string;
  const token = decodeURIComponent(session.slice(SESSION_COOKIE.length + 1));
  const tokenHash = createHash('sha256').update(token).digest('hex');
  const [user] = await db.select().from(users).where(eq(users.email, HOME_USER));
  if (!user?.councilId) throw new Error('the demo commissioner has no council');
  const lookup = prepareSessionLookup(db).getQuery();
  const counts = preparePeopleCounts(db).getQuery();
  const statements = [
    { name: SESSION_LOOKUP, text: lookup.sql, values: fillPlaceholders(lookup.params, { tokenHash }) },
    {
      name: PEOPLE_COUNTS,
      text: counts.sql,
      values: fillPlaceholders(counts.params, { councilId: user.councilId }),
    },
  ];
  const run =
    bench.label === 'PostgreSQL'
      ? // node-postgres takes a query config (with the statement's name) where it takes text.
        (s: (typeof statements)[number]) => bench.raw({ name: s.name, text: s.text } as never, s.values)
      : (s: (typeof statements)[number]) => bench.raw(s.text, s.values);
  for (const s of statements) {
    const result = (await run(s)) as { rows: unknown[] };
    if (result.rows.length === 0) throw new Error(`the floor's statement ${s.name} found nothing`);
  }
  const latencies: number[] = [];
  let failures = 0;
  const until = performance.now() + seconds * 1000;
  const caller = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      try {
        for (const s of statements) await run(s);
        latencies.push(performance.now() - started);
      } catch {
        failures += 1;
      }
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONNECTIONS }, caller));
  return loadFigures(latencies, (performance.now() - started) / 1000, failures);
}

/**
 * The signed-in home page under 20 connections, beside a bare Fastify route and
 * the raw SQL the page runs, measured in the same run. The demo council must be loaded.
 */
export async function measureHomePage(
  bench: BenchDatabase,
  password: string,
  seconds: number,
): Promise<HomePageFigures> {
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'silent', FRESHSTART_DATA_DIR: '/tmp' });
  const app = await buildApp(config, bench.database, { logger: false });
  const bareApp = Fastify({ logger: false });
  bareApp.get('/', async () => 'Fresh Start');
  try {
    const base = await listen(app);
    const bareBase = await listen(bareApp);
    const cookie = await signInThroughForm(base, HOME_USER, password);
    const check = await fetch(`${base}/home`, { headers: { cookie } });
    const html = await check.text();
    if (check.status !== 200 || !html.includes('Commissioner'))
      throw new Error(`the signed-in home page answered ${check.status}`);
    const warmUp = Math.min(WARM_UP_SECONDS, seconds);
    await loadUrl({ url: `${bareBase}/`, connections: CONNECTIONS, seconds: warmUp });
    const bare = await loadUrl({ url: `${bareBase}/`, connections: CONNECTIONS, seconds });
    await loadUrl({ url: `${base}/home`, connections: CONNECTIONS, seconds: warmUp, cookie });
    const home = await loadUrl({ url: `${base}/home`, connections: CONNECTIONS, seconds, cookie });
    await rawSqlFloor(bench, cookie, warmUp);
    const rawSql = await rawSqlFloor(bench, cookie, seconds);
    return { bare, home, rawSql };
  } finally {
    await app.close();
    await bareApp.close();
  }
}
