import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import canonicalize from 'canonicalize';
import type { Tx } from '#src/db/client.ts';
import { lastEntry } from './append.ts';

/**
 * A signed statement of the ledger's size and head hash at a moment, as a
 * Certificate Transparency signed tree head is: whoever holds it can show that
 * entries were later cut off the end of the chain.
 */
export interface Checkpoint {
  count: number;
  rootHash: string;
  at: string;
  signature: string;
}

function signedBytes(c: Omit<Checkpoint, 'signature'>): Buffer {
  return Buffer.from(canonicalize({ count: c.count, rootHash: c.rootHash, at: c.at }) ?? '');
}

/** The public key file kept beside a private key file. */
export function publicKeyFileFor(privateKeyFile: string): string {
  return `${privateKeyFile.replace(/\.pem$/, '')}.pub.pem`;
}

/**
 * Loads the Ed25519 signing key, creating it (mode 0600, with its public key beside
 * it) the first time. The key lives outside the database, so whoever can rewrite
 * the database cannot sign a checkpoint for the rewritten chain.
 */
export function loadOrCreateSigningKey(privateKeyFile: string): KeyObject {
  if (fs.existsSync(privateKeyFile)) return createPrivateKey(fs.readFileSync(privateKeyFile));
  fs.mkdirSync(path.dirname(privateKeyFile), { recursive: true, mode: 0o700 });
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  fs.writeFileSync(privateKeyFile, privateKey.export({ type: 'pkcs8', format: 'pem' }), {
    mode: 0o600,
    flag: 'wx',
  });
  fs.writeFileSync(publicKeyFileFor(privateKeyFile), publicKey.export({ type: 'spki', format: 'pem' }));
  return privateKey;
}

/** Loads a public key from a PEM file holding either the public or the private key. */
export function loadVerifyingKey(file: string): KeyObject {
  return createPublicKey(fs.readFileSync(file));
}

/** The ledger's current size and head hash, read in the given transaction. */
export function ledgerHeadOf(tx: Tx): Promise<{ count: number; rootHash: string }> {
  return lastEntry(tx);
}

/** Signs a checkpoint of the given head. */
export function signCheckpoint(
  head: { count: number; rootHash: string },
  key: KeyObject,
  at = new Date(),
): Checkpoint {
  const body = { count: head.count, rootHash: head.rootHash, at: at.toISOString() };
  return { ...body, signature: sign(null, signedBytes(body), key).toString('base64') };
}

/** Whether a checkpoint's signature is good under the public key. */
export function checkpointSignatureIsValid(c: Checkpoint, key: KeyObject): boolean {
  try {
    return verify(null, signedBytes(c), key, Buffer.from(c.signature, 'base64'));
  } catch {
    return false;
  }
}

/** Appends a checkpoint as one JSON line to the checkpoint file. */
export function appendCheckpoint(file: string, c: Checkpoint): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, `${JSON.stringify(c)}\n`);
}

/** The last checkpoint in a checkpoint file, or undefined when there is none. */
export function latestCheckpoint(file: string): Checkpoint | undefined {
  if (!fs.existsSync(file)) return undefined;
  const lines = fs.readFileSync(file, 'utf8').trim().split('\n').filter(Boolean);
  const last = lines.at(-1);
  return last ? (JSON.parse(last) as Checkpoint) : undefined;
}

/**
 * Writes a checkpoint when the ledger has grown since the last one in the file.
 * Returns the checkpoint written, if any.
 */
export async function writeCheckpointIfChanged(
  tx: Tx,
  options: { keyFile: string; checkpointFile: string },
): Promise<Checkpoint | undefined> {
  const head = await ledgerHeadOf(tx);
  const last = latestCheckpoint(options.checkpointFile);
  if (last && last.count === head.count && last.rootHash === head.rootHash) return undefined;
  const c = signCheckpoint(head, loadOrCreateSigningKey(options.keyFile));
  appendCheckpoint(options.checkpointFile, c);
  return c;
}
