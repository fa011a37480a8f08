import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { type Database, openPostgres, pgliteDirectory, wrapPglite } from '#src/db/client.ts';

/** A fresh, migrated database made for one bench run, and how to query it beneath Drizzle. */
export interface BenchDatabase {
  readonly label: 'PGlite' | 'PostgreSQL';
  readonly database: Database;
  /** Runs one statement straight on the driver, with no ORM in between: the floor. */
  raw(text: string, params: unknown[]): Promise<unknown>;
  /** Closes the database and removes it (the data folder, or the server database). */
  dispose(): Promise<void>;
}

/** A new PGlite database in a temporary data folder on disk, as `freshstart serve` keeps it. */
export async function freshPglite(): Promise<BenchDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'freshstart-bench-'));
  const client = await PGlite.create(pgliteDirectory(dataDir));
  const database = wrapPglite(client);
  await database.migrate();
  return {
    label: 'PGlite',
    database,
    raw: (text, params) => client.query(text, params),
    dispose: async () => {
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Whether a PostgreSQL server answers at `url` within a few seconds. */
export async function serverAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function onServer(url: string, statement: string): Promise<void> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    await admin.query(statement);
  } finally {
    await admin.end();
  }
}

/** A new database on the server at `url`, made for this run and dropped by `dispose`. */
export async function freshPostgres(url: string): Promise<BenchDatabase> {
  const name = `freshstart_bench_${process.pid}_${Date.now()}`;
  await onServer(url, `CREATE DATABASE "${name}"`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = openPostgres(target.toString());
  // The floor's own pool, the same size as the application's.
  const pool = new pg.Pool({ connectionString: target.toString(), max: 10 });
  // As the application's pool does: an idle connection the server ends (another suite on
  // the same server terminating backends) is replaced when next needed, not fatal to the run.
  pool.on('error', () => {});
  try {
    await database.migrate();
  } catch (error) {
    await database.close();
    await pool.end();
    await onServer(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    throw error;
  }
  return {
    label: 'PostgreSQL',
    database,
    raw: (text, params) => pool.query(text, params),
    dispose: async () => {
      await pool.end();
      await database.close();
      await onServer(url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
