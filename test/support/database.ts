import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { loadConfig } from '#src/config/index.ts';
import { type Database, openPostgres, wrapPglite } from '#src/db/client.ts';

let template: Promise<Blob | File> | undefined;
let counter = 0;

async function pgliteTemplate(): Promise<Blob | File> {
  const client = await PGlite.create();
  const database = wrapPglite(client);
  await database.migrate();
  const dump = await client.dumpDataDir('none');
  await database.close();
  return dump;
}

/**
 * A fresh, migrated database for one test file or test. On PGlite it starts from a
 * migrated template held in memory; with DATABASE_URL set, it is a new database on
 * that server, dropped when closed. The same suite runs on both drivers.
 */
export async function createTestDatabase(): Promise<Database> {
  const url = loadConfig().databaseUrl;
  if (!url) {
    template ??= pgliteTemplate();
    const client = await PGlite.create({ loadDataDir: await template });
    return wrapPglite(client);
  }
  counter += 1;
  const name = `freshstart_test_${process.pid}_${counter}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const database = openPostgres(target.toString());
  await database.migrate();
  return {
    ...database,
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}
