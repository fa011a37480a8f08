import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '#src/db/client.ts';
import { LEDGERED_TABLES } from '#src/db/ledgered.ts';
import {
  type Checkpoint,
  latestCheckpoint,
  ledgerHeadOf,
  loadVerifyingKey,
  publicKeyFileFor,
  writeCheckpointIfChanged,
} from '#src/ledger/checkpoint.ts';
import { verifyDeployment } from '#src/ledger/service.ts';
import { verifyLedger } from '#src/ledger/verify.ts';
import type { Council, Person } from '#src/modules/councils/schema.ts';
import { createTestDatabase, type TestDatabase } from '../support/database.ts';
import { addCouncil, addPersonAt } from '../support/fixtures.ts';
import { bypassingAppendOnly } from '../support/tamper.ts';

function tempFiles() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'freshstart-checkpoints-'));
  return {
    dir,
    keyFile: path.join(dir, 'keys', 'ledger-ed25519.pem'),
    checkpointFile: path.join(dir, 'checkpoints.jsonl'),
  };
}

describe('signed checkpoints of the ledger', () => {
  let database: TestDatabase;
  let db: Tx;
  let council: Council;
  const files = tempFiles();
  const config = { ledgerKeyFile: files.keyFile, checkpointFile: files.checkpointFile };

  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    council = await db.transaction((tx) => addCouncil(tx));
  });
  after(async () => {
    await database.close();
    fs.rmSync(files.dir, { recursive: true, force: true });
  });

  it('are written when the ledger has grown and not again until it grows', async () => {
    const first = await writeCheckpointIfChanged(db, files);
    assert.ok(first);
    assert.deepEqual({ count: first.count, rootHash: first.rootHash }, await ledgerHeadOf(db));
    assert.ok(
      fs.existsSync(publicKeyFileFor(files.keyFile)),
      'the public key is kept beside the signing key',
    );
    assert.equal(await writeCheckpointIfChanged(db, files), undefined);
    await db.transaction((tx) => addPersonAt(tx, council.id));
    const second = await writeCheckpointIfChanged(db, files);
    assert.equal(second?.count, first.count + 1);
    assert.deepEqual(latestCheckpoint(files.checkpointFile), second);
  });

  it('let a deployment verify against the latest one', async () => {
    await db.transaction((tx) => addPersonAt(tx, council.id));
    const report = await verifyDeployment(db, config);
    assert.deepEqual(report.problems, []);
    const latest = latestCheckpoint(files.checkpointFile) as Checkpoint;
    assert.deepEqual(report.checkpoint, { count: latest.count, at: latest.at });
    assert.equal(report.entries, latest.count + 1, 'entries after the checkpoint are fine');
  });

  it('are refused when their signature does not match what they say', async () => {
    const latest = latestCheckpoint(files.checkpointFile) as Checkpoint;
    const publicKey = loadVerifyingKey(publicKeyFileFor(files.keyFile));
    const forged = { ...latest, count: latest.count - 1 };
    const report = await verifyLedger(db, { tables: LEDGERED_TABLES, checkpoint: forged, publicKey });
    assert.equal(report.ok, false);
    assert.deepEqual(report.problems, [
      {
        kind: 'checkpoint',
        message: `The checkpoint of ${latest.at} does not carry a valid signature for this key`,
      },
    ]);
  });

  it('are refused when checked with another key, or with none', async () => {
    const latest = latestCheckpoint(files.checkpointFile) as Checkpoint;
    const other = generateKeyPairSync('ed25519').publicKey;
    for (const publicKey of [other, undefined]) {
      const report = await verifyLedger(db, { tables: LEDGERED_TABLES, checkpoint: latest, publicKey });
      assert.equal(report.ok, false);
      assert.equal(report.problems[0]?.kind, 'checkpoint');
      assert.match(report.problems[0]?.message ?? '', /does not carry a valid signature/);
    }
    const otherFile = path.join(files.dir, 'other.pub.pem');
    fs.writeFileSync(otherFile, other.export({ type: 'spki', format: 'pem' }));
    const report = await verifyDeployment(db, config, { publicKeyFile: otherFile });
    assert.equal(report.ok, false);
  });
});

describe('a ledger cut short or rewritten behind the application’s back', () => {
  // These tests run in order on their own database: the second extends the first's cut.
  let database: TestDatabase;
  let db: Tx;
  let council: Council;
  let people: Person[];
  const files = tempFiles();
  let checkpoint: Checkpoint;

  before(async () => {
    database = await createTestDatabase();
    db = database.db;
    council = await db.transaction((tx) => addCouncil(tx));
    people = [];
    for (let i = 0; i < 5; i++) people.push(await db.transaction((tx) => addPersonAt(tx, council.id)));
    checkpoint = (await writeCheckpointIfChanged(db, files)) as Checkpoint;
  });
  after(async () => {
    await database.close();
    fs.rmSync(files.dir, { recursive: true, force: true });
  });

  const verifyWith = (c?: Checkpoint) =>
    verifyLedger(db, {
      tables: LEDGERED_TABLES,
      checkpoint: c,
      publicKey: loadVerifyingKey(publicKeyFileFor(files.keyFile)),
    });

  it('is caught against the signed checkpoint when the newest entries are deleted', async () => {
    assert.equal(checkpoint.count, 6);
    const removed = people.slice(3).map((p) => p.id);
    await bypassingAppendOnly(db, async (tx) => {
      await tx.execute(sql`DELETE FROM people WHERE id IN (${sql.join(removed, sql`, `)})`);
      await tx.execute(sql`DELETE FROM ledger_entries WHERE seq > 4`);
    });
    const unchecked = await verifyWith(undefined);
    assert.deepEqual(unchecked.problems, [], 'without a checkpoint the cut chain looks whole');
    const report = await verifyWith(checkpoint);
    assert.equal(report.ok, false);
    assert.deepEqual(report.problems, [
      {
        kind: 'checkpoint',
        seq: 5,
        message: `The checkpoint of ${checkpoint.at} was signed over 6 entries but the ledger now has 4: entries 5 to 6 were removed`,
      },
    ]);
  });

  it('is caught as a rewrite when new entries are appended to hide the cut', async () => {
    for (let i = 0; i < 3; i++) await db.transaction((tx) => addPersonAt(tx, council.id));
    assert.equal((await ledgerHeadOf(db)).count, 7);
    const report = await verifyWith(checkpoint);
    assert.deepEqual(report.problems, [
      {
        kind: 'checkpoint',
        seq: 6,
        message: `Ledger entry 6 does not have the hash the checkpoint of ${checkpoint.at} signed: the chain was rewritten`,
      },
    ]);
  });
});
