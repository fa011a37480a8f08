import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';

/** The chain's starting point: the hash before the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What one ledger entry says happened. */
export interface LedgerContent {
  councilId: string | null;
  actor: string;
  at: string;
  action: string;
  entityType: string;
  entityId: string;
  reason: string | null;
  before: unknown;
  after: unknown;
}

/**
 * The canonical encoding of an entry (RFC 8785 JSON Canonicalization Scheme), so
 * the same content always hashes to the same bytes whatever produced it.
 */
export function canonicalEncoding(content: LedgerContent): string {
  const encoded = canonicalize({
    councilId: content.councilId,
    actor: content.actor,
    at: content.at,
    action: content.action,
    entityType: content.entityType,
    entityId: content.entityId,
    reason: content.reason,
    before: content.before ?? null,
    after: content.after ?? null,
  });
  if (encoded === undefined) throw new Error('ledger content cannot be encoded');
  return encoded;
}

/** SHA-256 of the canonical encoding, in hex. */
export function contentDigest(content: LedgerContent): string {
  return createHash('sha256').update(canonicalEncoding(content)).digest('hex');
}

/** An entry's hash: SHA-256 over the previous hash and the entry's content digest. */
export function chainHash(prevHash: string, digest: string): string {
  return createHash('sha256')
    .update(Buffer.from(prevHash, 'hex'))
    .update(Buffer.from(digest, 'hex'))
    .digest('hex');
}

/**
 * The JSON state of a record as the ledger keeps it: dates as ISO strings, no
 * undefined values. The same function serves writing and verification.
 */
export function ledgerState(row: object): Record<string, unknown> {
  return JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
}

/** Whether two JSON states are the same, key order aside. */
export function sameState(a: unknown, b: unknown): boolean {
  return canonicalize(a ?? null) === canonicalize(b ?? null);
}
