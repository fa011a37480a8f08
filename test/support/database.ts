import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { loadConfig } from '#src/config/index.ts';
import {
  type Database,
  MIGRATIONS_FOLDER,
  openPostgres,
  pgliteDirectory,
  wrapPglite,
} from '#src/db/client.ts';

/** A test database; `url` is set when it lives on a PostgreSQL server. */
export type TestDatabase = Database & { readonly url?: string };

let template: Promise<Blob | File> | undefined;
let counter = 0;

/** Names the migrated template by the migrations it ran, so a changed migration builds a new one. */
function templateFile(): string {
  const hash = createHash('sha256');
  for (const file of fs.readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    const full = path.join(MIGRATIONS_FOLDER, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return path.join(os.tmpdir(), `freshstart-test-template-${hash.digest('hex').slice(0, 16)}.tar`);
}

/**
 * The migrated PGlite template. Building it runs initdb (seconds), and every test
 * file runs in its own process, so it is kept in the system's temporary folder and
 * built only when the migrations change.
 */
async function pgliteTemplate(): Promise<Blob | File> {
  const file = templateFile();
  if (fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
  const client = await PGlite.create();
  const database = wrapPglite(client);
  await database.migrate();
  const dump = await client.dumpDataDir('none');
  await database.close();
  // Written aside and renamed, so a test file running in parallel never reads half a template.
  const partial = `${file}.${process.pid}`;
  fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(partial, file);
  return dump;
}

/**
 * A fresh, migrated database for one test file or test. On PGlite it starts from a
 * migrated template; with DATABASE_URL set, it is a new database on that server,
 * dropped when closed. The same suite runs on both drivers.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
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
    url: target.toString(),
    close: async () => {
      await database.close();
      const dropper = new pg.Client({ connectionString: url });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await dropper.end();
    },
  };
}

/**
 * Lays a migrated embedded database into a data folder, as `freshstart migrate`
 * would, without paying for initdb: for tests of the command itself.
 */
export async function seedPgliteDataDir(dataDir: string): Promise<void> {
  template ??= pgliteTemplate();
  fs.mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir: pgliteDirectory(dataDir), loadDataDir: await template });
  await client.close();
}
