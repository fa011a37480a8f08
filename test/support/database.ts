import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
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

/** The actor of the ledger entries of the records a test app starts with. */
export const TEST_SETUP_ACTOR = 'test:setup';

const SOURCE_FOLDER = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

let template: Promise<Blob | File> | undefined;
let demoTemplate: Promise<Blob | File> | undefined;
let counter = 0;

/** Adds the files of a folder (recursively) that `keep` accepts, each by name and content, in a stable order. */
function hashFolder(hash: Hash, folder: string, keep: (file: string) => boolean = () => true): Hash {
  for (const file of fs.readdirSync(folder, { recursive: true }).map(String).sort()) {
    const full = path.join(folder, file);
    if (keep(file) && fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash;
}

/** The version of PGlite, whose data folder format the templates are in. */
function pgliteVersion(): string {
  const entry = fileURLToPath(import.meta.resolve('@electric-sql/pglite'));
  const manifest = path.join(path.dirname(entry), '..', 'package.json');
  return (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** Names the migrated template by the migrations it ran, so a changed migration builds a new one. */
function templateFile(): string {
  const hash = hashFolder(createHash('sha256').update(pgliteVersion()), MIGRATIONS_FOLDER);
  return path.join(os.tmpdir(), `freshstart-test-template-${hash.digest('hex').slice(0, 16)}.tar`);
}

const DEMO_TEMPLATE_PREFIX = 'freshstart-test-demo-';

/**
 * Names the demo template by everything its records come from: the migrations, the
 * demo bundle (src/bundles/demo/rotherham.json) and the source that validates and
 * imports it and writes its ledger entries. The whole of src/ (but its tests) is
 * hashed, so that no change to the import can leave a stale template in use.
 */
function demoTemplateFile(): string {
  const hash = hashFolder(createHash('sha256').update(pgliteVersion()), MIGRATIONS_FOLDER);
  hashFolder(
    hash.update('\0src\0'),
    SOURCE_FOLDER,
    (file) => /\.(ts|json)$/.test(file) && !file.endsWith('.test.ts'),
  );
  return path.join(os.tmpdir(), `${DEMO_TEMPLATE_PREFIX}${hash.digest('hex').slice(0, 16)}.tar`);
}

/** Writes a template aside and renames it, so a test file running in parallel never reads half a template. */
async function saveTemplate(file: string, dump: Blob): Promise<void> {
  const partial = `${file}.${process.pid}`;
  fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  fs.renameSync(partial, file);
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
  await saveTemplate(file, dump);
  return dump;
}

/** How long a demo template nobody has read is kept once another one has been built. */
const STALE_DEMO_TEMPLATE_MS = 10 * 60_000;

/**
 * Removes the demo templates (and half-written ones) of other source trees that
 * nobody has read for a while: each is some 75 MB, and every change to src/ builds
 * a new one. A suite whose template goes missing builds it again.
 */
function pruneDemoTemplates(keep: string): void {
  const folder = os.tmpdir();
  for (const name of fs.readdirSync(folder)) {
    const full = path.join(folder, name);
    if (!name.startsWith(DEMO_TEMPLATE_PREFIX) || full === keep) continue;
    try {
      if (Date.now() - fs.statSync(full).mtimeMs > STALE_DEMO_TEMPLATE_MS) fs.rmSync(full, { force: true });
    } catch {
      // Removed meanwhile by another test file.
    }
  }
}

/** The file's content, or undefined when it is not there (never built, or pruned). */
function readIfPresent(file: string): Blob | undefined {
  try {
    return new Blob([fs.readFileSync(file)]);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Imports the demo council into a test database as `createTestApp` always has: the
 * validated demo bundle, in one transaction, by the test setup actor.
 */
async function importDemo(database: Database): Promise<void> {
  const { demoBundle } = await import('#src/bundles/demo/index.ts');
  const { importBundle } = await import('#src/bundles/import.ts');
  const demo = demoBundle();
  await database.db.transaction((tx) => importBundle(tx, demo, TEST_SETUP_ACTOR));
}

/**
 * The PGlite template holding the demo council: a migrated database into which the
 * demo was imported, dumped. Importing the demo's ten thousand records takes
 * seconds, and about a dozen test files start from it, so like the migrated
 * template it is kept in the system's temporary folder, and rebuilt whenever the
 * migrations, the demo bundle or the source change.
 */
async function pgliteDemoTemplate(): Promise<Blob | File> {
  const file = demoTemplateFile();
  const cached = readIfPresent(file);
  if (cached) {
    // Read now: a template in use is never pruned.
    const now = new Date();
    fs.utimesSync(file, now, now);
    return cached;
  }
  template ??= pgliteTemplate();
  const client = await PGlite.create({ loadDataDir: await template });
  const database = wrapPglite(client);
  await importDemo(database);
  const dump = await client.dumpDataDir('none');
  await database.close();
  await saveTemplate(file, dump);
  pruneDemoTemplates(file);
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
 * A fresh database holding the demo council, as imported by the test setup actor.
 * On PGlite it starts from the demo template, the same database the import gives
 * (the same rows and ledger entries, but for the time in each entry, which is when
 * the template was built); with DATABASE_URL set, the demo is imported into a new
 * database on that server.
 */
export async function createDemoTestDatabase(): Promise<TestDatabase> {
  if (loadConfig().databaseUrl) {
    const database = await createTestDatabase();
    await importDemo(database);
    return database;
  }
  demoTemplate ??= pgliteDemoTemplate();
  const client = await PGlite.create({ loadDataDir: await demoTemplate });
  return wrapPglite(client);
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
