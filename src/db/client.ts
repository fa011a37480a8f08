import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { is, type SQL } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite, PgliteDatabase, PgliteTransaction } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { acquireDataDirLock, type DataDirLock } from './lock.ts';
import * as schema from './schema.ts';

export type Schema = typeof schema;

/**
 * The database as every service sees it: the PostgreSQL dialect, whichever driver
 * runs underneath. A transaction is the same type, so services take `Tx` and run
 * inside whatever transaction their caller opened.
 */
export type Tx = PgDatabase<PgQueryResultHKT, Schema>;

/** Runs raw SQL and returns its rows, typed by the caller; both drivers return `{ rows }`. */
export async function queryRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Whether `tx` (a database or a transaction on it) is on PGlite, which runs one
 * transaction at a time: a lock that orders concurrent transactions on a server
 * has nothing to order there.
 */
export function oneTransactionAtATime(tx: Tx): boolean {
  return is(tx, PgliteTransaction) || is(tx, PgliteDatabase);
}

export const MIGRATIONS_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/** An open database with the driver that serves it. */
export interface Database {
  readonly db: Tx;
  readonly driver: 'pglite' | 'postgres';
  /** Runs the checked-in migrations that have not run yet. */
  migrate(): Promise<void>;
  close(): Promise<void>;
}

/** Where the embedded database keeps its files under the data folder. */
export function pgliteDirectory(dataDir: string): string {
  return path.join(dataDir, 'pglite');
}

/** Opens a PostgreSQL server through a connection pool. */
export function openPostgres(url: string): Database {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server ends (a restart, an administrator) is dropped from
  // the pool and replaced when next needed; unhandled, its error would end the process.
  pool.on('error', () => {});
  const db = drizzlePg(pool, { schema }) as unknown as Tx;
  return {
    db,
    driver: 'postgres',
    migrate: () => migratePg(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: () => pool.end(),
  };
}

/**
 * Wraps an open PGlite instance. PGlite is a single session that queues its own
 * queries; no pool is ever put in front of it.
 */
export function wrapPglite(client: PGlite, onClose: () => void = () => {}): Database {
  const db = drizzlePglite(client, { schema }) as unknown as Tx;
  return {
    db,
    driver: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_FOLDER }),
    close: async () => {
      await client.close();
      onClose();
    },
  };
}

/**
 * Opens the embedded database under `dataDir`, taking the folder's lock so that no
 * second process can open (and corrupt) it.
 */
export async function openPglite(dataDir: string): Promise<Database> {
  const directory = pgliteDirectory(dataDir);
  // PGlite's Node filesystem creates only the last folder of its path.
  fs.mkdirSync(dataDir, { recursive: true });
  const lock: DataDirLock = acquireDataDirLock(dataDir);
  try {
    const client = await PGlite.create(directory);
    return wrapPglite(client, () => lock.release());
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** Opens the database the configuration names: a server when a URL is given, else PGlite. */
export function openDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string;
}): Promise<Database> {
  return options.databaseUrl
    ? Promise.resolve(openPostgres(options.databaseUrl))
    : openPglite(options.dataDir);
}
