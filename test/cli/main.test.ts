import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { DEMO_BUNDLE_FILE, demoBundle } from '#src/bundles/demo/index.ts';
import { parseBundleText } from '#src/bundles/import.ts';
import { main } from '#src/cli/main.ts';
import { type Database, openPglite, openPostgres } from '#src/db/client.ts';
import { createTestDatabase, seedPgliteDataDir, type TestDatabase } from '../support/database.ts';
import { recordsInBundle } from '../support/fixtures.ts';

const VERBS = ['serve', 'migrate', 'import', 'export', 'verify'];
const ENV_KEYS = [
  'DATABASE_URL',
  'FRESHSTART_DATA_DIR',
  'FRESHSTART_LEDGER_KEY',
  'FRESHSTART_CHECKPOINTS',
  'PORT',
];

/** Runs the command as a person would, capturing what it says. */
async function run(...argv: string[]): Promise<{ code: number; log: string; error: string }> {
  const log: string[] = [];
  const error: string[] = [];
  const code = await main(argv, { log: (t) => log.push(t), error: (t) => error.push(t) });
  return { code, log: log.join('\n'), error: error.join('\n') };
}

/** Sets environment variables for one test and gives back a function restoring them. */
function setEnv(values: Record<string, string | undefined>): () => void {
  const saved = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const [k, v] of Object.entries(values)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  return () => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'freshstart-cli-'));
}

function writeJson(dir: string, name: string, value: unknown): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

describe('the freshstart command’s arguments', () => {
  let dir: string;
  let restore: () => void;
  beforeEach(() => {
    dir = tempDir();
    // A data folder that does not exist yet: a refused command must not create it.
    restore = setEnv({ FRESHSTART_DATA_DIR: path.join(dir, 'data') });
  });
  afterEach(() => {
    restore();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('prints the usage and fails when no command is given', async () => {
    const result = await run();
    assert.equal(result.code, 2);
    for (const verb of VERBS) assert.match(result.log, new RegExp(`^ {2}${verb} `, 'm'));
  });

  it('prints the usage and succeeds when asked for help', async () => {
    for (const flag of ['--help', '-h', 'help']) {
      const result = await run(flag);
      assert.equal(result.code, 0, flag);
      assert.match(result.log, /^Usage: freshstart <command>/);
    }
  });

  it('refuses an unknown command, listing the commands there are', async () => {
    const result = await run('frobnicate');
    assert.equal(result.code, 2);
    assert.equal(
      result.error,
      "freshstart: unknown command 'frobnicate'. Commands are: serve, migrate, import, export, verify.",
    );
  });

  for (const verb of VERBS) {
    it(`prints the usage of ${verb} and succeeds when asked for its help`, async () => {
      const result = await run(verb, '--help');
      assert.equal(result.code, 0);
      assert.match(result.log, new RegExp(`^Usage: freshstart ${verb}`));
      assert.equal(result.error, '');
    });
  }

  it('refuses an unknown option, showing the command’s usage', async () => {
    for (const verb of VERBS) {
      const result = await run(verb, '--nope');
      assert.equal(result.code, 2, verb);
      assert.match(result.error, /Unknown option '--nope'/);
      assert.match(result.error, new RegExp(`Usage: freshstart ${verb}`));
    }
  });

  it('refuses the wrong number of arguments', async () => {
    const missing = await run('import');
    assert.equal(missing.code, 2);
    assert.match(missing.error, /^freshstart import: expected 1 argument, got 0\./);
    const extra = await run('verify', 'something');
    assert.equal(extra.code, 2);
    assert.match(extra.error, /^freshstart verify: expected no arguments, got 1\./);
  });

  it('refuses an export without a council, or with one that is not a GSS code', async () => {
    const missing = await run('export');
    assert.equal(missing.code, 2);
    assert.equal(missing.error, 'freshstart export: --council is required');
    const invalid = await run('export', '--council', 'Rotherham');
    assert.equal(invalid.code, 2);
    assert.equal(invalid.error, 'freshstart export: --council must be an ONS GSS code such as E08000018');
    const empty = await run('export', '--council');
    assert.equal(empty.code, 2);
    assert.match(empty.error, /--council/);
  });

  it('refuses to run with an invalid configuration, naming the variable', async () => {
    const restorePort = setEnv({ PORT: 'eighty' });
    try {
      const result = await run('migrate');
      assert.equal(result.code, 1);
      assert.match(result.error, /^freshstart migrate: Invalid configuration: PORT: /);
    } finally {
      restorePort();
    }
  });

  it('refuses to import a file that is not there', async () => {
    const result = await run('import', path.join(dir, 'missing.json'));
    assert.equal(result.code, 1);
    assert.match(result.error, /cannot read .*missing\.json: no such file/);
  });

  it('refuses an invalid bundle, naming each problem by its JSON path, and opens no database', async () => {
    const bundle = JSON.parse(fs.readFileSync(DEMO_BUNDLE_FILE, 'utf8'));
    bundle.people[3].fromDate = '2015-02-30';
    bundle.extra = 1;
    const result = await run('import', writeJson(dir, 'bad.json', bundle));
    assert.equal(result.code, 1);
    assert.match(result.error, /^freshstart import: The bundle was not imported: 2 problems found\./);
    assert.match(result.error, /^ {2}\$\.people\[3\]\.fromDate: must be a real date/m);
    assert.match(result.error, /^ {2}\$\.extra: is not a known field/m);
    const dangling = JSON.parse(fs.readFileSync(DEMO_BUNDLE_FILE, 'utf8'));
    dangling.users[1].personId = '11111111-1111-4111-8111-111111111111';
    const second = await run('import', writeJson(dir, 'dangling.json', dangling));
    assert.equal(second.code, 1);
    assert.match(second.error, /^ {2}\$\.users\[1\]\.personId: must be the id of a person/m);
    assert.ok(!fs.existsSync(path.join(dir, 'data')), 'no data folder was created');
  });

  it('refuses a file that is not JSON', async () => {
    const result = await run('import', writeJson(dir, 'bad.json', '{"format": '));
    assert.equal(result.code, 1);
    assert.match(result.error, /^ {2}\$: is not valid JSON/m);
  });
});

describe('the freshstart command on a database', () => {
  let dir: string;
  let server: TestDatabase | undefined;
  let restore: () => void;
  const exported = () => path.join(dir, 'export.json');

  before(async () => {
    dir = tempDir();
    // With DATABASE_URL set the command uses the server: give it a database of its own.
    if (process.env.DATABASE_URL) server = await createTestDatabase();
    else await seedPgliteDataDir(path.join(dir, 'data'));
  });
  after(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(() => {
    restore = setEnv({ FRESHSTART_DATA_DIR: path.join(dir, 'data'), DATABASE_URL: server?.url });
  });
  afterEach(() => restore());

  function open(): Promise<Database> {
    return server?.url ? Promise.resolve(openPostgres(server.url)) : openPglite(path.join(dir, 'data'));
  }

  // The tests below run in order: each works on what the one before left.

  /** The demo's records, each imported with its own ledger entry. */
  const demoRecords = () => recordsInBundle(demoBundle());

  it('migrates the database', async () => {
    const result = await run('migrate');
    assert.deepEqual(result, { code: 0, log: 'Migrations are up to date.', error: '' });
  });

  it('imports the demo bundle and writes a signed checkpoint', async () => {
    const records = demoRecords();
    const result = await run('import', DEMO_BUNDLE_FILE);
    assert.equal(result.error, '');
    assert.equal(result.code, 0);
    assert.equal(result.log, `Imported E08000018: ${records} records, each with its ledger entry.`);
    const lines = fs
      .readFileSync(path.join(dir, 'data', 'checkpoints.jsonl'), 'utf8')
      .trim()
      .split('\n');
    assert.equal(lines.length, 1);
    assert.equal(JSON.parse(lines[0] as string).count, records);
    assert.ok(fs.existsSync(path.join(dir, 'data', 'keys', 'ledger-ed25519.pub.pem')));
  });

  it('refuses to import the same council again', async () => {
    const result = await run('import', DEMO_BUNDLE_FILE);
    assert.equal(result.code, 1);
    assert.match(result.error, /^ {2}\$\.council\.gssCode: council E08000018 is already in this database$/m);
  });

  it('exports the council to a file that imports as a bundle', async () => {
    const result = await run('export', '--council', 'E08000018', '--out', exported());
    assert.equal(result.code, 0);
    assert.equal(result.log, `Exported E08000018 to ${exported()}.`);
    const bundle = parseBundleText(fs.readFileSync(exported(), 'utf8'));
    assert.deepEqual(bundle.council, demoBundle().council);
    assert.equal(bundle.people.length, demoBundle().people.length);
  });

  it('refuses to export a council that is not in the database', async () => {
    const result = await run('export', '--council', 'E99999999', '--out', path.join(dir, 'none.json'));
    assert.equal(result.code, 1);
    assert.match(result.error, /--council: there is no council E99999999 in this database/);
    assert.ok(!fs.existsSync(path.join(dir, 'none.json')));
  });

  it('verifies the ledger against the checkpoint', async () => {
    const result = await run('verify');
    assert.equal(result.code, 0);
    assert.equal(result.error, '');
    const records = demoRecords();
    assert.match(result.log, new RegExp(`^${records} ledger entries, ${records} records checked\\.$`, 'm'));
    assert.match(result.log, new RegExp(`^Latest checkpoint: ${records} entries, signed `, 'm'));
    assert.match(result.log, /^The ledger verifies\.$/m);
    const json = await run('verify', '--json');
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.log).problems, []);
  });

  it('refuses to verify with a checkpoint or key file that is not there', async () => {
    const result = await run('verify', '--checkpoint', path.join(dir, 'nothing.jsonl'));
    assert.equal(result.code, 2);
    assert.match(result.error, /cannot read .*nothing\.jsonl: no such file/);
  });

  it('fails verification, naming the record, after a record is altered behind its back', async () => {
    const database = await open();
    try {
      await database.db.execute(
        sql`UPDATE people SET name = 'Someone Else' WHERE id = ${demoBundle().people[0]?.id}`,
      );
    } finally {
      await database.close();
    }
    const result = await run('verify');
    assert.equal(result.code, 1);
    assert.match(
      result.error,
      new RegExp(`^FAIL person ${demoBundle().people[0]?.id} differs from the state`, 'm'),
    );
    assert.match(result.log, /The ledger does NOT verify: 1 problem\.$/);
    const json = await run('verify', '--json');
    assert.equal(json.code, 1);
    assert.equal(JSON.parse(json.log).ok, false);
  });
});
