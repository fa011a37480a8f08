import type { AddressInfo } from 'node:net';
import { and, asc, eq, isNull } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { buildApp } from '#src/app.ts';
import { sessions, users } from '#src/auth/schema.ts';
import { loadConfig } from '#src/config/index.ts';
import { councils, people } from '#src/modules/councils/schema.ts';
import type { BenchDatabase } from './databases.ts';
import { loadUrl } from './load-runner.ts';
import { type LoadFigures, loadFigures } from './stats.ts';

const CONNECTIONS = 20;
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

/** Signs in through the real form (CSRF cookie and field included) and returns the session cookie. */
export async function signInThroughForm(base: string, email: string, password: string): Promise<string> {
  const form = await fetch(`${base}/sign-in`);
  const csrfCookie = cookieFrom(form, '__Host-freshstart-csrf');
  const token = /name="_csrf" value="([^"]+)"/.exec(await form.text())?.[1];
  if (!token) throw new Error('the sign-in form has no _csrf field');
  const response = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: csrfCookie },
    body: new URLSearchParams({ email, password, _csrf: token }).toString(),
  });
  if (response.status !== 303) throw new Error(`signing in answered ${response.status}, not 303`);
  return cookieFrom(response, '__Host-freshstart-session');
}

/**
 * The floor: the statements the signed-in home page runs (the session lookup, the
 * user's council, its people), built by the same Drizzle queries and run straight on
 * the driver, one after another as a request runs them, by 20 concurrent callers.
 */
async function rawSqlFloor(
  bench: BenchDatabase,
  sessionCookie: string,
  seconds: number,
): Promise<LoadFigures> {
  const db = bench.database.db;
  const { createHash } = await import('node:crypto');
  const token = decodeURIComponent(sessionCookie.split('=')[1] as string);
  const tokenHash = createHash('sha256').update(token).digest('hex');
  const session = db
    .select({ session: sessions, user: users, councilGss: councils.gssCode })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(councils, eq(councils.id, users.councilId))
    .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.endedAt)))
    .toSQL();
  const [user] = await db.select().from(users).where(eq(users.email, HOME_USER));
  const [council] = await db
    .select()
    .from(councils)
    .where(eq(councils.id, user?.councilId as string));
  if (!council) throw new Error('the demo council is missing');
  const councilQuery = db.select().from(councils).where(eq(councils.gssCode, council.gssCode)).toSQL();
  const peopleQuery = db
    .select()
    .from(people)
    .where(and(eq(people.councilId, council.id), isNull(people.withdrawnAt)))
    .orderBy(asc(people.kind), asc(people.name))
    .toSQL();
  const latencies: number[] = [];
  let failures = 0;
  const until = performance.now() + seconds * 1000;
  const caller = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      try {
        await bench.raw(session.sql, session.params);
        await bench.raw(councilQuery.sql, councilQuery.params);
        await bench.raw(peopleQuery.sql, peopleQuery.params);
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
    const bare = await loadUrl({ url: `${bareBase}/`, connections: CONNECTIONS, seconds });
    const home = await loadUrl({ url: `${base}/home`, connections: CONNECTIONS, seconds, cookie });
    const rawSql = await rawSqlFloor(bench, cookie, seconds);
    return { bare, home, rawSql };
  } finally {
    await app.close();
    await bareApp.close();
  }
}
