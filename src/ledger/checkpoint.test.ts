import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  appendCheckpoint,
  checkpointSignatureIsValid,
  latestCheckpoint,
  loadOrCreateSigningKey,
  loadVerifyingKey,
  publicKeyFileFor,
  signCheckpoint,
} from './checkpoint.ts';

const head = { count: 42, rootHash: 'ab'.repeat(32) };

describe('signed checkpoints', () => {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');

  it('verifies under the public key of the key that signed it', () => {
    const c = signCheckpoint(head, privateKey, new Date('2025-01-02T03:04:05Z'));
    assert.deepEqual(
      { count: c.count, rootHash: c.rootHash, at: c.at },
      { ...head, at: '2025-01-02T03:04:05.000Z' },
    );
    assert.ok(checkpointSignatureIsValid(c, publicKey));
  });

  it('is refused when its count, hash or time is changed after signing', () => {
    const c = signCheckpoint(head, privateKey);
    assert.ok(!checkpointSignatureIsValid({ ...c, count: 41 }, publicKey));
    assert.ok(!checkpointSignatureIsValid({ ...c, rootHash: 'cd'.repeat(32) }, publicKey));
    assert.ok(!checkpointSignatureIsValid({ ...c, at: new Date(0).toISOString() }, publicKey));
  });

  it('is refused when checked with another key', () => {
    const other = generateKeyPairSync('ed25519');
    assert.ok(!checkpointSignatureIsValid(signCheckpoint(head, privateKey), other.publicKey));
  });

  it('is refused, not thrown, when the signature is garbage', () => {
    const c = signCheckpoint(head, privateKey);
    assert.equal(checkpointSignatureIsValid({ ...c, signature: 'not base64 at all!' }, publicKey), false);
    assert.equal(checkpointSignatureIsValid({ ...c, signature: '' }, publicKey), false);
  });
});

describe('checkpoint and key files', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'freshstart-checkpoint-'));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('creates the signing key once, readable only by its owner, with its public key beside it', () => {
    const keyFile = path.join(dir, 'keys', 'ledger.pem');
    const key = loadOrCreateSigningKey(keyFile);
    assert.equal(fs.statSync(keyFile).mode & 0o777, 0o600);
    assert.equal(publicKeyFileFor(keyFile), path.join(dir, 'keys', 'ledger.pub.pem'));
    const c = signCheckpoint(head, key);
    assert.ok(checkpointSignatureIsValid(c, loadVerifyingKey(publicKeyFileFor(keyFile))));
    assert.ok(checkpointSignatureIsValid(c, loadVerifyingKey(keyFile)), 'the private key file also verifies');
    const again = loadOrCreateSigningKey(keyFile);
    assert.ok(checkpointSignatureIsValid(signCheckpoint(head, again), loadVerifyingKey(keyFile)));
  });

  it('reads the last checkpoint appended to the file, and nothing from a missing file', () => {
    const file = path.join(dir, 'nested', 'checkpoints.jsonl');
    assert.equal(latestCheckpoint(file), undefined);
    const key = loadOrCreateSigningKey(path.join(dir, 'keys', 'ledger.pem'));
    const first = signCheckpoint({ count: 1, rootHash: 'aa'.repeat(32) }, key);
    const second = signCheckpoint({ count: 2, rootHash: 'bb'.repeat(32) }, key);
    appendCheckpoint(file, first);
    appendCheckpoint(file, second);
    assert.deepEqual(latestCheckpoint(file), second);
    assert.equal(fs.readFileSync(file, 'utf8').trim().split('\n').length, 2);
  });
});
